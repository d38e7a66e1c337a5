"""Columns of the list of congresses, for its export (`tochuc.core.tabular`)."""

from __future__ import annotations

from tochuc.congresses.selectors import SeatFigure
from tochuc.core.tabular import Column

SEAT_COLUMNS = (
    ("BCH", "executive_committee"),
    ("BTV", "standing_committee"),
    ("UBKT", "inspection_committee"),
)


def congress_columns(seats: dict[int, dict[str, SeatFigure]]) -> tuple[Column, ...]:
    """The page's columns; `seats` are the committees' seats per congress and body
    (`selectors.seat_figures`), shown as «29 (khuyết 4)»."""

    def seat_text(body: str):
        def text(congress) -> str:
            figure = seats.get(congress.pk, {}).get(body)
            return figure.text if figure else ""

        return text

    return (
        Column("Tổ chức đảng", lambda c: c.organization_name or c.organization.code),
        Column("Đại hội", str),
        Column("Khai mạc", "opened_on"),
        Column("Bế mạc", "closed_on"),
        Column("Đại biểu triệu tập", "delegates_summoned"),
        Column("Có mặt", "delegates_present"),
        Column("Đảng viên", "members"),
        *(Column(header, seat_text(body)) for header, body in SEAT_COLUMNS),
    )


DELEGATES = (
    Column("Họ và tên", "person.full_name"),
    Column("Ngày sinh", "person.date_of_birth"),
    Column("Loại đại biểu", lambda delegate: delegate.get_kind_display()),
    Column("Ghi chú", "note"),
)
