"""Effective dating: the one place that knows what "valid at a date" means.

A record valid from `valid_from` to `valid_to` is in force on both end days (inclusive
range). An unknown or open end is stored as a sentinel (`BEGINNING`, `END_OF_TIME`) rather
than NULL, so "valid at D" is two plain comparisons that a composite index serves on
PostgreSQL and SQLite alike. Record time (when a row was entered) is kept by the history
tables (django-simple-history), valid time by these fields.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

BEGINNING = dt.date(1, 1, 1)
END_OF_TIME = dt.date(9999, 12, 31)
REFORM_2025 = dt.date(2025, 7, 1)
"""First day of the two-level local government (Nghị quyết 202/2025/QH15)."""


def valid_at_q(on: dt.date, prefix: str = "") -> Q:
    """Q for rows whose [valid_from, valid_to] contains `on`; `prefix` reaches a relation."""
    return Q(**{f"{prefix}valid_from__lte": on, f"{prefix}valid_to__gte": on})


def overlapping_q(start: dt.date, end: dt.date, prefix: str = "") -> Q:
    """Q for rows whose validity overlaps the inclusive period [start, end]."""
    return Q(**{f"{prefix}valid_from__lte": end, f"{prefix}valid_to__gte": start})


def shown(day: dt.date | None) -> dt.date | None:
    """The date a person should see: None for the open-end sentinels."""
    return None if day in (None, BEGINNING, END_OF_TIME) else day


def intersect(
    a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]
) -> tuple[dt.date, dt.date] | None:
    """The common part of two inclusive ranges, or None."""
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def day_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=1)


class EffectiveDatedQuerySet(models.QuerySet):
    def valid_at(self, on: dt.date):
        return self.filter(valid_at_q(on))

    def overlapping(self, start: dt.date, end: dt.date):
        return self.filter(overlapping_q(start, end))


class EffectiveDated(models.Model):
    """Abstract base: an inclusive validity range with open-end sentinels."""

    valid_from = models.DateField("hiệu lực từ ngày", default=BEGINNING)
    valid_to = models.DateField("hiệu lực đến ngày", default=END_OF_TIME)

    objects = EffectiveDatedQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_valid_at(self, on: dt.date) -> bool:
        return self.valid_from <= on <= self.valid_to

    @property
    def shown_valid_from(self):
        return shown(self.valid_from)

    @property
    def shown_valid_to(self):
        return shown(self.valid_to)
