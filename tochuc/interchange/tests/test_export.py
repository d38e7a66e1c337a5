"""Export of a subtree as the interchange workbook: sheets and rows, typed cells, scope,
sensitive fields, audit, query count, re-import, downloads (UI, API, command line)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from django.utils import timezone
from openpyxl import load_workbook
from rest_framework.routers import SimpleRouter

from tests.fixtures import B_MARKERS
from tochuc import urls as project_urls
from tochuc.administrative_units.models import AdministrativeUnit, Generation, Level
from tochuc.admissions.models import AdmissionTarget, TargetKind
from tochuc.cadres.models import Body, Move, MoveKind, Post, PostQuota, SourcingPlan
from tochuc.cadres.services import assignment_create
from tochuc.core.models import AuditEntry
from tochuc.interchange.export_api import register
from tochuc.interchange.exporter import export_subtree, subtree_rows
from tochuc.interchange.importer import run
from tochuc.interchange.outcome import UNCHANGED
from tochuc.interchange.workbook import INSTRUCTIONS, LISTS, SHEETS
from tochuc.members.models import EventKind
from tochuc.members.services import event_record
from tochuc.organizations.kinds import Kind
from tochuc.organizations.services import organization_establish
from tochuc.people.models import Person

D = dt.date
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

router = SimpleRouter()
register(router)
urlpatterns = [path("api/", include(router.urls)), *project_urls.urlpatterns]
"""The project's routes with the export API (until `tochuc/api_urls.py` registers it)."""

QUARTER_COUNTS = {
    "Tổ chức": 10,
    "Sáp nhập, chia tách": 14,
    "Cá nhân": 17,
    "Sự kiện đảng viên": 7,
    "Chức danh": 7,
    "Bố trí chức danh": 10,
    "Điều động, luân chuyển": 2,
    "Phương án bố trí": 2,
    "Chỉ tiêu kết nạp": 2,
    "Đổi thẻ đảng viên": 0,
    "Biên chế": 0,
    "Lớp đào tạo, bồi dưỡng": 0,
    "Học viên": 0,
}
A_PERSONS = {
    "Lão Văn Cũ", "An Văn Một", "An Thị Hai", "Ủy viên A 1", "Ủy viên A 2", "Ủy viên A 3",
    "Thường vụ A 1", "Thường vụ A 2", "Chánh Văn Phòng", "Tăng Cường", "Điều Động",
}  # fmt: skip


def read_back(stream) -> dict[str, list[dict]]:
    """Sheet → its rows as {header: cell value}, read back with openpyxl."""
    stream.seek(0)
    book = load_workbook(stream, read_only=True)
    found = {}
    for ws in book.worksheets:
        rows = ws.iter_rows(values_only=True)
        header = next(rows, ())
        found[ws.title] = [dict(zip(header, row, strict=False)) for row in rows]
    return found


def exported(root, user) -> tuple[dict, dict]:
    stream = io.BytesIO()
    counts = export_subtree(root, user, stream)
    return counts, read_back(stream)


def one(rows: list[dict], **wanted) -> dict:
    found = [r for r in rows if all(r.get(k) == v for k, v in wanted.items())]
    assert len(found) == 1, (wanted, found)
    return found[0]


def test_province_export_has_every_record_of_the_quarter(quarter_data):
    t = quarter_data.tree
    stream = io.BytesIO()
    counts = export_subtree(t.p, t.users.province_admin, stream)
    assert counts == QUARTER_COUNTS
    stream.seek(0)
    book = load_workbook(stream)
    assert book.sheetnames == [INSTRUCTIONS, *(s.name for s in SHEETS), LISTS]
    for sheet in SHEETS:
        ws = book[sheet.name]
        assert [c.value for c in ws[1]] == [c.header for c in sheet.columns]
        assert ws.max_row == counts[sheet.name] + 1
        assert ws.freeze_panes == "A2"


