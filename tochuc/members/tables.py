"""Columns of the member lists, shared by the page's export (`tochuc.core.tabular`)."""

from __future__ import annotations

from tochuc.core.tabular import Column


def organization_text(span) -> str:
    """Where the member belongs on the date, and where the events placed them if elsewhere
    (after a merger): «Đảng bộ xã An Mới (từ Đảng bộ xã An Cũ)»."""
    if span.heir_name and span.heir_name != span.organization_name:
        return f"{span.heir_name} (từ {span.organization_name})"
    return span.heir_name or span.organization_name or ""


MEMBERS = (
    Column("Họ và tên", "person.full_name"),
    Column("Giới tính", lambda span: span.person.get_sex_display()),
    Column("Ngày sinh", "person.date_of_birth"),
    Column("Tư cách", lambda span: span.get_status_display()),
    Column("Ngày vào Đảng", "admitted_on"),
    Column("Tổ chức đảng", organization_text),
)
"""Danh sách đảng viên: the columns of the page's table (without its row number)."""

HOSTED = (
    *MEMBERS,
    Column(
        "Nơi sinh hoạt tạm thời",
        lambda span: span.host_organization_name or span.host_organization.code,
    ),
)
"""Đảng viên sinh hoạt tạm thời tại đây: with the hosting organization."""
