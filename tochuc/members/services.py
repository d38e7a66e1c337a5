"""Writes of membership: record an event, correct an event. Both replay the whole history.

Each write locks the person, replays every valid event with the new one against the rules
(`replay`), and only then saves the event and rebuilds the person's spans, in one
transaction: a refused event leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction

from tochuc.core.models import Decision
from tochuc.members.models import EventCorrection, EventKind, MembershipEvent, MembershipSpan
from tochuc.members.replay import Fact, Refusal, Span, confirmation_date, replay
from tochuc.organizations.kinds import PARTY_KINDS
from tochuc.organizations.models import OrganizationPeriod
from tochuc.people.models import Person

FACT_FIELDS = (
    "id", "kind", "effective_on", "organization_id", "status", "admitted_on", "card_number",
    "card_series", "provincial_approval",
)  # fmt: skip


def _fact(event: MembershipEvent) -> Fact:
    return Fact(**{f: getattr(event, f) for f in FACT_FIELDS})


def _existence_checker(facts: list[Fact]):
    """A set-based 'does this party organization exist on that day' for the facts' orgs."""
    periods = defaultdict(list)
    org_ids = {f.organization_id for f in facts if f.organization_id}
    for org_id, start, end in OrganizationPeriod.objects.filter(
        organization_id__in=org_ids, kind__in=PARTY_KINDS
    ).values_list("organization_id", "valid_from", "valid_to"):
        periods[org_id].append((start, end))
    return lambda org_id, day: any(s <= day <= e for s, e in periods.get(org_id, []))


def span_records(person: Person, spans: list[Span]) -> list[MembershipSpan]:
    """Unsaved span rows for the spans a replay produced."""
    return [
        MembershipSpan(
            person=person,
            valid_from=span.valid_from,
            valid_to=span.valid_to,
            status=span.state.status,
            organization_id=span.state.organization_id,
            host_organization_id=span.state.host_organization_id,
            exempt=span.state.exempt,
            admitted_on=span.state.admitted_on,
            confirmed_on=span.state.confirmed_on,
            card_number=span.state.card_number,
            card_series=span.state.card_series,
        )
        for span in spans
    ]


def _replay_and_store(person: Person, facts: list[Fact]) -> None:
    try:
        spans = replay(
            facts, birth=person.date_of_birth, party_organization_exists=_existence_checker(facts)
        )
    except Refusal as exc:
        raise ValidationError(str(exc), code="rule") from exc
    MembershipSpan.objects.filter(person=person).delete()
    MembershipSpan.objects.bulk_create(span_records(person, spans))


def _valid_facts(person: Person, excluding: int | None = None) -> list[Fact]:
    events = MembershipEvent.objects.filter(person=person, is_void=False)
    if excluding:
        events = events.exclude(pk=excluding)
    return [_fact(e) for e in events]


@transaction.atomic
def event_record(
    *,
    person: Person,
    kind: str,
    effective_on: dt.date,
    organization=None,
    decision: Decision | None = None,
    recorded_by=None,
    **details,
) -> MembershipEvent:
    """Record one membership event after checking the person's whole history with it."""
    if kind not in EventKind.values:
        raise ValidationError(f"Loại sự kiện «{kind}» không có trong danh mục.", code="kind")
    if kind in (EventKind.ADMISSION, EventKind.READMISSION) and decision is None:
        raise ValidationError("Kết nạp phải có quyết định (số, ngày, cơ quan ban hành).")
    person = Person.objects.select_for_update().get(pk=person.pk)
    event = MembershipEvent(
        person=person,
        kind=kind,
        effective_on=effective_on,
        organization=organization,
        decision=decision,
        recorded_by=recorded_by,
        **details,
    )
    _replay_and_store(person, [*_valid_facts(person), _fact(event)])
    event.save()
    return event


def member_confirm(*, person: Person, decision: Decision, recorded_by=None) -> MembershipEvent:
    """Chuyển đảng chính thức, dated at the end of the 12-month probation (not the meeting)."""
    span = MembershipSpan.objects.filter(person=person).order_by("-valid_from").first()
    if span is None:
        raise ValidationError("Người này chưa là đảng viên.")
    return event_record(
        person=person,
        kind=EventKind.CONFIRMATION,
        effective_on=confirmation_date(span.admitted_on),
        decision=decision,
        recorded_by=recorded_by,
    )


@transaction.atomic
def event_correct(
    *,
    event: MembershipEvent,
    reason: str,
    replacement: dict | None = None,
    recorded_by=None,
) -> EventCorrection:
    """Đính chính: void `event` (and record `replacement`, if given), keeping both on record."""
    if not reason.strip():
        raise ValidationError("Đính chính phải nêu lý do.")
    person = Person.objects.select_for_update().get(pk=event.person_id)
    event = MembershipEvent.objects.select_for_update().get(pk=event.pk)
    if event.is_void:
        raise ValidationError("Sự kiện này đã được đính chính trước đó.")
    facts = _valid_facts(person, excluding=event.pk)
    new_event = None
    if replacement:
        new_event = MembershipEvent(person=person, recorded_by=recorded_by, **replacement)
        facts.append(_fact(new_event))
    _replay_and_store(person, facts)
    if new_event is not None:
        new_event.save()
    event.is_void = True
    event.save(update_fields=["is_void"])
    return EventCorrection.objects.create(
        event=event, replacement=new_event, reason=reason.strip(), recorded_by=recorded_by
    )


FIRST_EVENT_KINDS = (EventKind.ADMISSION, EventKind.TRANSFER_IN)
"""How a person new to the system becomes a member: admitted here or transferred in."""


@transaction.atomic
def member_register(
    *,
    profile: dict,
    kind: str,
    effective_on: dt.date,
    organization,
    decision: Decision | None = None,
    recorded_by=None,
    **details,
) -> MembershipEvent:
    """Create a person from `profile` with their first event; a refused event creates nobody."""
    if kind not in FIRST_EVENT_KINDS:
        raise ValidationError("Sự kiện đầu tiên phải là kết nạp hoặc chuyển sinh hoạt đến.")
    person = Person(**profile)
    person.full_clean()
    person.save()
    return event_record(
        person=person,
        kind=kind,
        effective_on=effective_on,
        organization=organization,
        decision=decision,
        recorded_by=recorded_by,
        **details,
    )
