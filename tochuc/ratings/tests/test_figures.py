"""Figures of a subtree for a year, hand-computed from the case in conftest.py."""

import datetime as dt

import pytest

from tochuc.ratings import selectors
from tochuc.ratings.models import Category

pytestmark = pytest.mark.django_db
END_2025 = dt.date(2025, 12, 31)


def persons(figures) -> dict:
    return {f.category: (f.people, f.records) for f in figures.persons}


def organizations(figures) -> dict:
    return {f.category: f.records for f in figures.organizations}


def test_persons_by_category_count_people_and_records_separately(small_tree, case):
    f = selectors.rating_figures(root=small_tree.a, year=2025, on=END_2025)
    assert persons(f) == {
        "excellent": (1, 2),
        "good": (2, 2),
        "completed": (3, 3),
        "not_completed": (1, 1),
    }
    assert (f.people, f.records) == (6, 8)


def test_province_adds_commune_b_and_a_cell_only_its_own(small_tree, case):
    t = small_tree
    f = selectors.rating_figures(root=t.p, year=2025, on=END_2025)
    assert persons(f)["excellent"] == (2, 3) and (f.people, f.records) == (7, 9)
    cell = selectors.rating_figures(root=t.a1, year=2025, on=END_2025)
    assert persons(cell) == {
        "excellent": (1, 1),
        "good": (1, 1),
        "completed": (2, 2),
        "not_completed": (0, 0),
    }
    assert (cell.people, cell.records) == (4, 4)


def test_organizations_by_category(small_tree, case):
    t = small_tree
    f = selectors.rating_figures(root=t.a, year=2025, on=END_2025)
    assert organizations(f) == {"excellent": 1, "good": 1, "completed": 0, "not_completed": 0}
    assert f.organizations_total == 2
    assert selectors.rating_figures(root=t.p, year=2025, on=END_2025).organizations_total == 3


def test_a_2024_rating_by_the_old_commune_is_restated_onto_a(small_tree, case):
    f = selectors.rating_figures(root=small_tree.a, year=2024, on=END_2025)
    assert persons(f)["good"] == (1, 1) and f.records == 1
    assert organizations(f)["excellent"] == 1
    then = selectors.rating_figures(root=small_tree.la, year=2024, on=dt.date(2024, 12, 31))
    assert then.records == 1 and then.organizations_total == 1


def test_drill_down_lists_the_records_behind_a_figure(small_tree, case):
    good = selectors.person_ratings_in(root=small_tree.a, year=2025, on=END_2025, category="good")
    assert set(good) == {case.r3, case.r4}
    completed = selectors.organization_ratings_in(
        root=small_tree.a, year=2025, on=END_2025, category="excellent"
    )
    assert list(completed) == [case.oa1]


def test_commune_a_user_counts_nothing_of_b(small_tree, case):
    t = small_tree
    f = selectors.rating_figures(root=t.p, year=2025, on=END_2025, user=t.users.a_viewer)
    assert (f.people, f.records) == (6, 8) and f.organizations_total == 2


def test_vote_summary(small_tree, case):
    s = selectors.vote_summary(root=small_tree.a, year=2025, on=END_2025)
    assert (s.votes, s.people, s.invalid) == (5, 4, 1)
    assert s.by_consequence == {
        "dismissal": (1, 1),
        "leave_post": (1, 1),
        "resign_or_remove": (0, 0),
        "higher_planning_review": (0, 0),
        "none": (2, 2),
    }
    assert s.flagged_people == 2
    old = selectors.vote_summary(root=small_tree.a, year=2022, on=END_2025)
    assert old.by_consequence["higher_planning_review"] == (1, 1) and old.votes == 1
    province = selectors.vote_summary(root=small_tree.p, year=2025, on=END_2025)
    assert province.by_consequence["dismissal"] == (2, 2)


def test_sql_consequence_agrees_with_the_python_one(small_tree, case):
    votes = selectors.votes_in(
        root=small_tree.p, start=dt.date(2000, 1, 1), end=END_2025, on=END_2025
    )
    assert votes.count() == 7
    for vote in votes:
        assert vote.outcome == selectors.vote_consequence(vote).code, vote


def test_figures_take_a_fixed_number_of_queries(small_tree, case, django_assert_num_queries):
    with django_assert_num_queries(2):
        selectors.rating_figures(root=small_tree.p, year=2025, on=END_2025)
    with django_assert_num_queries(1):
        selectors.vote_summary(root=small_tree.p, year=2025, on=END_2025)


# Per child ---------------------------------------------------------------------------------


def test_person_ratings_by_child_hand_computed(small_tree, case, django_assert_num_queries):
    # Columns: excellent, good, completed, not completed, persons. Province P, 2025: A's
    # subtree (R1–R8, 6 persons: P1 excellent; P2, P3 good; P3, P4, P5 completed; P6 not
    # completed) and B's (RB: PB excellent). Commune A: its own ratings (R1 P1 excellent, R4
    # P3 good, R6 P5 completed, R7 P6 not completed) and cell A1's (R2 P1 excellent, R3 P2
    # good, R8 P3 and R5 P4 completed).
    t = small_tree
    with django_assert_num_queries(2):  # counts grouped by child, the children
        rows = selectors.person_ratings_by_child(root=t.p, year=2025, on=END_2025)
    by_id = {r.organization_id: r for r in rows}
    assert [by_id[t.a.pk].people[c] for c in Category.values] == [1, 2, 3, 1]
    assert by_id[t.a.pk].total == 6
    assert (by_id[t.b.pk].people["excellent"], by_id[t.b.pk].total) == (1, 1)
    assert not any(r.direct for r in rows)
    rows = selectors.person_ratings_by_child(root=t.a, year=2025, on=END_2025)
    assert rows[0].direct and rows[0].organization_id == t.a.pk
    own = {r.organization_id: r for r in rows if not r.direct}
    assert [rows[0].people[c] for c in Category.values] == [1, 1, 1, 1]
    assert rows[0].total == 4
    assert [own[t.a1.pk].people[c] for c in Category.values] == [1, 1, 2, 0]
    assert own[t.a1.pk].total == 4
    # every figure is the number of persons its drill-down lists
    for row in rows:
        for category in Category.values:
            found = selectors.person_ratings_in(
                root=row.organization_id,
                year=2025,
                on=END_2025,
                category=category,
                direct=row.direct,
            )
            assert found.values("person").distinct().count() == row.people[category]
    # the old commune LA's 2024 rating (R0, P2 good) is restated onto A for 2024
    rows = selectors.person_ratings_by_child(root=t.p, year=2024, on=END_2025)
    assert {r.organization_id: r.people["good"] for r in rows}[t.a.pk] == 1


def test_person_ratings_by_child_scoped(small_tree, case):
    t = small_tree
    rows = selectors.person_ratings_by_child(
        root=t.p, year=2025, on=END_2025, user=t.users.a_viewer
    )
    assert {r.organization_id: r.total for r in rows}.get(t.b.pk, 0) == 0
