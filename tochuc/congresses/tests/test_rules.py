"""The rules of this app, each passing, refused (or flagged) and, where it changed, judged
differently before and after the change.

Age (rule «committee_age»): a man born 01/07/1967, re-elected at the 2025 congress of a
grassroots committee (LA), counted from April 2025 under both directives:
- opened 10/04/2025, Chỉ thị 35: retires at 60 by its table, 01/07/2027; needs 30 months
  from 01/04/2025, i.e. until 01/10/2027 → flagged (27 months left);
- opened 20/04/2025, Chỉ thị 45: retires by Nghị định 135 at 62, 01/07/2029; needs 48
  months, i.e. until 01/04/2029 → passes (51 months left).
"""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError

from tochuc.cadres.models import Assignment, AssignmentKind, Body, Post
from tochuc.cadres.services import assignment_create, post_create
from tochuc.congresses import services
from tochuc.congresses.eligibility import age_check, counting_point, previous_committee_seats
from tochuc.congresses.models import Congress, CongressKind, DelegateKind, Role
from tochuc.congresses.tests.conftest import member, vote_record
from tochuc.core.rules import rule_in_force
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person

D = dt.date
pytestmark = pytest.mark.django_db


def unsaved(organization, opened_on, *, term="2025-2030", kind=CongressKind.REGULAR, **extra):
    return Congress(
        organization=organization,
        term=term,
        kind=kind,
        opened_on=opened_on,
        closed_on=opened_on + dt.timedelta(days=1),
        delegates_summoned=10,
        **extra,
    )


def born_july_1967():
    return Person(full_name="Bảy Sáu Bảy", sex=Sex.MALE, date_of_birth=D(1967, 7, 1))


def test_the_same_re_elected_man_is_flagged_under_chi_thi_35_and_passes_under_45(small_tree):
    t = small_tree
    person = born_july_1967()
    before = age_check(person=person, congress=unsaved(t.la, D(2025, 4, 10)), re_elected=True)
    after = age_check(person=person, congress=unsaved(t.la, D(2025, 4, 20)), re_elected=True)
    assert (before.counted_on, before.retires_on, before.months_left) == (
        D(2025, 4, 1),
        D(2027, 7, 1),
        27,
    )
    assert before.months_needed == 30 and "Chỉ thị 35-CT/TW" in before.flag
    assert "còn 27 tháng công tác tính từ 01/04/2025, chưa đủ 30 tháng" in before.flag
    assert (after.counted_on, after.retires_on, after.months_left, after.months_needed) == (
        D(2025, 4, 1),
        D(2029, 7, 1),
        51,
        48,
    )
    assert after.flag == ""


def test_first_time_needs_a_full_term(small_tree):
    t = small_tree
    person = born_july_1967()
    check = age_check(person=person, congress=unsaved(t.la, D(2025, 4, 20)), re_elected=False)
    assert check.months_needed == 60 and check.standing == "Lần đầu tham gia"
    assert check.flag.startswith("Bảy Sáu Bảy (lần đầu tham gia cấp ủy) nghỉ hưu ngày 01/07/2029")
    young = Person(full_name="Trẻ", sex=Sex.FEMALE, date_of_birth=D(1990, 1, 1))
    assert (
        age_check(person=young, congress=unsaved(t.la, D(2025, 4, 20)), re_elected=False).flag == ""
    )


def test_counting_points_by_directive_level_and_kind(small_tree):
    t = small_tree
    # Chỉ thị 45 for 2025–2030: commune July, province September, grassroots April.
    assert counting_point(unsaved(t.a, D(2025, 10, 15))) == D(2025, 7, 1)
    assert counting_point(unsaved(t.p, D(2025, 10, 1))) == D(2025, 9, 1)
    assert counting_point(unsaved(t.a1, D(2025, 9, 5))) == D(2025, 4, 1)
    # Chỉ thị 35 for 2020–2025: province September 2020, district June 2020, else the month.
    assert counting_point(unsaved(t.lp, D(2020, 10, 14), term="2020-2025")) == D(2020, 9, 1)
    assert counting_point(unsaved(t.ld, D(2020, 7, 20), term="2020-2025")) == D(2020, 6, 1)
    assert counting_point(unsaved(t.la, D(2020, 6, 10), term="2020-2025")) == D(2020, 6, 1)
    # An extraordinary congress counts from its own month; an entered day wins.
    extraordinary = unsaved(t.a, D(2027, 3, 9), kind=CongressKind.EXTRAORDINARY)
    assert counting_point(extraordinary) == D(2027, 3, 1)
    assert counting_point(unsaved(t.a, D(2025, 10, 15), age_counted_on=D(2025, 8, 1))) == D(
        2025, 8, 1
    )


