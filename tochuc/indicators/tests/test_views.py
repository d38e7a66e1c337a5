"""Pages: the dashboard (figures, drill-down links, period, charts' data) and the drill-down
lists, whose records add up to the figure they came from; scope; fixed query count."""

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.fixtures import B_MARKERS, REFORM
from tochuc.cadres.models import Body, Post, PostQuota
from tochuc.core.services import decision_cite
from tochuc.indicators import registry
from tochuc.indicators.registry import Query
from tochuc.indicators.views import PER_PAGE
from tochuc.members.models import EventKind, Status
from tochuc.members.services import event_record
from tochuc.organizations import services as org_services
from tochuc.organizations.kinds import Kind
from tochuc.people.models import Person

pytestmark = pytest.mark.django_db
D = dt.date
LATE = "2025-12-31"


def drills():
    """(key, part) of every drill-down the registry offers."""
    return [(key, part) for key, ind in registry.REGISTRY.items() for part in ind.drills]


def text(response) -> str:
    return response.content.decode()


# Dashboard ------------------------------------------------------------------------------------


def test_home_redirects_to_the_dashboard(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/chi-so/"


def test_dashboard_shows_every_figure_with_its_drill_downs(client, dataset):
    t = dataset.tree
    client.force_login(t.users.province_admin)
    response = client.get(f"/chi-so/?org={t.p.pk}&as_of={LATE}")
    html = text(response)
    assert response.status_code == 200
    assert "Quý IV/2025: từ 01/10/2025 đến 31/12/2025" in html
    assert "lũy kế từ 01/07/2025" in html
    found = registry.figures(Query.of(t.p, D(2025, 12, 31), user=t.users.province_admin))
    for key, figure in found.items():
        card = re.search(rf'id="figure-{key}".*?(?=id="figure-|id="charts")', html, re.S).group()
        assert figure.indicator.label in card
        shown = re.sub(r"<[^>]+>", "", re.search(r'class="figure-value.*?</a>', card, re.S).group())
        assert " ".join(shown.split()).endswith(figure.text), key
        assert f'href="/chi-so/{key}/?org={t.p.pk}&amp;as_of={LATE}"' in card
        for part in figure.parts:
            link = f"/chi-so/{key}/?org={t.p.pk}&amp;as_of={LATE}&amp;part={part.key}"
            assert (link in card) == (part.key in figure.indicator.drills), (key, part.key)
        for check in figure.checks:
            assert check.label in card and "check-ok" in card
    members = re.search(r'id="figure-members".*?</a>', html, re.S).group()
    assert "18" in members and "người" in html
    assert "3.583" not in html  # the demo's figures are not hard-coded
    assert "60,00%" in html and "8/9" in html  # card exchange, BCH seats


def test_dashboard_period_follows_start_and_since(client, dataset):
    t = dataset.tree
    client.force_login(t.users.province_admin)
    html = text(client.get(f"/chi-so/?as_of={LATE}&start=01/11/2025&since=2025-09-02"))
    assert "Kỳ: từ 01/11/2025 đến 31/12/2025" in html
    assert "lũy kế từ 02/09/2025" in html
    assert "start=2025-11-01" in html and "since=2025-09-02" in html  # carried in the links
    html = text(client.get(f"/chi-so/?as_of={LATE}&start=31/02/2025&since=01/01/2026"))
    assert "Ngày đầu kỳ" in html and "Ngày bắt đầu lũy kế 01/01/2026 sau ngày" in html
    assert "Quý IV/2025: từ 01/10/2025" in html


def test_dashboard_carries_the_charts_data_as_json(client, dataset):
    t = dataset.tree
    client.force_login(t.users.province_admin)
    response = client.get(f"/chi-so/?org={t.p.pk}&as_of={LATE}")
    html = text(response)
    raw = re.search(r'<script id="dashboard-charts" type="application/json">(.*?)</script>', html)
    data = json.loads(raw.group(1))
    assert data["admissions"]["cumulative"][-1] == 6 and data["admissions"]["target"] == 5
    assert data["seat_fill"]["labels"] == ["Đảng bộ xã An Mới", "Đảng bộ xã Bí Mật Bê"]
    assert data["seat_fill"]["ratio"] == [80.0, 100.0]
    assert data["trend"]["labels"][-1] == "Quý IV/2025" and data["trend"]["members"][-1] == 18
    assert data["trend"]["members"][0] is None  # P did not exist on 30/09/2024
    assert 'data-chart="admissions"' in html and "vendor/chart.umd.min.js" in html
    assert "indicators/dashboard.js" in html and "onclick" not in html.split("</nav>", 1)[1]
    assert html.count("<details") == 5  # every chart's figures readable without JavaScript


def test_dashboard_links_each_child_to_its_own_dashboard(client, dataset):
    t = dataset.tree
    client.force_login(t.users.province_admin)
    html = text(client.get(f"/chi-so/?org={t.p.pk}&as_of={LATE}"))
    assert f'href="/chi-so/?org={t.a.pk}&amp;as_of={LATE}"' in html


def test_dashboard_query_count_does_not_grow_with_the_children(client, small_tree):
    t = small_tree
    client.force_login(t.users.province_admin)
    decision = decision_cite(number="50-QĐ/TU", signed_on=D(2025, 6, 1), issuer="Thành ủy")

    def add_communes(first: int, count: int) -> None:
        for n in range(first, first + count):
            commune = org_services.organization_establish(
                code=f"X{n}", name=f"Đảng bộ xã Thử {n}", kind=Kind.COMMUNE_COMMITTEE,
                parent=t.p, established_on=REFORM, decision=decision,
            )  # fmt: skip
            post = Post.objects.create(
                organization=commune, body=Body.EXECUTIVE_COMMITTEE, title="Ủy viên BCH"
            )
            PostQuota.objects.create(post=post, seats=3, valid_from=REFORM)
            member = Person.objects.create(
                full_name=f"Đảng viên {n}", sex="male", date_of_birth=D(1980, 1, 1)
            )
            event_record(
                person=member, kind=EventKind.TRANSFER_IN, effective_on=D(2025, 8, 1),
                organization=commune, status=Status.FULL, admitted_on=D(2010, 1, 1),
                card_number=f"C-{n}", card_series="2010",
            )  # fmt: skip

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/chi-so/?org={t.p.pk}&as_of={LATE}").status_code == 200
        return len(captured)

    add_communes(1, 2)
    few = queries()
    add_communes(3, 8)
    many = queries()
    print(f"dashboard queries: {few} with 4 communes, {many} with 12")
    assert many == few
    assert few < 120


# Drill-down -------------------------------------------------------------------------------------


@pytest.mark.parametrize("user", ["province_admin", "a_viewer"])
def test_every_drill_down_adds_up_to_its_figure(client, dataset, user):
    """For the value, the whole and every part offered: the list's total (its rows, or what
    its rows add up to for vacancies, people over holdings and the staff reduction) is the
    figure; and every figure of the fixture has records behind it."""
    t = dataset.tree
    client.force_login(getattr(t.users, user))
    root = t.p if user == "province_admin" else t.a
    empty, failures = [], {}
    for key, part in drills():
        url = f"/chi-so/{key}/?as_of={LATE}" + (f"&part={part}" if part else "")
        response = client.get(url)
        assert response.status_code == 200, url
        context = response.context
        counted, expected = context["tally"], context["expected"]
        if counted.total != expected or not context["reconciles"]:
            failures[url] = (counted, expected)
        if not counted.unit and counted.rows != expected:
            failures[url] = (counted, expected)
        if part == "" and not expected:
            empty.append(key)
        html = text(response)
        assert f'id="record-count">{counted.rows}<' in html or counted.rows >= 1000
        assert "✓" in html.split('id="reconciliation"', 1)[1][:200]
        assert context["root"] == root
    assert not failures, failures
    assert empty == ([] if user == "province_admin" else ["member_changes"])


def test_record_count_equals_the_figure_for_the_members(client, dataset):
    t = dataset.tree
    client.force_login(t.users.province_admin)
    for part, count in (("", "18"), ("full", "9"), ("probationary", "9")):
        html = text(client.get(f"/chi-so/members/?org={t.p.pk}&as_of={LATE}&part={part}"))
        assert f'id="record-count">{count}</span>' in html
        assert f"Khớp với số liệu {count}" in html
        assert html.count("<tr>") - 1 == int(count)  # header row + one row per member


def test_drill_down_page_shows_definition_figure_breadcrumbs_and_formats(client, dataset):
    t = dataset.tree
    client.force_login(t.users.province_admin)
    response = client.get(f"/chi-so/appointments/?org={t.p.pk}&as_of={LATE}")
    html = text(response)
    indicator = registry.get("appointments")
    assert indicator.label in html
    assert indicator.method in html
    assert f'href="/chi-so/?org={t.p.pk}&amp;as_of={LATE}"' in html  # back to the dashboard
    assert "Cán bộ Bổ Nhiệm" in html
    assert "05/05/1985" in html  # dates dd/mm/yyyy
    assert "Quý IV/2025: từ 01/10/2025 đến 31/12/2025" in html
    staffing = text(client.get(f"/chi-so/staffing/?org={t.p.pk}&as_of={LATE}"))
    assert '"text-end">2015</td>' in staffing and "2.015" not in staffing  # years as years
    assert "63 biên chế tinh giản" in staffing


def test_vacancy_drill_down_sums_the_vacant_seats(client, dataset):
    t = dataset.tree
    client.force_login(t.users.province_admin)
    response = client.get(f"/chi-so/vacancies/?org={t.p.pk}&as_of={LATE}")
    assert response.context["tally"].rows == 3 and response.context["tally"].total == 3
    response = client.get(f"/chi-so/seats_executive/?org={t.p.pk}&as_of={LATE}&part=vacant")
    assert response.context["expected"] == 1 and response.context["reconciles"]


def test_drill_down_is_paginated_by_fifty(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_viewer)
    for n in range(PER_PAGE + 5):
        member = Person.objects.create(
            full_name=f"Đảng viên Số {n:02d}", sex="male", date_of_birth=D(1980, 1, 1)
        )
        event_record(
            person=member, kind=EventKind.TRANSFER_IN, effective_on=D(2025, 8, 1),
            organization=t.a1, status=Status.FULL, admitted_on=D(2010, 1, 1),
        )  # fmt: skip
    first = client.get(f"/chi-so/members/?as_of={LATE}")
    assert len(first.context["rows"]) == PER_PAGE
    assert 'id="record-count">55<' in text(first) and "Trang 1/2" in text(first)
    second = client.get(f"/chi-so/members/?as_of={LATE}&page=2")
    assert len(second.context["rows"]) == 5
    assert ">51</td>" in text(second)  # numbering goes on


def test_unknown_keys_and_parts_are_not_found(client, small_tree):
    client.force_login(small_tree.users.province_admin)
    assert client.get("/chi-so/nothing/").status_code == 404
    assert client.get("/chi-so/members/?part=dead").status_code == 404
    assert client.get("/chi-so/seats_executive/?part=people").status_code == 404  # not drillable
    assert client.get("/chi-so/members/?part=whole").status_code == 404
    assert client.get("/chi-so/card_exchange/?part=whole").status_code == 200


def test_dates_of_the_query_string(client, dataset):
    t = dataset.tree
    client.force_login(t.users.province_admin)
    response = client.get(f"/chi-so/commune_moves/?as_of={LATE}&since=2025-10-16")
    assert response.context["expected"] == 0 and "lũy kế từ 16/10/2025" in text(response)
    response = client.get(f"/chi-so/commune_moves/?as_of={LATE}&since=15/10/2025")
    assert response.context["expected"] == 1
    response = client.get(f"/chi-so/appointments/?as_of={LATE}&start=ngày mai")
    assert response.context["query"].start == D(2025, 10, 1)
    assert "Ngày đầu kỳ" in text(response)


# Scope ----------------------------------------------------------------------------------------


def test_commune_a_sees_nothing_of_commune_b(client, dataset):
    t = dataset.tree
    client.force_login(t.users.a_viewer)
    html = text(client.get(f"/chi-so/?as_of={LATE}"))
    assert "Đảng bộ xã An Mới" in html
    assert not [m for m in B_MARKERS if m in html]
    for key, part in drills():
        url = f"/chi-so/{key}/?as_of={LATE}" + (f"&part={part}" if part else "")
        leaked = [m for m in B_MARKERS if m in text(client.get(url))]
        assert not leaked, (url, leaked)
        if not part:
            assert client.get(f"{url}&ma=BSECRET").status_code == 404
            assert client.get(f"{url}&org={t.b.pk}").status_code == 404
    assert client.get(f"/chi-so/?ma=BSECRET&as_of={LATE}").status_code == 404
    assert client.get(f"/chi-so/?org={t.b.pk}").status_code == 404
    assert client.get("/chi-so/?ma=P").status_code == 404  # the province is above A


def test_province_sees_commune_b_records(client, dataset):
    t = dataset.tree
    client.force_login(t.users.province_admin)
    html = text(client.get(f"/chi-so/member_changes/?org={t.p.pk}&as_of={LATE}"))
    assert "Đảng viên Bí Mật Bê Chỉ Số" in html
    assert client.get(f"/chi-so/?ma=BSECRET&as_of={LATE}").status_code == 200


def test_anonymous_is_sent_to_login(client, small_tree):
    for url in ("/chi-so/", "/chi-so/members/"):
        response = client.get(url)
        assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
