"""Columns of the staffing lists, for their exports (`tochuc.core.tabular`)."""

from __future__ import annotations

import datetime as dt

from tochuc.core.formatting import vn_date
from tochuc.core.tabular import Column
from tochuc.staffing.selectors import Balance


def _unit(row) -> str:
    """«Ủy ban nhân dân xã An (A-UB)»: the unit's name with its code, as the page shows it."""
    return f"{row.organization_name} ({row.organization.code})"


HEADCOUNTS = (
    Column("Cơ quan, đơn vị", _unit),
    Column("Tính vào", "unit_name"),
    Column("Loại", lambda row: row.get_category_display()),
    Column("Được giao", "approved"),
    Column("Có mặt", "actual"),
    Column("Văn bản giao", "decision"),
)


def record_columns(on: dt.date) -> tuple[Column, ...]:
    """The headcount records behind a reduction figure, counted for the units of `on`."""
    return (
        Column("Năm", "year"),
        Column("Cơ quan, đơn vị", _unit),
        Column(f"Tính vào (ngày {vn_date(on)})", "unit_name"),
        Column("Loại", lambda row: row.get_category_display()),
        Column("Được giao", "approved"),
        Column("Văn bản giao", "decision"),
    )


BALANCE = (
    Column("Đơn vị", lambda row: row[0].name),
    Column("Loại", lambda row: row[0].category_label),
    Column("Được giao", lambda row: row[0].approved),
    Column("Có mặt", lambda row: row[0].actual),
    Column("Chênh lệch (có mặt − được giao)", lambda row: row[0].difference),
    Column("Tình trạng", lambda row: row[1]),
)
"""Dôi dư, thiếu: every unit with its state; rows (balance row, state)."""


def balance_rows(balance: Balance) -> list[tuple]:
    """The units of the page's lists, in its order: surplus, shortage, balanced, missing."""
    return [
        (row, state)
        for rows, state in (
            (balance.surplus, "Dôi dư"),
            (balance.shortage, "Thiếu"),
            (balance.balanced, "Đủ biên chế"),
            (balance.missing, "Chưa có số có mặt"),
        )
        for row in rows
    ]
