"""Reading a workbook: sheets and headers matched to the format, every cell parsed.

A cell that can't be read becomes a problem naming its sheet, row and column; the row is
kept (marked as an error) so that the preview shows every row and every problem at once.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from tochuc.core.formatting import vn_date
from tochuc.core.text import fold
from tochuc.interchange import cells, legacy
from tochuc.interchange.outcome import Outcome, Problem, Progress, RowResult
from tochuc.interchange.workbook import (
    BOOL,
    CHOICE,
    CODE,
    DATE,
    INSTRUCTIONS,
    INT,
    LISTS,
    ORGANIZATIONS,
    PLACE,
    REFERENCE,
    SHEETS,
    TEXT,
    Column,
    Sheet,
)

MAX_COLUMNS = 200


@dataclass
class Row:
    """A data row: its parsed values by column name, and its result for the preview. A place
    also leaves `<name>_denoted` (the units its text writes) and `<name>_note`."""

    sheet: Sheet
    number: int
    values: dict[str, Any]
    result: RowResult

    def __getitem__(self, name: str):
        return self.values.get(name)

    def refuse(self, name: str, reason: str) -> None:
        """Mark the row as an error because of the column `name` ('' for the whole row)."""
        self.result.refuse(self.sheet.column(name).header if name else "", reason)

    @property
    def ok(self) -> bool:
        return not self.result.problems

    def keeps_place(self, name: str, stored: int | None) -> bool:
        """The place cell writes the stored unit (an old one included): keep it as it is,
        without the note of a carry to its 2025 successor."""
        if stored is None or stored not in self.values.get(f"{name}_denoted", ()):
            return False
        note = self.values.get(f"{name}_note")
        if note in self.result.notes:
            self.result.notes.remove(note)
        return True


def key_text(sheet: Sheet, values: dict[str, Any]) -> str:
    """The row's key as people read it: «Mã hồ sơ: HS01; Ngày hiệu lực: 05/09/2020»."""
    parts = []
    for name in sheet.key:
        value = values.get(name)
        if isinstance(value, dt.date):
            value = vn_date(value)
        column = sheet.column(name)
        if column.type == CHOICE and value:
            value = dict(column.choices).get(value, value)
        if value not in (None, ""):
            parts.append(f"{column.header}: {value}")
    return "; ".join(parts)


ENCODINGS = {note: name for name, note in cells.ENCODING_NOTES.items()}
LEGACY_REASON = (
    "«{}» có vẻ được gõ bằng bảng mã cũ (TCVN3 hoặc VNI) nhưng không chuyển được chắc chắn: "
    "hãy chuyển ô này sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại."
)


@dataclass
class ColumnText:
    """What a text column's cells showed: legacy encodings converted, Unicode-only letters."""

    encodings: set = field(default_factory=set)
    unicode: bool = False

    @property
    def encoding(self) -> str | None:
        """The column's one legacy encoding, when no cell shows modern Unicode."""
        return next(iter(self.encodings)) if len(self.encodings) == 1 and not self.unicode else None


class Parser:
    """Turns one cell of a column into a value (places resolved by a lazily built resolver)."""

    def __init__(self):
        self._places = None
        self.columns: dict[tuple[str, str], ColumnText] = {}

    @property
    def places(self):
        if self._places is None:
            from tochuc.interchange.places import PlaceResolver

            self._places = PlaceResolver()
        return self._places

    def place(self, value, *, carry: bool):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None, None
        return self.places.resolve(value, carry=carry)

    def parse(self, sheet: Sheet, column: Column, raw) -> tuple[Any, str | None]:
        """(value, note) — raises `cells.CellError` for a bad cell."""
        kind = column.type
        if kind == DATE:
            return cells.parse_date(raw), None
        if kind == INT:
            return cells.parse_int(raw, minimum=0, maximum=column.maximum), None
        if kind == BOOL:
            return cells.parse_bool(raw), None
        if kind == CHOICE:
            return cells.parse_choice(raw, column.choices), None
        if kind == CODE:
            return cells.parse_code(raw) or None, None
        if kind == PLACE:  # an organization keeps the unit of its time; a person's address moves
            return self.place(raw, carry=sheet is not ORGANIZATIONS)
        text, converted = cells.clean_text_noted(raw)
        column_seen = self.columns.setdefault((sheet.name, column.name), ColumnText())
        if converted:
            column_seen.encodings.add(ENCODINGS[converted])
        elif any(ord(c) > 0xFF and c.isalpha() for c in text):
            column_seen.unicode = True
        return text or None, (f"{column.header}: {converted}" if converted else None)


