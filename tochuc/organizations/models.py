"""Tổ chức: the effective-dated tree of party organizations and state units, and its lineage.

An `Organization` is an identity (a code) that lives from `valid_from` to `valid_to`. What
changes over its life (name, kind, parent) is kept in `OrganizationPeriod` rows, never
overwritten. `OrganizationClosure` is derived from the periods: one row per
(ancestor, descendant) for the dates the ancestor is above the descendant, so "the subtree of
X as of D" is one indexed lookup. Merges, splits, renames and dissolutions are
`LineageEvent`s citing a decision, with `LineageLink`s from predecessors to successors.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from tochuc.core.dating import EffectiveDated
from tochuc.core.models import OptimisticLock
from tochuc.core.text import search_key
from tochuc.organizations.kinds import PARTY_KINDS, Kind
from tochuc.organizations.querysets import OrganizationQuerySet, PeriodQuerySet


class Organization(EffectiveDated, OptimisticLock):
    code = models.CharField("mã", max_length=64, unique=True)
    administrative_unit = models.ForeignKey(
        "administrative_units.AdministrativeUnit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name="đơn vị hành chính",
    )
    history = HistoricalRecords()

    objects = OrganizationQuerySet.as_manager()
    scope_field = "id"

    class Meta:
        verbose_name = "tổ chức"
        verbose_name_plural = "tổ chức"
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__gte=models.F("valid_from")), name="org_valid_range"
            )
        ]

    def __str__(self) -> str:
        return self.code

    def period_at(self, on):
        """The period (name, kind, parent) in force on `on`, or None."""
        return self.periods.valid_at(on).first()

    def children_at(self, on):
        """Periods of the organizations directly under this one on `on`."""
        return OrganizationPeriod.objects.valid_at(on).filter(parent=self)


class OrganizationPeriod(EffectiveDated):
    """What an organization was (name, kind, parent) over one stretch of dates."""

    organization = models.ForeignKey(
        Organization, models.CASCADE, related_name="periods", verbose_name="tổ chức"
    )
    name = models.CharField("tên", max_length=255)
    name_folded = models.CharField(max_length=255, editable=False, default="")
    kind = models.CharField("loại", max_length=32, choices=Kind.choices)
    parent = models.ForeignKey(
        Organization,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="child_periods",
        verbose_name="trực thuộc",
    )
    decision = models.ForeignKey(
        "core.Decision", models.PROTECT, null=True, blank=True, verbose_name="quyết định"
    )
    history = HistoricalRecords()

    objects = PeriodQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "giai đoạn tổ chức"
        verbose_name_plural = "giai đoạn tổ chức"
        ordering = ["organization_id", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__gte=models.F("valid_from")), name="period_valid_range"
            ),
            models.UniqueConstraint(
                fields=["organization", "valid_from"], name="period_unique_start"
            ),
        ]
        indexes = [
            models.Index(fields=["parent", "valid_from", "valid_to"], name="period_parent_asof"),
            models.Index(fields=["kind", "valid_from", "valid_to"], name="period_kind_asof"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = search_key(self.name)
        if kwargs.get("update_fields") and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_folded"}
        super().save(*args, **kwargs)

    @property
    def is_party(self) -> bool:
        return self.kind in PARTY_KINDS


class OrganizationClosure(EffectiveDated):
    """`ancestor` is `depth` levels above `descendant` from `valid_from` to `valid_to`.

    Derived from the periods by `services.closure_refresh`; never edited by hand. Every
    organization is its own ancestor at depth 0 over its lifetime.
    """

    ancestor = models.ForeignKey(Organization, models.CASCADE, related_name="+")
    descendant = models.ForeignKey(Organization, models.CASCADE, related_name="+")
    depth = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [
            models.Index(
                fields=["ancestor", "valid_from", "valid_to", "descendant"],
                name="closure_subtree_asof",
            ),
            models.Index(fields=["descendant", "valid_from"], name="closure_ancestors"),
        ]

    def __str__(self) -> str:
        return f"{self.ancestor_id} ⊇ {self.descendant_id} ({self.depth})"


class LineageKind(models.TextChoices):
    ESTABLISHED = "established", "Thành lập"
    MERGED = "merged", "Hợp nhất, sáp nhập"
    SPLIT = "split", "Chia tách"
    RENAMED = "renamed", "Đổi tên"
    MOVED = "moved", "Chuyển trực thuộc"
    DISSOLVED = "dissolved", "Giải thể"


class LineageEvent(models.Model):
    """A change in the tree on `effective_on`, citing its decision."""

    kind = models.CharField("loại", max_length=16, choices=LineageKind.choices)
    effective_on = models.DateField("ngày hiệu lực")
    decision = models.ForeignKey("core.Decision", models.PROTECT, verbose_name="quyết định")
    note = models.TextField("ghi chú", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sự kiện tổ chức"
        verbose_name_plural = "sự kiện tổ chức"
        ordering = ["effective_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_on:%d/%m/%Y}"


class LineageLink(models.Model):
    """One organization passing into another by an event.

    Established events have only a successor, dissolutions only a predecessor, renames and
    moves the same organization on both sides. `is_default` marks the successor that the
    predecessor's members are carried to (a split has exactly one default successor).
    """

    event = models.ForeignKey(
        LineageEvent, models.CASCADE, related_name="links", verbose_name="sự kiện"
    )
    predecessor = models.ForeignKey(
        Organization, models.PROTECT, null=True, blank=True, related_name="successor_links"
    )
    successor = models.ForeignKey(
        Organization, models.PROTECT, null=True, blank=True, related_name="predecessor_links"
    )
    is_default = models.BooleanField("kế thừa mặc định", default=True)

    class Meta:
        indexes = [
            models.Index(fields=["successor", "predecessor"], name="lineage_by_successor"),
            models.Index(fields=["predecessor", "successor"], name="lineage_by_predecessor"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_id} → {self.successor_id}"


class OrganizationSuccession(EffectiveDated):
    """Derived: on [valid_from, valid_to], the members placed in `organization` belong to `heir`.

    An organization is its own heir while it lives; after a merger or split its members pass
    to the default successor (and on, through later lineage), without one event per member.
    Rebuilt by `tochuc.organizations.succession.succession_refresh`.
    """

    organization = models.ForeignKey(Organization, models.CASCADE, related_name="+")
    heir = models.ForeignKey(Organization, models.CASCADE, related_name="+")

    class Meta:
        indexes = [
            models.Index(
                fields=["heir", "valid_from", "valid_to", "organization"], name="succession_heir"
            ),
            models.Index(fields=["organization", "valid_from"], name="succession_org"),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} → {self.heir_id}"
