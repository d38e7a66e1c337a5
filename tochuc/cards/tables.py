"""Columns of the card exchange's member lists, for their exports (`tochuc.core.tabular`)."""

from __future__ import annotations

from tochuc.cards.campaign import STEPS
from tochuc.core.tabular import Column


def card_text(span) -> str:
    """The card held: «12345 (đợt 2014)»."""
    if not span.card_number:
        return ""
    return f"{span.card_number} (đợt {span.card_series})" if span.card_series else span.card_number


MEMBERS = (
    Column("Họ và tên", "person.full_name"),
    Column("Ngày sinh", "person.date_of_birth"),
    Column("Tổ chức đảng", "organization_name"),
    Column("Tư cách", lambda span: span.get_status_display()),
    Column("Thẻ đang giữ", card_text),
    *(Column(label, f"{step}_on") for step, label in STEPS),
)
"""The members behind a figure of the board, with the date of each step of their exchange."""
