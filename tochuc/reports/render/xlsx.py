"""XLSX with openpyxl: the text on a first sheet, each table on its own sheet as numbers."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tochuc.reports.document import Cell, ReportDocument, Table
from tochuc.reports.render.cells import is_number, row_texts
from tochuc.reports.render.parts import date_line, heading, recipient_lines, walk

TEXT_SHEET = "Báo cáo"
TEXT_WIDTH = 80  # characters in the text sheet's single column
NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
NAME_LIMIT = 31
INTEGER_FORMAT = "#,##0"
PERCENT_FORMAT = "0.00%"
DATE_FORMAT = "DD/MM/YYYY"
FONT = "Times New Roman"
LINE_HEIGHT = 16  # points per wrapped line at 12 pt
THIN = Side(style="thin")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _font(*, size: int = 12, bold: bool = False, italic: bool = False, underline=None) -> Font:
    """Times New Roman, as the DOCX."""
    return Font(name=FONT, size=size, bold=bold, italic=italic, underline=underline)


REGULAR, BOLD, ITALIC = _font(), _font(bold=True), _font(italic=True)


def render_xlsx(document: ReportDocument) -> bytes:
    """The report as a workbook."""
    workbook = Workbook()
    text = workbook.active
    text.title = TEXT_SHEET
    names = {TEXT_SHEET.casefold()}
    text_rows = _text_rows(document)
    for depth, section in walk(document.sections):
        text_rows.append((heading(section), _font(bold=True, italic=depth >= 2)))
        text_rows.extend((paragraph, None) for paragraph in section.paragraphs)
        for table in section.tables:
            name = sheet_name(table.title, names)
            _table_sheet(workbook.create_sheet(name), table)
            text_rows.append((f"Bảng «{table.title}»: xem trang tính «{name}».", ITALIC))
    text_rows.extend(_closing_rows(document))
    _text_sheet(text, text_rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name from a title: ≤ 31 characters, none of []:*?/\\ ."""
    printable = "".join(char if char.isprintable() else " " for char in title)
    clean = " ".join(NAME_FORBIDDEN.sub(" ", printable).split()).strip(" '")
    base = _shorten(clean, NAME_LIMIT) or "Bảng"
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        name = _shorten(base, NAME_LIMIT - len(suffix)) + suffix
    taken.add(name.casefold())
    return name


def _shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, at a space when there is one."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut.strip() else text[:limit]).strip(" '")


def _text_rows(document: ReportDocument) -> list[tuple[str, Font | None]]:
    """The header lines, title and subtitle."""
    return [
        (document.superior_body.upper(), None),
        (document.issuing_body.upper(), BOLD),
        (document.number, None),
        (document.party_header.upper(), BOLD),
        (date_line(document), ITALIC),
        ("", None),
        (document.title.upper(), _font(size=14, bold=True)),
        (document.subtitle, BOLD),
        ("", None),
    ]


def _closing_rows(document: ReportDocument) -> list[tuple[str, Font | None]]:
    """The signer, then the recipients."""
    rows: list[tuple[str, Font | None]] = [("", None), (document.signer_title.upper(), BOLD)]
    if document.signer_name:
        rows.append((document.signer_name, BOLD))
    if document.recipients:
        rows.append(("Nơi nhận:", _font(underline="single")))
        rows.extend((line, None) for line in recipient_lines(document.recipients))
    return rows


def _text_sheet(sheet: Worksheet, rows: list[tuple[str, Font | None]]) -> None:
    """One wide wrapped column, each row as tall as its text."""
    sheet.column_dimensions["A"].width = TEXT_WIDTH
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, (text, font) in enumerate(rows, start=1):
        cell = sheet.cell(row=number, column=1, value=text)
        cell.alignment, cell.font = wrap, font or REGULAR
        lines = sum(max(math.ceil(len(line) / TEXT_WIDTH), 1) for line in text.split("\n"))
        if lines > 1:
            sheet.row_dimensions[number].height = lines * LINE_HEIGHT
    _print_on_a4(sheet)


def _print_on_a4(sheet: Worksheet) -> None:
    """Printed on A4, one page wide."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _table_sheet(sheet: Worksheet, table: Table) -> None:
    """Title row, bold frozen header row, typed values, bold total row, fitted widths."""
    sheet.cell(row=1, column=1, value=table.title).font = BOLD
    for column, header in enumerate(table.headers, start=1):
        cell = sheet.cell(row=2, column=column, value=header)
        cell.font, cell.border = BOLD, GRID
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for number, row in enumerate(table.rows, start=3):
        total = table.total and number == len(table.rows) + 2
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column)
            _put(cell, value, percent=column - 1 in table.percent_columns)
            cell.border, cell.font = GRID, BOLD if total else REGULAR
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    _print_on_a4(sheet)
    _fit_widths(sheet, table)


def _put(cell, value: Cell, *, percent: bool) -> None:
    """Numbers as numbers, percents as fractions, dates as dates, each with its format."""
    cell.value = value
    if isinstance(value, str):
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, Decimal) and percent:
        cell.value, cell.number_format = value / 100, PERCENT_FORMAT
    elif isinstance(value, Decimal):
        cell.number_format = _decimal_format(value)
    elif is_number(value):
        cell.number_format = INTEGER_FORMAT


def _decimal_format(value: Decimal) -> str:
    """«#,##0.0» for Decimal('14.6'): as many places as the value has."""
    places = max(-value.as_tuple().exponent, 0)
    return INTEGER_FORMAT + ("." + "0" * places if places else "")


def _fit_widths(sheet: Worksheet, table: Table) -> None:
    """Each column as wide as its longest value or header word, up to 50 characters."""
    rows = [row_texts(table, row) for row in table.rows]
    for index, header in enumerate(table.headers):
        words = [len(word) for word in header.split()]
        longest = max([*words, *(len(row[index]) for row in rows), 6])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(longest, 50) + 2
