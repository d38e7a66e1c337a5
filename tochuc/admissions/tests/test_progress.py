"""Admissions in a period and progress to target, hand-computed (see conftest.py)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tochuc.admissions.selectors import admission_progress, admissions_in_period

D = dt.date
pytestmark = pytest.mark.django_db
END_2025 = D(2025, 12, 31)


def ids(events):
    return set(events.values_list("id", flat=True))


def test_year_2025_for_the_province(small_tree, admissions):
    progress = admission_progress(root=small_tree.p, year=2025, on=END_2025)
    e = admissions
    assert (progress.count, progress.target) == (4, 5)  # A1's target is covered by A's
    assert progress.percent == "80,00%"
    assert progress.sentence == "Kết nạp 4, đạt 80,00% chỉ tiêu năm 2025 (đến 31/12/2025)"
    assert ids(progress.events) == {e.q4.id, e.q5.id, e.q6.id, e.q7.id}


@pytest.mark.parametrize(
    ("org", "count", "target", "percent"),
    [("a", 2, 3, "66,67%"), ("b", 2, 2, "100,00%"), ("a1", 1, 1, "100,00%")],
)
def test_year_2025_per_commune(small_tree, admissions, org, count, target, percent):
    progress = admission_progress(root=getattr(small_tree, org), year=2025, on=END_2025)
    assert (progress.count, progress.target, progress.percent) == (count, target, percent)


def test_year_to_date_stops_at_the_date(small_tree, admissions):
    progress = admission_progress(root=small_tree.p, year=2025, on=D(2025, 8, 31))
    assert (progress.count, progress.percent) == (2, "40,00%")  # Q4 (LA → A) and Q6
    assert progress.sentence.endswith("(đến 31/08/2025)")


def test_first_quarter_2024_in_the_old_tree(small_tree, admissions):
    progress = admission_progress(root=small_tree.lp, year=2024, on=D(2024, 3, 31))
    assert (progress.count, progress.target, progress.percent) == (2, 5, "40,00%")
    assert ids(progress.events) == {admissions.q1.id, admissions.q2.id}


def test_terms(small_tree, admissions):
    old = admission_progress(root=small_tree.lp, term="2020-2025", on=D(2025, 6, 30))
    assert (old.count, old.target, old.percent) == (4, 8, "50,00%")
    assert old.sentence == "Kết nạp 4, đạt 50,00% chỉ tiêu nhiệm kỳ 2020-2025 (đến 30/06/2025)"
    new = admission_progress(root=small_tree.p, term="2025-2030", on=END_2025)
    assert (new.count, new.target, new.percent) == (3, 20, "15,00%")  # A's 12 covered by P's
    commune = admission_progress(root=small_tree.a, term="2025-2030", on=END_2025)
    assert (commune.count, commune.target, commune.percent) == (1, 12, "8,33%")


def test_restated_versus_as_then_across_the_merger(small_tree, admissions):
    t, e = small_tree, admissions
    year = {"start": D(2025, 1, 1), "end": END_2025}
    assert ids(admissions_in_period(root=t.a, **year)) == {e.q4.id, e.q5.id}
    assert ids(admissions_in_period(root=t.a, restated=False, **year)) == {e.q5.id}
    assert ids(admissions_in_period(root=t.lp, **year)) == set()  # LP is gone on 31/12/2025
    assert ids(admissions_in_period(root=t.lp, restated=False, **year)) == {e.q4.id}
    assert ids(admissions_in_period(root=t.la, restated=False, **year)) == {e.q4.id}
    as_then = admission_progress(root=t.p, year=2025, on=END_2025, restated=False)
    assert (as_then.count, as_then.percent) == (3, "60,00%")


def test_no_target_is_said_plainly(small_tree, admissions):
    progress = admission_progress(root=small_tree.b, year=2026, on=D(2026, 3, 31))
    assert (progress.count, progress.target, progress.percent) == (0, 0, "—")
    assert progress.sentence == "Kết nạp 0 (chưa có chỉ tiêu năm 2026; đến 31/03/2026)"


def test_a_handful_of_queries(small_tree, admissions):
    with CaptureQueriesContext(connection) as queries:
        progress = admission_progress(root=small_tree.p, year=2025, on=END_2025)
        list(progress.events)
    assert len(queries) <= 3
