"""Kết nạp đảng viên: candidates (quần chúng ưu tú) moving through the admission steps, and
the admission targets (chỉ tiêu kết nạp) per organization, year and term.

A candidate is a person who is not a member yet; their visibility comes from the
organization considering them (`scope_field`). Admission itself is a membership event
(`members.MembershipEvent`), linked here once recorded.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from tochuc.core.models import OptimisticLock
from tochuc.core.scoping import ScopedQuerySet


class Stage(models.TextChoices):
    PROPOSED = "proposed", "Được giới thiệu"
    COURSE = "course", "Đã học lớp nhận thức về Đảng"
    APPLIED = "applied", "Đã có đơn xin vào Đảng"
    RESOLVED = "resolved", "Chi bộ đã đề nghị kết nạp"
    DECIDED = "decided", "Cấp ủy đã quyết định kết nạp"
    ADMITTED = "admitted", "Đã kết nạp"
    WITHDRAWN = "withdrawn", "Dừng xem xét"


class CandidateQuerySet(ScopedQuerySet):
    def at_stage(self, stage: str):
        """Candidates whose derived `stage` is `stage` (the same order as `Candidate.stage`)."""
        open_ = Q(withdrawn_on__isnull=True, admission_event__isnull=True)
        return self.filter(
            {
                Stage.WITHDRAWN: Q(withdrawn_on__isnull=False, admission_event__isnull=True),
                Stage.ADMITTED: Q(admission_event__isnull=False),
                Stage.DECIDED: open_ & Q(committee_decision_on__isnull=False),
                Stage.RESOLVED: open_
                & Q(committee_decision_on__isnull=True, cell_resolution_on__isnull=False),
                Stage.APPLIED: open_
                & Q(
                    committee_decision_on__isnull=True,
                    cell_resolution_on__isnull=True,
                    applied_on__isnull=False,
                ),
                Stage.COURSE: open_
                & Q(
                    committee_decision_on__isnull=True,
                    cell_resolution_on__isnull=True,
                    applied_on__isnull=True,
                    course_passed_on__isnull=False,
                ),
                Stage.PROPOSED: open_
                & Q(
                    committee_decision_on__isnull=True,
                    cell_resolution_on__isnull=True,
                    applied_on__isnull=True,
                    course_passed_on__isnull=True,
                ),
            }[stage]
        )


class Candidate(OptimisticLock):
    """Quần chúng ưu tú being considered by a party organization, with the date of each step."""

    person = models.ForeignKey(
        "people.Person", models.PROTECT, related_name="candidacies", verbose_name="cá nhân"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="candidates",
        verbose_name="tổ chức đảng xem xét",
    )
    course_passed_on = models.DateField(
        "ngày cấp giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng", null=True, blank=True
    )
    applied_on = models.DateField("ngày làm đơn xin vào Đảng", null=True, blank=True)
    cell_resolution_on = models.DateField(
        "ngày chi bộ ra nghị quyết đề nghị kết nạp", null=True, blank=True
    )
    committee_decision_on = models.DateField(
        "ngày cấp ủy quyết định kết nạp", null=True, blank=True
    )
    committee_decision = models.ForeignKey(
        "core.Decision",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="quyết định kết nạp",
    )
    admission_event = models.OneToOneField(
        "members.MembershipEvent",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="candidacy",
        verbose_name="sự kiện kết nạp",
    )
    withdrawn_on = models.DateField("ngày dừng xem xét", null=True, blank=True)
    withdrawal_reason = models.TextField("lý do dừng xem xét", blank=True)
    note = models.TextField("ghi chú", blank=True)
    created_at = models.DateTimeField("thời điểm tạo", auto_now_add=True)
    history = HistoricalRecords()

    objects = CandidateQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "quần chúng ưu tú"
        verbose_name_plural = "quần chúng ưu tú"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(admission_event__isnull=True, withdrawn_on__isnull=True),
                name="candidate_one_open_per_person",
            )
        ]
        indexes = [models.Index(fields=["organization", "created_at"], name="candidate_org")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_stage_display()})"

    @property
    def stage(self) -> str:
        """The furthest step reached (admitted and withdrawn end the candidacy)."""
        if self.admission_event_id:
            return Stage.ADMITTED
        if self.withdrawn_on:
            return Stage.WITHDRAWN
        for stage, day in (
            (Stage.DECIDED, self.committee_decision_on),
            (Stage.RESOLVED, self.cell_resolution_on),
            (Stage.APPLIED, self.applied_on),
            (Stage.COURSE, self.course_passed_on),
        ):
            if day:
                return stage
        return Stage.PROPOSED

    def get_stage_display(self) -> str:
        return Stage(self.stage).label

    @property
    def is_open(self) -> bool:
        return self.stage not in (Stage.ADMITTED, Stage.WITHDRAWN)


class TargetKind(models.TextChoices):
    YEAR = "year", "Năm"
    TERM = "term", "Nhiệm kỳ"


class AdmissionTargetQuerySet(ScopedQuerySet):
    pass


class AdmissionTarget(OptimisticLock):
    """Chỉ tiêu kết nạp of one organization for a year or a term ([starts_on, ends_on])."""

    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="admission_targets",
        verbose_name="tổ chức đảng",
    )
    kind = models.CharField("loại chỉ tiêu", max_length=8, choices=TargetKind.choices)
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True)
    term = models.CharField("nhiệm kỳ", max_length=9, blank=True, help_text="Ví dụ 2025-2030")
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    count = models.PositiveIntegerField("chỉ tiêu (người)")
    decision = models.ForeignKey(
        "core.Decision",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="quyết định, văn bản giao chỉ tiêu",
    )
    history = HistoricalRecords()

    objects = AdmissionTargetQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "chỉ tiêu kết nạp"
        verbose_name_plural = "chỉ tiêu kết nạp"
        ordering = ["organization_id", "kind", "starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"],
                condition=Q(kind="year"),
                name="target_unique_year",
            ),
            models.UniqueConstraint(
                fields=["organization", "term"],
                condition=Q(kind="term"),
                name="target_unique_term",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="target_period_range"
            ),
        ]
        indexes = [models.Index(fields=["kind", "year", "organization"], name="target_period")]

    def __str__(self) -> str:
        return f"{self.organization} {self.period_label}: {self.count}"

    @property
    def period_label(self) -> str:
        return f"năm {self.year}" if self.kind == TargetKind.YEAR else f"nhiệm kỳ {self.term}"