def test_cells_are_typed_with_labels_and_open_ends_empty(quarter_data):
    t = quarter_data.tree
    _, book = exported(t.p, t.users.province_admin)
    events = book["Sự kiện đảng viên"]
    admission = one(events, **{"Họ và tên": "Lão Văn Cũ", "Loại sự kiện": "Kết nạp"})
    assert admission["Ngày hiệu lực"] == dt.datetime(2024, 3, 15)
    assert admission["Mã tổ chức đảng"] == "LA"
    assert admission["Số quyết định"] == "05-QĐ/TU"
    assert admission["Có ý kiến cấp ủy tỉnh"] is None
    transfer = one(events, **{"Họ và tên": "Bê Thị Hai"})
    assert transfer["Tư cách khi chuyển đến"] == "Chính thức"
    assert transfer["Ngày vào Đảng (khi chuyển đến)"] == dt.datetime(2010, 5, 5)
    organizations = book["Tổ chức"]
    assert one(organizations, **{"Mã tổ chức": "LA"})["Hiệu lực đến ngày"] == dt.datetime(
        2025, 6, 30
    )
    province = one(organizations, **{"Mã tổ chức": "P"})
    assert province["Hiệu lực đến ngày"] is None and province["Mã tổ chức cấp trên"] is None
    assert one(organizations, **{"Mã tổ chức": "A1"})["Mã tổ chức cấp trên"] == "A"
    merger = one(book["Sáp nhập, chia tách"], **{"Mã tổ chức trước": "LA"})
    assert (merger["Loại sự kiện"], merger["Mã tổ chức sau"]) == ("Hợp nhất, sáp nhập", "A")
    assert merger["Kế thừa đảng viên"] == "x"
    assert one(book["Cá nhân"], **{"Họ và tên": "An Thị Hai"})["Giới tính"] == "Nữ"
    central = one(book["Chức danh"], **{"Chức danh": "Công chức địa chính"})
    assert central["Tính theo hướng dẫn Trung ương"] == "x" and central["Số lượng"] == 1
    assert central["Cơ quan"] == "Công chức cấp xã"
    office = one(book["Bố trí chức danh"], **{"Họ và tên": "Chánh Văn Phòng"})
    assert (office["Hình thức"], office["Đến ngày"]) == ("Bổ nhiệm", dt.datetime(2030, 10, 14))
    plan = one(book["Phương án bố trí"], **{"Mã tổ chức": "BSECRET"})
    assert plan["Phương án"] == "Cần thành phố tăng cường"
    target = one(book["Chỉ tiêu kết nạp"], **{"Mã tổ chức": "A"})
    assert (target["Loại chỉ tiêu"], target["Năm"], target["Chỉ tiêu (người)"]) == ("Năm", 2025, 4)


def test_dates_carry_the_vietnamese_format(quarter_data):
    t = quarter_data.tree
    stream = io.BytesIO()
    export_subtree(t.a, t.users.a_viewer, stream)
    stream.seek(0)
    ws = load_workbook(stream)["Sự kiện đảng viên"]
    assert ws["D2"].is_date and ws["D2"].number_format == "dd/mm/yyyy"


def test_commune_a_export_holds_a_and_its_predecessor_only(quarter_data):
    t = quarter_data.tree
    counts, book = exported(t.a, t.users.a_editor)
    assert {r["Mã tổ chức"] for r in book["Tổ chức"]} == {"A", "A1", "LA"}
    assert {r["Họ và tên"] for r in book["Cá nhân"]} == A_PERSONS
    assert counts["Cá nhân"] == len(A_PERSONS)
    assert {r["Họ và tên"] for r in book["Sự kiện đảng viên"]} == {
        "Lão Văn Cũ", "An Văn Một", "An Thị Hai"
    }  # fmt: skip
    leaks = [
        (sheet.name, header, value)
        for sheet in SHEETS
        for row in book[sheet.name]
        for header, value in row.items()
        if any(marker in str(value) for marker in B_MARKERS)
    ]
    # B is named only by its code, as the destination of the move commune A decided.
    assert leaks == [("Điều động, luân chuyển", "Đến đơn vị (mã)", "BSECRET")]


def test_an_organization_out_of_scope_is_refused(client, quarter_data):
    t = quarter_data.tree
    with pytest.raises(PermissionDenied):
        subtree_rows(t.b, t.users.a_editor)
    client.force_login(t.users.a_editor)
    for query in ("org=BSECRET", f"org={t.b.pk}", "ma=BSECRET", "org=LBSECRET", "org=LD"):
        assert client.get(f"/trao-doi/xuat/?{query}").status_code == 404, query
    assert not AuditEntry.objects.exists()


