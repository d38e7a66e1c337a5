"""Cán bộ: posts with effective-dated seat quotas, assignments of persons, sourcing plans for
vacancies, and mobility (reinforcement, secondment, transfer, rotation).

Seat, post and person are separate: a `Post` is a kind of seat in a body of an organization
with a quota of seats over time (`PostQuota`); an `Assignment` puts a person on one seat of a
post for a period. Vacancies are computed (quota − holders), never stored.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from tochuc.core.dating import EffectiveDated, EffectiveDatedQuerySet
from tochuc.core.models import OptimisticLock
from tochuc.core.scoping import ScopedQuerySet
from tochuc.people.catalogs import Expertise


class DatedQuerySet(EffectiveDatedQuerySet, ScopedQuerySet):
    """Effective-dated rows scoped through their post's organization."""


class Body(models.TextChoices):
    EXECUTIVE_COMMITTEE = "executive_committee", "Ban Chấp hành"
    STANDING_COMMITTEE = "standing_committee", "Ban Thường vụ"
    INSPECTION_COMMITTEE = "inspection_committee", "Ủy ban Kiểm tra"
    PEOPLES_COMMITTEE = "peoples_committee", "Ủy ban nhân dân"
    PEOPLES_COUNCIL = "peoples_council", "Hội đồng nhân dân"
    DEPARTMENT = "department", "Cơ quan chuyên môn"
    CIVIL_SERVICE = "civil_service", "Công chức cấp xã"


class Post(OptimisticLock):
    """Chức danh: a kind of seat in a body of an organization (party or state unit)."""

    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="posts",
        verbose_name="tổ chức, cơ quan",
    )
    body = models.CharField("cơ quan", max_length=24, choices=Body.choices)
    title = models.CharField("chức danh", max_length=120)
    field = models.CharField(
        "lĩnh vực chuyên môn", max_length=24, choices=Expertise.choices, blank=True
    )
    per_central_guidance = models.BooleanField(
        "tính theo hướng dẫn của Trung ương",
        default=False,
        help_text="Chức danh được tính khi tổng hợp thiếu khuyết theo hướng dẫn của Trung ương.",
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
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

    objects = DatedQuerySet.as_manager()
    scope_field = "post__organization"

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


class Assignment(EffectiveDated, OptimisticLock):
    """A person holding one seat of a post from `valid_from` to `valid_to`, by a decision."""

    person = models.ForeignKey("people.Person", models.PROTECT, related_name="assignments")
    post = models.ForeignKey(Post, models.PROTECT, related_name="assignments")
    kind = models.CharField("hình thức", max_length=16, choices=AssignmentKind.choices)
    decision = models.ForeignKey("core.Decision", models.PROTECT, verbose_name="quyết định")
    history = HistoricalRecords()

    objects = DatedQuerySet.as_manager()
    scope_field = "post__organization"

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

    objects = ScopedQuerySet.as_manager()
    scope_field = "post__organization"

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


class MoveQuerySet(ScopedQuerySet):
    def restrict(self, user, action: str = "view"):
        """Moves whose origin or destination lies in the user's scope."""
        from tochuc.accounts.scope import organization_ids_in_scope

        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser:
            return self
        if not user.may(action):
            return self.none()
        ids = organization_ids_in_scope(user)
        return self.filter(models.Q(origin__in=ids) | models.Q(destination__in=ids))


class MovePurpose(models.TextChoices):
    DEVELOPMENT = "development", "Đào tạo, rèn luyện, bố trí theo yêu cầu nhiệm vụ"
    NON_LOCAL = "non_local", "Bố trí không là người địa phương, không quá hai nhiệm kỳ liên tiếp"


class Move(OptimisticLock):
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
    ended_on = models.DateField("ngày kết thúc thực tế", null=True, blank=True)
    purpose = models.CharField(
        "mục đích", max_length=16, choices=MovePurpose.choices, default=MovePurpose.DEVELOPMENT
    )
    special_case = models.TextField(
        "trường hợp đặc biệt",
        blank=True,
        help_text="Căn cứ cấp có thẩm quyền xem xét, quyết định khi không đủ điều kiện chung.",
    )
    decided_by = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="+",
        verbose_name="cấp quyết định",
    )
    decision = models.ForeignKey("core.Decision", models.PROTECT, verbose_name="quyết định")
    history = HistoricalRecords()

    objects = MoveQuerySet.as_manager()
    scope_field = "destination"

    class Meta:
        verbose_name = "điều động, luân chuyển"
        verbose_name_plural = "điều động, luân chuyển"
        indexes = [models.Index(fields=["kind", "starts_on"], name="move_kind_start")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.person} {self.starts_on:%d/%m/%Y}"