def _open(source, outcome: Outcome):
    try:
        return load_workbook(source, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        outcome.file_problems.append(
            Problem(
                "",
                0,
                "",
                "Không đọc được tệp Excel (.xlsx). Tệp .xls (Excel 97–2003) hoặc .csv: mở bằng "
                "Excel và «Lưu thành» Excel Workbook (.xlsx) rồi tải lên lại "
                f"({exc.__class__.__name__}).",
            )
        )
        return None


def _header_map(sheet: Sheet, header: tuple, outcome: Outcome) -> dict[int, Column] | None:
    """Column index → format column, or None (with problems) when the headers don't fit."""
    by_folded = {fold(c.header): c for c in sheet.columns}
    found: dict[int, Column] = {}
    seen: set[str] = set()
    ok = True
    for index, raw in enumerate(header[:MAX_COLUMNS]):
        text = cells.clean_text(raw)
        if not text:
            continue
        column = by_folded.get(fold(text))
        if column is None:
            outcome.file_problems.append(
                Problem(sheet.name, 1, text, "Cột không có trong mẫu của sheet này.")
            )
            ok = False
        elif column.name in seen:
            outcome.file_problems.append(
                Problem(sheet.name, 1, text, "Cột bị lặp lại trong dòng tiêu đề.")
            )
            ok = False
        else:
            seen.add(column.name)
            found[index] = column
    for column in sheet.columns:
        if column.required and column.name not in seen:
            outcome.file_problems.append(
                Problem(sheet.name, 1, column.header, "Thiếu cột bắt buộc.")
            )
            ok = False
    return found if ok else None


def _parse_row(
    sheet: Sheet, number: int, raw: tuple, columns: dict[int, Column], parser: Parser
) -> Row:
    values: dict[str, Any] = {}
    errors: list[tuple[str, str]] = []
    notes: list[str] = []
    for index, column in columns.items():
        if column.type == REFERENCE:
            continue
        cell = raw[index] if index < len(raw) else None
        try:
            value, note = parser.parse(sheet, column, cell)
        except cells.CellError as exc:
            errors.append((column.header, str(exc)))
            continue
        if value is None and column.required:
            errors.append((column.header, "Bắt buộc phải có giá trị."))
        values[column.name] = value
        if column.type == PLACE and value is not None:
            values[f"{column.name}_denoted"] = parser.places.denoted(cell)
            values[f"{column.name}_note"] = note
        if note:
            notes.append(note)
    result = RowResult(sheet.name, number, key_text(sheet, values), notes=notes)
    for header, reason in errors:
        result.refuse(header, reason)
    return Row(sheet, number, values, result)


def _recode(sheet: Sheet, rows: list[Row], parser: Parser) -> None:
    """Cells that read as Vietnamese either way ("Thò" is Unicode, and VNI for "Thị") are
    converted when the rest of their column was found in one legacy encoding and no cell of
    it shows modern Unicode; text that still looks legacy is refused rather than guessed."""
    for column in sheet.columns:
        if column.type != TEXT:
            continue
        seen = parser.columns.get((sheet.name, column.name))
        encoding = seen.encoding if seen else None
        note = f"{column.header}: {cells.ENCODING_NOTES[encoding]}" if encoding else ""
        for row in rows:
            text = row.values.get(column.name)
            if not isinstance(text, str) or text.isascii() or note in row.result.notes:
                continue
            new = legacy.convert_as(text, encoding) if encoding else None
            if new:
                row.values[column.name] = new
                row.result.notes.append(f"{note} (theo cả cột)")
            elif legacy.suspect(text):
                row.result.refuse(column.header, LEGACY_REASON.format(text[:60]))


def _rows(book, worksheet) -> int:
    """The sheet's row count for the progress bar: its recorded dimension, or (files written
    by streaming writers, tochuc's own exports included, record none) the «<row» tags counted
    in its XML, which costs a fraction of parsing it. 0 when unknown."""
    if worksheet.max_row:
        return worksheet.max_row
    try:
        with book._archive.open(worksheet._worksheet_path) as xml:
            return sum(chunk.count(b"<row") for chunk in iter(lambda: xml.read(1 << 20), b""))
    except (AttributeError, KeyError, OSError):
        return 0


def read(source, outcome: Outcome, progress: Progress) -> dict[str, list[Row]]:
    """Rows of every known sheet, in the format's sheet order; problems go to `outcome`."""
    book = _open(source, outcome)
    if book is None:
        return {}
    known = {fold(s.name): s for s in SHEETS}
    ignored = {fold(INSTRUCTIONS), fold(LISTS)}
    chosen: list[tuple[Sheet, Any]] = []
    for worksheet in book.worksheets:
        sheet = known.get(fold(worksheet.title))
        if sheet is not None:
            chosen.append((sheet, worksheet))
        elif fold(worksheet.title) not in ignored:
            outcome.file_problems.append(
                Problem(
                    worksheet.title,
                    0,
                    "",
                    "Sheet không có trong mẫu; đổi tên cho đúng hoặc xóa sheet này. Các sheet "
                    "của mẫu: " + ", ".join(s.name for s in SHEETS) + ".",
                )
            )
    total = sum(max(_rows(book, ws) - 1, 0) for _, ws in chosen)
    for _, worksheet in chosen:
        worksheet.reset_dimensions()  # a recorded size is a hint: every row is read
    done, parser, found = 0, Parser(), {}
    for sheet, worksheet in sorted(chosen, key=lambda pair: SHEETS.index(pair[0])):
        rows = worksheet.iter_rows(values_only=True)
        columns = _header_map(sheet, next(rows, ()), outcome)
        if columns is None:
            continue
        parsed = found.setdefault(sheet.name, [])
        for number, raw in enumerate(rows, start=2):
            done += 1
            if done % 5000 == 0:
                progress("Đọc tệp", done, total)
            if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in raw):
                continue
            parsed.append(_parse_row(sheet, number, raw, columns, parser))
        _recode(sheet, parsed, parser)
    book.close()
    progress("Đọc tệp", total, total)
    return found
