"""Columns of the admission lists, for their exports (`tochuc.core.tabular`)."""

from __future__ import annotations

from tochuc.core.tabular import Column


def organization_text(row) -> str:
    """«Chi bộ ấp An Một (A1)»: the name as the page shows it, with the code."""
    return f"{row.organization_name or row.organization.code} ({row.organization.code})"


CANDIDATES = (
    Column("Họ và tên", "person.full_name"),
    Column("Ngày sinh", "person.date_of_birth"),
    Column("Tổ chức đảng xem xét", organization_text),
    Column("Bước", lambda candidate: candidate.get_stage_display()),
)

TARGETS = (
    Column("Tổ chức đảng", organization_text),
    Column("Kỳ", "period_label"),
    Column("Từ ngày", "starts_on"),
    Column("Đến ngày", "ends_on"),
    Column("Chỉ tiêu", "count"),
    Column("Quyết định", "decision"),
)

ADMISSIONS = (
    Column("Họ và tên", "person.full_name"),
    Column("Ngày kết nạp", "effective_on"),
    Column("Tổ chức đảng kết nạp", organization_text),
    Column("Quyết định", "decision"),
)
"""The admissions behind «kết nạp N, đạt P%»."""
