"""Figures hand-computed from the table in conftest.py: reduction against a baseline year
restated through the lineage, surplus and shortage per unit, the one-decimal percentage."""

import datetime as dt

import pytest

from tochuc.staffing.models import Category
from tochuc.staffing.selectors import (
    headcounts_counted,
    percent_one_decimal,
    staff_balance,
    staff_reduction,
)
from tochuc.staffing.tests.conftest import END_2025

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (3846, 26342, "14,6%"),  # the report line: 14,600…%
        (293, 2000, "14,7%"),  # 14,65% rounds half up, not to even
        (63, 270, "23,3%"),
        (-5, 40, "-12,5%"),  # an increase keeps its sign
        (-1, 3000, "0,0%"),  # −0,03% rounds to zero, shown without a sign
        (12345, 12345, "100,0%"),
        (5, 0, "—"),
    ],
)
def test_percent_one_decimal(part, whole, shown):
    assert percent_one_decimal(part, whole) == shown


def _rows(figure):
    return [(r.name, r.direct, r.baseline, r.approved, r.reduction, r.percent) for r in figure.rows]


def test_reduction_of_the_province_restates_2015_onto_todays_units(headcounts, small_tree):
    figure = staff_reduction(root=small_tree.p, on=END_2025, year=2025)
    assert (figure.baseline, figure.approved, figure.reduction) == (270, 207, 63)
    assert figure.percent == "23,3%"
    assert figure.sentence == "Tinh giản 63 biên chế, đạt 23,3% so với biên chế năm 2015"
    assert _rows(figure) == [
        ("Đảng bộ thành phố Mới", True, 40, 25, 15, "37,5%"),  # LQ 2015; LD via LP
        ("Đảng bộ xã An Mới", False, 150, 122, 28, "18,7%"),  # LQA 100 + 50 public
        ("Đảng bộ xã Bí Mật Bê", False, 80, 60, 20, "25,0%"),
    ]


def test_reduction_of_one_category(headcounts, small_tree):
    figure = staff_reduction(
        root=small_tree.p, on=END_2025, year=2025, category=Category.CIVIL_SERVANTS
    )
    assert (figure.baseline, figure.approved, figure.percent) == (220, 165, "25,0%")


def test_baseline_year_is_configurable(headcounts, small_tree):
    figure = staff_reduction(root=small_tree.p, on=END_2025, year=2025, baseline_year=2020)
    # 2020: LP 30 + LD 20 (→ P), LA 90 + 48 public (→ A), LB 70 (→ B) = 258.
    assert (figure.baseline, figure.approved, figure.reduction) == (258, 207, 51)
    assert figure.percent == "19,8%"


def test_commune_user_sees_its_own_lineage_only(headcounts, small_tree):
    t = small_tree
    figure = staff_reduction(root=t.a, on=END_2025, year=2025, user=t.users.a_viewer)
    assert (figure.baseline, figure.approved, figure.percent) == (150, 122, "18,7%")
    assert _rows(figure) == [
        ("Đảng bộ xã An Mới", True, 150, 117, 33, "22,0%"),
        ("Chi bộ ấp An Một", False, 0, 5, -5, "—"),
    ]
    # The province, filtered to the commune user's rows, shows nothing of B.
    everything = staff_reduction(root=t.p, on=END_2025, year=2025, user=t.users.a_viewer)
    assert [r.name for r in everything.rows] == ["Đảng bộ xã An Mới"]


def test_reduction_on_the_tree_before_the_reform(headcounts, small_tree):
    figure = staff_reduction(root=small_tree.lp, on=D(2024, 12, 31), year=2021)
    # 2021: 30 + 20 + 85 + 70 + 47 public = 252; 270 − 252 = 18.
    assert (figure.baseline, figure.approved, figure.reduction, figure.percent) == (
        270,
        252,
        18,
        "6,7%",
    )
    assert _rows(figure) == [
        ("Đảng bộ tỉnh Cũ", True, 40, 30, 10, "25,0%"),
        ("Đảng bộ huyện Cũ", False, 230, 222, 8, "3,5%"),
    ]


def test_a_successors_row_replaces_its_predecessors_for_the_same_year(headcounts, small_tree):
    h, t = headcounts, small_tree
    after = set(headcounts_counted(root=t.p, on=END_2025, years=[2025]).values_list("id", flat=1))
    assert after == {h.a25.pk, h.a1_25.pk, h.b25.pk, h.p25.pk, h.a25p.pk}
    # On the tree of March 2025 LA's allotment still counts (A did not exist yet).
    before = headcounts_counted(root=t.lp, on=D(2025, 3, 31), years=[2025])
    assert set(before.values_list("id", flat=True)) == {h.la25.pk}


def test_figures_take_a_fixed_number_of_queries(
    headcounts, small_tree, django_assert_max_num_queries
):
    """Grouped sums plus names; the user's scope is computed once per request (cached)."""
    user = small_tree.users.a_viewer
    staff_reduction(root=small_tree.a, on=END_2025, year=2025, user=user)  # caches the scope
    with django_assert_max_num_queries(2):
        staff_reduction(root=small_tree.p, on=END_2025, year=2025, user=user)
    with django_assert_max_num_queries(2):
        staff_balance(root=small_tree.p, on=END_2025, year=2025)


def test_surplus_and_shortage_per_unit(headcounts, small_tree):
    balance = staff_balance(root=small_tree.p, on=END_2025, year=2025)

    def shown(rows):
        return [(r.name, r.category, r.approved, r.actual, r.difference) for r in rows]

    civil = Category.CIVIL_SERVANTS
    assert shown(balance.surplus) == [("Đảng bộ xã An Mới", civil, 75, 78, 3)]
    assert shown(balance.shortage) == [
        ("Đảng bộ xã Bí Mật Bê", civil, 60, 55, -5),
        ("Chi bộ ấp An Một", civil, 5, 4, -1),
    ]
    assert shown(balance.balanced) == [("Đảng bộ thành phố Mới", civil, 25, 25, 0)]
    assert shown(balance.missing) == [
        ("Đảng bộ xã An Mới", Category.PUBLIC_EMPLOYEES, 42, None, None)
    ]
    assert (balance.surplus_total, balance.shortage_total) == (3, 6)
    assert (balance.approved_total, balance.actual_total) == (165, 162)
