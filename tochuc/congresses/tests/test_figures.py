"""Figures of congresses (selectors), hand-counted from conftest.py:

| congress | members | delegates (summoned, present, listed) | BCH | BTV | thường trực | UBKT |
|---|---|---|---|---|---|---|
| LA 2020 (XV) | 3 (X1 X2 X3) | 40, 38, 2 | 5 (khuyết 2) | – | 2 (khuyết 1) | – |
| A 2025 (I) | 7 (X1..Z1, P1) | 12, 11, 3 | 7 (khuyết 2) | 3 (khuyết 0) | – | 3 (khuyết 2) |

The 2020 congress of LA counts under A (LA merged into A on 01/07/2025) when the tree of
2025 is read, and under the old province LP when the tree of 2024 is read.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tochuc.cadres.models import Body
from tochuc.cadres.services import assignment_end
from tochuc.congresses import selectors, services
from tochuc.congresses.models import OFFICERS, CommitteeMember, Congress, CongressKind, Role
from tochuc.congresses.selectors import SeatFigure
from tochuc.members.selectors import member_counts

D = dt.date
ON = D(2025, 12, 4)
pytestmark = pytest.mark.django_db
BCH, BTV, UBKT = Body.EXECUTIVE_COMMITTEE, Body.STANDING_COMMITTEE, Body.INSPECTION_COMMITTEE


def ids(queryset):
    return sorted(c.ordinal for c in queryset)


def test_congresses_of_a_subtree_restated_through_the_lineage(small_tree, congress_2025):
    t = small_tree
    assert ids(selectors.congresses_in(root=t.p, on=ON)) == ["I", "XV"]
    assert ids(selectors.congresses_in(root=t.a, on=ON)) == ["I", "XV"]
    assert ids(selectors.congresses_in(root=t.b, on=ON)) == []
    assert ids(selectors.congresses_in(root=t.lp, on=D(2024, 12, 31))) == ["XV"]
    assert ids(selectors.congresses_in(root=t.a1, on=ON)) == []
    in_2025 = selectors.congresses_in(root=t.p, on=ON, start=D(2025, 1, 1), end=D(2025, 12, 31))
    assert ids(in_2025) == ["I"]
    assert ids(selectors.congresses_in(root=t.p, on=ON, term="2020-2025")) == ["XV"]
    assert ids(selectors.congresses_in(root=t.p, on=ON, kind=CongressKind.EXTRAORDINARY)) == []


def test_rows_count_members_as_member_counts_does(small_tree, congress_2020, congress_2025):
    rows = {c.ordinal: c for c in selectors.congress_rows(Congress.objects.all())}
    assert (rows["XV"].organization_name, rows["XV"].members, rows["XV"].delegates_listed) == (
        "Đảng bộ xã An Cũ",
        3,
        2,
    )
    assert (rows["I"].organization_name, rows["I"].members, rows["I"].delegates_listed) == (
        "Đảng bộ xã An Mới",
        7,
        3,
    )
    for congress in (congress_2020, congress_2025):
        counted = member_counts(on=congress.opened_on, root=congress.organization_id)["total"]
        assert rows[congress.ordinal].members_counted == counted
        assert selectors.members_represented(congress) == counted
    services.congress_update(congress=congress_2025, members_represented=2400)
    congress_2025.refresh_from_db()
    row = selectors.congress_rows(Congress.objects.filter(pk=congress_2025.pk)).get()
    assert (row.members, row.members_counted) == (2400, 7)
    assert selectors.members_represented(congress_2025) == 2400


def test_seats_per_congress_on_its_closing_day_agree_with_cadres(congress_2020, congress_2025):
    figures = selectors.seat_figures(Congress.objects.all())
    assert figures[congress_2020.pk] == {BCH: SeatFigure(5, 3, 2), OFFICERS: SeatFigure(2, 1, 1)}
    assert figures[congress_2025.pk] == {
        BCH: SeatFigure(7, 5, 2),
        BTV: SeatFigure(3, 3, 0),
        UBKT: SeatFigure(3, 1, 2),
    }
    for congress in (congress_2020, congress_2025):
        from_cadres = selectors.committee_at(congress, congress.closed_on)
        assert {b.body: b.figure for b in from_cadres} == figures[congress.pk]
    assert figures[congress_2025.pk][BCH].text == "7 (khuyết 2)"


def test_committee_on_a_later_day_follows_the_cadres_holdings(people, congress_2025):
    member = CommitteeMember.objects.get(
        congress=congress_2025, person=people.x3, role=Role.STANDING_MEMBER
    )
    assignment_end(assignment=member.assignment, ends_on=D(2026, 1, 31))
    later = {b.body: b.figure for b in selectors.committee_at(congress_2025, D(2026, 6, 30))}
    assert later[BTV] == SeatFigure(3, 2, 1)
    closing = selectors.seat_figures(Congress.objects.filter(pk=congress_2025.pk))
    assert closing[congress_2025.pk][BTV] == SeatFigure(3, 3, 0)
    rows = selectors.committee_members(congress_2025, on=D(2026, 6, 30))
    held = {(r.member.person.full_name, r.member.role): r.holds_on for r in rows}
    assert held[("Xem Ba", Role.STANDING_MEMBER)] is False
    assert held[("Xem Ba", Role.EXECUTIVE_MEMBER)] is True


def test_totals_of_a_subtree(small_tree, congress_2025):
    totals = selectors.congress_totals(selectors.congresses_in(root=small_tree.p, on=ON))
    assert (totals.count, totals.regular, totals.extraordinary) == (2, 2, 0)
    assert (totals.delegates_summoned, totals.delegates_present, totals.delegates_listed) == (
        52,
        49,
        5,
    )
    assert totals.seats == {
        BCH: SeatFigure(12, 8, 4),
        BTV: SeatFigure(3, 3, 0),
        OFFICERS: SeatFigure(2, 1, 1),
        UBKT: SeatFigure(3, 1, 2),
    }


def test_report_sentence_and_organization_counts(small_tree, congress_2025):
    t = small_tree
    counts = selectors.organization_counts(root=t.a, on=congress_2025.opened_on)
    assert (counts.grassroots, counts.sub_committees, counts.cells) == (1, 0, 1)
    seats = {b.body: b.figure for b in selectors.committee_at(congress_2025, D(2025, 10, 16))}
    sentence = selectors.report_sentence(delegates=12, members=7, organizations=counts, seats=seats)
    assert sentence == (
        "Đại hội: 12 đại biểu, 7 đảng viên, 1 tổ chức cơ sở đảng (0 đảng bộ bộ phận, 1 chi bộ); "
        "BCH 7 (khuyết 2), BTV 3 (khuyết 0)"
    )
    seed = selectors.report_sentence(
        delegates=150,
        members=2400,
        organizations=selectors.OrganizationCounts(13, 8, 5, 103),
        seats={BCH: SeatFigure(29, 25, 4), BTV: SeatFigure(10, 9, 1)},
    )
    assert seed == (
        "Đại hội: 150 đại biểu, 2.400 đảng viên, 13 tổ chức cơ sở đảng (5 đảng bộ bộ phận, "
        "103 chi bộ); BCH 29 (khuyết 4), BTV 10 (khuyết 1)"
    )


def test_figures_take_the_same_queries_whatever_the_number_of_congresses(small_tree, congress_2025):
    t = small_tree

    def queries():
        with CaptureQueriesContext(connection) as captured:
            found = selectors.congresses_in(root=t.p, on=ON)
            selectors.congress_totals(found)
            list(selectors.congress_rows(found))
        return len(captured)

    before = queries()
    for year in (2026, 2027, 2028):
        congress = services.congress_create(
            organization=t.a, term="2025-2030", kind=CongressKind.EXTRAORDINARY,
            opened_on=D(year, 3, 2), closed_on=D(year, 3, 2), delegates_summoned=10,
        )  # fmt: skip
        services.committee_sizes_set(
            congress=congress, executive_size=7, standing_size=3, inspection_size=3,
            deputy_secretaries=1,
        )  # fmt: skip
    assert queries() == before


def test_vietnamese_numbers():
    assert selectors.vn_decimal(D(2025, 1, 1).year * 1000 + 0.5) == "2.025.000,5"
    assert selectors.percent_of(1, 3) == "33,33%"
    assert selectors.percent_of(None, 3) == "—"
