"""The rules as data and the functions applying them: each version in force on its dates, a
passing and a refused or flagged case, and the same case judged before and after a change."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tochuc.core.rules import rule_in_force, rules_in_force
from tochuc.members.replay import add_months
from tochuc.ratings import rules
from tochuc.ratings.selectors import earliest_still_within

D = dt.date


def derive(year, score, exceeded=None, late=None):
    return rules.derived_category(
        rules.rating_rule(year),
        score=None if score is None else Decimal(str(score)),
        exceeded_share=None if exceeded is None else Decimal(str(exceeded)),
        late_share=None if late is None else Decimal(str(late)),
    )


def test_rating_rule_by_year_end():
    assert "132-QĐ/TW" in rules.rating_rule(2022).source
    assert "124-QĐ/TW" in rules.rating_rule(2023).source
    assert "124-QĐ/TW" in rules.rating_rule(2024).source
    assert "366-QĐ/TW" in rules.rating_rule(2025).source
    assert rule_in_force("annual_rating", D(2025, 8, 29)).source.startswith("Quy định 124")
    assert rule_in_force("annual_rating", D(2025, 8, 30)).source.startswith("Quy định 366")


@pytest.mark.parametrize(
    ("score", "exceeded", "late", "category"),
    [
        (90, 30, 0, "excellent"),  # both thresholds met exactly
        (100, 100, 0, "excellent"),
        (89.99, 50, 0, "good"),  # under 90
        (95, 29.99, 0, "good"),  # under 30% exceeded
        (70, 0, 0, "good"),
        (95, 40, 5, "completed"),  # not 100% on schedule: falls to the first level it meets
        (69.99, 0, 0, "completed"),
        (50, 0, 20, "completed"),
        (60, 0, 20.01, "not_completed"),  # over 20% late
        (49.99, 0, 0, "not_completed"),
        (10, None, None, "not_completed"),
    ],
)
def test_366_levels(score, exceeded, late, category):
    assert derive(2025, score, exceeded, late) == category


def test_366_needs_the_inputs_of_the_level_reached():
    rule = rules.rating_rule(2025)
    assert rules.needed_inputs(rule, Decimal(40)) == []
    assert rules.needed_inputs(rule, Decimal(50)) == ["late_share"]
    assert rules.needed_inputs(rule, Decimal(90)) == ["late_share", "exceeded_share"]
    assert derive(2025, 60) is None


def test_before_2025_there_is_no_scale_to_derive_from():
    assert derive(2024, 95, 40, 0) is None
    assert rules.needed_inputs(rules.rating_rule(2024), Decimal(95)) == []


def vote_on(day, *, summoned=30, present=27, low=14, ballots=None):
    return rules.judge_vote(
        held_on=day, summoned=summoned, present=present, low=low, ballots=ballots or present
    )


def test_vote_rule_versions():
    assert rules.vote_rule(D(2023, 2, 1)).source.startswith("Quy định 262-QĐ/TW")
    assert rules.vote_rule(D(2023, 2, 2)).source.startswith("Quy định 96-QĐ/TW")
    assert rules.vote_rule(D(2014, 10, 7)) is None
    assert vote_on(D(2014, 10, 7)).code == "no_rule"


def test_quorum_is_two_thirds_of_those_summoned():
    assert vote_on(D(2024, 5, 5), summoned=30, present=20, low=0).quorum
    no_quorum = vote_on(D(2024, 5, 5), summoned=30, present=19, low=19)
    assert no_quorum.code == "invalid" and not no_quorum.flagged


@pytest.mark.parametrize(
    ("low", "code_96", "code_262"),
    [
        (13, "none", "none"),  # 13/27 under half
        (14, "leave_post", "higher_planning_review"),  # over half
        (17, "leave_post", "higher_planning_review"),  # 17/27 under 2/3
        (18, "dismissal", "resign_or_remove"),  # exactly 2/3
        (27, "dismissal", "resign_or_remove"),
    ],
)
def test_the_same_vote_before_and_after_96(low, code_96, code_262):
    assert vote_on(D(2023, 2, 2), low=low).code == code_96
    assert vote_on(D(2023, 2, 1), low=low).code == code_262


def test_exactly_half_is_not_over_half():
    outcome = vote_on(D(2025, 9, 1), present=20, low=10)
    assert outcome.code == "none" and outcome.low_share == Fraction(1, 2)
    assert outcome.low_percent == "50,00%"


def test_shares_are_of_ballots_collected_not_of_those_summoned():
    # 14 low of 20 ballots (70%) but under half of the 30 summoned: dismissal.
    outcome = vote_on(D(2025, 9, 1), summoned=30, present=22, low=14, ballots=20)
    assert outcome.code == "dismissal"


def test_discipline_periods_before_and_after_377():
    assert rules.reconsideration_months("warning", D(2025, 10, 7)) == 12
    assert rules.reconsideration_months("warning", D(2025, 10, 8)) == 36
    assert rules.reconsideration_months("reprimand", D(2026, 1, 1)) == 24
    assert rules.reconsideration_months("removal", D(2026, 1, 1)) == 60
    assert rules.reconsideration_months("removal", D(2024, 1, 1)) == 24
    assert rules.reconsideration_months("expulsion", D(2026, 1, 1)) is None
    assert rules.reconsideration_months("warning", D(2019, 1, 1)) is None


def test_reconsideration_note_names_the_rule_of_the_day():
    note = rules.reconsideration_note("warning", D(2024, 3, 1), D(2025, 12, 31))
    assert "01/03/2027" in note and "377-QĐ/TW" in note and "36 tháng" in note
    assert "không có thời hạn" in rules.reconsideration_note(
        "expulsion", D(2024, 3, 1), D(2025, 12, 31)
    )


def test_rules_page_lists_the_versions_in_force():
    codes = {(r.code, r.source.split(" ngày")[0]) for r in rules_in_force(D(2025, 12, 4))}
    assert ("annual_rating", "Quy định 366-QĐ/TW") in codes
    assert ("confidence_vote", "Quy định 96-QĐ/TW") in codes
    assert ("discipline_reconsideration", "Quy định 377-QĐ/TW") in codes
    codes_2024 = {(r.code, r.source.split(" ngày")[0]) for r in rules_in_force(D(2024, 6, 1))}
    assert ("annual_rating", "Quy định 124-QĐ/TW") in codes_2024


@given(
    on=st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31)),
    months=st.sampled_from([12, 24, 36, 60]),
)
def test_earliest_still_within_is_the_first_date_whose_period_covers(on, months):
    day = earliest_still_within(on, months)
    assert add_months(day, months) > on
    assert add_months(day - dt.timedelta(days=1), months) <= on
