"""Columns of the cadres lists (moves, vacancies, alerts, a body's seats), for their exports
(`tochuc.core.tabular`)."""

from __future__ import annotations

from tochuc.cadres.models import SourcingPlan
from tochuc.core.tabular import Column, decision_text


def plan_text(post) -> str:
    """«Tự đảm bảo», «Cần hỗ trợ (tăng cường)» …, or «Chưa có» (the latest plan on the date)."""
    if not post.plan:
        return "Chưa có"
    if post.plan == SourcingPlan.Source.SELF:
        return SourcingPlan.Source.SELF.label
    support = {"reinforcement": "tăng cường", "secondment": "biệt phái"}
    return f"Cần hỗ trợ ({support.get(post.plan, 'điều động')})"


MOVES = (
    Column("Cán bộ", "person.full_name"),
    Column("Hình thức", lambda move: move.get_kind_display()),
    Column("Từ đơn vị", "origin_name"),
    Column("Đến đơn vị", "destination_name"),
    Column("Ngày bắt đầu", "starts_on"),
    Column("Dự kiến kết thúc", "planned_end"),
    Column("Ngày kết thúc", "ended_on"),
    Column("Quyết định", lambda move: decision_text(move.decision)),
    Column("Đơn vị quyết định", "decider_name"),
)

VACANCIES = (
    Column("Tổ chức", "organization_name"),
    Column("Cơ quan", lambda post: post.get_body_display()),
    Column("Chức danh", "title"),
    Column("Theo hướng dẫn của Trung ương", "per_central_guidance"),
    Column("Lĩnh vực", lambda post: post.get_field_display()),
    Column("Định mức", "quota"),
    Column("Người giữ", "holders"),
    Column("Thiếu", "vacant"),
    Column("Phương án", plan_text),
)

REAPPOINTMENT = (
    Column("Cán bộ", "person.full_name"),
    Column("Chức danh", "post.title"),
    Column("Tổ chức", "organization_name"),
    Column("Từ ngày", "valid_from"),
    Column("Hết thời hạn", "valid_to"),
    Column("Quyết định", lambda held: decision_text(held.decision)),
)
"""Đến hạn xem xét bổ nhiệm lại."""

RETIREMENT = (
    Column("Cán bộ", lambda row: row[0].person.full_name),
    Column("Chức danh", lambda row: row[0].post.title),
    Column("Tổ chức", lambda row: row[2]),
    Column("Giữ chức danh đến", lambda row: row[0].shown_valid_to),
    Column("Nghỉ hưu ngày", lambda row: row[1]),
)
"""Thời hạn giữ chức danh quá ngày nghỉ hưu: rows (holding, retirement date, organization)."""

LOCAL = (
    Column("Cán bộ", "person.full_name"),
    Column("Chức danh", "post.title"),
    Column("Tổ chức", "organization_name"),
    Column("Từ ngày", "valid_from"),
)
"""Bí thư là người địa phương."""

SEATS = (
    Column("Chức danh", lambda row: row[0].title),
    Column("Lĩnh vực", lambda row: row[0].get_field_display()),
    Column("Chỗ", lambda row: row[1]),
    Column("Người giữ", lambda row: row[2].person.full_name if row[2] else "Còn trống"),
    Column("Hình thức", lambda row: row[2].get_kind_display() if row[2] else ""),
    Column("Từ ngày", lambda row: row[2].valid_from if row[2] else None),
    Column("Quyết định", lambda row: decision_text(row[2].decision) if row[2] else ""),
)
"""A body's seat board: rows (post, seat number, holding or None)."""


def seat_rows(board: list[dict]) -> list[tuple]:
    """`selectors.board` as one row per seat: (post, seat number, holding or None)."""
    return [
        (row["post"], number, held)
        for row in board
        for number, held in enumerate(row["seats"], start=1)
    ]
