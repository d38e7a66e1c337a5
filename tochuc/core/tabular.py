"""Lists as spreadsheets: a list page given `?xuat=xlsx` or `?xuat=csv` answers with all the
rows it lists (its filters and the user's scope, every page), and the export is written to
the audit log (who, what, when, how many rows, with which filters).

A list declares its columns once (`Column`: a header and the row's attribute path or a
function of the row); values keep their type: numbers stay numbers, dates stay dates
(dd/mm/yyyy), nothing is empty, yes is «x»."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone

from tochuc.core.formatting import vn_date
from tochuc.core.services import export_record
from tochuc.core.text import fold

PARAMETER = "xuat"
"""The query parameter asking for a file (not `format`, which Django REST framework reads)."""

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
NOT_FILTERS = (PARAMETER, "page")
"""Query parameters that are not filters of the list (recorded in the audit log)."""

SHEET_NAME_LIMIT = 31
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
WIDTH_SAMPLE = 200  # rows measured for the column widths
WIDTH_RANGE = (8, 60)  # characters
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet would read as the start of a formula in a text value."""


@dataclass(frozen=True)
class Column:
    """A column of a list: its heading and the row's attribute path ("person.full_name") or
    a function of the row."""

    header: str
    value: str | Callable[[Any], Any]

    def of(self, row) -> Any:
        if callable(self.value):
            return self.value(row)
        for name in self.value.split("."):
            row = getattr(row, name, None) if row is not None else None
        return row


def decision_text(decision) -> str:
    """«7-QĐ/ĐU, 01/08/2025, Đảng ủy xã An»: a decision as the list pages write it."""
    if decision is None:
        return ""
    return f"{decision.number}, {vn_date(decision.signed_on)}, {decision.issuer}"


def export_format(request) -> str | None:
    """The file a list is asked as (`?xuat=`): "xlsx" or "csv", else None (the page)."""
    fmt = request.GET.get(PARAMETER, "")
    return fmt if fmt in CONTENT_TYPES else None


def cell_value(value) -> Any:
    """A value as a spreadsheet keeps it: numbers and dates as such (an aware time in local
    time), None as empty, yes/no as «x»/empty, anything else as its text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "x" if value else None
    if isinstance(value, int | float | Decimal | dt.date):
        if isinstance(value, dt.datetime) and timezone.is_aware(value):
            return timezone.localtime(value).replace(tzinfo=None)
        return value
    return str(value)


def csv_text(value) -> str:
    """A cell value as CSV text: dates dd/mm/yyyy, text that would start a formula quoted."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return vn_date(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return str(value)


def sheet_name(title: str) -> str:
    """A valid sheet name from a title: ≤ 31 characters, none of []:*?/\\ ."""
    clean = " ".join(SHEET_NAME_FORBIDDEN.sub(" ", title).split()).strip(" '")
    return clean[:SHEET_NAME_LIMIT].strip(" '") or "Danh sách"


def _rows(columns: Sequence[Column], rows: Iterable) -> Iterable[list]:
    """The rows' cell values; a queryset is read in chunks, never held whole in memory."""
    if isinstance(rows, QuerySet):
        rows = rows.iterator(chunk_size=2000)
    for row in rows:
        yield [cell_value(column.of(row)) for column in columns]


def _xlsx(title: str, columns: Sequence[Column], values: Iterable[list]) -> tuple[bytes, int]:
    """A workbook with one sheet: the title, the bold header row (frozen, with filters), the
    rows; columns as wide as the header and the first rows need."""
    from openpyxl import Workbook  # seconds to import: only when a workbook is asked for
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name(title))
    values = iter(values)
    sample = list(itertools.islice(values, WIDTH_SAMPLE))
    low, high = WIDTH_RANGE
    for number, column in enumerate(columns, start=1):
        longest = max([len(column.header), *(len(csv_text(row[number - 1])) for row in sample)])
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = min(max(longest + 2, low), high)
    sheet.freeze_panes = "A3"

    def cell(value, **style):
        """A plain value as it is; a cell for a style, a date's format, or text that starts
        like a formula (kept as text)."""
        formula_like = isinstance(value, str) and value.startswith("=")
        if isinstance(value, dt.datetime):
            style["number_format"] = "DD/MM/YYYY HH:MM"
        elif isinstance(value, dt.date):
            style["number_format"] = "DD/MM/YYYY"
        elif not (style or formula_like):
            return value
        styled = WriteOnlyCell(sheet, value=value)
        for name, setting in style.items():
            setattr(styled, name, setting)
        if formula_like:
            styled.data_type = "s"
        return styled

    sheet.append([cell(title, font=Font(bold=True, size=13))])
    sheet.append([cell(column.header, font=Font(bold=True)) for column in columns])
    count = 0
    for row in itertools.chain(sample, values):
        sheet.append([cell(value) for value in row])
        count += 1
    if columns:
        sheet.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{count + 2}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), count


def _csv(columns: Sequence[Column], values: Iterable[list]) -> tuple[bytes, int]:
    """UTF-8 with a byte order mark (so that Excel reads Vietnamese), comma-separated, the
    header row first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.header for column in columns])
    count = 0
    for row in values:
        writer.writerow([csv_text(value) for value in row])
        count += 1
    return ("\ufeff" + buffer.getvalue()).encode(), count


def filename_header(filename: str) -> str:
    """`Content-Disposition` of a download: an ASCII name, and the UTF-8 one (RFC 5987)."""
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", fold(filename)).strip("-") or "danh-sach"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def list_filters(request) -> dict:
    """The query parameters of the list (a repeated one as a list), without the file's."""
    return {
        key: values[0] if len(values) == 1 else values
        for key, values in request.GET.lists()
        if key not in NOT_FILTERS
    }


def table_response(
    request, *, name: str, title: str, columns: Sequence[Column], rows: Iterable
) -> HttpResponse:
    """The list as the file `?xuat=` asks for, named `<name>-<dd-mm-yyyy>` after the date the
    list is read at; the export is written to the audit log."""
    fmt = export_format(request)
    if fmt is None:
        raise ValueError(f"Không có định dạng xuất «{request.GET.get(PARAMETER, '')}».")
    values = _rows(columns, rows)
    data, count = _xlsx(title, columns, values) if fmt == "xlsx" else _csv(columns, values)
    on = request.as_of
    export_record(
        user=request.user,
        subject=title,
        detail={
            "format": fmt,
            "rows": count,
            "filters": list_filters(request),
            "path": request.path,
            "as_of": on.isoformat(),
        },
    )
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = filename_header(f"{name}-{on:%d-%m-%Y}.{fmt}")
    return response
