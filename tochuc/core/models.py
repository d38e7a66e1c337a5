"""Records shared by every domain app."""

from django.db import models
from simple_history.models import HistoricalRecords


class Decision(models.Model):
    """Quyết định: the document every change cites (number, date, issuer)."""

    number = models.CharField("số, ký hiệu", max_length=100)
    signed_on = models.DateField("ngày ban hành")
    issuer = models.CharField("cơ quan ban hành", max_length=255)
    title = models.CharField("trích yếu", max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "quyết định"
        verbose_name_plural = "quyết định"
        constraints = [
            models.UniqueConstraint(
                fields=["number", "signed_on", "issuer"], name="decision_unique_citation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} ngày {self.signed_on:%d/%m/%Y} của {self.issuer}"


class OptimisticLock(models.Model):
    """Abstract base: a version counter so that concurrent edits don't silently overwrite.

    A form carries the version it was rendered with; `tochuc.core.services.locked_for_edit`
    refuses the change when the stored version no longer matches.
    """

    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """Reads of sensitive fields and exports: who, when, what (changes are in history tables)."""

    class Action(models.TextChoices):
        READ_SENSITIVE = "read_sensitive", "Xem thông tin nhạy cảm"
        EXPORT = "export", "Xuất dữ liệu"

    user = models.ForeignKey("accounts.User", models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)
    action = models.CharField("thao tác", max_length=16, choices=Action.choices)
    subject = models.CharField("đối tượng", max_length=255)
    detail = models.JSONField("chi tiết", default=dict, blank=True)

    class Meta:
        verbose_name = "nhật ký truy cập"
        verbose_name_plural = "nhật ký truy cập"
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.user} {self.get_action_display()} {self.subject}"
