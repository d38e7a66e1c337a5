"""Columns of the training lists, for their exports (`tochuc.core.tabular`)."""

from __future__ import annotations

from tochuc.core.tabular import Column

CLASSES = (
    Column("Lớp", "name"),
    Column(
        "Chương trình",
        lambda c: f"{c.course.name} ({c.course.get_kind_display()})",
    ),
    Column("Đơn vị tổ chức", "organizer_name"),
    Column("Hình thức", lambda c: c.get_mode_display()),
    Column("Khai giảng", "opens_on"),
    Column("Bế giảng", "closes_on"),
    Column("Học viên (trong phạm vi)", "enrollment_count"),
)

COURSES = (
    Column("Chương trình", "name"),
    Column("Loại", lambda course: course.get_kind_display()),
    Column("Đơn vị quản lý", "organization.code"),
    Column("Số lớp", "class_count"),
)

PEOPLE = (
    Column("Họ và tên", "full_name"),
    Column("Ngày sinh", "date_of_birth"),
    Column("Số lượt", "enrollment_count"),
    Column("Khai giảng lớp đầu tiên", "first_opens_on"),
)
"""The persons behind a «người» figure."""

ENROLLMENTS = (
    Column("Họ và tên", "person.full_name"),
    Column("Lớp", "training_class.name"),
    Column("Loại", lambda e: e.training_class.course.get_kind_display()),
    Column("Khai giảng", "training_class.opens_on"),
    Column("Đơn vị cử", lambda e: e.sent_by_name or e.sent_by.code),
    Column("Kết quả", lambda e: e.get_result_display()),
)
"""The enrollments behind a «lượt» figure."""
