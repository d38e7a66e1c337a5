"""Quy hoạch cán bộ: planning terms and the persons planned for each post.

A plan entry is dated: a person is in the plan of a post from `added_on` (by a decision)
until `removed_on` (with a reason), so "planned on D" is derived, never overwritten.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from tochuc.core.scoping import ScopedQuerySet


class PlanningTerm(models.Model):
    """A planning term: party terms 2020–2025, 2025–2030; government 2021–2026, 2026–2031."""

    class Track(models.TextChoices):
        PARTY = "party", "Cấp ủy"
        GOVERNMENT = "government", "Chính quyền"

    name = models.CharField("nhiệm kỳ", max_length=20)
    track = models.CharField("khối", max_length=12, choices=Track.choices)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")

    class Meta:
        verbose_name = "nhiệm kỳ quy hoạch"
        verbose_name_plural = "nhiệm kỳ quy hoạch"
        constraints = [
            models.UniqueConstraint(fields=["name", "track"], name="planning_term_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_track_display()} {self.name}"


class PlanEntry(models.Model):
    """A person planned for a post in a term, from a decision until removed."""

    term = models.ForeignKey(PlanningTerm, models.PROTECT, related_name="entries")
    post = models.ForeignKey("cadres.Post", models.PROTECT, related_name="plan_entries")
    person = models.ForeignKey("people.Person", models.PROTECT, related_name="plan_entries")
    added_on = models.DateField("ngày phê duyệt")
    decision = models.ForeignKey("core.Decision", models.PROTECT, verbose_name="quyết định")
    removed_on = models.DateField("ngày đưa ra khỏi quy hoạch", null=True, blank=True)
    removal_reason = models.TextField("lý do", blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "post__organization"

    class Meta:
        verbose_name = "người trong quy hoạch"
        verbose_name_plural = "người trong quy hoạch"
        indexes = [models.Index(fields=["post", "added_on"], name="plan_entry_post")]

    def __str__(self) -> str:
        return f"{self.person} — {self.post} ({self.term})"

    def is_active_on(self, on) -> bool:
        return self.added_on <= on and (self.removed_on is None or on < self.removed_on)
