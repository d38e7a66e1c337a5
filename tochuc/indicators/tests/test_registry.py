"""The registry on the hand-written quarter of tests/quarter_data.py: every figure, its
reconciliations, its drill-down (as many records as the figure counts), the user's scope,
and a constant number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.quarter_data import EXPECTED, ON
from tochuc.indicators import registry
from tochuc.indicators.registry import Query, default_since, quarter_end, quarter_start


def query(root, user=None):
    return Query.of(root, ON, user=user)


def test_quarter_and_since_defaults():
    assert quarter_start(dt.date(2025, 12, 4)) == dt.date(2025, 10, 1)
    assert quarter_end(1, 2024) == dt.date(2024, 3, 31)
    assert quarter_end(4, 2025) == dt.date(2025, 12, 31)
    assert default_since(dt.date(2025, 12, 4)) == dt.date(2025, 7, 1)
    assert default_since(dt.date(2024, 5, 1)) == dt.date(2024, 1, 1)


def test_figures_match_the_hand_computed_quarter(quarter_data):
    found = registry.figures(query(quarter_data.tree.p))
    for key, (value, whole, parts) in EXPECTED.items():
        figure = found[key]
        assert (figure.value, figure.whole) == (value, whole), key
        for part, expected in parts.items():
            assert figure.part(part) == expected, (key, part)
        assert figure.reconciles, key


def test_texts_are_written_the_vietnamese_way(quarter_data):
    found = registry.figures(query(quarter_data.tree.p))
    assert found["seats_executive"].text == "7/9"
    assert found["admissions_year"].text == "3 (đạt 50,00%)"
    assert found["admissions_year"].note == "năm 2025"
    assert found["card_exchange"].percent == "—"


def test_every_drill_down_lists_as_many_records_as_the_figure_counts(quarter_data):
    q = query(quarter_data.tree.p)
    for key, indicator in registry.REGISTRY.items():
        figure = indicator.compute(q)
        counts = {"": figure.value} | {p.key: p.value for p in figure.parts}
        if figure.whole is not None:
            counts["whole"] = figure.whole
        for part in indicator.drills:
            rows = registry.records(key, q, part).rows
            if key in {"seats_executive", "seats_standing"} and part == "vacant":
                continue  # posts, each with its number of vacant seats
            if key == "vacancies" or (key == "appointments" and part == "") or part not in counts:
                continue  # seats on posts, people over holdings, or a list without a count
            assert len(list(rows)) == counts[part], (key, part)


def test_vacancy_drill_down_sums_to_the_figure(quarter_data):
    q = query(quarter_data.tree.p)
    figure = registry.figure("vacancies", q)
    for part in ("", "self", "support", "none"):
        rows = registry.records("vacancies", q, part).rows
        expected = figure.value if not part else figure.part(part)
        assert sum(post.vacant for post in rows) == expected


def test_commune_figures_stay_in_the_commune(quarter_data):
    t = quarter_data.tree
    q = query(t.a, user=t.users.a_viewer)
    found = registry.figures(q)
    assert found["members"].value == 3  # Lão, An1, An2
    assert (found["seats_executive"].value, found["seats_executive"].whole) == (3, 5)
    assert found["admissions_year"].whole == 4
    assert found["commune_moves"].value == 0  # the move decided by A went to B
    names = {row.person.full_name for row in registry.records("members", q).rows}
    assert not any(name.startswith("Bê") for name in names)


def test_unknown_part_is_refused(quarter_data):
    with pytest.raises(KeyError):
        registry.records("members", query(quarter_data.tree.p), "nope")


def test_all_figures_take_a_constant_number_of_queries(quarter_data):
    q = query(quarter_data.tree.p)
    with CaptureQueriesContext(connection) as small:
        registry.figures(q)
    with CaptureQueriesContext(connection) as commune:
        registry.figures(query(quarter_data.tree.a))
    assert len(small.captured_queries) == len(commune.captured_queries) <= 40


def test_every_indicator_documents_its_report_line_and_unit():
    for indicator in registry.REGISTRY.values():
        assert indicator.line and indicator.definition
        assert indicator.counts in registry.COUNTS and indicator.span in registry.SPANS
