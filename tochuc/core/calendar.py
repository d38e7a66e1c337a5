"""Working days: Monday to Friday, less the public holidays listed in settings.

Deadlines counted in working days ("within 30 working days") use these functions. Public
holidays (Tết follows the lunar calendar) are configured in `TOCHUC_PUBLIC_HOLIDAYS` as ISO
dates; without them only weekends are skipped.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings


def _holidays() -> frozenset[dt.date]:
    return frozenset(
        dt.date.fromisoformat(day) for day in getattr(settings, "TOCHUC_PUBLIC_HOLIDAYS", [])
    )


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _holidays()


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The working day `count` working days after `day` (before it when `count` < 0)."""
    step = 1 if count >= 0 else -1
    remaining, current = abs(count), day
    while remaining:
        current += dt.timedelta(days=step)
        if is_working_day(current):
            remaining -= 1
    return current


def latest_start_past(on: dt.date, working_days: int) -> dt.date:
    """The last start day whose deadline of `working_days` working days is past on `on`.

    A deadline starting on S is past on `on` when `add_working_days(S, working_days) < on`;
    lets a query select "overdue" rows with one date comparison.
    """
    day = on - dt.timedelta(days=2 * working_days + 30)
    while add_working_days(day + dt.timedelta(days=1), working_days) < on:
        day += dt.timedelta(days=1)
    return day
