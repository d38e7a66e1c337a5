"""Writes of personal records: profile edits with optimistic locking, logged sensitive reads."""

from __future__ import annotations

from django.db import transaction

from tochuc.core.models import AuditEntry
from tochuc.core.services import locked_for_edit
from tochuc.people.models import SENSITIVE_FIELDS, Person
from tochuc.people.sensitive import mask, may_read_sensitive


def person_create(
    *, full_name: str, sex: str, date_of_birth, specialty: str = "", **fields
) -> Person:
    """A new personal record (a cadre or civil servant who is not yet on file), validated."""
    person = Person(
        full_name=" ".join(full_name.split()),
        sex=sex,
        date_of_birth=date_of_birth,
        specialty=specialty,
        **fields,
    )
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def person_update(*, person: Person, expected_version: int | None, changes: dict) -> Person:
    """Save `changes` to the profile unless someone saved it since `expected_version`."""
    person = locked_for_edit(Person, person.pk, expected_version=expected_version)
    for name, value in changes.items():
        setattr(person, name, value)
    person.version += 1
    person.full_clean()
    person.save()
    return person


def sensitive_values_many(persons, user, *, purpose: str) -> dict[int, dict[str, str]]:
    """`sensitive_values` for a page of persons: masked, or shown and logged in one insert."""
    values = {p.pk: {name: getattr(p, name) for name in SENSITIVE_FIELDS} for p in persons}
    if not may_read_sensitive(user):
        return {
            pk: {name: mask(value) for name, value in fields.items()}
            for pk, fields in values.items()
        }
    AuditEntry.objects.bulk_create(
        AuditEntry(
            user=user,
            action=AuditEntry.Action.READ_SENSITIVE,
            subject=f"people.Person:{pk}",
            detail={"fields": [n for n, v in fields.items() if v], "purpose": purpose},
        )
        for pk, fields in values.items()
        if any(fields.values())
    )
    return values
