"""The interchange workbook as an .xlsx file: typed data sheets under the exact headers of
`workbook.SHEETS`, the instructions sheet, and the lists behind the drop-downs.

Written in openpyxl's write-only mode: rows stream to disk, so memory stays flat for 140,000
members, and column widths, frozen headers, comments and data validation are all kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tochuc.core.formatting import vn_date
from tochuc.interchange.docs import RULES, allowed, example
from tochuc.interchange.workbook import (
    BOOL,
    CHOICE,
    CODE,
    DATE,
    INSTRUCTIONS,
    INT,
    LISTS,
    REFERENCE,
    SHEETS,
    TYPE_LABELS,
    Column,
    Sheet,
)

DATE_FORMAT = "dd/mm/yyyy"
LAST_ROW = 1_048_576
"""Drop-downs cover every row a sheet can have."""

BOLD = Font(bold=True)
FILLS = {
    "required": PatternFill("solid", fgColor="FCE4D6"),
    "optional": PatternFill("solid", fgColor="DDEBF7"),
    "reference": PatternFill("solid", fgColor="EDEDED"),
}
WRAP = Alignment(wrap_text=True, vertical="top")
GUIDE_WIDTHS = (34, 30, 10, 45, 60, 30)
GUIDE_HEADERS = ("Cột", "Kiểu", "Bắt buộc", "Giá trị cho phép", "Hướng dẫn", "Ví dụ")


def choice_lists() -> dict[tuple, tuple[str, str]]:
    """Each distinct list of choices → (its column letter in «Danh mục», its header there)."""
    found: dict[tuple, tuple[str, str]] = {}
    headers: set[str] = set()
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.type != CHOICE or column.choices in found:
                continue
            header = column.header
            if header in headers:
                header = f"{column.header} ({sheet.name})"
            headers.add(header)
            found[column.choices] = (get_column_letter(len(found) + 1), header)
    return found


def _styled(ws, value, *, font=None, fill=None, alignment=None, number_format=None):
    cell = WriteOnlyCell(ws, value)
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    if alignment:
        cell.alignment = alignment
    if number_format:
        cell.number_format = number_format
    return cell


def _text(ws, value) -> Any:
    if value is None or value == "":
        return None
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if not text.startswith("="):
        return text
    cell = WriteOnlyCell(ws, text)
    cell.data_type = "s"  # a name or note starting with «=» is text, never a formula
    return cell


def _date_converter(ws) -> Callable[[Any], Any]:
    """Dates into one styled cell per column, reused row after row: a row is written before
    the next one is converted, and a cell made per date would double the time of a sheet."""
    cell = _styled(ws, None, number_format=DATE_FORMAT)

    def convert(value: dt.date | None) -> Any:
        if value is None:
            return None
        if value.year < 1900:  # before Excel's first date
            return vn_date(value)
        cell.value = value
        return cell

    return convert


def _converter(ws, column: Column) -> Callable[[Any], Any]:
    """Python value → what the cell holds (CHOICE codes become their labels)."""
    if column.type == DATE:
        return _date_converter(ws)
    if column.type == BOOL:
        return lambda value: "x" if value else None
    if column.type == INT:
        return lambda value: value
    if column.type == CHOICE:
        labels = dict(column.choices)
        return lambda value: labels.get(str(value), str(value)) if value not in (None, "") else None
    return lambda value: _text(ws, value)


def _header_comment(sheet: Sheet, column: Column) -> Comment:
    parts = ["Bắt buộc." if column.required else "", f"Kiểu: {TYPE_LABELS[column.type]}."]
    if column.name in sheet.key:
        parts.append("Thuộc khóa của dòng.")
    if column.help:
        parts.append(column.help.rstrip(".") + ".")
    return Comment(" ".join(p for p in parts if p), "tochuc", height=110, width=260)


def _header_fill(column: Column) -> PatternFill:
    if column.type == REFERENCE:
        return FILLS["reference"]
    return FILLS["required" if column.required else "optional"]


def _validations(ws, sheet: Sheet, lists: dict) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        if column.type == CHOICE:
            list_letter = lists[column.choices][0]
            source = f"'{LISTS}'!${list_letter}$2:${list_letter}${len(column.choices) + 1}"
            message = "Giá trị không có trong danh mục: chọn trong danh sách thả xuống."
        elif column.type == BOOL:
            source, message = '"x"', "Ghi «x» nếu đúng, để trống nếu không."
        else:
            continue
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=column.header[:32],
            error=message,
        )
        validation.add(f"{letter}2:{letter}{LAST_ROW}")
        ws.data_validations.append(validation)


def _data_sheet(ws, sheet: Sheet, rows: Iterable[dict], lists: dict) -> int:
    """Headers, typed rows, drop-downs; returns the number of data rows."""
    for index, column in enumerate(sheet.columns, start=1):
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        if column.type == CODE:
            dimension.number_format = "@"  # typed codes keep their leading zeros
        elif column.type == DATE:
            dimension.number_format = DATE_FORMAT
    ws.freeze_panes = "A2"
    _validations(ws, sheet, lists)
    header = []
    for column in sheet.columns:
        cell = _styled(
            ws,
            column.header,
            font=Font(bold=True, italic=column.type == REFERENCE),
            fill=_header_fill(column),
        )
        cell.comment = _header_comment(sheet, column)
        header.append(cell)
    if hasattr(rows, "__len__"):  # a recorded size spares readers a pass over the sheet
        size = f"A1:{get_column_letter(len(sheet.columns))}{len(rows) + 1}"
        ws.calculate_dimension = lambda: size
    ws.append(header)
    converters = [(column.name, _converter(ws, column)) for column in sheet.columns]
    count = 0
    for row in rows:
        ws.append([convert(row.get(name)) for name, convert in converters])
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{count + 1}"
    return count


def _lists_sheet(ws, lists: dict) -> None:
    for letter, _ in lists.values():
        ws.column_dimensions[letter].width = 34
    ws.append([_styled(ws, header, font=BOLD) for _, header in lists.values()])
    longest = max(len(choices) for choices in lists)
    for index in range(longest):
        ws.append([c[index][1] if index < len(c) else None for c in lists])


def _guide() -> list[tuple[str, tuple]]:
    """The instructions as (style, texts) lines: «title», «section» and «paragraph» lines
    are a title and a text spanning the columns B–F; «header» and «column» lines a table."""
    lines: list[tuple[str, tuple]] = [
        ("title", ("Hướng dẫn điền tệp trao đổi dữ liệu",)),
        (
            "paragraph",
            (
                "Cách dùng",
                "Mỗi sheet dữ liệu có tiêu đề cột ở dòng 1, dữ liệu từ dòng 2, mỗi dòng một bản "
                "ghi. Ô tiêu đề màu cam là cột bắt buộc, màu xanh là cột không bắt buộc, màu xám "
                "là cột chỉ để đối chiếu; rê chuột lên ô tiêu đề để xem hướng dẫn. Đừng thêm "
                "dòng ví dụ vào các sheet dữ liệu (mọi dòng ở đó đều được nhập): ví dụ nằm ở "
                "cột «Ví dụ» bên dưới.",
            ),
        ),
        ("blank", ()),
        ("section", ("Quy tắc chung", "")),
        *(("paragraph", rule) for rule in RULES),
    ]
    for sheet in SHEETS:
        lines += [
            ("blank", ()),
            ("section", (f"Sheet «{sheet.name}»", sheet.title)),
            ("paragraph", ("Cách ghi", sheet.help)),
            ("paragraph", ("Khóa", " + ".join(sheet.key_headers) + ": nhận biết bản ghi.")),
            *(("paragraph", ("Lưu ý", note)) for note in sheet.notes),
            ("header", GUIDE_HEADERS),
        ]
        for column in sheet.columns:
            required = "có" if column.required else ""
            if column.type == REFERENCE:
                required = "không nhập"
            texts = (column.header, TYPE_LABELS[column.type], required, allowed(column))
            lines.append(("column", (*texts, column.help, example(column))))
    return lines


def _instructions_sheet(ws) -> None:
    for index, width in enumerate(GUIDE_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    big = {"title": Font(bold=True, size=14), "section": Font(bold=True, size=12)}
    for number, (style, texts) in enumerate(_guide(), start=1):
        if style in ("title", "section", "paragraph"):
            title, text = (*texts, "")[:2]
            ws.merged_cells.add(f"B{number}:F{number}")
            lines = -(-len(text) // 150)
            if lines > 1:
                ws.row_dimensions[number].height = 15 * lines
            font = big.get(style, BOLD)
            ws.append(
                [
                    _styled(ws, title, font=font),
                    _styled(ws, text or None, font=font, alignment=WRAP),
                ]
            )
        elif style == "header":
            ws.append([_styled(ws, h, font=BOLD, fill=FILLS["optional"]) for h in texts])
        elif style == "column":
            ws.append([_styled(ws, text or None, alignment=WRAP) for text in texts])
        else:
            ws.append([])


def write_workbook(
    rows: Mapping[str, Iterable[dict]], stream, *, with_instructions: bool = True
) -> dict[str, int]:
    """Write the workbook of `rows` (sheet name → rows of Python values by column name; a
    missing sheet is written empty) to `stream`; returns the number of rows per sheet."""
    book = Workbook(write_only=True)
    lists = choice_lists()
    if with_instructions:
        _instructions_sheet(book.create_sheet(INSTRUCTIONS))
    counts = {
        sheet.name: _data_sheet(
            book.create_sheet(sheet.name), sheet, rows.get(sheet.name, ()), lists
        )
        for sheet in SHEETS
    }
    _lists_sheet(book.create_sheet(LISTS), lists)
    book.save(stream)
    return counts


def template_workbook(stream) -> None:
    """The empty workbook to fill in: headers, drop-downs, instructions with examples."""
    write_workbook({}, stream)
