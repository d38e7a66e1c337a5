"""Approved and actual headcounts (biên chế) of a province from 2015, reduced about 13–16% by
2025, so «tinh giản N biên chế, đạt P% so với năm 2015» is plausible.

Units and years: before the merger (2015–2025, the 2025 allotment decided in January) each
pre-2025 provincial committee (the province's own agencies), district committee (civil
servants and public employees of the district) and commune committee (commune civil
servants); from 2025 (re-decided after the merger) today's provincial committee and commune
committees, which take over the district staff from 2026. The staffing selectors restate the
old rows onto today's units through the lineage (dissolved districts onto the province) and
let a successor's row of the same year replace its predecessors', so 2025 reads right on
the tree before the merger and after it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from tochuc.core.bulk import BulkWriter, decision_ids
from tochuc.core.dating import REFORM_2025
from tochuc.staffing.models import Category, Headcount

C, P = Category.CIVIL_SERVANTS, Category.PUBLIC_EMPLOYEES
FIELDS = ("organization_id", "year", "category", "approved", "actual", "decision_id")
DISTRICT_TO_PROVINCE = {C: 0.45, P: 0.4}
"""Share of the district staff that went to the province in 2025 (the rest to communes)."""


def _old_level(year: int) -> float:
    return 1 - 0.008 * (year - 2015)


def _new_level(year: int) -> float:
    return max(0.8, 0.87 - 0.015 * (year - 2025))


def headcounts(*, writer: BulkWriter, rng: random.Random, place, today: dt.date, name: str) -> int:
    """Insert the province's headcounts for 2015 to the current year; returns the rows."""
    districts = defaultdict(list)  # old province → its districts
    for district, province in sorted(set(place.district_province.items())):
        districts[province].append(district)
    base: dict[tuple[int, str], int] = {}
    for province, its in districts.items():
        base[(province, C)] = 180 * len(its) + rng.randint(0, 300)
        base[(province, P)] = 700 * len(its) + rng.randint(0, 900)
        for district in its:
            base[(district, C)] = rng.randint(80, 130)
            base[(district, P)] = rng.randint(600, 1600)
    for commune in sorted(place.old_communes.values):
        base[(commune, C)] = rng.randint(19, 23)
    level = {"province": set(districts), "district": {d for ds in districts.values() for d in ds}}
    totals = defaultdict(int)  # (level, category) → baseline
    for (unit, category), value in base.items():
        kind = next((k for k, units in level.items() if unit in units), "commune")
        totals[(kind, category)] += value
    # Today's communes take the commune staff of their predecessors and part of the districts'.
    heirs = defaultdict(int)
    for commune in place.old_communes.values:
        heirs[place.heir.get(commune)] += base[(commune, C)]
    new = sorted(place.new_communes.values)
    weight = {c: heirs.get(c) or 20 for c in new}
    total_weight = sum(weight.values())

    def shares(with_districts: bool) -> dict[tuple[int, str], float]:
        """Baseline staff of today's units, with the districts' part or without it."""
        found = {}
        for category in (C, P):
            district = totals[("district", category)] if with_districts else 0
            to_province = DISTRICT_TO_PROVINCE[category] * district
            found[(place.province, category)] = totals[("province", category)] + to_province
            to_communes = totals[("commune", category)] + district - to_province
            for commune in new:
                found[(commune, category)] = to_communes * weight[commune] / total_weight
        return found

    decisions = {
        year: (f"{year}/QĐ-UBND-DEMO-{place.code}", dt.date(year - 1, 12, 20))
        for year in range(2015, today.year + 1)
    }
    decisions["merger"] = (f"2025-2/QĐ-UBND-DEMO-{place.code}", REFORM_2025)
    issuer = f"Ủy ban nhân dân {name} (giả lập)"
    ids = decision_ids(
        (number, day, issuer, "Giao biên chế (giả lập)") for number, day in decisions.values()
    )
    rows = []
    for year in range(2015, min(today.year, 2025) + 1):
        decision = ids[(*decisions[year], issuer)]
        for (unit, category), value in base.items():
            rows.append(_row(rng, unit, year, category, value * _old_level(year), decision))
    for year in range(2025, today.year + 1):
        decision = ids[(*decisions["merger" if year == 2025 else year], issuer)]
        # In 2025 the dissolved districts keep their own rows (the selectors restate them onto
        # the province), so today's units are given the rest; from 2026 everything.
        for (unit, category), value in shares(with_districts=year > 2025).items():
            if value:
                rows.append(_row(rng, unit, year, category, value * _new_level(year), decision))
    return writer.insert(Headcount, FIELDS, rows, note="", version=1)


def _row(rng: random.Random, unit: int, year: int, category: str, value: float, decision: int):
    approved = max(1, round(value * rng.uniform(0.99, 1.01)))
    if rng.random() < 0.1:
        actual = approved + rng.randint(0, 2)
    else:
        actual = approved - round(approved * rng.uniform(0, 0.04))
    return (unit, year, category, approved, actual, decision)
