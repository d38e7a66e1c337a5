"""Columns of the list of administrative units, for its export (`tochuc.core.tabular`)."""

from __future__ import annotations

from tochuc.core.tabular import Column

UNITS = (
    Column("Tên", "name"),
    Column("Loại", "unit_type"),
    Column("Cấp", lambda unit: unit.get_level_display()),
    Column("Mã", "code"),
    Column("Trực thuộc", "parent.name"),
    Column("Hiệu lực từ", "shown_valid_from"),
    Column("Hiệu lực đến", "shown_valid_to"),
)
