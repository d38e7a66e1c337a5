"""Flags on a person and persons within a discipline period, for planning (case: conftest)."""

import datetime as dt
from decimal import Decimal

import pytest

from tochuc.people.models import Person
from tochuc.ratings import selectors, services
from tochuc.ratings.tests.conftest import discipline, member_of, vote

pytestmark = pytest.mark.django_db
D = dt.date
END_2025 = D(2025, 12, 31)


def codes(person, on, user=None):
    return [(f.kind, f.code) for f in selectors.flags_for(person, on, user=user)]


def test_vote_consequences_flag_the_person(small_tree, case):
    assert codes(case.p1, END_2025) == []
    assert codes(case.p2, END_2025) == [("vote", "leave_post")]
    assert codes(case.p3, END_2025) == [("vote", "dismissal")]
    flag = selectors.flags_for(case.p3, END_2025)[0]
    assert flag.since == D(2025, 9, 15) and "96-QĐ/TW" in flag.source
    assert flag.detail.startswith("66,67% phiếu tín nhiệm thấp")


def test_an_invalid_vote_does_not_replace_the_valid_one(small_tree, case):
    # P4: V4 (no quorum) then V5 (valid, exactly half): no flag.
    assert codes(case.p4, END_2025) == []
    assert codes(case.p4, D(2025, 9, 17)) == []


def test_a_later_valid_vote_replaces_the_earlier_one(small_tree, case):
    assert codes(case.p2, D(2025, 9, 14)) == []  # before the vote
    vote(case.p2, small_tree.a, D(2025, 11, 1), present=27, low=3, post=case.post)
    assert codes(case.p2, END_2025) == []
    assert codes(case.p2, D(2025, 10, 31)) == [("vote", "leave_post")]


def test_old_vote_judged_by_its_own_rule_and_discipline_by_the_rule_of_the_day(small_tree, case):
    # P5: the 2022 vote under Quy định 262 and the 2024 warning.
    assert codes(case.p5, D(2025, 9, 1)) == [("vote", "higher_planning_review")]
    assert codes(case.p5, END_2025) == [
        ("vote", "higher_planning_review"),
        ("discipline", "warning"),
    ]
    flag = selectors.flags_for(case.p5, END_2025)[1]
    assert flag.until == D(2027, 3, 1) and "377-QĐ/TW" in flag.source


def test_disciplined_on_before_and_after_377(small_tree, case):
    a = small_tree.a
    # 01/09/2025: the law of 2019 (12 months) — D1 (reprimand 01/03/2025) only.
    assert set(selectors.disciplined_on(on=D(2025, 9, 1), root=a)) == {case.p6}
    # 31/12/2025: Quy định 377 (reprimand 24, warning 36 months) — D1 and D2.
    assert set(selectors.disciplined_on(on=END_2025, root=a)) == {case.p5, case.p6}
    assert set(selectors.disciplined_on(on=END_2025, root=small_tree.p)) == {
        case.p5,
        case.p6,
        case.pb,
    }


def test_disciplined_on_by_person_ids_and_period_ends(small_tree, case):
    ids = [case.p6.pk, case.p1.pk]
    assert list(selectors.disciplined_on(on=D(2027, 2, 28), person_ids=ids)) == [case.p6]
    assert list(selectors.disciplined_on(on=D(2027, 3, 1), person_ids=ids)) == []
    assert list(selectors.disciplined_on(on=D(2025, 2, 28), person_ids=ids)) == []


def test_expulsion_has_no_period(small_tree, case):
    expelled = member_of("Người Bị Khai Trừ", small_tree.a1)
    discipline(expelled, small_tree.a, "expulsion", D(2025, 9, 1), "11-QĐ/ĐU")
    assert expelled in selectors.disciplined_on(on=D(2040, 1, 1), root=small_tree.a)
    assert codes(expelled, D(2040, 1, 1)) == [("discipline", "expulsion")]


def test_person_of_the_subtree_disciplined_higher_up_counts_for_the_subtree(small_tree, case):
    # P1 holds a seat in A; the province decides the discipline.
    discipline(case.p1, small_tree.p, "warning", D(2025, 11, 1), "12-QĐ/TU")
    assert case.p1 in selectors.disciplined_on(on=END_2025, root=small_tree.a)
    # ... but a commune A user does not see the province's record.
    user = small_tree.users.a_viewer
    assert case.p1 not in selectors.disciplined_on(on=END_2025, root=small_tree.a, user=user)