def test_no_age_rule_before_chi_thi_35(small_tree):
    check = age_check(
        person=born_july_1967(),
        congress=unsaved(small_tree.la, D(2019, 5, 1), term="2015-2020"),
        re_elected=True,
    )
    assert check.flag == "" and check.months_needed is None


def test_re_elected_is_derived_from_previous_executive_seats_of_the_lineage(
    small_tree, people, congress_2025
):
    t, p = small_tree, people
    # X1 held LA's executive seat (LA merged into A): re-elected; Y2 never held one.
    assert previous_committee_seats(p.x1, congress_2025).exists()
    assert not previous_committee_seats(p.y2, congress_2025).exists()
    # A seat in another commune's committee does not make one re-elected in A.
    other = post_create(
        organization=t.b,
        body=Body.EXECUTIVE_COMMITTEE,
        title="Ủy viên Ban Chấp hành",
        seats=3,
        valid_from=D(2025, 7, 1),
    )
    assignment_create(
        person=p.y2, post=other, kind=AssignmentKind.DESIGNATION, starts_on=D(2025, 7, 1),
        decision=t.decision,
    )  # fmt: skip
    assert not previous_committee_seats(p.y2, congress_2025).exists()
    # Y2 retires 15/03/2030: short of a full term (flagged) but would pass as re-elected.
    first = age_check(person=p.y2, congress=congress_2025, re_elected=False)
    again = age_check(person=p.y2, congress=congress_2025, re_elected=True)
    assert (first.months_left, bool(first.flag), bool(again.flag)) == (56, True, False)


def test_election_refuses_a_flagged_member_unless_the_exception_is_cited(
    small_tree, people, congress_2020
):
    t, p = small_tree, people
    congress = services.congress_create(
        organization=t.a,
        term="2025-2030",
        opened_on=D(2025, 10, 15),
        closed_on=D(2025, 10, 16),
        delegates_summoned=9,
    )
    services.committee_sizes_set(
        congress=congress, executive_size=5, standing_size=0, inspection_size=0,
        deputy_secretaries=0,
    )  # fmt: skip
    record = vote_record("02-BB/ĐH", D(2025, 10, 16))
    with pytest.raises(ValidationError) as refused:
        services.election_record(
            congress=congress, role=Role.EXECUTIVE_MEMBER, person=p.x2, vote_record=record
        )
    (message,) = refused.value.messages
    assert message.startswith("Xa Hai (tái cử) nghỉ hưu ngày 15/12/2027, còn 29 tháng")
    assert "Chỉ thị 45-CT/TW" in message and "hãy ghi căn cứ" in message
    assert not Assignment.objects.filter(person=p.x2, post__organization=t.a).exists()
    elected = services.election_record(
        congress=congress,
        role=Role.EXECUTIVE_MEMBER,
        person=p.x2,
        exception="Ban Thường vụ Thành ủy đồng ý",
        vote_record=record,
    )
    assert elected.exception == "Ban Thường vụ Thành ủy đồng ý"
    services.election_record(congress=congress, role=Role.EXECUTIVE_MEMBER, person=p.x1)


def test_the_2020_congress_judged_x2_first_time_and_fit(people, congress_2020):
    """In 2020 X2 had no previous seat and 69 months to retire at 60 (Chỉ thị 35)."""
    check = age_check(person=people.x2, congress=congress_2020, re_elected=False)
    assert (check.counted_on, check.retires_on, check.months_left, check.flag) == (
        D(2020, 6, 1),
        D(2026, 3, 15),
        69,
        "",
    )


