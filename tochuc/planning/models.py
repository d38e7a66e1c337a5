"""Quy hoạch cán bộ: planning terms, the persons planned for each post, structure targets.

A plan entry is dated: a person is in the plan of a post from `added_on` (by a decision)
until `removed_on` (with a reason), so "planned on D" is derived, never overwritten, and an
entry is never deleted. Structure targets (shares of women, young and ethnic-minority people)
are configured per term by the department, never hard-coded.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from tochuc.core.models import OptimisticLock
from tochuc.core.scoping import ScopedQuerySet


class Level(models.TextChoices):
    """Cấp of a post: commune level when its organization lies at or under a commune party
    committee on the date, province level otherwise (two-level government since 2025)."""

    PROVINCE = "province", "Cấp tỉnh"
    COMMUNE = "commune", "Cấp xã"


class PlanningTerm(OptimisticLock):
    """A planning term: party terms 2020–2025, 2025–2030; government 2021–2026, 2026–2031."""

    class Track(models.TextChoices):
        PARTY = "party", "Cấp ủy"
        GOVERNMENT = "government", "Chính quyền"

    name = models.CharField("nhiệm kỳ", max_length=20)
    track = models.CharField("khối", max_length=12, choices=Track.choices)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    counting_on = models.DateField(
        "ngày tính tuổi quy hoạch",
        null=True,
        blank=True,
        help_text="Thời điểm tính tuổi người được quy hoạch; để trống: ngày bắt đầu nhiệm kỳ.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "nhiệm kỳ quy hoạch"
        verbose_name_plural = "nhiệm kỳ quy hoạch"
        ordering = ["starts_on", "track", "id"]
        constraints = [
            models.UniqueConstraint(fields=["name", "track"], name="planning_term_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_track_display()} {self.name}"

    @property
    def counting_date(self) -> dt.date:
        """The date ages are counted at for this term (its start unless configured)."""
        return self.counting_on or self.starts_on


def active_on_q(on: dt.date, prefix: str = "") -> Q:
    """Q for plan entries in force on `on`: added on or before, not yet removed."""
    return Q(**{f"{prefix}added_on__lte": on}) & (
        Q(**{f"{prefix}removed_on__isnull": True}) | Q(**{f"{prefix}removed_on__gt": on})
    )


class PlanEntryQuerySet(ScopedQuerySet):
    def active_on(self, on: dt.date):
        return self.filter(active_on_q(on))


class PlanEntry(OptimisticLock):
    """A person planned for a post in a term, from a decision until removed."""

    term = models.ForeignKey(PlanningTerm, models.PROTECT, related_name="entries")
    post = models.ForeignKey("cadres.Post", models.PROTECT, related_name="plan_entries")
    person = models.ForeignKey("people.Person", models.PROTECT, related_name="plan_entries")
    added_on = models.DateField("ngày phê duyệt")
    decision = models.ForeignKey("core.Decision", models.PROTECT, verbose_name="quyết định")
    removed_on = models.DateField("ngày đưa ra khỏi quy hoạch", null=True, blank=True)
    removal_reason = models.TextField("lý do", blank=True)
    removal_decision = models.ForeignKey(
        "core.Decision",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="quyết định đưa ra khỏi quy hoạch",
    )
    history = HistoricalRecords()

    objects = PlanEntryQuerySet.as_manager()
    scope_field = "post__organization"

    class Meta:
        verbose_name = "người trong quy hoạch"
        verbose_name_plural = "người trong quy hoạch"
        indexes = [
            models.Index(fields=["post", "added_on"], name="plan_entry_post"),
            models.Index(fields=["person", "added_on"], name="plan_entry_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.post} ({self.term})"

    def is_active_on(self, on) -> bool:
        return self.added_on <= on and (self.removed_on is None or on < self.removed_on)


class StructureCategory(models.TextChoices):
    WOMEN = "women", "Nữ"
    YOUNG = "young", "Trẻ tuổi"
    ETHNIC_MINORITY = "ethnic_minority", "Dân tộc thiểu số"


class StructureTarget(OptimisticLock):
    """Mục tiêu cơ cấu: the minimum share of a category among the planned persons (and the
    committee) of a level, for one term, set by an organization for its subtree.

    A report uses the target of the nearest organization at or above its root; "young" means
    younger than `young_age` full years on the counting date.
    """

    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="+",
        verbose_name="đơn vị giao mục tiêu",
    )
    term = models.ForeignKey(PlanningTerm, models.PROTECT, related_name="structure_targets")
    category = models.CharField("cơ cấu", max_length=16, choices=StructureCategory.choices)
    level = models.CharField("cấp", max_length=8, choices=Level.choices)
    minimum_share = models.DecimalField("tỷ lệ tối thiểu (%)", max_digits=5, decimal_places=2)
    young_age = models.PositiveSmallIntegerField("dưới … tuổi (cán bộ trẻ)", null=True, blank=True)
    decision = models.ForeignKey(
        "core.Decision", models.PROTECT, null=True, blank=True, verbose_name="văn bản"
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "mục tiêu cơ cấu"
        verbose_name_plural = "mục tiêu cơ cấu"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "term", "category", "level"],
                name="structure_target_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} ≥ {self.minimum_share}% ({self.term})"
