"""The dashboard's series, hand-computed on the apps' fixtures (tables in their conftests),
each adding up to the registry figure it illustrates, in a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.fixtures import REFORM
from tochuc.cadres.models import Body, Post, PostQuota
from tochuc.core.services import decision_cite
from tochuc.indicators import charts, registry
from tochuc.indicators.registry import Query
from tochuc.organizations import services as org_services
from tochuc.organizations.kinds import Kind
from tochuc.people.catalogs import Expertise

pytestmark = pytest.mark.django_db
D = dt.date
END, NOVEMBER = D(2025, 12, 31), D(2025, 11, 30)


def test_admissions_by_month(small_tree, admissions):
    """2025, restated onto the tree of 31/12/2025: Q4 10/03 (LA → A), Q6 15/08 (B), Q5 01/09
    (A1), Q7 01/10 (B1); Q8 is void. Targets 2025: A 3 + B 2 (A1's is covered by A's)."""
    t = small_tree
    series = charts.admissions_by_month(root=t.p, on=END)
    assert [m.admitted for m in series.months] == [0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0]
    assert [m.cumulative for m in series.months] == [0, 0, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4]
    assert series.target == 5 and series.total == 4
    assert [series.planned(m) for m in (1, 6, 12)] == [0, 3, 5]  # 5/12 → 0; 2,5 → 3 half up
    figure = registry.figure("admissions_year", Query.of(t.p, END))
    assert (series.total, series.target) == (figure.value, figure.whole)

    commune = charts.admissions_by_month(root=t.a, on=D(2025, 9, 30))
    assert len(commune.months) == 9
    assert [m.cumulative for m in commune.months][-1] == 2 and commune.target == 3


def test_admissions_by_month_in_the_users_scope(small_tree, admissions):
    t = small_tree
    series = charts.admissions_by_month(root=t.p, on=END, user=t.users.a_viewer)
    assert series.total == 2  # only A's: Q4 and Q5


def test_admissions_without_target(small_tree, admissions):
    series = charts.admissions_by_month(root=small_tree.p, on=D(2026, 2, 1))
    assert series.target == 0 and series.planned(1) is None
    assert [m.admitted for m in series.months] == [0, 0]


def test_seat_fill_by_child(small_tree, seats):
    """BCH: A 4 of 5, B 4 of 4; BTV: A 3 of 3, B 1 of 2 (cadres' `seats` table)."""
    t = small_tree
    rows = charts.seat_fill_by_child(root=t.p, on=END)
    assert [(r.name, r.value, r.whole, r.ratio) for r in rows] == [
        ("Đảng bộ xã An Mới", 4, 5, 80.0),
        ("Đảng bộ xã Bí Mật Bê", 4, 4, 100.0),
    ]
    assert rows[0].percent == "80,00%"
    standing = charts.seat_fill_by_child(root=t.p, on=END, body=Body.STANDING_COMMITTEE)
    assert [(r.organization_id, r.value, r.whole) for r in standing] == [
        (t.b.pk, 1, 2),
        (t.a.pk, 3, 3),
    ]
    figure = registry.figure("seats_executive", Query.of(t.p, END))
    assert (sum(r.value for r in rows), sum(r.whole for r in rows)) == (
        figure.value,
        figure.whole,
    )


def test_seat_fill_of_a_commune_is_its_own_row(small_tree, seats):
    t = small_tree
    rows = charts.seat_fill_by_child(root=t.a, on=END)
    assert [(r.name, r.value, r.whole, r.direct) for r in rows] == [
        ("Đảng bộ xã An Mới", 4, 5, True)
    ]
    assert charts.seat_fill_by_child(root=t.p, on=D(2025, 6, 30)) == []


def test_vacancies_by_field(small_tree, seats):
    """Posts «theo hướng dẫn của TW»: A's finance (2 seats, 1 holder; plan self from 10/12,
    support before), A's land (2 seats, none held; plan self), B's finance (1 seat, no
    plan)."""
    t = small_tree
    rows = charts.vacancies_by_field(root=t.p, on=END)
    by_field = {r.field: (r.total, r.self_sourced, r.needs_support, r.unplanned) for r in rows}
    assert by_field == {
        Expertise.FINANCE_ACCOUNTING: (2, 1, 0, 1),
        Expertise.LAND_CONSTRUCTION: (2, 2, 0, 0),
    }
    assert {r.label for r in rows} == {
        "Tài chính — kế toán",
        "Địa chính — xây dựng — đô thị và môi trường",
    }
    november = {r.field: r.needs_support for r in charts.vacancies_by_field(root=t.p, on=NOVEMBER)}
    assert november[Expertise.FINANCE_ACCOUNTING] == 1
    figure = registry.figure("vacancies", Query.of(t.p, END))
    assert sum(r.total for r in rows) == figure.value == 4
    for key, attribute in (("self", "self_sourced"), ("support", "needs_support")):
        assert sum(getattr(r, attribute) for r in rows) == figure.part(key)
    assert sum(r.unplanned for r in rows) == figure.part("none")


def test_vacancies_without_a_field(small_tree, seats):
    t = small_tree
    post = Post.objects.create(
        organization=t.a, body=Body.CIVIL_SERVICE, title="Công chức khác", per_central_guidance=True
    )
    PostQuota.objects.create(post=post, seats=3, valid_from=REFORM)
    rows = charts.vacancies_by_field(root=t.a, on=END)
    assert (rows[0].label, rows[0].total, rows[0].unplanned) == ("Chưa xác định lĩnh vực", 3, 3)


def test_card_exchange_by_child(small_tree, campaign):
    """31/12/2025: A 3 done of 4 eligible, B 0 of 1 (M7 moved to B1); inside A: A1 2 of 3
    (M1 M2 of M1 M2 M4), A's own members 1 of 1 (M3)."""
    t = small_tree
    rows = charts.card_exchange_by_child(root=t.p, on=END)
    assert [(r.name, r.value, r.whole, r.percent) for r in rows] == [
        ("Đảng bộ xã Bí Mật Bê", 0, 1, "0,00%"),
        ("Đảng bộ xã An Mới", 3, 4, "75,00%"),
    ]
    figure = registry.figure("card_exchange", Query.of(t.p, END))
    assert (sum(r.value for r in rows), sum(r.whole for r in rows)) == (3, 5)
    assert (figure.value, figure.whole) == (3, 5)
    inside = charts.card_exchange_by_child(root=t.a, on=END)
    assert [(r.organization_id, r.value, r.whole, r.direct) for r in inside] == [
        (t.a1.pk, 2, 3, False),
        (t.a.pk, 1, 1, True),
    ]
    assert inside[0].ratio == 66.67


def test_trend_dates():
    assert charts.trend_dates(D(2025, 12, 4)) == [
        (D(2024, 9, 30), "Quý III/2024"),
        (D(2024, 12, 31), "Quý IV/2024"),
        (D(2025, 3, 31), "Quý I/2025"),
        (D(2025, 6, 30), "Quý II/2025"),
        (D(2025, 9, 30), "Quý III/2025"),
        (D(2025, 12, 4), "04/12/2025"),
    ]
    assert charts.trend_dates(D(2026, 3, 31), count=3) == [
        (D(2025, 9, 30), "Quý III/2025"),
        (D(2025, 12, 31), "Quý IV/2025"),
        (D(2026, 3, 31), "Quý I/2026"),
    ]


def test_quarterly_trend(small_tree, campaign):
    """Members of P: 30/09/2025 M1–M8 = 8; 31/12/2025 M6 died → 7. Card exchange: 30/09
    eligible M1 M2 M3 M4 M6 M7, done M3 → 16,67%; 31/12 3 of 5 → 60,00%."""
    t = small_tree
    points = charts.quarterly_trend(root=t.p, on=END, keys=(*charts.TREND_KEYS, "card_exchange"))
    assert [p.label for p in points][-2:] == ["Quý III/2025", "Quý IV/2025"]
    assert [p.figures for p in points[:4]] == [None] * 4  # P was established on 01/07/2025
    assert [p.value("members") for p in points] == [None, None, None, None, 8, 7]
    assert [p.percent("card_exchange") for p in points[-2:]] == ["16,67%", "60,00%"]
    assert [p.ratio("card_exchange") for p in points[-2:]] == [16.67, 60.0]
    assert points[-1].ratio("seats_executive") is None  # no seats in this fixture
    for point in points[-2:]:
        expected = registry.figure("members", Query.of(t.p, point.on))
        assert point.value("members") == expected.value


def test_quarterly_trend_reuses_the_figures_of_the_date(
    small_tree, campaign, django_assert_max_num_queries
):
    t = small_tree
    known = registry.figures(Query.of(t.p, END))
    with django_assert_max_num_queries(1 + 8):  # periods, then one date's figures
        points = charts.quarterly_trend(root=t.p, on=END, known=known)
    assert points[-1].figures["members"] is known["members"]


def test_series_take_a_fixed_number_of_queries(small_tree, seats, campaign):
    """Two queries for the seat fill by child and the admissions, one for the fields, and
    the card exchange board's own fixed number, however many children."""
    t = small_tree
    decision = decision_cite(number="51-QĐ/TU", signed_on=D(2025, 6, 1), issuer="Thành ủy")
    series = {
        "seat_fill": lambda: charts.seat_fill_by_child(root=t.p, on=END),
        "card_exchange": lambda: charts.card_exchange_by_child(root=t.p, on=END),
        "fields": lambda: charts.vacancies_by_field(root=t.p, on=END),
        "admissions": lambda: charts.admissions_by_month(root=t.p, on=END),
    }

    def counts() -> dict[str, int]:
        found = {}
        for name, compute in series.items():
            with CaptureQueriesContext(connection) as captured:
                compute()
            found[name] = len(captured)
        return found

    few = counts()
    assert (few["seat_fill"], few["fields"], few["admissions"]) == (2, 1, 2)
    for n in range(4):
        commune = org_services.organization_establish(
            code=f"Y{n}", name=f"Đảng bộ xã Thêm {n}", kind=Kind.COMMUNE_COMMITTEE,
            parent=t.p, established_on=REFORM, decision=decision,
        )  # fmt: skip
        post = Post.objects.create(
            organization=commune, body=Body.EXECUTIVE_COMMITTEE, title="Ủy viên BCH",
            per_central_guidance=True, field=Expertise.PARTY_BUILDING,
        )  # fmt: skip
        PostQuota.objects.create(post=post, seats=2, valid_from=REFORM)
    assert counts() == few
    assert len(charts.seat_fill_by_child(root=t.p, on=END)) == 6
