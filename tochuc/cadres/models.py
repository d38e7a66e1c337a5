"""Cán bộ: posts with effective-dated seat quotas, assignments of persons, sourcing plans for
vacancies, and mobility (reinforcement, secondment, transfer, rotation).

Seat, post and person are separate: a `Post` is a kind of seat in a body of an organization
with a quota of seats over time (`PostQuota`); an `Assignment` puts a person on one seat of a
post for a period. Vacancies are computed (quota − holders), never stored.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from tochuc.core.dating import EffectiveDated


class Body(models.TextChoices):
    EXECUTIVE_COMMITTEE = "executive_committee", "Ban Chấp hành"
    STANDING_COMMITTEE = "standing_committee", "Ban Thường vụ"
    INSPECTION_COMMITTEE = "inspection_committee", "Ủy ban Kiểm tra"
    PEOPLES_COMMITTEE = "peoples_committee", "Ủy ban nhân dân"
    PEOPLES_COUNCIL = "peoples_council", "Hội đồng nhân dân"
    DEPARTMENT = "department", "Cơ quan chuyên môn"
    CIVIL_SERVICE = "civil_service", "Công chức cấp xã"


class Post(models.Model):
    """Chức danh: a kind of seat in a body of an organization (party or state unit)."""

    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="posts",
        verbose_name="tổ chức, cơ quan",
    )
    body = models.CharField("cơ quan", max_length=24, choices=Body.choices)
    title = models.CharField("chức danh", max_length=120)
    field = models.CharField("lĩnh vực chuyên môn", max_length=80, blank=True)
    per_central_guidance = models.BooleanField(
        "tính theo hướng dẫn của Trung ương",
        default=False,
        help_text="Chức danh được tính khi tổng hợp thiếu khuyết theo hướng dẫn của Trung ương.",
    )
    history = HistoricalRecords()

    scope_field = "organization"

    class Meta:
        verbose_name = "chức danh"
        verbose_name_plural = "chức danh"
        indexes = [models.Index(fields=["organization", "body"], name="post_org_body")]

    def __str__(self) -> str:
        return self.title


class PostQuota(EffectiveDated):
    """How many seats a post has over a stretch of dates."""

    post = models.ForeignKey(Post, models.CASCADE, related_name="quotas")
    seats = models.PositiveSmallIntegerField("số lượng")
    decision = models.ForeignKey("core.Decision", models.PROTECT, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "định mức chức danh"
        verbose_name_plural = "định mức chức danh"
        indexes = [models.Index(fields=["post", "valid_from", "valid_to"], name="quota_asof")]

    def __str__(self) -> str:
        return f"{self.post}: {self.seats}"


class AssignmentKind(models.TextChoices):
    ELECTION = "election", "Bầu"
    DESIGNATION = "designation", "Chỉ định"
    APPOINTMENT = "appointment", "Bổ nhiệm"
    REAPPOINTMENT = "reappointment", "Bổ nhiệm lại"
    NOMINATION = "nomination", "Giới thiệu ứng cử"
    APPROVAL = "approval", "Chuẩn y"
    CONCURRENT = "concurrent", "Kiêm nhiệm"
    ACTING = "acting", "Quyền, phụ trách"
    ASSIGNMENT = "assignment", "Bố trí"


class Assignment(EffectiveDated):
    """A person holding one seat of a post from `valid_from` to `valid_to`, by a decision."""

    person = models.ForeignKey("people.Person", models.PROTECT, related_name="assignments")
    post = models.ForeignKey(Post, models.PROTECT, related_name="assignments")
    kind = models.CharField("hình thức", max_length=16, choices=AssignmentKind.choices)
    decision = models.ForeignKey("core.Decision", models.PROTECT, verbose_name="quyết định")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bố trí chức danh"
        verbose_name_plural = "bố trí chức danh"
        indexes = [
            models.Index(fields=["post", "valid_from", "valid_to"], name="assignment_asof"),
            models.Index(fields=["person", "valid_from"], name="assignment_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.post}"


class SourcingPlan(models.Model):
    """Phương án bố trí for a post's vacancies, in force from `planned_on` until the next one."""

    class Source(models.TextChoices):
        SELF = "self", "Tự đảm bảo"
        REINFORCEMENT = "reinforcement", "Cần thành phố tăng cường"
        SECONDMENT = "secondment", "Cần thành phố biệt phái"
        TRANSFER = "transfer", "Cần điều động giữa các xã"

    post = models.ForeignKey(Post, models.CASCADE, related_name="sourcing_plans")
    planned_on = models.DateField("ngày lập phương án")
    source = models.CharField("phương án", max_length=16, choices=Source.choices)
    note = models.TextField("ghi chú", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "phương án bố trí"
        verbose_name_plural = "phương án bố trí"
        indexes = [models.Index(fields=["post", "planned_on"], name="plan_post_date")]

    def __str__(self) -> str:
        return f"{self.post}: {self.get_source_display()} ({self.planned_on:%d/%m/%Y})"

    @property
    def needs_support(self) -> bool:
        return self.source != self.Source.SELF


class MoveKind(models.TextChoices):
    REINFORCEMENT = "reinforcement", "Tăng cường"
    SECONDMENT = "secondment", "Biệt phái"
    TRANSFER = "transfer", "Điều động"
    ROTATION = "rotation", "Luân chuyển"


class Move(models.Model):
    """A mobility decision: a person sent from one unit to another for a while or for good."""

    person = models.ForeignKey("people.Person", models.PROTECT, related_name="moves")
    kind = models.CharField("hình thức", max_length=16, choices=MoveKind.choices)
    origin = models.ForeignKey(
        "organizations.Organization", models.PROTECT, related_name="+", verbose_name="từ đơn vị"
    )
    destination = models.ForeignKey(
        "organizations.Organization", models.PROTECT, related_name="+", verbose_name="đến đơn vị"
    )
    starts_on = models.DateField("ngày bắt đầu")
    planned_end = models.DateField("dự kiến kết thúc", null=True, blank=True)
    decided_by = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="+",
        verbose_name="cấp quyết định",
    )
    decision = models.ForeignKey("core.Decision", models.PROTECT, verbose_name="quyết định")
    history = HistoricalRecords()

    scope_field = "destination"

    class Meta:
        verbose_name = "điều động, luân chuyển"
        verbose_name_plural = "điều động, luân chuyển"
        indexes = [models.Index(fields=["kind", "starts_on"], name="move_kind_start")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.person} {self.starts_on:%d/%m/%Y}"
