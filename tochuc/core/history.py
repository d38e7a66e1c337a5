"""The change log of records (django-simple-history), shaped for a record's page."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class HistoryEntry:
    when: object
    who: str
    what: str
    action: str
    changes: list[tuple[str, object, object]] = field(default_factory=list)


ACTIONS = {"+": "Tạo mới", "~": "Sửa", "-": "Xóa"}


def history_entries(*records) -> list[HistoryEntry]:
    """Every recorded change of these records, newest first, with before/after values."""
    entries: list[HistoryEntry] = []
    for record in records:
        previous = None
        model = type(record)
        for version in record.history.select_related("history_user").order_by("history_date"):
            changes = []
            if previous is not None:
                delta = version.diff_against(previous)
                changes = [
                    (model._meta.get_field(c.field).verbose_name, c.old, c.new)
                    for c in delta.changes
                ]
            entries.append(
                HistoryEntry(
                    when=version.history_date,
                    who=str(version.history_user or "hệ thống"),
                    what=f"{model._meta.verbose_name} {record}",
                    action=ACTIONS.get(version.history_type, version.history_type),
                    changes=changes,
                )
            )
            previous = version
    return sorted(entries, key=lambda e: e.when, reverse=True)
