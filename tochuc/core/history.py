"""The change log of records (django-simple-history), shaped for a record's page."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models

from tochuc.core.dating import shown
from tochuc.core.formatting import vn_date


@dataclass
class HistoryEntry:
    when: object
    who: str
    what: str
    action: str
    changes: list[tuple[str, object, object]] = field(default_factory=list)


ACTIONS = {"+": "Tạo mới", "~": "Sửa", "-": "Xóa"}


def _shown_value(value):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return vn_date(shown(value)) or "—"
    if isinstance(value, bool):
        return "có" if value else "không"
    return value


def history_entries(*records) -> list[HistoryEntry]:
    """Every recorded change of these records, newest first, with before/after values.

    Foreign keys are shown by the related record's name (one query per related model);
    fields nobody edits (derived search keys, version counters) are left out.
    """
    entries: list[HistoryEntry] = []
    wanted: dict[type[models.Model], set] = defaultdict(set)
    pending: list[tuple[list, models.Field, object, object]] = []
    for record in records:
        previous = None
        model = type(record)
        for version in record.history.select_related("history_user").order_by("history_date"):
            changes: list = []
            if previous is not None:
                hidden = [f.name for f in model._meta.fields if not f.editable]
                for change in version.diff_against(previous, excluded_fields=hidden).changes:
                    model_field = model._meta.get_field(change.field)
                    changes.append([model_field.verbose_name, change.old, change.new])
                    if model_field.is_relation:
                        wanted[model_field.related_model] |= {change.old, change.new} - {None}
                        pending.append((changes[-1], model_field, change.old, change.new))
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
    names = {
        related: {obj.pk: str(obj) for obj in related.objects.filter(pk__in=ids)}
        for related, ids in wanted.items()
    }
    for change, model_field, old, new in pending:
        lookup = names[model_field.related_model]
        change[1], change[2] = lookup.get(old, old), lookup.get(new, new)
    for entry in entries:
        entry.changes = [(n, _shown_value(o), _shown_value(v)) for n, o, v in entry.changes]
    return sorted(entries, key=lambda e: e.when, reverse=True)
