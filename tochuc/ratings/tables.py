"""Columns of the ratings lists, for their exports (`tochuc.core.tabular`)."""

from __future__ import annotations

import datetime as dt

from tochuc.core.tabular import Column, decision_text
from tochuc.ratings import selectors


def _organization(row) -> str:
    return row.organization_name or row.organization.code


_SCORES = (
    Column("Điểm", "score"),
    Column("Vượt yêu cầu (%)", "exceeded_share"),
    Column("Chưa đúng tiến độ (%)", "late_share"),
    Column("Xếp loại", lambda rating: rating.get_category_display()),
    Column("Lý do hạ mức", "lowered_reason"),
)

PERSON_RATINGS = (
    Column("Họ và tên", "person.full_name"),
    Column("Tổ chức, cơ quan đánh giá", _organization),
    *_SCORES,
)

ORGANIZATION_RATINGS = (
    Column("Tổ chức", "organization_name"),
    Column("Mã", "organization.code"),
    *_SCORES,
)


def _low_percent(vote):
    """The share of low-confidence ballots in percent (two decimals), or empty."""
    share = selectors.vote_consequence(vote).low_share
    return None if share is None else round(float(share) * 100, 2)


VOTES = (
    Column("Ngày", "held_on"),
    Column("Họ và tên", "person.full_name"),
    Column("Chức danh", "post.title"),
    Column("Nơi lấy phiếu", _organization),
    Column("Triệu tập", "summoned"),
    Column("Có mặt", "present"),
    Column("Tín nhiệm cao", "high"),
    Column("Tín nhiệm", "confidence"),
    Column("Tín nhiệm thấp", "low"),
    Column("Tỷ lệ thấp (%)", _low_percent),
    Column("Kết quả", lambda vote: selectors.vote_consequence(vote).label),
)
"""Lấy phiếu tín nhiệm: each vote judged by the rule of its day (no query per vote)."""


def discipline_columns(on: dt.date) -> tuple[Column, ...]:
    """Kỷ luật, with the first day of reconsideration by the rule in force on `on`."""

    def reconsider(discipline):
        day = selectors.reconsider_from(discipline, on)
        if day is None and discipline.form in ("dismissal", "expulsion"):
            return "không có thời hạn"
        return day

    return (
        Column("Ngày", "decided_on"),
        Column("Họ và tên", "person.full_name"),
        Column("Hình thức", lambda discipline: discipline.get_form_display()),
        Column("Cấp xử lý", "organization_name"),
        Column("Quyết định", lambda discipline: decision_text(discipline.decision)),
        Column("Được xem xét lại từ", reconsider),
    )
