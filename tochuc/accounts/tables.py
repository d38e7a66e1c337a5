"""Columns of the list of users, for its export (`tochuc.core.tabular`)."""

from __future__ import annotations

from tochuc.core.tabular import Column

USERS = (
    Column("Tên đăng nhập", "username"),
    Column("Họ và tên", lambda user: user.get_full_name()),
    Column("Tổ chức", "organization.code"),
    Column("Vai trò", lambda user: user.get_role_display()),
    Column("Trạng thái", lambda user: "Hoạt động" if user.is_active else "Đã khóa"),
)
