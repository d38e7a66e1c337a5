"""Every list page exports what it lists (`?xuat=xlsx|csv`): the page's columns, all its rows
for the same filters and the same user scope, and an audit entry per export.

The data are commune B's records made by the apps' scope-walk hooks (tests/test_scope_routes.py),
all named with B's markers: a province user sees them, a commune-A user must not, in the page
or in the file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass, field

import lxml.html
import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.fixtures import B_MARKERS, REFORM
from tests.test_scope_routes import urls_to_walk
from tochuc.accounts.models import Role
from tochuc.accounts.services import user_create
from tochuc.administrative_units.loader import load_admin_units
from tochuc.cadres.models import AssignmentKind, Body
from tochuc.cadres.services import assignment_create, post_create
from tochuc.core.models import AuditEntry
from tochuc.core.tabular import CONTENT_TYPES
from tochuc.members.models import EventKind
from tochuc.members.services import event_record
from tochuc.organizations.selectors import periods_at
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person

pytestmark = pytest.mark.django_db

AS_OF = "2025-12-04"
SENSITIVE = ("089190000001", "0912000001")
"""Citizen ID and phone of commune B's member (tochuc/members/tests/scope_target.py)."""
LEFT_OUT = {"", "#", "STT"}
"""Page headers without a column in the file: the row number, the edit links."""


