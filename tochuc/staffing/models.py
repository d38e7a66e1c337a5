"""Biên chế và tinh giản biên chế: the headcount approved for each unit and year, and the
actual headcount, each approved figure citing the document that decided it.

A row is the unit's own staff: it does not include the units under it that have rows of
their own, so a subtree's headcount is the sum of its units' rows. Headcounts of units that
were merged away are restated onto their heirs by the selectors (`tochuc.staffing.selectors`).
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from tochuc.core.models import OptimisticLock
from tochuc.core.scoping import ScopedQuerySet

BASELINE_YEAR = 2015
"""The year the department's reduction is measured against by default (Nghị quyết 39-NQ/TW)."""


class Category(models.TextChoices):
    CIVIL_SERVANTS = "civil_servants", "Cán bộ, công chức"
    PUBLIC_EMPLOYEES = "public_employees", "Viên chức hưởng lương từ ngân sách"


class Headcount(OptimisticLock):
    """Biên chế of one unit for one year and category: approved (được giao) and actual (có mặt)."""

    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="headcounts",
        verbose_name="cơ quan, đơn vị",
    )
    year = models.PositiveSmallIntegerField("năm")
    category = models.CharField(
        "loại biên chế", max_length=16, choices=Category.choices, default=Category.CIVIL_SERVANTS
    )
    approved = models.PositiveIntegerField("biên chế được giao")
    actual = models.PositiveIntegerField("số có mặt", null=True, blank=True)
    decision = models.ForeignKey(
        "core.Decision", models.PROTECT, related_name="+", verbose_name="văn bản giao biên chế"
    )
    note = models.TextField("ghi chú", blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "biên chế"
        verbose_name_plural = "biên chế"
        ordering = ["year", "organization_id", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "category"], name="headcount_once_per_year"
            )
        ]
        indexes = [models.Index(fields=["year", "category"], name="headcount_year")]

    def __str__(self) -> str:
        return f"{self.organization} {self.year} {self.get_category_display()}: {self.approved}"

    @property
    def difference(self) -> int | None:
        """Actual − approved: positive is a surplus (dôi dư), negative a shortage."""
        return None if self.actual is None else self.actual - self.approved
