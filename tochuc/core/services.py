"""Writes shared by every app."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models

from tochuc.core.models import AuditEntry, Decision


class StaleEdit(ValidationError):
    """Someone else saved the record after this form was opened."""


def locked_for_edit(model: type[models.Model], pk: int, *, expected_version: int | None):
    """The row, locked for this transaction, if nobody saved it since `expected_version`.

    Call inside a transaction. `expected_version=None` is for scripted changes that did not
    show the record to anyone first. Raises `StaleEdit` for a concurrent edit.
    """
    instance = model.objects.select_for_update().get(pk=pk)
    if expected_version is not None and instance.version != expected_version:
        raise StaleEdit(
            "Bản ghi đã được người khác sửa sau khi anh/chị mở biểu mẫu. "
            "Hãy tải lại trang để xem thay đổi rồi nhập lại.",
            code="stale",
        )
    return instance


def decision_cite(*, number: str, signed_on: dt.date, issuer: str, title: str = "") -> Decision:
    """The decision with this citation, created on first use."""
    number, issuer = number.strip(), issuer.strip()
    if not number or not issuer:
        raise ValidationError("Quyết định phải có số, ký hiệu và cơ quan ban hành.")
    decision, _ = Decision.objects.get_or_create(
        number=number, signed_on=signed_on, issuer=issuer, defaults={"title": title}
    )
    return decision


def export_record(*, user, subject: str, detail: dict) -> AuditEntry:
    """Write an export (a report, a list) to the audit log: who, what, when, how."""
    return AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        action=AuditEntry.Action.EXPORT,
        subject=subject[:255],
        detail=detail,
    )
