"""Issued reports: each is frozen as a snapshot of its figures, parameters and time."""

from django.conf import settings
from django.db import models

from tochuc.core.scoping import ScopedQuerySet


class IssuedReport(models.Model):
    """A quarterly report as issued: its content (docs/report-json.md) never changes; the
    documents are rendered from it, and re-running its parameters shows what changed since."""

    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="issued_reports",
        verbose_name="tổ chức đảng",
    )
    quarter = models.CharField("quý", max_length=7, help_text="N-YYYY, ví dụ 4-2025")
    as_of = models.DateField("số liệu tính đến ngày")
    number = models.CharField("số, ký hiệu", max_length=60, blank=True)
    signer_name = models.CharField("người ký", max_length=120, blank=True)
    content = models.JSONField("nội dung (số liệu đã chốt)")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="người phát hành"
    )
    issued_at = models.DateTimeField("thời điểm phát hành", auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "báo cáo đã phát hành"
        verbose_name_plural = "báo cáo đã phát hành"
        ordering = ["-issued_at", "-id"]
        indexes = [models.Index(fields=["organization", "quarter"], name="issued_report_quarter")]

    def __str__(self) -> str:
        return f"Báo cáo quý {self.quarter} — {self.content['organization']['name']}"
