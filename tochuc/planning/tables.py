"""Columns of the planning lists, for their exports (`tochuc.core.tabular`)."""

from __future__ import annotations

from tochuc.core.tabular import Column, decision_text


def level_text(row) -> str:
    return "Cấp xã" if row.commune else "Cấp tỉnh"


ENTRIES = (
    Column("Chức danh", "post.title"),
    Column("Tổ chức, cơ quan", "organization_name"),
    Column("Cấp", level_text),
    Column("Họ và tên", "person.full_name"),
    Column("Ngày sinh", "person.date_of_birth"),
    Column("Nhiệm kỳ", lambda entry: str(entry.term)),
    Column("Ngày phê duyệt", "added_on"),
    Column("Quyết định", lambda entry: decision_text(entry.decision)),
)
"""Danh sách quy hoạch: one row per entry (a person planned for two posts has two)."""

POSTS = (
    Column("Chức danh", "title"),
    Column("Tổ chức, cơ quan", "organization_name"),
    Column("Cơ quan", lambda post: post.get_body_display()),
    Column("Cấp", level_text),
    Column("Số người quy hoạch", "planned"),
)

CANDIDATES = (
    Column("Họ và tên", "entry.person.full_name"),
    Column("Ngày sinh", "entry.person.date_of_birth"),
    Column("Chức danh quy hoạch", "entry.post.title"),
    Column("Tổ chức, cơ quan", "entry.organization_name"),
    Column("Nhiệm kỳ", lambda candidate: str(candidate.entry.term)),
    Column("Lý do, căn cứ", lambda candidate: "\n".join(candidate.reasons)),
)
"""Đề nghị đưa ra khỏi quy hoạch: each entry with its reasons, one a line."""

PERSONS = (
    Column("Họ và tên", "full_name"),
    Column("Giới tính", lambda person: person.get_sex_display()),
    Column("Ngày sinh", "date_of_birth"),
    Column("Dân tộc", lambda person: person.get_ethnicity_display()),
)
"""The people behind a share of a structure report."""
