"""Admission targets (chỉ tiêu kết nạp) derived from the admissions actually generated, so
that each year's admissions land at about 90–100% of the year's target.

- Years 2015–2024: each pre-2025 commune committee, target = admissions ÷ u rounded (at
  least 1) with u ~ U(0.90, 1.02).
- 2025 (the merger year), read right on either tree: each pre-2025 commune keeps the target
  it was given in January (its first-half admissions projected to the year); each new commune
  committee gets a target for the whole year re-assigned after the merger, covering the
  admissions of its predecessors since January (the selectors restate those onto it).
- From 2026 to the current year: each commune committee; the current year's admissions so
  far are projected to the full year, so «đạt P%» grows through the year.
- Terms: 2015–2020 and 2020–2025 (01/07 to 30/06) for the pre-2025 communes from their
  admissions in the term; 2025–2030 for today's communes from their restated yearly average
  of 2022–2025 times five.
A commune without admissions in a period gets no target for it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from tochuc.admissions.models import AdmissionTarget, TargetKind
from tochuc.core.bulk import BulkWriter
from tochuc.core.dating import REFORM_2025

FIELDS = ("organization_id", "kind", "year", "term", "starts_on", "ends_on", "count")
LAST_OLD = REFORM_2025 - dt.timedelta(days=1)


def _half(day: dt.date) -> int:
    return day.year * 2 + (day.month > 6)


def admission_targets(
    *, writer: BulkWriter, rng: random.Random, place, admissions: Counter, today: dt.date
) -> int:
    """Insert the targets of the province's communes; returns how many."""
    restated = Counter()  # admissions per (commune committee of today, half-year)
    for (organization, half), count in admissions.items():
        restated[(place.heir.get(organization, organization), half)] += count

    def admitted(found: Counter, organization: int, start: dt.date, end: dt.date) -> float:
        """Admissions of [start, end] (whole half-years), projected to the whole period when
        today falls inside it."""
        if today < start:
            return 0.0
        total = sum(found[(organization, h)] for h in range(_half(start), _half(end) + 1))
        return total * ((end - start).days + 1) / ((min(today, end) - start).days + 1)

    rows = []

    def add(organization: int, period: int | str, start: dt.date, end: dt.date, expected):
        if expected > 0 and start <= today:
            count = max(1, round(expected / rng.uniform(0.90, 1.02)))
            kind, year, term = (
                (TargetKind.YEAR, period, "") if isinstance(period, int)
                else (TargetKind.TERM, None, period)
            )  # fmt: skip
            rows.append((organization, kind, year, term, start, end, count))

    old, new = sorted(place.old_communes.values), sorted(place.new_communes.values)
    for year in range(2015, today.year + 1):
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        for commune in old if year <= 2025 else ():
            if year == 2025:  # set in January: the first half's pace over the year
                half = admitted(admissions, commune, start, LAST_OLD)
                add(commune, year, start, end, half * 365 / ((LAST_OLD - start).days + 1))
            else:
                add(commune, year, start, end, admitted(admissions, commune, start, end))
        for commune in new if year >= 2025 else ():
            add(commune, year, start, end, admitted(restated, commune, start, end))
    for first in (2015, 2020):
        start, end = dt.date(first, 7, 1), dt.date(first + 5, 6, 30)
        for commune in old:
            add(
                commune,
                f"{first}-{first + 5}",
                start,
                end,
                admitted(admissions, commune, start, end),
            )
    for commune in new:
        yearly = admitted(restated, commune, dt.date(2022, 1, 1), dt.date(2025, 12, 31)) / 4
        add(commune, "2025-2030", REFORM_2025, dt.date(2030, 6, 30), yearly * 5)
    return writer.insert(AdmissionTarget, FIELDS, rows, decision_id=None, version=1)