@dataclass(frozen=True)
class ListPage:
    """A list page to export: its route and query, where its table is, how its file's
    headers differ from the table's."""

    route: str
    query: str = ""
    table: str = "//table"  # XPath of the page's table(s) listing the rows
    renames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Page headers the file splits into typed columns or completes."""
    headers: tuple[str, ...] = ()  # the file's headers when the page has no such table
    narrow: str = ""  # a filter that lists fewer rows (for the province user)
    args: str = ""  # the route's argument: "b" (commune B), "congress" (B's), "members"

    def url(self, tree, query: str = "") -> str:
        args = {
            "b": [tree.b.pk],
            "congress": [tree.congress.pk],
            "members": ["members"],
            "": [],
        }[self.args]
        given = [f"as_of={AS_OF}", self.query.format(b=tree.b.pk), query]
        return f"{reverse(self.route, args=args)}?{'&'.join(p for p in given if p)}"

    def __str__(self) -> str:
        return f"{self.route}?{self.query}" if self.query else self.route


SCORES = {
    "Vượt yêu cầu": ("Vượt yêu cầu (%)",),
    "Chưa đúng tiến độ": ("Chưa đúng tiến độ (%)",),
    "Xếp loại": ("Xếp loại", "Lý do hạ mức"),
}
PAGES = [
    ListPage("members:list", table="//table[@id='member-table']", narrow="sex=female"),
    ListPage("members:list", "tab=hosted", table="//table[@id='member-table']"),
    ListPage(
        "administrative_units:unit_list", renames={"Hiệu lực": ("Hiệu lực từ", "Hiệu lực đến")}
    ),
    ListPage("admissions:candidate_list", table="//table[@id='candidates']"),
    ListPage("admissions:target_list", table="//table[@id='targets']"),
    ListPage("admissions:progress", "year=2025", table="//table[@id='admissions']"),
    ListPage("cards:members", "figure=eligible", table="//table[@id='card-members']"),
    ListPage("cards:not_declared", table="//table[@id='card-members']"),
    ListPage("congresses:list", table="//table[@id='congresses']"),
    ListPage("congresses:delegates", table="//table[@id='delegates']", args="congress"),
    ListPage("training:classes", table="//table[@id='classes']", narrow="year=2024"),
    ListPage("training:courses", table="//table[@id='courses']"),
    ListPage("training:figure_people", "start=01/01/2025&end=04/12/2025", "//table[@id='people']"),
    ListPage(
        "training:figure_enrollments",
        "start=01/01/2025&end=04/12/2025",
        "//table[@id='enrollment-records']",
    ),
    ListPage(
        "cadres:moves",
        table="//table[@id='move-list']",
        renames={
            "Dự kiến kết thúc": ("Dự kiến kết thúc", "Ngày kết thúc"),
            "Quyết định": ("Quyết định", "Đơn vị quyết định"),
        },
        narrow="kind=reinforcement",
    ),
    ListPage(
        "cadres:vacancies",
        table="//table[@id='vacancy-list']",
        renames={"Chức danh": ("Chức danh", "Theo hướng dẫn của Trung ương")},
        narrow="plan=self",
    ),
    ListPage("cadres:alerts", "bang=bo-nhiem-lai", "//section[@id='reappointment']//table"),
    ListPage("cadres:alerts", "bang=nghi-huu", "//section[@id='retirement']//table"),
    ListPage("cadres:alerts", "bang=bi-thu-dia-phuong", "//section[@id='local']//table"),
    ListPage(
        "cadres:board",
        "body=standing_committee",
        "//table[contains(@class, 'seats')]",
        renames={"Chỗ": ("Chức danh", "Lĩnh vực", "Chỗ")},
        args="b",
    ),
    ListPage("planning:plan_list", table="//table[@id='plan-entries']"),
    ListPage("planning:posts", table="//table[@id='plan-posts']", narrow="body=standing_committee"),
    ListPage("planning:candidates", table="//table[@id='removal-candidates']"),
    ListPage(
        "planning:structure", "level=commune&category=women", "//table[@id='structure-people']"
    ),
    ListPage("planning:committee", "org={b}&category=women", "//table[@id='structure-people']"),
    ListPage("ratings:person_ratings", "year=2025", "//table[@id='person-ratings']", SCORES),
    ListPage(
        "ratings:organization_ratings", "year=2025", "//table[@id='organization-ratings']", SCORES
    ),
    ListPage(
        "ratings:votes",
        "year=2025",
        "//table[@id='votes']",
        {
            "Triệu tập / có mặt": ("Triệu tập", "Có mặt"),
            "Cao / tín nhiệm / thấp": ("Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"),
            "Tỷ lệ thấp": ("Tỷ lệ thấp (%)",),
        },
    ),
    ListPage("ratings:disciplines", "all=1", "//table[@id='disciplines']"),
    ListPage("staffing:headcounts", "year=2025", "//table[@id='headcounts']"),
    ListPage("staffing:reduction_records", "year=2025", "//table[@id='records']"),
    ListPage(
        "staffing:balance",
        "year=2025",
        "//table[@id='surplus' or @id='shortage']",
        headers=(
            *("Đơn vị", "Loại", "Được giao", "Có mặt"),
            *("Chênh lệch (có mặt − được giao)", "Tình trạng"),
        ),
    ),
    ListPage("indicators:records", table="//table[@id='records']", args="members"),
    ListPage(
        "organizations:tree",
        headers=("Cấp trong cây", "Tên", "Mã", "Loại", "Trực thuộc", "Số tổ chức trực thuộc"),
    ),
    ListPage("accounts:user_list", table="//table[@id='users']"),
]


@pytest.fixture
def tree(small_tree):
    """The small tree with commune B's records of every app (the scope walk's hooks), B's
    chairman past retirement and due for reappointment, a member of A hosted in B, and a
    province viewer, who may not read sensitive fields."""
    t = small_tree
    urls_to_walk(t)
    chairman = Person.objects.create(
        full_name="Chủ tịch Bí Mật Bê", sex=Sex.MALE, date_of_birth=dt.date(1964, 6, 1)
    )
    post = post_create(
        organization=t.b, body=Body.PEOPLES_COMMITTEE, title="Chủ tịch", seats=1, valid_from=REFORM
    )
    assignment_create(
        person=chairman,
        post=post,
        kind=AssignmentKind.APPOINTMENT,
        starts_on=REFORM,
        ends_on=dt.date(2026, 1, 31),
        decision=t.decision,
    )
    hosted = Person.objects.create(
        full_name="Lê Văn Ba", sex=Sex.MALE, date_of_birth=dt.date(2000, 2, 2)
    )
    for kind, on, organization in (
        (EventKind.ADMISSION, dt.date(2025, 9, 1), t.a1),
        (EventKind.TEMPORARY_TRANSFER, dt.date(2025, 10, 1), t.b1),
    ):
        event_record(
            person=hosted,
            kind=kind,
            effective_on=on,
            organization=organization,
            decision=t.decision,
        )
    t.users.province_viewer = user_create(
        username="tinh_xem", password="Mat-khau-thu-nghiem-2025", organization=t.p
    )
    assert t.users.province_viewer.role == Role.VIEWER
    return t


def page_table(response, page: ListPage) -> tuple[list[str], int]:
    """The headers of the page's table (without row numbers and edit links) and how many rows
    it lists (an «empty» row spanning the table is none)."""
    tables = lxml.html.fromstring(response.content.decode()).xpath(page.table)
    assert tables, f"{page}: no table {page.table}"
    headers = [th.text_content().strip() for th in tables[0].xpath(".//thead//th")]
    rows = [
        tr
        for table in tables
        for tr in table.xpath(".//tr[td]")
        if not (len(tr.xpath("./td")) == 1 and tr.xpath("./td[@colspan]"))
    ]
    return [h for h in headers if h not in LEFT_OUT], len(rows)


def file_headers(page: ListPage, page_headers: list[str]) -> list[str]:
    if page.headers:
        return list(page.headers)
    return [name for header in page_headers for name in page.renames.get(header, (header,))]


def read_xlsx(response) -> tuple[str, list[str], list[tuple]]:
    """The title, the header row and the data rows of an exported workbook."""
    sheet = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = list(sheet.values)
    return rows[0][0], list(rows[1]), rows[2:]


def read_csv(response) -> tuple[list[str], list[list[str]]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "CSV without a byte order mark"
    rows = list(csv.reader(io.StringIO(text[1:])))
    return rows[0], rows[1:]


def expected_rows(page: ListPage, response, tree, user) -> tuple[list[str], int]:
    """What the page lists: its headers and rows (for the tree, every organization the user
    sees, which the page opens one level at a time)."""
    if page.route == "organizations:tree":
        on = response.wsgi_request.as_of
        return list(page.headers), periods_at(on=on, user=user).count()
    return page_table(response, page)


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_list_exports_what_the_page_lists(client, tree, page):
    user = tree.users.province_admin
    client.force_login(user)
    shown = client.get(page.url(tree))
    assert shown.status_code == 200, page
    assert "xuat=xlsx" in shown.content.decode(), f"{page}: no export links"
    headers, count = expected_rows(page, shown, tree, user)
    expected = file_headers(page, headers)

    xlsx = client.get(page.url(tree, "xuat=xlsx"))
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"] == CONTENT_TYPES["xlsx"]
    assert 'filename="' in xlsx["Content-Disposition"]
    assert "filename*=UTF-8''" in xlsx["Content-Disposition"]
    assert xlsx["Content-Disposition"].split('"')[1].endswith("-04-12-2025.xlsx")
    title, header_row, rows = read_xlsx(xlsx)
    assert title and header_row == expected
    assert len(rows) == count

    with CaptureQueriesContext(connection) as queries:
        exported = client.get(page.url(tree, "xuat=csv"))
    assert exported.status_code == 200
    assert exported["Content-Type"] == CONTENT_TYPES["csv"]
    statements = Counter(re.sub(r"\d+|'[^']*'", "?", q["sql"]) for q in queries.captured_queries)
    assert max(statements.values()) <= 2, f"{page}: a query per row"
    header_row, rows = read_csv(exported)
    assert header_row == expected
    assert len(rows) == count

    entries = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).order_by("id")
    assert [(e.user, e.detail["format"], e.detail["rows"]) for e in entries] == [
        (user, "xlsx", count),
        (user, "csv", count),
    ]
    filters = entries.last().detail["filters"]
    assert filters["as_of"] == AS_OF and "xuat" not in filters
    assert entries.last().detail["path"] == shown.wsgi_request.path

    if page.narrow:
        narrowed = client.get(page.url(tree, page.narrow))
        _, fewer = expected_rows(page, narrowed, tree, user)
        header_row, rows = read_csv(client.get(page.url(tree, f"{page.narrow}&xuat=csv")))
        assert len(rows) == fewer < count, page


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_export_keeps_the_users_scope_and_masks(client, tree, page):
    """A commune-A user's file has nothing of commune B, and lists what their page lists; a
    viewer's file never shows a citizen ID or phone."""
    client.force_login(tree.users.a_viewer)
    shown = client.get(page.url(tree))
    exported = client.get(page.url(tree, "xuat=csv"))
    workbook = client.get(page.url(tree, "xuat=xlsx"))
    assert exported.status_code == workbook.status_code == shown.status_code, page
    if shown.status_code == 200:
        _, count = expected_rows(page, shown, tree, tree.users.a_viewer)
        text = exported.content.decode()
        title, _, rows = read_xlsx(workbook)
        cells = " ".join(str(value) for row in rows for value in row if value is not None)
        assert not [m for m in B_MARKERS if m in text or m in cells or m in title]
        assert len(read_csv(exported)[1]) == len(rows) == count
    else:
        assert shown.status_code == 404

    client.force_login(tree.users.province_viewer)
    exported = client.get(page.url(tree, "xuat=csv"))
    if exported.status_code == 200:
        assert not [value for value in SENSITIVE if value in exported.content.decode()]


def test_export_has_every_page_of_a_long_list(client, small_tree):
    """Cần Thơ's administrative units fill several pages: the file has all of them, and a
    filter narrows it as it narrows the page."""
    load_admin_units(province="can_tho")
    client.force_login(small_tree.users.a_viewer)
    url = reverse("administrative_units:unit_list") + f"?as_of={AS_OF}&page=2"
    shown = client.get(url).context["page"]
    assert shown.paginator.num_pages > 1
    _, rows = read_csv(client.get(url + "&xuat=csv"))
    assert len(rows) == shown.paginator.count
    narrowed = client.get(url + "&level=province&xuat=xlsx")
    assert (
        len(read_xlsx(narrowed)[2])
        == client.get(url + "&level=province").context["page"].paginator.count
        == 1
    )
