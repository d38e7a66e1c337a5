"""Sensitive fields (citizen ID, phone): masked unless the role allows, every read logged."""

from __future__ import annotations

from tochuc.core.models import AuditEntry
from tochuc.core.scoping import CHANGE
from tochuc.people.models import SENSITIVE_FIELDS, Person


def may_read_sensitive(user) -> bool:
    """Editors and department administrators see citizen IDs and phones; viewers do not."""
    return bool(user and user.is_authenticated and user.may(CHANGE))


def mask(value: str) -> str:
    """'079123456789' → '07********89'; short or empty values stay unrecognizable."""
    if not value:
        return ""
    if len(value) <= 4:
        return "*" * len(value)
    return value[:2] + "*" * (len(value) - 4) + value[-2:]


def sensitive_values(person: Person, user, *, purpose: str) -> dict[str, str]:
    """The sensitive fields of `person` as `user` may see them; unmasked reads are logged.

    `purpose` says where they are shown (e.g. "trang đảng viên", "API persons").
    """
    values = {name: getattr(person, name) for name in SENSITIVE_FIELDS}
    if not may_read_sensitive(user):
        return {name: mask(value) for name, value in values.items()}
    if any(values.values()):
        AuditEntry.objects.create(
            user=user,
            action=AuditEntry.Action.READ_SENSITIVE,
            subject=f"people.Person:{person.pk}",
            detail={"fields": [n for n, v in values.items() if v], "purpose": purpose},
        )
    return values