@pytest.mark.urls(__name__)
def test_api_refuses_an_organization_out_of_scope(client, quarter_data):
    t = quarter_data.tree
    assert client.get("/api/interchange/export/?org=A").status_code == 403
    client.force_login(t.users.a_viewer)
    assert client.get("/api/interchange/export/?org=BSECRET").status_code == 404
    assert client.get(f"/api/interchange/export/?org={t.b.pk}").status_code == 404


def test_sensitive_fields_only_for_roles_that_may_read_them(quarter_data):
    t = quarter_data.tree
    Person.objects.filter(full_name="Lão Văn Cũ").update(
        citizen_id="092075001234", phone="0912345678"
    )
    for user, shown in ((t.users.a_viewer, False), (t.users.a_editor, True)):
        _, book = exported(t.a, user)
        old = one(book["Cá nhân"], **{"Họ và tên": "Lão Văn Cũ"})
        expected = ("092075001234", "0912345678") if shown else (None, None)
        assert (old["Số CCCD"], old["Số điện thoại"]) == expected
    reads = AuditEntry.objects.filter(action=AuditEntry.Action.READ_SENSITIVE)
    assert [(e.user, e.detail["persons"]) for e in reads] == [(t.users.a_editor, 11)]
    assert reads[0].detail["fields"] == ["citizen_id", "phone"]


def test_the_command_line_export_is_complete(quarter_data, tmp_path, capsys):
    Person.objects.filter(full_name="Lão Văn Cũ").update(citizen_id="092075001234")
    output = tmp_path / "p.xlsx"
    call_command("export_workbook", org="P", output=str(output))
    assert "Cá nhân: 17" in capsys.readouterr().out
    with output.open("rb") as stream:
        book = read_back(stream)
    assert one(book["Cá nhân"], **{"Họ và tên": "Lão Văn Cũ"})["Số CCCD"] == "092075001234"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.user is None and entry.detail["rows"] == QUARTER_COUNTS


def test_the_command_line_follows_the_user_given(quarter_data, tmp_path):
    output = tmp_path / "b.xlsx"
    with pytest.raises(CommandError, match="phạm vi"):
        call_command("export_workbook", org="BSECRET", output=str(output), user="xa_a_xem")
    assert not output.exists()
    with pytest.raises(CommandError, match="Không có tổ chức"):
        call_command("export_workbook", org="KHONGCO", output=str(output))
    call_command("export_workbook", org="A", output=str(output), user="xa_a_xem")
    with output.open("rb") as stream:
        assert len(read_back(stream)["Cá nhân"]) == len(A_PERSONS)


def test_every_export_is_audited(client, quarter_data):
    t = quarter_data.tree
    client.force_login(t.users.a_viewer)
    response = client.get("/trao-doi/xuat/")
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    today = timezone.localdate().strftime("%Y%m%d")
    assert f'filename="trao-doi-A-{today}.xlsx"' in response["Content-Disposition"]
    book = read_back(io.BytesIO(b"".join(response.streaming_content)))
    assert {r["Mã tổ chức"] for r in book["Tổ chức"]} == {"A", "A1", "LA"}
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.action, entry.subject) == (
        t.users.a_viewer,
        AuditEntry.Action.EXPORT,
        "Bộ dữ liệu trao đổi A",
    )
    assert entry.detail == {
        "format": "xlsx",
        "organization": "A",
        "rows": {sheet: len(book[sheet]) for sheet in QUARTER_COUNTS},
    }


@pytest.mark.urls(__name__)
def test_api_returns_the_workbook(client, quarter_data):
    t = quarter_data.tree
    client.force_login(t.users.province_admin)
    response = client.get("/api/interchange/export/?org=P")
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert "attachment" in response["Content-Disposition"]
    book = read_back(io.BytesIO(b"".join(response.streaming_content)))
    assert {name: len(book[name]) for name in QUARTER_COUNTS} == QUARTER_COUNTS
    assert AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count() == 1


