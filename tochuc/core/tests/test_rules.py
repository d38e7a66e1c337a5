"""The rules registry: the version in force on a date, and the page listing them."""

import datetime as dt

import pytest

from tochuc.core.rules import RULES, RuleNotInForce, rule_in_force, rules_in_force


def test_each_date_has_one_version_of_a_rule():
    assert "29-QĐ/TW" in rule_in_force("admission_age", dt.date(2020, 1, 1)).source
    assert "24-QĐ/TW" in rule_in_force("admission_age", dt.date(2024, 6, 1)).source
    assert "294-QĐ/TW" in rule_in_force("admission_age", dt.date(2025, 12, 4)).source
    for day in (dt.date(2021, 8, 1), dt.date(2025, 5, 25), dt.date(2025, 5, 26)):
        codes = [r.code for r in rules_in_force(day)]
        assert len(codes) == len(set(codes)), day


def test_no_rule_before_it_existed():
    with pytest.raises(RuleNotInForce, match="card_series"):
        rule_in_force("card_series", dt.date(2024, 12, 31))


def test_every_rule_names_its_source():
    assert all(r.source and r.title for r in RULES)


@pytest.mark.django_db
def test_rules_page_lists_rules_in_force_on_the_chosen_date(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    html = client.get("/quy-dinh/?as_of=01/06/2024").content.decode()
    assert "24-QĐ/TW" in html and "294-QĐ/TW" not in html
    html = client.get("/quy-dinh/?as_of=04/12/2025").content.decode()
    assert "294-QĐ/TW" in html
