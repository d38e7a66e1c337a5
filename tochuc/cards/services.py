"""Writes of the card exchange: declare a member, then record each step in order.

Every refusal is a Vietnamese `ValidationError` and writes nothing. Receiving the new card
records the member's CARD_EXCHANGE membership event (`tochuc.members.services.event_record`)
in the same transaction: when the member's history refuses it, the step stays unrecorded.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tochuc.cards.campaign import STEP_LABELS, STEP_NAMES, campaign_series, campaign_source
from tochuc.cards.models import CardExchange
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_date
from tochuc.core.rules import rule_in_force
from tochuc.core.services import locked_for_edit
from tochuc.members.models import EventKind, MembershipSpan, Status
from tochuc.members.services import event_record
from tochuc.organizations.models import OrganizationSuccession
from tochuc.people.models import Person


def _not_in_future(on: dt.date) -> None:
    if on > timezone.localdate():
        raise ValidationError(f"Ngày {vn_date(on)} chưa đến: không ghi nhận trước.")


def _campaign_in_force(on: dt.date) -> None:
    try:
        rule_in_force("card_series", on)
    except LookupError as exc:
        raise ValidationError(
            f"Ngày {vn_date(on)} chưa có đợt đổi thẻ ({campaign_source(on)})."
        ) from exc


def _organization_responsible(span: MembershipSpan, on: dt.date) -> int:
    """The member's official organization on `on`, carried to its heir after a merger."""
    heir = (
        OrganizationSuccession.objects.filter(valid_at_q(on), organization_id=span.organization_id)
        .values_list("heir_id", flat=True)
        .first()
    )
    return heir or span.organization_id


@transaction.atomic
def card_exchange_declare(
    *, person: Person, declared_on: dt.date, recorded_by=None
) -> CardExchange:
    """Kê khai đổi thẻ: open the member's exchange record, checked against eligibility.

    Only a full member holding a card of a previous series may exchange it (Chỉ thị
    51-CT/TW, 2025); the organization responsible is the member's organization that day.
    """
    _not_in_future(declared_on)
    _campaign_in_force(declared_on)
    person = Person.objects.select_for_update().get(pk=person.pk)
    series = campaign_series(declared_on)
    source = campaign_source(declared_on)
    existing = CardExchange.objects.filter(person=person, series=series).first()
    if existing is not None:
        raise ValidationError(
            f"{person} đã kê khai đổi thẻ đợt {series} ngày {vn_date(existing.declared_on)}."
        )
    span = MembershipSpan.objects.filter(valid_at_q(declared_on), person=person).first()
    if span is None:
        raise ValidationError(f"{person} không phải là đảng viên vào ngày {vn_date(declared_on)}.")
    if span.status != Status.FULL:
        raise ValidationError(
            f"{person} là đảng viên dự bị: chỉ đảng viên chính thức đã có thẻ mới được đổi thẻ, "
            f"theo {source}."
        )
    if not span.card_number:
        raise ValidationError(f"{person} chưa có thẻ đảng viên để đổi (hãy ghi nhận phát thẻ).")
    if span.card_series == series:
        raise ValidationError(f"{person} đã có thẻ đợt {series}.")
    return CardExchange.objects.create(
        person=person,
        series=series,
        organization_id=_organization_responsible(span, declared_on),
        old_card_number=span.card_number,
        declared_on=declared_on,
    )


def _check_order(exchange: CardExchange, step: str, on: dt.date) -> None:
    label = STEP_LABELS[step]
    recorded = exchange.step_on(step)
    if recorded is not None:
        raise ValidationError(f"Bước «{label}» đã được ghi nhận ngày {vn_date(recorded)}.")
    previous = STEP_NAMES[STEP_NAMES.index(step) - 1]
    previous_on = exchange.step_on(previous)
    if previous_on is None:
        raise ValidationError(
            f"Chưa thể ghi nhận «{label}»: bước trước, «{STEP_LABELS[previous]}», chưa xong."
        )
    if on < previous_on:
        raise ValidationError(
            f"Ngày «{label}» ({vn_date(on)}) không thể trước ngày "
            f"«{STEP_LABELS[previous]}» ({vn_date(previous_on)})."
        )


@transaction.atomic
def card_exchange_step(
    *,
    exchange: CardExchange,
    step: str,
    on: dt.date,
    recorded_by=None,
    expected_version: int | None = None,
    card_number: str = "",
) -> CardExchange:
    """Record one step of an exchange on `on`, after the step before it.

    Verifying needs the citizen ID on file and records who verified; receiving needs the
    new card number and records the CARD_EXCHANGE membership event.
    """
    exchange = locked_for_edit(CardExchange, exchange.pk, expected_version=expected_version)
    if step not in STEP_NAMES[1:]:
        raise ValidationError(f"Bước «{step}» không có trong quy trình đổi thẻ.")
    _check_order(exchange, step, on)
    _not_in_future(on)
    if step == "verified":
        if not exchange.person.citizen_id:
            raise ValidationError(
                "Hồ sơ chưa có số căn cước công dân để đối chiếu: hãy cập nhật hồ sơ cá nhân."
            )
        exchange.verified_by = recorded_by
    if step == "received":
        card_number = card_number.strip()
        if not card_number:
            raise ValidationError("Thiếu số thẻ đảng viên mới.")
        exchange.new_card_number = card_number
        exchange.event = event_record(
            person=exchange.person,
            kind=EventKind.CARD_EXCHANGE,
            effective_on=on,
            recorded_by=recorded_by,
            card_number=card_number,
            card_series=exchange.series,
            note=f"Nhận thẻ mới (hồ sơ đổi thẻ #{exchange.pk}).",
        )
    setattr(exchange, f"{step}_on", on)
    exchange.version += 1
    exchange.save()
    return exchange