def test_places_are_written_as_officials_write_them(quarter_data):
    t = quarter_data.tree

    def unit(generation, level, code, name, parent=None):
        return AdministrativeUnit.objects.create(
            generation=generation, level=level, code=code, key=code, unit_type=level,
            name=name, short_name=name, parent=parent,
        )  # fmt: skip

    new, old = Generation.REFORM_2025, Generation.LEGACY
    city = unit(new, Level.PROVINCE, "92", "Thành phố Cần Thơ")
    ward = unit(new, Level.COMMUNE, "31117", "Phường Ninh Kiều", city)
    old_city = unit(old, Level.PROVINCE, "92", "Thành phố Cần Thơ")
    district = unit(old, Level.DISTRICT, "926", "Huyện Phong Điền", old_city)
    commune = unit(old, Level.COMMUNE, "31150", "Xã An Bình", district)
    t.a.administrative_unit = ward
    t.a.save()
    Person.objects.filter(full_name="Lão Văn Cũ").update(hometown=commune, residence=city)
    _, book = exported(t.a, t.users.a_viewer)
    place = "Địa bàn (xã/phường, tỉnh/thành phố)"
    assert one(book["Tổ chức"], **{"Mã tổ chức": "A"})[place] == (
        "Phường Ninh Kiều, Thành phố Cần Thơ"
    )
    old_member = one(book["Cá nhân"], **{"Họ và tên": "Lão Văn Cũ"})
    assert old_member["Quê quán"] == "Xã An Bình, Huyện Phong Điền, Thành phố Cần Thơ"
    assert old_member["Nơi thường trú"] == "Thành phố Cần Thơ"


def grow(tree, decision) -> None:
    """More of everything under commune A: a cell, members, seats, moves, targets."""
    cell = organization_establish(
        code="A2", name="Chi bộ ấp An Hai", kind=Kind.GRASSROOTS_CELL, parent=tree.a,
        established_on=D(2025, 9, 1), decision=decision,
    )  # fmt: skip
    post = Post.objects.create(organization=cell, body=Body.EXECUTIVE_COMMITTEE, title="Chi ủy")
    PostQuota.objects.create(post=post, seats=3, valid_from=D(2025, 9, 1))
    SourcingPlan.objects.create(post=post, planned_on=D(2025, 9, 2), source="self")
    for number in range(6):
        person = Person.objects.create(
            full_name=f"Thêm Văn {number}", sex="male", date_of_birth=D(1990, 1, 1)
        )
        event_record(
            person=person, kind=EventKind.ADMISSION, effective_on=D(2025, 9, 10 + number),
            organization=cell, decision=decision,
        )  # fmt: skip
        if number < 3:
            assignment_create(
                person=person, post=post, kind="election", starts_on=D(2025, 10, 1),
                decision=decision,
            )  # fmt: skip
        Move.objects.create(
            person=person, kind=MoveKind.ROTATION, origin=tree.a, destination=cell,
            starts_on=D(2025, 11, 1), decided_by=tree.a, decision=decision,
        )  # fmt: skip
    AdmissionTarget.objects.create(
        organization=cell, kind=TargetKind.YEAR, year=2025, starts_on=D(2025, 1, 1),
        ends_on=D(2025, 12, 31), count=3, decision=decision,
    )  # fmt: skip


def test_queries_do_not_grow_with_the_subtree(quarter_data, django_assert_max_num_queries):
    t = quarter_data.tree
    with CaptureQueriesContext(connection) as small:
        small_counts = export_subtree(t.p, t.users.province_admin, io.BytesIO())
    grow(t, t.decision)
    with django_assert_max_num_queries(len(small.captured_queries)):
        counts = export_subtree(t.p, t.users.province_admin, io.BytesIO())
    assert counts["Cá nhân"] == small_counts["Cá nhân"] + 6
    assert counts["Điều động, luân chuyển"] == small_counts["Điều động, luân chuyển"] + 6


@pytest.mark.parametrize("root_attr,user_attr", [("p", None), ("a", "a_editor")])
def test_reimporting_an_export_changes_nothing(quarter_data, root_attr, user_attr):
    t = quarter_data.tree
    user = getattr(t.users, user_attr) if user_attr else None
    stream = io.BytesIO()
    counts = export_subtree(getattr(t, root_attr), user, stream)
    stream.seek(0)
    outcome = run(stream, user=user)
    assert outcome.ok, [str(p) for p in outcome.problems]
    assert {r.status for r in outcome.rows} == {UNCHANGED}
    assert len(outcome.rows) == sum(counts.values())
