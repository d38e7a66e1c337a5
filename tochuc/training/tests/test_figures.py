"""Figures hand-computed from the tables in conftest.py: people and records counted apart."""

import datetime as dt

import pytest

from tochuc.training.models import CourseKind
from tochuc.training.selectors import (
    enrollment_drilldown,
    enrollments_sent,
    group_kinds,
    people_drilldown,
    training_figures,
)
from tochuc.training.tests.conftest import YEAR_END, YEAR_START

pytestmark = pytest.mark.django_db
D = dt.date


def _totals(figures):
    return (
        figures.political_theory_people,
        figures.political_theory_enrollments,
        figures.refresher_people,
        figures.refresher_enrollments,
    )


def test_province_figures_count_people_once_and_records_each_time(small_tree, training):
    figures = training_figures(root=small_tree.p, start=YEAR_START, end=YEAR_END)
    assert _totals(figures) == (3, 4, 3, 4)
    assert figures.sentence == (
        "Cử 3 cán bộ đi đào tạo cao cấp, trung cấp lý luận chính trị; 4 lượt bồi dưỡng"
    )
    assert [(k.kind, k.people, k.enrollments) for k in figures.by_kind] == [
        (CourseKind.ADVANCED_POLITICAL_THEORY, 2, 2),
        (CourseKind.INTERMEDIATE_POLITICAL_THEORY, 2, 2),
        (CourseKind.SOURCE_CADRE_REFRESHER, 2, 2),
        (CourseKind.PROFESSIONAL, 2, 2),
        (CourseKind.OTHER_REFRESHER, 0, 0),
    ]


def test_commune_figures_include_what_its_predecessor_sent(small_tree, training):
    t = small_tree
    figures = training_figures(root=t.a, start=YEAR_START, end=YEAR_END, user=t.users.a_viewer)
    assert _totals(figures) == (2, 3, 2, 3)  # E1 E2 sent by LA count for A
    province = training_figures(root=t.p, start=YEAR_START, end=YEAR_END, user=t.users.a_viewer)
    assert _totals(province) == (2, 3, 2, 3)  # B's records are not the commune user's


def test_figures_on_the_tree_of_the_first_half_year(small_tree, training):
    figures = training_figures(root=small_tree.lp, start=YEAR_START, end=D(2025, 6, 30))
    assert _totals(figures) == (2, 2, 0, 0)  # C1 opened 01/03/2025: E1 E2
    last_year = training_figures(root=small_tree.lp, start=D(2024, 1, 1), end=D(2024, 12, 31))
    assert _totals(last_year) == (1, 1, 0, 0)  # E9


def test_drill_downs(small_tree, training):
    pt = enrollments_sent(
        root=small_tree.p,
        start=YEAR_START,
        end=YEAR_END,
        kinds=group_kinds(group="political_theory"),
    )
    people = [(p.full_name, p.enrollment_count, p.first_opens_on) for p in people_drilldown(pt)]
    assert people == [
        ("Học Viên Ba Bí Mật Bê", 1, D(2025, 9, 15)),
        ("Học Viên Hai", 1, D(2025, 3, 1)),
        ("Học Viên Một", 2, D(2025, 3, 1)),
    ]
    refresher = enrollments_sent(
        root=small_tree.a, start=YEAR_START, end=YEAR_END, kinds=group_kinds(group="refresher")
    )
    rows = [(e.person.full_name, e.sent_by_name) for e in enrollment_drilldown(refresher, YEAR_END)]
    assert rows == [
        ("Học Viên Hai", "Đảng bộ xã An Mới"),
        ("Học Viên Một", "Chi bộ ấp An Một"),
        ("Học Viên Hai", "Đảng bộ xã An Mới"),
    ]


def test_group_kinds_refuses_unknown_names():
    assert group_kinds() == tuple(CourseKind.values)
    assert group_kinds(kind="professional") == ("professional",)
    with pytest.raises(ValueError):
        group_kinds(group="bogus")


def test_figures_take_a_fixed_number_of_queries(
    small_tree, training, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        training_figures(root=small_tree.p, start=YEAR_START, end=YEAR_END)
