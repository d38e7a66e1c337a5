"""Cần Thơ loaded from the package (new city + legacy Cần Thơ, Hậu Giang, Sóc Trăng)."""

from __future__ import annotations

import datetime as dt

import pytest
from vietnamadminunits.database import query

from tochuc.administrative_units.loader import load_admin_units
from tochuc.administrative_units.models import AdministrativeUnit, Generation, Level

BEFORE = dt.date(2025, 6, 30)
AFTER = dt.date(2025, 12, 4)
LEGACY_CAN_THO = ("thanhphocantho", "tinhhaugiang", "tinhsoctrang")


@pytest.fixture
def can_tho(db):
    """The load report; loading Cần Thơ takes a few tenths of a second, so once per test."""
    return load_admin_units(province="can_tho")


@pytest.fixture
def new_can_tho(can_tho) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(
        generation=Generation.REFORM_2025, level=Level.PROVINCE, key="thanhphocantho"
    )


def legacy_district_counts() -> dict[str, int]:
    """Districts per legacy province of Cần Thơ, straight from the package's table."""
    keys = ", ".join(f"'{key}'" for key in LEGACY_CAN_THO)
    rows = query(
        "SELECT province, COUNT(DISTINCT districtCode) AS districts FROM admin_units_legacy "
        f"WHERE provinceKey IN ({keys}) GROUP BY province"
    )
    return {row["province"]: row["districts"] for row in rows}
