"""Reads of persons."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from tochuc.core.scoping import VIEW
from tochuc.core.text import fold
from tochuc.people.models import Person


def search_persons(
    *, user, on: dt.date, text: str, limit: int = 50, action: str = VIEW
) -> QuerySet[Person]:
    """Persons in the user's scope for `action` on `on` whose name has words starting with
    `text`'s words, accents ignored ("nguyen van a" finds "Nguyễn Văn An")."""
    persons = Person.objects.restrict(user, action, on=on)
    words = fold(text).split()
    if not words:
        return persons.none()
    for word in words:
        persons = persons.filter(name_folded__contains=f" {word}")
    return persons.order_by("name_folded", "id")[:limit]
