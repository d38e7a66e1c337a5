"""Declaring and recording the steps of a card exchange: order, refusals, the event."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.cards.services import card_exchange_declare, card_exchange_step
from tochuc.cards.tests.conftest import full_member
from tochuc.core.services import StaleEdit
from tochuc.members.models import EventKind, MembershipEvent, MembershipSpan
from tochuc.members.services import event_correct, event_record

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def member(small_tree):
    return full_member("Người Đổi Thẻ", small_tree.a1, card="C-100")


@pytest.fixture
def exchange(member):
    return card_exchange_declare(person=member, declared_on=D(2025, 9, 1))


def step(exchange, name, on, **kwargs):
    return card_exchange_step(exchange=exchange, step=name, on=on, **kwargs)


def test_declaring_names_the_members_organization_after_the_merger(small_tree):
    t = small_tree
    old = full_member("Người Xã Cũ", t.a1, card="C-1")
    exchange = card_exchange_declare(person=old, declared_on=D(2025, 9, 1))
    assert exchange.organization == t.a1 and exchange.old_card_number == "C-1"
    assert exchange.series == "2025" and exchange.version == 1


def test_declaring_refuses_probationary_cardless_and_twice(small_tree, member, exchange):
    t = small_tree
    with pytest.raises(ValidationError, match="đã kê khai đổi thẻ"):
        card_exchange_declare(person=member, declared_on=D(2025, 9, 2))
    cardless = full_member("Người Chưa Có Thẻ", t.a1)
    with pytest.raises(ValidationError, match="chưa có thẻ"):
        card_exchange_declare(person=cardless, declared_on=D(2025, 9, 1))
    with pytest.raises(ValidationError, match="không phải là đảng viên"):
        card_exchange_declare(person=cardless, declared_on=D(2025, 8, 1))
    new = full_member("Người Có Thẻ Mới", t.a1, card="N-1", series="2025")
    with pytest.raises(ValidationError, match="đã có thẻ đợt 2025"):
        card_exchange_declare(person=new, declared_on=D(2025, 9, 1))


def test_declaring_refuses_before_the_campaign_and_in_the_future(member):
    with pytest.raises(ValidationError, match="chưa có đợt đổi thẻ"):
        card_exchange_declare(person=member, declared_on=D(2024, 12, 31))
    with pytest.raises(ValidationError, match="chưa đến"):
        card_exchange_declare(person=member, declared_on=D(2099, 1, 1))


def test_steps_go_in_order(exchange):
    with pytest.raises(ValidationError, match="bước trước, «Chụp ảnh», chưa xong"):
        step(exchange, "verified", D(2025, 9, 3))
    with pytest.raises(ValidationError, match="không thể trước ngày «Kê khai»"):
        step(exchange, "photographed", D(2025, 8, 31))
    exchange = step(exchange, "photographed", D(2025, 9, 1))
    with pytest.raises(ValidationError, match="đã được ghi nhận ngày 01/09/2025"):
        step(exchange, "photographed", D(2025, 9, 2))
    with pytest.raises(ValidationError, match="không có trong quy trình"):
        step(exchange, "declared", D(2025, 9, 2))
    assert exchange.version == 2 and exchange.next_step == "verified"


def test_verifying_needs_the_citizen_id_and_records_who(small_tree, member, exchange):
    exchange = step(exchange, "photographed", D(2025, 9, 2))
    member.citizen_id = ""
    member.save()
    with pytest.raises(ValidationError, match="căn cước công dân"):
        step(exchange, "verified", D(2025, 9, 3))
    member.citizen_id = "092080000001"
    member.save()
    exchange = step(exchange, "verified", D(2025, 9, 3), recorded_by=small_tree.users.a_editor)
    assert exchange.verified_by == small_tree.users.a_editor


def through_sent(exchange):
    for name, day in (("photographed", 2), ("verified", 3), ("signed", 4), ("sent", 5)):
        exchange = step(exchange, name, D(2025, 9, day))
    return exchange


def test_receiving_records_the_card_exchange_event(member, exchange):
    exchange = step(through_sent(exchange), "received", D(2025, 10, 1), card_number=" N-100 ")
    event = MembershipEvent.objects.get(person=member, kind=EventKind.CARD_EXCHANGE)
    assert exchange.event == event and event.card_number == "N-100"
    span = MembershipSpan.objects.get(person=member, valid_from=D(2025, 10, 1))
    assert (span.card_number, span.card_series) == ("N-100", "2025")
    assert exchange.history.count() == 6  # declared + five steps


def test_receiving_refused_by_the_member_history_leaves_nothing(member, exchange):
    exchange = through_sent(exchange)
    event_record(person=member, kind=EventKind.DEATH, effective_on=D(2025, 9, 20))
    with pytest.raises(ValidationError, match="từ trần"):
        step(exchange, "received", D(2025, 10, 1), card_number="N-100")
    exchange.refresh_from_db()
    assert exchange.received_on is None and exchange.event is None
    assert not MembershipEvent.objects.filter(kind=EventKind.CARD_EXCHANGE).exists()


def test_receiving_needs_a_card_number(exchange):
    with pytest.raises(ValidationError, match="Thiếu số thẻ"):
        step(through_sent(exchange), "received", D(2025, 10, 1))


def test_a_stale_form_is_refused(exchange):
    step(exchange, "photographed", D(2025, 9, 2), expected_version=1)
    with pytest.raises(StaleEdit):
        step(exchange, "verified", D(2025, 9, 3), expected_version=1)


def test_a_voided_exchange_event_is_no_longer_done(small_tree, member, exchange):
    from tochuc.cards.selectors import card_exchange_progress

    exchange = step(through_sent(exchange), "received", D(2025, 10, 1), card_number="N-100")
    assert card_exchange_progress(root=small_tree.a, on=D(2025, 12, 31)).done == 1
    event_correct(event=exchange.event, reason="Nhập nhầm")
    progress = card_exchange_progress(root=small_tree.a, on=D(2025, 12, 31))
    assert (progress.eligible, progress.done, progress.steps["received"]) == (1, 0, 1)
