"""Rule `staff_reduction_target`: a passing and a failing case, and the same year's figures
judged by Nghị quyết 39-NQ/TW (10% vs 2015) before 21/02/2022 and by Kết luận 28-KL/TW
(5% civil servants, 10% public employees vs 2021) from that day."""

import datetime as dt

import pytest

from tochuc.core.rules import rules_in_force
from tochuc.staffing.selectors import reduction_target_check
from tochuc.staffing.tests.conftest import END_2025

pytestmark = pytest.mark.django_db
D = dt.date


def _lines(check):
    return {
        line.category: (line.baseline, line.approved, line.percent, line.required, line.met)
        for line in check.lines
    }


def test_2021_falls_short_of_resolution_39(headcounts, small_tree):
    check = reduction_target_check(root=small_tree.lp, on=D(2021, 12, 31), year=2021)
    assert check.rule.source.startswith("Nghị quyết 39-NQ/TW")
    assert check.baseline_year == 2015
    assert _lines(check) == {
        "civil_servants": (220, 205, "6,8%", 22, False),
        "public_employees": (50, 47, "6,0%", 5, False),
    }
    assert check.met is False
    assert [line.remaining for line in check.lines] == [7, 2]


def test_the_same_2022_figures_judged_before_and_after_conclusion_28(headcounts, small_tree):
    lp = small_tree.lp
    before = reduction_target_check(root=lp, on=D(2022, 2, 20), year=2022)
    assert _lines(before) == {
        "civil_servants": (220, 196, "10,9%", 22, True),
        "public_employees": (50, 45, "10,0%", 5, True),  # exactly 10%: met
    }
    assert before.met is True
    after = reduction_target_check(root=lp, on=D(2022, 2, 21), year=2022)
    assert after.rule.source.startswith("Kết luận 28-KL/TW")
    assert after.baseline_year == 2021
    assert _lines(after) == {
        "civil_servants": (205, 196, "4,4%", 11, False),
        "public_employees": (47, 45, "4,3%", 5, False),
    }
    assert after.met is False


def test_2025_meets_conclusion_28_on_todays_tree(headcounts, small_tree):
    check = reduction_target_check(root=small_tree.p, on=END_2025)
    assert check.year == 2025
    assert _lines(check) == {
        "civil_servants": (205, 165, "19,5%", 11, True),
        "public_employees": (47, 42, "10,6%", 5, True),
    }
    assert check.met is True


def test_no_target_before_resolution_39(headcounts, small_tree):
    assert reduction_target_check(root=small_tree.lp, on=D(2015, 4, 16), year=2015) is None


def test_the_rules_page_lists_the_version_in_force(client, small_tree):
    assert [
        r.source[:20] for r in rules_in_force(D(2020, 1, 1)) if r.code == "staff_reduction_target"
    ] == ["Nghị quyết 39-NQ/TW "]
    client.force_login(small_tree.users.a_viewer)
    html = client.get("/quy-dinh/?as_of=2023-01-01").content.decode()
    assert "Kết luận 28-KL/TW" in html and "Nghị quyết 39-NQ/TW" not in html
