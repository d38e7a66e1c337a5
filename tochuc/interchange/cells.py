"""One cell of a workbook → a typed value, or a reason in Vietnamese (`CellError`)."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from functools import lru_cache

from openpyxl.utils.datetime import from_excel

from tochuc.core.formatting import vn_date, vn_int
from tochuc.core.text import fold
from tochuc.interchange import legacy

ENCODING_NOTES = {"tcvn3": "đã chuyển từ mã TCVN3", "vni": "đã chuyển từ mã VNI"}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
DATE_FORMAT = "ghi theo dạng dd/mm/yyyy (ví dụ 05/09/1990)"
FIRST_YEAR, LAST_YEAR = 1900, 2100
OPEN_END = dt.date(9999, 12, 31)
LAST_SERIAL = 2958465  # 31/12/9999 in the 1900 date system
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DMY = re.compile(rf"(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}}){_TIME}")
_ISO = re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}")
_SHORT_YEAR = re.compile(rf"\d{{1,2}}([/.-])\d{{1,2}}\1\d{{2}}{_TIME}")
_INTEGER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d+)")
TRUE_WORDS = {"x", "co", "1", "true", "dung", "yes", "✓", "✔", "√"}
FALSE_WORDS = {"khong", "0", "false", "sai", "no"}
BOOL_HINT = 'ghi "x" hoặc "có" nếu đúng, để trống nếu không'
MAX_LISTED = 12
MAX_CODE = 64


class CellError(ValueError):
    """A cell that can't be read; `str()` is the reason in Vietnamese, without the place."""


def _quote(value) -> str:
    """The value as the user typed it, shortened: «Nguyễn Văn An»."""
    text = clean_text(value)
    return f"«{text[:60]}…»" if len(text) > 60 else f"«{text}»"


def clean_text_noted(value) -> tuple[str, str | None]:
    """(clean text, note when a legacy encoding was converted): NFC, TCVN3/VNI converted,
    invisible characters dropped, any whitespace run turned into one space, stripped;
    integral floats without '.0' (912345678.0 → '912345678'), dates as dd/mm/yyyy."""
    if value is None:
        return "", None
    if isinstance(value, float) and value.is_integer():
        return str(int(value)), None
    if isinstance(value, dt.date):
        return vn_date(value), None
    text, encoding = legacy.to_unicode(" ".join(str(value).translate(_INVISIBLE).split()))
    return text, ENCODING_NOTES.get(encoding)


def clean_text(value) -> str:
    """`clean_text_noted` without the note."""
    return clean_text_noted(value)[0]


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.translate(_INVISIBLE).split())


def _checked_date(day: dt.date, value) -> dt.date:
    if FIRST_YEAR <= day.year <= LAST_YEAR or day == OPEN_END:
        return day
    raise CellError(
        f"Ngày {_quote(value)} không hợp lệ: năm phải từ {FIRST_YEAR} đến {LAST_YEAR}, "
        f"{DATE_FORMAT}."
    )