def test_only_full_members_of_the_organization_are_delegates_or_elected(small_tree, people):
    t, p = small_tree, people
    congress = services.congress_create(
        organization=t.a,
        term="2025-2030",
        opened_on=D(2025, 10, 15),
        closed_on=D(2025, 10, 16),
        delegates_summoned=9,
    )
    with pytest.raises(ValidationError) as probationary:
        services.delegate_add(congress=congress, person=p.p1, kind=DelegateKind.ELECTED)
    assert probationary.value.messages == [
        "Dự Một là đảng viên dự bị vào ngày 15/10/2025, không thể là đại biểu "
        f"({rule_in_force('full_member_rights', D(2025, 10, 15)).source})."
    ]
    outsider = member("Người Bê", t.b1, born=D(1980, 1, 1))
    with pytest.raises(ValidationError, match="không là đảng viên của đảng bộ"):
        services.delegate_add(congress=congress, person=outsider, kind=DelegateKind.ELECTED)
    services.delegate_add(congress=congress, person=p.y1, kind=DelegateKind.ELECTED)
    services.committee_sizes_set(
        congress=congress, executive_size=5, standing_size=0, inspection_size=0,
        deputy_secretaries=0,
    )  # fmt: skip
    record = vote_record("02-BB/ĐH", D(2025, 10, 16))
    with pytest.raises(ValidationError, match="Điều lệ Đảng, Điều 3"):
        services.election_record(
            congress=congress, role=Role.EXECUTIVE_MEMBER, person=p.p1, vote_record=record
        )


def test_leaders_come_from_the_executive_committee_with_the_source_of_the_day(
    small_tree, people, congress_2020
):
    t, p = small_tree, people
    # 2020 (Quy chế bầu cử 244-QĐ/TW): W is a member of LA but not of its committee.
    w = member("Vắng Mặt", t.la, born=D(1982, 2, 2), since=D(2020, 2, 1))
    with pytest.raises(ValidationError) as refused:
        services.election_record(congress=congress_2020, role=Role.DEPUTY_SECRETARY, person=w)
    assert refused.value.messages == [
        "Vắng Mặt chưa là ủy viên Ban Chấp hành vào ngày 11/06/2020; Phó Bí thư được bầu trong "
        "số ủy viên Ban Chấp hành (Điều lệ Đảng; Quy chế bầu cử trong Đảng ban hành kèm Quyết "
        "định 244-QĐ/TW ngày 09/6/2014)."
    ]
    services.election_record(congress=congress_2020, role=Role.DEPUTY_SECRETARY, person=p.x3)
    congress = services.congress_create(
        organization=t.a,
        term="2025-2030",
        opened_on=D(2025, 10, 15),
        closed_on=D(2025, 10, 16),
        delegates_summoned=9,
    )
    services.committee_sizes_set(
        congress=congress, executive_size=5, standing_size=3, inspection_size=0,
        deputy_secretaries=1,
    )  # fmt: skip
    record = vote_record("02-BB/ĐH", D(2025, 10, 16))
    with pytest.raises(ValidationError) as refused:
        services.election_record(
            congress=congress, role=Role.SECRETARY, person=p.y1, vote_record=record
        )
    assert refused.value.messages == [
        "Yên Một chưa là ủy viên Ban Chấp hành vào ngày 16/10/2025; Bí thư được bầu trong số "
        "ủy viên Ban Chấp hành (Điều lệ Đảng; Quy chế bầu cử trong Đảng ban hành kèm Quyết "
        "định 190-QĐ/TW ngày 10/10/2024)."
    ]
    # The refusal left nothing behind, the vote record included.
    services.election_record(
        congress=congress, role=Role.EXECUTIVE_MEMBER, person=p.y1, vote_record=record
    )
    services.election_record(congress=congress, role=Role.SECRETARY, person=p.y1)
    assert Post.objects.get(organization=t.a, title="Bí thư").assignments.count() == 1


def rule_rows(client, on: str) -> str:
    """The rows of this app's rules on the rules page of `on`."""
    html = client.get(f"/quy-dinh/?as_of={on}").content.decode()
    rows = re.findall(r"<tr>(.*?)</tr>", html.replace("\n", " "), re.S)
    codes = ("committee_age", "full_member_rights", "leadership_from_committee")
    return " ".join(row for row in rows if any(f"<code>{c}</code>" in row for c in codes))


def test_rules_page_lists_the_version_in_force(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    mid_2024, end_2025 = rule_rows(client, "2024-06-30"), rule_rows(client, "2025-12-04")
    assert "Chỉ thị 35-CT/TW" in mid_2024 and "Chỉ thị 45-CT/TW" not in mid_2024
    assert "Chỉ thị 45-CT/TW" in end_2025 and "Chỉ thị 35-CT/TW" not in end_2025
    assert "244-QĐ/TW" in mid_2024 and "190-QĐ/TW" in end_2025
    assert "full_member_rights" in end_2025 and "full_member_rights" in mid_2024
    assert "committee_age" not in rule_rows(client, "2019-01-01")
