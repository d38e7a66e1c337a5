"""Columns of the organization tree as a list, for its export (`tochuc.core.tabular`)."""

from __future__ import annotations

from tochuc.core.tabular import Column

TREE = (
    Column("Cấp trong cây", lambda row: row[1]),
    Column("Tên", lambda row: row[0].name),
    Column("Mã", lambda row: row[0].organization.code),
    Column("Loại", lambda row: row[0].get_kind_display()),
    Column("Trực thuộc", lambda row: row[2]),
    Column("Số tổ chức trực thuộc", lambda row: row[0].child_count or 0),
)
"""Rows (period, depth from 1, parent's name when the user sees the parent)."""


def tree_rows(periods) -> list[tuple]:
    """The periods the user sees, depth first as the tree opens (children by kind and name),
    each with its depth and its parent's name."""
    periods = list(periods)
    by_organization = {p.organization_id: p for p in periods}
    children: dict[int | None, list] = {}
    for period in periods:
        parent = period.parent_id if period.parent_id in by_organization else None
        children.setdefault(parent, []).append(period)
    for siblings in children.values():
        siblings.sort(key=lambda p: (p.kind, p.name))
    rows: list[tuple] = []

    def walk(parent: int | None, depth: int) -> None:
        for period in children.get(parent, []):
            above = by_organization.get(period.parent_id)
            rows.append((period, depth, above.name if above else ""))
            walk(period.organization_id, depth + 1)

    walk(None, 1)
    return rows
