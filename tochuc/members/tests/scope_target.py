"""Scope-walk hook: commune B's member «Đảng viên Bí Mật Bê», admitted into B on 01/08/2025."""

from __future__ import annotations

import datetime as dt

from tochuc.members.models import EventKind, MembershipEvent, MembershipSpan
from tochuc.members.services import event_record
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person

NAME = "Đảng viên Bí Mật Bê"


def target(tree) -> int:
    """The id of commune B's member (created once, reused by the people app's hook)."""
    person = Person.objects.filter(full_name=NAME).first()
    if person is None:
        person = Person.objects.create(
            full_name=NAME,
            sex=Sex.FEMALE,
            date_of_birth=dt.date(1990, 3, 3),
            citizen_id="089190000001",
            phone="0912000001",
        )
        event_record(
            person=person,
            kind=EventKind.ADMISSION,
            effective_on=dt.date(2025, 8, 1),
            organization=tree.b,
            decision=tree.decision,
        )
    return person.pk


def snapshot(tree):
    """B's member as stored: profile, events and spans."""
    person = Person.objects.get(full_name=NAME)
    return (
        list(Person.objects.filter(pk=person.pk).values()),
        list(MembershipEvent.objects.filter(person=person).values()),
        list(MembershipSpan.objects.filter(person=person).values()),
    )
