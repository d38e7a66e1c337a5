"""Every rule has a passing and a refused case; a refusal leaves nothing behind."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.members.models import EventCorrection, MembershipEvent, MembershipSpan, Status
from tochuc.members.models import EventKind as K
from tochuc.members.replay import add_months, confirmation_date
from tochuc.members.services import event_correct, member_confirm
from tochuc.members.tests.conftest import person

D = dt.date
pytestmark = pytest.mark.django_db


def snapshot(p):
    return (
        list(MembershipEvent.objects.filter(person=p).values()),
        list(MembershipSpan.objects.filter(person=p).values()),
    )


def refused(record, p, *args, match, **kwargs):
    before = snapshot(p)
    with pytest.raises(ValidationError, match=match):
        record(p, *args, **kwargs)
    assert snapshot(p) == before


def test_admission_age_from_full_18(small_tree, members):
    young = person("Trẻ Tuổi", D(2007, 9, 2))
    refused(members.record, young, K.ADMISSION, D(2025, 9, 1), small_tree.a, match="Chưa đủ 18")
    members.record(young, K.ADMISSION, D(2025, 9, 2), small_tree.a)


def test_admission_over_60_needs_provincial_approval(small_tree, members):
    elder = person("Cao Niên", D(1965, 1, 10))
    refused(
        members.record,
        elder,
        K.ADMISSION,
        D(2025, 9, 1),
        small_tree.a,
        match="quá 60 tuổi.*294-QĐ/TW",
    )
    members.record(elder, K.ADMISSION, D(2025, 9, 1), small_tree.a, provincial_approval=True)


def test_2024_admission_cites_the_2021_rule(small_tree, members):
    young = person("Trẻ Năm 2024", D(2006, 6, 1))
    refused(members.record, young, K.ADMISSION, D(2024, 5, 1), small_tree.la, match="24-QĐ/TW")


def test_confirmation_is_dated_at_the_end_of_probation(small_tree, members, decision):
    assert confirmation_date(D(2024, 6, 1)) == D(2025, 6, 1)
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    refused(
        members.record,
        members.p2,
        K.CONFIRMATION,
        D(2025, 9, 30),
        match="phải là ngày kết thúc 12 tháng dự bị, 01/06/2025",
    )
    event = member_confirm(person=members.p2, decision=decision)
    assert event.effective_on == D(2025, 6, 1)
    span = MembershipSpan.objects.get(person=members.p2, valid_from=D(2025, 6, 1))
    assert span.status == Status.FULL


def test_no_event_after_death(small_tree, members):
    refused(
        members.record, members.p4, K.TRANSFER, D(2025, 12, 1), small_tree.a, match="đã từ trần"
    )


def test_destination_must_exist_on_the_date(small_tree, members):
    refused(
        members.record, members.p1, K.TRANSFER, D(2025, 8, 1), small_tree.lb, match="không tồn tại"
    )
    members.record(members.p1, K.TRANSFER, D(2025, 8, 1), small_tree.b)


def test_state_and_kind_must_fit(small_tree, members):
    refused(
        members.record,
        members.p1,
        K.ADMISSION,
        D(2025, 8, 1),
        small_tree.a,
        match="đang là đảng viên",
    )
    outsider = person("Quần Chúng", D(1990, 1, 1))
    refused(
        members.record,
        outsider,
        K.TRANSFER,
        D(2025, 8, 1),
        small_tree.a,
        match="không phải là đảng viên",
    )
    refused(
        members.record,
        members.p6,
        K.TRANSFER,
        D(2025, 8, 1),
        small_tree.a,
        match="trùng với nơi đang sinh hoạt",
    )
    refused(
        members.record,
        members.p1,
        K.TEMPORARY_RETURN,
        D(2025, 8, 1),
        match="không đang sinh hoạt tạm thời",
    )


def test_a_back_dated_event_is_checked_against_later_ones(small_tree, members):
    # P2 was transferred into LA on 10/01/2025; a back-dated death before it is refused
    # because the later transfer would then follow a death.
    refused(members.record, members.p2, K.DEATH, D(2024, 12, 1), match="đã từ trần")


def test_readmission_after_resignation_but_not_after_expulsion(small_tree, members):
    members.record(members.p6, K.RESIGNATION, D(2026, 1, 5))
    refused(
        members.record, members.p6, K.ADMISSION, D(2026, 6, 1), small_tree.b, match="Kết nạp lại"
    )
    members.record(members.p6, K.READMISSION, D(2026, 6, 1), small_tree.b)
    members.record(members.p5, K.EXPULSION, D(2026, 1, 5))
    refused(
        members.record, members.p5, K.READMISSION, D(2026, 6, 1), small_tree.b, match="khai trừ"
    )


def test_card_exchange_to_the_2025_series(small_tree, members):
    members.record(members.p1, K.CARD_ISSUE, D(2025, 3, 20), card_number="0123", card_series="2012")
    members.record(members.p1, K.CARD_EXCHANGE, D(2025, 10, 1), card_number="9876")
    span = MembershipSpan.objects.get(person=members.p1, valid_from=D(2025, 10, 1))
    assert (span.card_number, span.card_series) == ("9876", "2025")
    refused(
        members.record,
        members.p1,
        K.CARD_EXCHANGE,
        D(2025, 11, 1),
        card_number="5555",
        match="đã có thẻ đợt 2025",
    )


def test_correction_voids_and_replaces_and_keeps_both(small_tree, members):
    wrong = MembershipEvent.objects.get(person=members.p6, kind=K.TRANSFER)
    correction = event_correct(
        event=wrong,
        reason="Nhập nhầm ngày chuyển",
        replacement={
            "kind": K.TRANSFER,
            "effective_on": D(2025, 12, 2),
            "organization": small_tree.b,
        },
    )
    wrong.refresh_from_db()
    assert wrong.is_void and correction.replacement.effective_on == D(2025, 12, 2)
    assert (
        MembershipSpan.objects.get(person=members.p6, valid_to=D(2025, 12, 1)).organization
        == small_tree.a
    )
    assert EventCorrection.objects.count() == 1


def test_a_correction_that_breaks_a_rule_is_refused(small_tree, members):
    admission = MembershipEvent.objects.get(person=members.p6, kind=K.ADMISSION)
    before = snapshot(members.p6)
    with pytest.raises(ValidationError, match="không phải là đảng viên"):
        event_correct(event=admission, reason="Không có quyết định kết nạp")
    assert snapshot(members.p6) == before
    assert not EventCorrection.objects.exists()