def parse_date(value) -> dt.date | None:
    """A date cell, an Excel serial number (1900 date system) or text dd/mm/yyyy, d/m/yyyy,
    dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd (a time after it is ignored); empty → None.

    Years run from 1900 to 2100; 31/12/9999 is accepted as the open end of a period.
    """
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return _checked_date(value.date(), value)
    if isinstance(value, dt.date):
        return _checked_date(value, value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Serial 60 is 29/02/1900, a day Excel invents (its 1900 leap-year bug).
        if not (math.isfinite(value) and 1 <= value < LAST_SERIAL + 1) or int(value) == 60:
            raise CellError(f"Số {_quote(value)} không phải là một ngày: {DATE_FORMAT}.")
        return _checked_date(from_excel(math.floor(value)).date(), value)
    if not isinstance(value, str):
        raise CellError(f"Giá trị {_quote(value)} không phải là ngày: {DATE_FORMAT}.")
    text = clean_text(value)
    if _SHORT_YEAR.fullmatch(text):
        raise CellError(
            f"Ngày {_quote(text)} không hợp lệ: năm phải ghi đủ 4 chữ số, {DATE_FORMAT}."
        )
    if match := _DMY.fullmatch(text):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif match := _ISO.fullmatch(text):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        raise CellError(f"Ngày {_quote(text)} không hợp lệ: {DATE_FORMAT}.")
    try:
        parsed = dt.date(year, month, day)
    except ValueError:
        raise CellError(f"Ngày {_quote(text)} không hợp lệ: {DATE_FORMAT}.") from None
    return _checked_date(parsed, text)


def parse_int(value, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """A whole number: a number cell or text with thousands separators ('1.234', '1 234');
    empty → None; outside [minimum, maximum] → CellError naming the bounds."""
    if _blank(value):
        return None
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise CellError(f"Giá trị {_quote(value)} không phải là số nguyên.")
    if isinstance(value, int | float):
        number = int(value)
    else:
        text = clean_text(value)
        if not _INTEGER.fullmatch(text):
            raise CellError(
                f"Giá trị {_quote(text)} không phải là số nguyên: ghi chữ số, ví dụ 1234 "
                "hoặc 1.234."
            )
        number = int(re.sub(r"[. ]", "", text))
    too_small = minimum is not None and number < minimum
    too_big = maximum is not None and number > maximum
    if too_small or too_big:
        if minimum is not None and maximum is not None:
            bounds = f"từ {vn_int(minimum)} đến {vn_int(maximum)}"
        elif too_small:
            bounds = f"từ {vn_int(minimum)} trở lên"
        else:
            bounds = f"không quá {vn_int(maximum)}"
        raise CellError(f"Giá trị {_quote(value)} không hợp lệ: phải {bounds}.")
    return number


def parse_bool(value) -> bool:
    """'x', 'có', '1', 'đúng', '✓'… → True; empty, 'không', '0', 'sai'… → False."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = clean_text(value).lower()
    if text in TRUE_WORDS or fold(text) in TRUE_WORDS:
        return True
    if not text or fold(text) in FALSE_WORDS:
        return False
    raise CellError(f"Giá trị {_quote(value)} không hợp lệ: {BOOL_HINT}.")


def _choice_key(text: str) -> str:
    return fold(str(text)).replace(" ", "")


@lru_cache(maxsize=128)
def _choice_index(choices: tuple, aliases: tuple) -> dict[str, str]:
    """Folded label, code or alias → code; labels win over codes, codes over aliases."""
    index = {_choice_key(alias): code for alias, code in aliases}
    index.update((_choice_key(code), code) for code, _label in choices)
    index.update((_choice_key(label), code) for code, label in choices)
    return index


def parse_choice(
    value, choices: Iterable[tuple[str, str]], *, aliases: dict[str, str] | None = None
) -> str | None:
    """The code of the choice whose label or code the cell names (accents, case and spaces
    ignored), or that an alias names; empty → None."""
    if _blank(value):
        return None
    choices = tuple(choices)
    code = _choice_index(choices, tuple((aliases or {}).items())).get(
        _choice_key(clean_text(value))
    )
    if code is not None:
        return code
    labels = [str(label) for _code, label in choices]
    listed = ", ".join(labels[:MAX_LISTED])
    if len(labels) > MAX_LISTED:
        listed += ", … (xem danh mục trong sheet Hướng dẫn)"
    raise CellError(f"Giá trị {_quote(value)} không có trong danh mục; chọn một trong: {listed}.")


def parse_code(value) -> str:
    """A code as written (cleaned, case kept); longer than 64 characters → CellError."""
    code = clean_text(value)
    if len(code) > MAX_CODE:
        raise CellError(f"Mã {_quote(code)} quá dài: tối đa {MAX_CODE} ký tự.")
    return code
