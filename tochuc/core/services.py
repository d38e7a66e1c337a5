"""Writes shared by every app."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models, transaction

from tochuc.core.models import Decision


class StaleEdit(ValidationError):
    """Someone else saved the record after this form was opened."""


def save_versioned(instance: models.Model, *, expected_version: int, fields: list[str]) -> None:
    """Save `fields` of `instance` only if nobody changed it since `expected_version`."""
    with transaction.atomic():
        current = (
            type(instance)
            .objects.select_for_update()
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current != expected_version:
            raise StaleEdit(
                "Bản ghi đã được người khác sửa sau khi anh/chị mở biểu mẫu. "
                "Hãy tải lại trang để xem thay đổi rồi nhập lại."
            )
        instance.version = expected_version + 1
        instance.save(update_fields=[*fields, "version"])


def decision_cite(*, number: str, signed_on: dt.date, issuer: str, title: str = "") -> Decision:
    """The decision with this citation, created on first use."""
    number, issuer = number.strip(), issuer.strip()
    if not number or not issuer:
        raise ValidationError("Quyết định phải có số, ký hiệu và cơ quan ban hành.")
    decision, _ = Decision.objects.get_or_create(
        number=number, signed_on=signed_on, issuer=issuer, defaults={"title": title}
    )
    return decision