def test_commune_a_user_sees_no_flag_from_commune_b(small_tree, case):
    services.confidence_vote_record(
        person=case.p1,
        organization=small_tree.b,
        held_on=D(2025, 10, 1),
        summoned=10,
        present=10,
        high=0,
        confidence=0,
        low=10,
    )
    assert codes(case.p1, END_2025) == [("vote", "dismissal")]
    assert codes(case.p1, END_2025, user=small_tree.users.a_viewer) == []


# Many persons at once ------------------------------------------------------------------------


def test_flags_for_persons_hand_computed_in_two_queries(
    small_tree, case, django_assert_num_queries
):
    # 31/12/2025: votes by the rule of their day (V0 by Quy định 262, the others by 96), low
    # share over ballots collected; disciplines by Quy định 377 (warning 36, reprimand 24,
    # removal 60 months). P1 (37,04%) and P4 (V4 invalid, V5 exactly 1/2) have no flag.
    c = case
    ids = [c.p1.pk, c.p2.pk, c.p3.pk, c.p4.pk, c.p5.pk, c.p6.pk, c.pb.pk]
    with django_assert_num_queries(2):  # votes, disciplines in force
        found = selectors.flags_for_persons(ids, END_2025)
    rows = {
        person_id: [(f.kind, f.code, f.since, f.until, f.figures) for f in flags]
        for person_id, flags in found.items()
    }
    assert rows == {
        c.p2.pk: [("vote", "leave_post", D(2025, 9, 15), None, _low(14, 27, "51,85%"))],
        c.p3.pk: [("vote", "dismissal", D(2025, 9, 15), None, _low(18, 27, "66,67%"))],
        c.p5.pk: [
            ("vote", "higher_planning_review", D(2022, 10, 10), None, _low(14, 27, "51,85%")),
            ("discipline", "warning", D(2024, 3, 1), D(2027, 3, 1), ""),
        ],
        c.p6.pk: [("discipline", "reprimand", D(2025, 3, 1), D(2027, 3, 1), "")],
        c.pb.pk: [
            ("discipline", "removal", D(2025, 3, 1), D(2030, 3, 1), ""),
            ("vote", "dismissal", D(2025, 9, 15), None, _low(20, 27, "74,07%")),
        ],
    }
    for person_id in ids:
        assert found.get(person_id, []) == selectors.flags_for(person_id, END_2025)
    # 01/09/2025: the law of 2019 (12 months): D2 (warning 01/03/2024) is over, D1 is not.
    earlier = selectors.flags_for_persons(ids, D(2025, 9, 1))
    assert [(f.kind, f.code) for f in earlier[c.p5.pk]] == [("vote", "higher_planning_review")]
    assert [(f.kind, f.until) for f in earlier[c.p6.pk]] == [("discipline", D(2026, 3, 1))]
    assert c.p2.pk not in earlier  # V2 is held on 15/09/2025
    with django_assert_num_queries(0):
        assert selectors.flags_for_persons([], END_2025) == {}


def _low(low, ballots, percent):
    return f"{low}/{ballots} phiếu tín nhiệm thấp ({percent} số phiếu thu về)"


def test_flags_for_persons_queries_do_not_grow_and_keep_the_users_scope(small_tree, case):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tochuc.accounts.models import User

    def queries(ids, user=None):
        if user is not None:
            user = User.objects.get(pk=user.pk)  # its scope not cached yet
        with CaptureQueriesContext(connection) as captured:
            found = selectors.flags_for_persons(ids, END_2025, user=user)
        return len(captured), found

    few = [case.p2.pk]
    for i in range(6):
        extra = member_of(f"Người Thêm {i}", small_tree.a1)
        vote(extra, small_tree.a, D(2025, 9, 15), present=27, low=20)
        discipline(extra, small_tree.a, "warning", D(2025, 6, 1), f"{20 + i}-QĐ/UBKT")
    many = (
        few
        + [case.p5.pk, case.p6.pk, case.pb.pk]
        + [p.pk for p in Person.objects.filter(full_name__startswith="Người Thêm")]
    )
    assert queries(few)[0] == queries(many)[0] == 2
    viewer = small_tree.users.a_viewer
    count, found = queries(many, viewer)
    assert count == queries(few, viewer)[0]
    assert len(found) == 3 + 6  # P2, P5, P6 and the extras; PB's records are B's
    assert case.pb.pk not in found
    for person_id in many:
        assert found.get(person_id, []) == selectors.flags_for(person_id, END_2025, user=viewer)


