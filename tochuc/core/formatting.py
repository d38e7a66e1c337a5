"""Figures and dates the Vietnamese way: 3.114/3.129, 94,28%, 04/12/2025."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal


def vn_int(value: int) -> str:
    """3114 → '3.114'."""
    return f"{value:,}".replace(",", ".")


def vn_ratio(part: int, whole: int) -> str:
    """(3114, 3129) → '3.114/3.129'."""
    return f"{vn_int(part)}/{vn_int(whole)}"


def vn_percent(part: int, whole: int, places: int = 2) -> str:
    """(126014, 133659) → '94,28%': rounded half up, decimal comma."""
    if not whole:
        return "—"
    quantum = Decimal(1).scaleb(-places)
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{vn_int(int(value))},{str(value).split('.')[1]}%" if places else f"{value}%"


def vn_date(day: dt.date | None) -> str:
    """2025-12-04 → '04/12/2025'; None → ''."""
    return day.strftime("%d/%m/%Y") if day else ""


def parse_vn_date(text: str) -> dt.date:
    """'04/12/2025' or '2025-12-04' → date; ValueError with a Vietnamese message otherwise."""
    text = (text or "").strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"Ngày «{text}» không hợp lệ: hãy nhập theo dạng dd/mm/yyyy.")
