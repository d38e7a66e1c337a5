"""Writes of the congresses app: each behaviour and refusal, hand-checked (tree and people
in conftest.py)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tochuc.cadres.models import Assignment, AssignmentKind, Body, Post
from tochuc.cadres.services import assignment_create, post_create
from tochuc.congresses import selectors, services
from tochuc.congresses.models import (
    CommitteeMember,
    CongressKind,
    CongressSeat,
    DelegateKind,
    Role,
    TargetDirection,
)
from tochuc.congresses.tests.conftest import vote_record
from tochuc.core.dating import END_OF_TIME
from tochuc.core.services import StaleEdit
from tochuc.organizations import services as org_services
from tochuc.organizations.kinds import Kind

D = dt.date
pytestmark = pytest.mark.django_db
OPEN, CLOSE = D(2025, 10, 15), D(2025, 10, 16)


def new_congress(organization, **extra):
    values = {
        "organization": organization,
        "term": "2025-2030",
        "opened_on": OPEN,
        "closed_on": CLOSE,
        "delegates_summoned": 3,
    }
    return services.congress_create(**(values | extra))


def sizes(congress, executive=5, standing=3, inspection=3, deputies=1, **extra):
    return services.committee_sizes_set(
        congress=congress,
        executive_size=executive,
        standing_size=standing,
        inspection_size=inspection,
        deputy_secretaries=deputies,
        **extra,
    )


# --- The congress --------------------------------------------------------------------------


def test_a_congress_is_recorded_with_its_term_normalized(small_tree):
    congress = new_congress(small_tree.a, term="2025 – 2030", ordinal=" I ")
    assert (congress.term, congress.term_label, congress.ordinal) == ("2025-2030", "2025–2030", "I")
    assert str(congress) == "Đại hội lần thứ I, nhiệm kỳ 2025–2030"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"term": "2025/2030"}, "Nhiệm kỳ: hãy ghi dạng «2025-2030»."),
        ({"term": "2030-2025"}, "Nhiệm kỳ: hãy ghi dạng «2025-2030»."),
        ({"term": "2015-2020"}, "Ngày khai mạc 15/10/2025 không thuộc nhiệm kỳ 2015-2020."),
        ({"closed_on": D(2025, 10, 14)}, "Ngày bế mạc: không thể trước ngày khai mạc."),
        ({"delegates_present": 4}, "Số đại biểu có mặt: không thể nhiều hơn số đại biểu"),
        (
            {"opened_on": D(2024, 5, 1), "closed_on": D(2024, 5, 2)},
            "Tổ chức «A» không tồn tại vào ngày khai mạc 01/05/2024.",
        ),
        ({"kind": "secret"}, "Loại đại hội «secret» không có trong danh mục."),
    ],
)
def test_a_congress_is_refused(small_tree, changes, message):
    with pytest.raises(ValidationError) as refused:
        new_congress(small_tree.a, **changes)
    assert refused.value.messages[0].startswith(message)


def test_a_state_unit_has_no_congress(small_tree):
    t = small_tree
    committee = org_services.organization_establish(
        code="A-UBND", name="Ủy ban nhân dân xã An Mới", kind=Kind.PEOPLES_COMMITTEE, parent=t.a,
        established_on=D(2025, 7, 1), decision=t.decision,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="không phải là tổ chức đảng"):
        new_congress(committee)


def test_one_regular_congress_per_term_and_extraordinary_ones(small_tree):
    t = small_tree
    new_congress(t.a)
    with pytest.raises(ValidationError, match="đã có đại hội thường kỳ"):
        new_congress(t.a, opened_on=D(2026, 3, 1), closed_on=D(2026, 3, 1))
    extra = new_congress(
        t.a, kind=CongressKind.EXTRAORDINARY, opened_on=D(2026, 3, 1), closed_on=D(2026, 3, 1)
    )
    assert str(extra) == "Đại hội (bất thường), nhiệm kỳ 2025–2030"


def test_update_counts_with_optimistic_lock_and_dates_locked_by_seats(small_tree, people):
    t, p = small_tree, people
    congress = new_congress(t.a)
    services.delegate_add(congress=congress, person=p.y1, kind=DelegateKind.ELECTED)
    services.delegate_add(congress=congress, person=p.y2, kind=DelegateKind.ELECTED)
    updated = services.congress_update(
        congress=congress, expected_version=1, delegates_present=2, note=" có mặt đủ "
    )
    assert (updated.delegates_present, updated.note, updated.version) == (2, "có mặt đủ", 2)
    with pytest.raises(StaleEdit):
        services.congress_update(congress=congress, expected_version=1, delegates_present=1)
    with pytest.raises(ValidationError, match="danh sách đã có 2 đại biểu"):
        services.congress_update(congress=congress, delegates_summoned=1, delegates_present=1)
    services.congress_update(congress=congress, closed_on=D(2025, 10, 17))
    sizes(congress)
    with pytest.raises(ValidationError, match="không sửa được sau khi đã xác định số lượng"):
        services.congress_update(congress=congress, closed_on=D(2025, 10, 18))
    with pytest.raises(ValidationError, match="Không sửa được: organization"):
        services.congress_update(congress=congress, organization=t.b)


# --- Delegates -----------------------------------------------------------------------------


def test_delegates_are_listed_once_and_within_the_number_summoned(small_tree, people):
    t, p = small_tree, people
    congress = new_congress(t.a, delegates_summoned=2)
    services.delegate_add(congress=congress, person=p.y1, kind=DelegateKind.ELECTED)
    with pytest.raises(ValidationError, match="Yên Một đã có trong danh sách đại biểu"):
        services.delegate_add(congress=congress, person=p.y1, kind=DelegateKind.DESIGNATED)
    delegate = services.delegate_add(
        congress=congress, person=p.x1, kind=DelegateKind.EX_OFFICIO, note=" Bí thư "
    )
    assert delegate.note == "Bí thư"
    with pytest.raises(ValidationError, match="Danh sách đã đủ 2 đại biểu được triệu tập"):
        services.delegate_add(congress=congress, person=p.y2, kind=DelegateKind.ELECTED)
    assert selectors.delegates_by_kind(congress) == {
        "elected": 1, "ex_officio": 1, "designated": 0, "total": 2,
    }  # fmt: skip
    services.delegate_remove(delegate=delegate)
    assert selectors.delegates_by_kind(congress)["total"] == 1


# --- Committee sizes -----------------------------------------------------------------------


def test_sizes_become_quotas_of_new_posts_from_the_closing_day(small_tree):
    t = small_tree
    congress = sizes(new_congress(t.a), executive=7, standing=3, inspection=3, deputies=1)
    posts = {s.role: s.post for s in CongressSeat.objects.filter(congress=congress)}
    assert {role: (post.body, post.title) for role, post in posts.items()} == {
        Role.EXECUTIVE_MEMBER: (Body.EXECUTIVE_COMMITTEE, "Ủy viên Ban Chấp hành"),
        Role.SECRETARY: (Body.STANDING_COMMITTEE, "Bí thư"),
        Role.DEPUTY_SECRETARY: (Body.STANDING_COMMITTEE, "Phó Bí thư"),
        Role.STANDING_MEMBER: (Body.STANDING_COMMITTEE, "Ủy viên Ban Thường vụ"),
        Role.INSPECTION_CHAIR: (Body.INSPECTION_COMMITTEE, "Chủ nhiệm Ủy ban Kiểm tra"),
        Role.INSPECTION_MEMBER: (Body.INSPECTION_COMMITTEE, "Ủy viên Ủy ban Kiểm tra"),
    }
    quota = {role: post.quotas.get().seats for role, post in posts.items()}
    assert quota == {
        Role.EXECUTIVE_MEMBER: 7, Role.SECRETARY: 1, Role.DEPUTY_SECRETARY: 1,
        Role.STANDING_MEMBER: 1, Role.INSPECTION_CHAIR: 1, Role.INSPECTION_MEMBER: 2,
    }  # fmt: skip
    assert {p.quotas.get().valid_from for p in posts.values()} == {CLOSE}
    assert (congress.executive_size, congress.standing_size, congress.version) == (7, 3, 2)
    # Changing the sizes moves the quotas (same posts).
    sizes(congress, executive=9, standing=5, inspection=3, deputies=2)
    post = posts[Role.EXECUTIVE_MEMBER]
    assert post.quotas.get().seats == 9
    assert posts[Role.STANDING_MEMBER].quotas.get().seats == 2


@pytest.mark.parametrize(
    ("numbers", "message"),
    [
        ((0, 0, 0, 0), "Số lượng ủy viên Ban Chấp hành: phải từ 1 trở lên."),
        ((5, 7, 0, 1), "Số lượng ủy viên Ban Thường vụ: không thể nhiều hơn"),
        ((9, 3, 0, 3), "Số lượng Phó Bí thư: Bí thư và 3 Phó Bí thư vượt số ủy viên Ban Thường"),
        ((3, 0, 0, 3), "Số lượng Phó Bí thư: Bí thư và các Phó Bí thư vượt số ủy viên Ban Chấp"),
        ((5, 3, -1, 1), "Số lượng Ủy ban Kiểm tra: hãy nhập số từ 0 trở lên."),
    ],
)
def test_sizes_are_refused(small_tree, numbers, message):
    executive, standing, inspection, deputies = numbers
    with pytest.raises(ValidationError) as refused:
        sizes(new_congress(small_tree.a), executive, standing, inspection, deputies)
    assert refused.value.messages[0].startswith(message)


def test_a_regular_congress_reuses_the_post_and_ends_the_previous_term(small_tree, people):
    t, p = small_tree, people
    post = post_create(
        organization=t.a, body=Body.EXECUTIVE_COMMITTEE, title="Ủy viên Ban Chấp hành",
        seats=5, valid_from=D(2025, 7, 1),
    )  # fmt: skip
    held = assignment_create(
        person=p.y1, post=post, kind=AssignmentKind.DESIGNATION, starts_on=D(2025, 7, 1),
        decision=t.decision,
    )  # fmt: skip
    congress = sizes(new_congress(t.a), executive=7)
    assert CongressSeat.objects.get(congress=congress, role=Role.EXECUTIVE_MEMBER).post == post
    held.refresh_from_db()
    assert held.valid_to == D(2025, 10, 15)
    assert [(q.seats, q.valid_from) for q in post.quotas.order_by("valid_from")] == [
        (5, D(2025, 7, 1)),
        (7, CLOSE),
    ]


def test_an_extraordinary_congress_keeps_the_holders(small_tree, people, congress_2025):
    t, p = small_tree, people
    extra = new_congress(
        t.a, kind=CongressKind.EXTRAORDINARY, opened_on=D(2026, 3, 2), closed_on=D(2026, 3, 2)
    )
    sizes(extra, executive=7, standing=3, inspection=3, deputies=1)
    executive = Post.objects.get(organization=t.a, title="Ủy viên Ban Chấp hành")
    assert executive.assignments.filter(valid_to=END_OF_TIME).count() == 5
    with pytest.raises(ValidationError, match="có 5 người giữ chức danh"):
        sizes(extra, executive=4, standing=3, inspection=3, deputies=1)
    services.election_record(
        congress=extra, role=Role.INSPECTION_MEMBER, person=p.y2,
        vote_record=vote_record("03-BB/ĐH", D(2026, 3, 2)),
    )  # fmt: skip
    figures = selectors.seat_figures(extra.__class__.objects.filter(pk=extra.pk))[extra.pk]
    assert figures[Body.INSPECTION_COMMITTEE] == selectors.SeatFigure(3, 2, 1)


# --- Election ------------------------------------------------------------------------------


def test_an_election_creates_cadres_assignments_citing_the_vote_record(people, congress_2025):
    p = people
    member = CommitteeMember.objects.get(
        congress=congress_2025, person=p.y1, role=Role.DEPUTY_SECRETARY
    )
    held = member.assignment
    assert (held.kind, held.valid_from, held.valid_to) == ("election", CLOSE, END_OF_TIME)
    assert str(held.decision) == "02-BB/ĐH ngày 16/10/2025 của Đại hội Đảng bộ xã An Mới"
    assert (held.post.title, held.post.organization_id) == (
        "Phó Bí thư",
        congress_2025.organization_id,
    )
    assert congress_2025.committee_members.count() == 9


def test_a_designated_committee_records_designations(small_tree, people):
    congress = sizes(new_congress(small_tree.a), designated=True)
    member = services.election_record(
        congress=congress, role=Role.EXECUTIVE_MEMBER, person=people.y1,
        vote_record=vote_record("15-QĐ/TU", D(2025, 10, 1), "Thành ủy thử nghiệm"),
    )  # fmt: skip
    assert member.assignment.kind == AssignmentKind.DESIGNATION


def test_an_election_is_refused_without_sizes_record_or_seat(small_tree, people):
    t, p = small_tree, people
    congress = new_congress(t.a)
    record = vote_record("02-BB/ĐH", CLOSE)
    with pytest.raises(ValidationError, match="Biên bản kết quả bầu cử: hãy nhập số"):
        services.election_record(congress=congress, role=Role.EXECUTIVE_MEMBER, person=p.y1)
    with pytest.raises(ValidationError, match="Ủy viên Ban Chấp hành: đại hội chưa xác định"):
        services.election_record(
            congress=congress, role=Role.EXECUTIVE_MEMBER, person=p.y1, vote_record=record
        )
    sizes(congress, executive=1, standing=0, inspection=0, deputies=0)
    services.election_record(
        congress=congress, role=Role.EXECUTIVE_MEMBER, person=p.y1, vote_record=record
    )
    with pytest.raises(ValidationError, match="Chức danh Ủy viên Ban Chấp hành chỉ có 1 chỗ"):
        services.election_record(congress=congress, role=Role.EXECUTIVE_MEMBER, person=p.x1)
    with pytest.raises(ValidationError, match="Yên Một đã được ghi nhận là Ủy viên Ban Chấp"):
        services.election_record(congress=congress, role=Role.EXECUTIVE_MEMBER, person=p.y1)
    with pytest.raises(ValidationError, match="Ủy viên Ủy ban Kiểm tra: đại hội chưa xác định"):
        services.election_record(congress=congress, role=Role.INSPECTION_MEMBER, person=p.y1)
    with pytest.raises(ValidationError, match="đại hội đã ghi nhận theo «02-BB/ĐH"):
        services.election_record(
            congress=congress, role=Role.SECRETARY, person=p.y1,
            vote_record=vote_record("99-BB/ĐH", CLOSE),
        )  # fmt: skip


def test_one_seat_per_person_in_the_standing_committee(people, congress_2025):
    with pytest.raises(ValidationError) as refused:
        services.election_record(
            congress=congress_2025, role=Role.STANDING_MEMBER, person=people.y1
        )
    assert (
        "Yên Một đã được ghi nhận là Phó Bí thư; mỗi người chỉ giữ một chức danh"
        in (refused.value.messages[0])
    )
    assert Assignment.objects.filter(person=people.y1).count() == 2


# --- Targets -------------------------------------------------------------------------------


def test_targets_and_progress_as_of_a_date(small_tree, congress_2025):
    members = services.target_create(
        congress=congress_2025, name="Kết nạp đảng viên mới", unit="đảng viên",
        target_value=Decimal("120"),
    )  # fmt: skip
    poverty = services.target_create(
        congress=congress_2025, name="Tỷ lệ hộ nghèo", unit="%", target_value=Decimal("1.5"),
        direction=TargetDirection.AT_MOST,
    )  # fmt: skip
    services.progress_record(target=members, on=D(2026, 12, 31), value=Decimal("25"))
    services.progress_record(target=members, on=D(2027, 12, 31), value=Decimal("61"), note="x")
    services.progress_record(target=poverty, on=D(2026, 12, 31), value=Decimal("1.2"))

    def shown(on):
        rows = selectors.targets_at([congress_2025.pk], on)
        return {
            t.name: (t.latest_value, t.latest_on, *selectors.target_progress(t).values())
            for t in rows
        }

    assert shown(D(2026, 6, 30)) == {
        "Kết nạp đảng viên mới": (None, None, "—", None),
        "Tỷ lệ hộ nghèo": (None, None, "—", None),
    }
    assert shown(D(2027, 6, 30)) == {
        "Kết nạp đảng viên mới": (Decimal("25"), D(2026, 12, 31), "20,83%", False),
        "Tỷ lệ hộ nghèo": (Decimal("1.2"), D(2026, 12, 31), "80,00%", True),
    }
    assert shown(D(2027, 12, 31))["Kết nạp đảng viên mới"][2:] == ("50,83%", False)


def test_targets_and_progress_are_refused(congress_2025):
    with pytest.raises(ValidationError, match="Tên chỉ tiêu: hãy nhập tên"):
        services.target_create(congress=congress_2025, name=" ", unit="%", target_value=1)
    with pytest.raises(ValidationError, match="Đơn vị tính: hãy nhập"):
        services.target_create(congress=congress_2025, name="A", unit="", target_value=1)
    target = services.target_create(congress=congress_2025, name="A", unit="%", target_value=1)
    with pytest.raises(ValidationError, match="không thể trước ngày khai mạc đại hội 15/10/2025"):
        services.progress_record(target=target, on=D(2025, 10, 14), value=1)
    services.progress_record(target=target, on=D(2025, 12, 31), value=1)
    with pytest.raises(ValidationError, match="đã có kết quả ngày 31/12/2025"):
        services.progress_record(target=target, on=D(2025, 12, 31), value=2)
    with pytest.raises(StaleEdit):
        services.target_update(
            target=target, name="B", unit="%", target_value=2, direction="at_least",
            expected_version=7,
        )  # fmt: skip
    updated = services.target_update(
        target=target, name="B", unit="%", target_value=2, direction="at_least",
        expected_version=1,
    )  # fmt: skip
    assert (updated.name, updated.target_value, updated.version) == ("B", 2, 2)