def test_flags_for_persons_takes_a_subquery_of_persons(small_tree, case):
    persons = Person.objects.filter(pk__in=[case.p3.pk, case.p6.pk]).values("pk")
    found = selectors.flags_for_persons(persons, END_2025)
    assert sorted(found) == sorted([case.p3.pk, case.p6.pk])


# Two consecutive years «không hoàn thành nhiệm vụ» --------------------------------------------


def not_completed(person, organization, *years, category="not_completed"):
    for year in years:  # 2022–2024: Quy định 132/124, category recorded as given, no score
        services.person_rating_record(
            person=person, organization=organization, year=year, category=category
        )


def test_two_consecutive_years_not_completed_flag_the_person(small_tree, case):
    # Q: «không hoàn thành nhiệm vụ» 2023 and 2024 (by LA); the rating of a year counts from
    # its last day (31/12), so the flag stands from 31/12/2024 until a better year is rated.
    t = small_tree
    q = member_of("Đảng viên Hai Năm", t.a1)
    not_completed(q, t.la, 2023, 2024)
    assert codes(q, D(2024, 12, 30)) == []  # only 2023 counts yet
    flag = selectors.flags_for(q, D(2024, 12, 31))
    assert [(f.kind, f.code, f.since, f.until) for f in flag] == [
        ("rating", "not_completed_twice", D(2024, 12, 31), None)
    ]
    assert flag[0].label == "Không hoàn thành nhiệm vụ 2 năm liên tiếp"
    assert flag[0].detail == "xếp loại «Không hoàn thành nhiệm vụ» năm 2023 và năm 2024"
    assert "Luật Cán bộ, công chức (sửa đổi năm 2019)" in flag[0].source
    assert codes(q, D(2025, 6, 1)) == [("rating", "not_completed_twice")]
    # 2025 rated «hoàn thành tốt» (75 points, nothing late) by A: lifted on 31/12/2025.
    services.person_rating_record(
        person=q, organization=t.a, year=2025, score=Decimal(75), late_share=Decimal(0)
    )
    assert codes(q, D(2025, 12, 30)) == [("rating", "not_completed_twice")]
    assert codes(q, END_2025) == []
    many = selectors.flags_for_persons([q.pk, case.p6.pk], D(2025, 6, 1))
    assert [f.code for f in many[q.pk]] == ["not_completed_twice"]


def test_years_not_in_a_row_or_one_year_do_not_flag(small_tree, case):
    t = small_tree
    r = member_of("Đảng viên Xen Kẽ", t.a1)
    not_completed(r, t.la, 2022, 2024)
    not_completed(r, t.la, 2023, category="completed")
    assert codes(r, END_2025) == []  # 2022 and 2024 are not consecutive
    # P6: «không hoàn thành» 2025 only (R7, 40 points), reprimand D1: the discipline alone.
    assert codes(case.p6, END_2025) == [("discipline", "reprimand")]
    not_completed(case.p6, t.la, 2024)
    assert codes(case.p6, END_2025) == [
        ("discipline", "reprimand"),
        ("rating", "not_completed_twice"),
    ]


def test_not_completed_flag_respects_scope(client, small_tree, case):
    # PB rated «không hoàn thành» 2023 and 2024 by LB (commune B's predecessor): flagged on
    # 01/06/2025 for the province, not for a user of commune A, who never sees B's ratings;
    # lifted on 31/12/2025 by RB (2025, «hoàn thành xuất sắc» by B).
    t = small_tree
    not_completed(case.pb, t.lb, 2023, 2024)
    june = D(2025, 6, 1)
    assert ("rating", "not_completed_twice") in codes(case.pb, june)
    assert ("rating", "not_completed_twice") not in codes(case.pb, june, t.users.a_viewer)
    assert ("rating", "not_completed_twice") not in codes(case.pb, END_2025)
    q = member_of("Đảng viên Hai Năm", t.a1)
    not_completed(q, t.la, 2024)
    services.person_rating_record(
        person=q, organization=t.a, year=2025, score=Decimal(40), late_share=Decimal(30)
    )  # 40 points: «không hoàn thành» by Quy định 366
    client.force_login(t.users.a_viewer)
    data = client.get(f"/api/person-standings/{q.pk}/?as_of=2025-12-31").json()
    assert [(f["kind"], f["code"]) for f in data["flags"]] == [("rating", "not_completed_twice")]
    page = client.get(f"/danh-gia/nguoi/{q.pk}/?as_of=2025-12-31").content.decode()
    assert "Không hoàn thành nhiệm vụ 2 năm liên tiếp" in page and "năm 2024 và năm 2025" in page
