"""Table cells the Vietnamese way: 3.114; 94,28%; 14,6; 04/12/2025."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from tochuc.core.formatting import vn_date, vn_int, vn_percent
from tochuc.reports.document import Cell, Table

EMPTY = "—"
Measure = Callable[[str, bool], float]  # (text, bold) → width


def vn_decimal(value: Decimal) -> str:
    """Decimal('1234.5') → '1.234,5': thousands dot, decimal comma, the value's own places."""
    return format(value, ",f").translate(str.maketrans(",.", ".,"))


def format_cell(value: Cell, *, percent: bool = False, empty: str = EMPTY) -> str:
    """A cell as text; `percent` reads a Decimal as percent points (94.28 → '94,28%')."""
    if value is None:
        return empty
    if isinstance(value, bool):
        raise TypeError(f"Ô bảng không nhận giá trị đúng/sai: {value!r}")
    if isinstance(value, int):
        return vn_int(value)
    if isinstance(value, Decimal):
        return vn_percent(value, 100) if percent else vn_decimal(value)
    if isinstance(value, dt.date):
        return vn_date(value)
    return str(value)


def is_number(value: Cell) -> bool:
    """Numbers are right-aligned in every format."""
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def row_texts(table: Table, row: list[Cell]) -> list[str]:
    """The row's cells formatted, percent columns as percents."""
    return [
        format_cell(value, percent=index in table.percent_columns)
        for index, value in enumerate(row)
    ]


def column_widths(table: Table, total: float, measure: Measure, padding: float) -> list[float]:
    """Widths summing to `total`: numbers, dates and words never wrap, labels take what is left.

    `measure(text, bold)` is a text's width; `padding` a cell's left plus right padding."""
    rows = _formatted(table)
    floors, wishes = [], []
    for index, header in enumerate(table.headers):
        cells = [(row[index], texts[index], bold) for row, texts, bold in rows]
        whole = [measure(text, bold) for value, text, bold in cells if not isinstance(value, str)]
        words = [measure(word, bold) for _, text, bold in cells for word in text.split()]
        words += [measure(word, True) for word in header.split()]
        floors.append(max(whole + words, default=0) + padding)
        lines = [measure(text, bold) for value, text, bold in cells if isinstance(value, str)]
        wishes.append(max([floors[-1], *(line + padding for line in lines)]))
    return _share(floors, wishes, total)


def _formatted(table: Table) -> list[tuple[list[Cell], list[str], bool]]:
    """Each row with its texts and whether it is the bold total row."""
    last = len(table.rows) - 1
    return [
        (row, row_texts(table, row), table.total and index == last)
        for index, row in enumerate(table.rows)
    ]


def _share(floors: list[float], wishes: list[float], total: float) -> list[float]:
    """Every column its wish if all fit, else its floor plus a share of what is left."""
    if sum(wishes) <= total:
        return [wish * total / sum(wishes) for wish in wishes]
    if sum(floors) >= total:
        return [floor * total / sum(floors) for floor in floors]
    extra = [wish - floor for wish, floor in zip(wishes, floors, strict=True)]
    left = total - sum(floors)
    return [floor + more * left / sum(extra) for floor, more in zip(floors, extra, strict=True)]
