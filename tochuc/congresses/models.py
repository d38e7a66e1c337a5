"""Đại hội đảng bộ: a congress of a party organization for a term, its delegates, the
committee it elects (or that is designated), and the targets of its resolution.

Seats are not kept here: the committee's approved sizes become the quotas of the
organization's cadres posts (`cadres.Post`), and each person elected becomes a cadres
`Assignment` citing the congress's vote record. `CongressSeat` says which post carries which
role for a congress; "BCH 29 (khuyết 4)" is read from the cadres quotas and holders on the
closing date, never stored.
"""

from __future__ import annotations

import re

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from tochuc.cadres.models import Body
from tochuc.core.models import OptimisticLock
from tochuc.core.scoping import ScopedQuerySet

TERM_PATTERN = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")
"""A term as typed: «2025-2030» or «2025–2030» (stored with a hyphen, like admission terms)."""


class CongressKind(models.TextChoices):
    REGULAR = "regular", "Thường kỳ"
    EXTRAORDINARY = "extraordinary", "Bất thường"


class Congress(OptimisticLock):
    """Đại hội of a party organization for a term: dates, delegates, the committee's approved
    sizes and the vote record (biên bản kiểm phiếu, or the designation decision) that every
    elected seat cites."""

    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="congresses",
        verbose_name="tổ chức đảng",
    )
    term = models.CharField("nhiệm kỳ", max_length=9, help_text="Ví dụ 2025-2030")
    ordinal = models.CharField("lần thứ", max_length=12, blank=True, help_text="Ví dụ I, XV")
    kind = models.CharField(
        "loại đại hội", max_length=16, choices=CongressKind.choices, default=CongressKind.REGULAR
    )
    opened_on = models.DateField("ngày khai mạc")
    closed_on = models.DateField("ngày bế mạc")
    delegates_summoned = models.PositiveIntegerField("số đại biểu được triệu tập")
    delegates_present = models.PositiveIntegerField("số đại biểu có mặt", null=True, blank=True)
    members_represented = models.PositiveIntegerField(
        "số đảng viên (nhập tay)",
        null=True,
        blank=True,
        help_text="Để trống: tính từ danh sách đảng viên của đảng bộ vào ngày khai mạc.",
    )
    executive_size = models.PositiveSmallIntegerField(
        "số lượng ủy viên Ban Chấp hành", null=True, blank=True
    )
    standing_size = models.PositiveSmallIntegerField(
        "số lượng ủy viên Ban Thường vụ", null=True, blank=True
    )
    inspection_size = models.PositiveSmallIntegerField(
        "số lượng ủy viên Ủy ban Kiểm tra", null=True, blank=True
    )
    deputy_secretaries = models.PositiveSmallIntegerField(
        "số lượng Phó Bí thư", null=True, blank=True
    )
    committee_designated = models.BooleanField(
        "cấp ủy do cấp trên chỉ định", default=False, help_text="Không bầu tại đại hội."
    )
    vote_record = models.ForeignKey(
        "core.Decision",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="biên bản, quyết định kết quả bầu cử",
    )
    age_counted_on = models.DateField(
        "thời điểm tính tuổi (nhập tay)",
        null=True,
        blank=True,
        help_text="Để trống: theo chỉ thị về đại hội đang áp dụng.",
    )
    note = models.TextField("ghi chú", blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "đại hội"
        verbose_name_plural = "đại hội"
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__gte=F("opened_on")), name="congress_dates_in_order"
            ),
            models.CheckConstraint(
                condition=Q(delegates_present__isnull=True)
                | Q(delegates_present__lte=F("delegates_summoned")),
                name="congress_present_within_summoned",
            ),
            models.UniqueConstraint(
                fields=["organization", "term"],
                condition=Q(kind="regular"),
                name="congress_one_regular_per_term",
            ),
        ]
        indexes = [models.Index(fields=["organization", "opened_on"], name="congress_org_date")]

    def __str__(self) -> str:
        ordinal = f" lần thứ {self.ordinal}" if self.ordinal else ""
        extra = " (bất thường)" if self.kind == CongressKind.EXTRAORDINARY else ""
        return f"Đại hội{ordinal}{extra}, nhiệm kỳ {self.term_label}"

    @property
    def term_label(self) -> str:
        """«2025–2030», with the en dash of printed documents."""
        return self.term.replace("-", "–")

    @property
    def sizes_set(self) -> bool:
        return self.executive_size is not None


class DelegateKind(models.TextChoices):
    ELECTED = "elected", "Đại biểu bầu"
    EX_OFFICIO = "ex_officio", "Đại biểu đương nhiên"
    DESIGNATED = "designated", "Đại biểu chỉ định"


class Delegate(models.Model):
    """A person on the list of delegates summoned to a congress."""

    congress = models.ForeignKey(Congress, models.CASCADE, related_name="delegates")
    person = models.ForeignKey(
        "people.Person", models.PROTECT, related_name="congress_delegations", verbose_name="cá nhân"
    )
    kind = models.CharField("loại đại biểu", max_length=16, choices=DelegateKind.choices)
    note = models.CharField("ghi chú", max_length=255, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "congress__organization"

    class Meta:
        verbose_name = "đại biểu"
        verbose_name_plural = "đại biểu"
        constraints = [models.UniqueConstraint(fields=["congress", "person"], name="delegate_once")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_kind_display()})"


class Role(models.TextChoices):
    """A seat a congress fills, each carried by one cadres post of the organization."""

    EXECUTIVE_MEMBER = "executive_member", "Ủy viên Ban Chấp hành"
    SECRETARY = "secretary", "Bí thư"
    DEPUTY_SECRETARY = "deputy_secretary", "Phó Bí thư"
    STANDING_MEMBER = "standing_member", "Ủy viên Ban Thường vụ"
    INSPECTION_CHAIR = "inspection_chair", "Chủ nhiệm Ủy ban Kiểm tra"
    INSPECTION_MEMBER = "inspection_member", "Ủy viên Ủy ban Kiểm tra"


ROLE_BODY = {
    Role.EXECUTIVE_MEMBER: Body.EXECUTIVE_COMMITTEE,
    Role.SECRETARY: Body.STANDING_COMMITTEE,
    Role.DEPUTY_SECRETARY: Body.STANDING_COMMITTEE,
    Role.STANDING_MEMBER: Body.STANDING_COMMITTEE,
    Role.INSPECTION_CHAIR: Body.INSPECTION_COMMITTEE,
    Role.INSPECTION_MEMBER: Body.INSPECTION_COMMITTEE,
}
"""The body whose seats a role takes. The secretary and deputies are seats of the standing
committee (its quota = 1 + deputies + other members), as the demo data and the cadres board
count them; the inspection chair is a seat of the inspection committee. Where there is no
standing committee they still sit in that body (the «thường trực» of the committee)."""

STANDING_ROLES = (Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.STANDING_MEMBER)
LEADERSHIP = (Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.INSPECTION_CHAIR)
OFFICERS = "officers"
"""Where a congress elects no standing committee, its secretary and deputies are reported as
«thường trực cấp ủy», not as BTV (their posts still sit in the standing-committee body)."""
COMMITTEE_BODIES = (
    Body.EXECUTIVE_COMMITTEE,
    Body.STANDING_COMMITTEE,
    OFFICERS,
    Body.INSPECTION_COMMITTEE,
)
BODY_SHORT = {
    Body.EXECUTIVE_COMMITTEE: "BCH",
    Body.STANDING_COMMITTEE: "BTV",
    OFFICERS: "Thường trực",
    Body.INSPECTION_COMMITTEE: "UBKT",
}


class CongressSeat(models.Model):
    """The cadres post that carries a role for a congress (found or created when the
    committee's sizes are set; its quota from the closing date is the approved number)."""

    congress = models.ForeignKey(Congress, models.CASCADE, related_name="seats")
    role = models.CharField("chức danh", max_length=20, choices=Role.choices)
    post = models.ForeignKey("cadres.Post", models.PROTECT, related_name="congress_seats")
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "congress__organization"

    class Meta:
        verbose_name = "chức danh do đại hội bầu"
        verbose_name_plural = "chức danh do đại hội bầu"
        constraints = [
            models.UniqueConstraint(fields=["congress", "role"], name="congress_seat_role_once")
        ]

    def __str__(self) -> str:
        return f"{self.congress}: {self.get_role_display()}"


class CommitteeMember(models.Model):
    """A person elected (or designated) to a role by a congress, and the cadres assignment
    that records the seat. `exception` cites why the congress went ahead although the age
    rule flagged the person."""

    congress = models.ForeignKey(Congress, models.CASCADE, related_name="committee_members")
    person = models.ForeignKey(
        "people.Person", models.PROTECT, related_name="committee_terms", verbose_name="cá nhân"
    )
    role = models.CharField("chức danh", max_length=20, choices=Role.choices)
    assignment = models.OneToOneField(
        "cadres.Assignment",
        models.PROTECT,
        related_name="congress_election",
        verbose_name="bố trí chức danh",
    )
    exception = models.TextField("trường hợp đặc biệt (căn cứ)", blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "congress__organization"

    class Meta:
        verbose_name = "người trúng cử"
        verbose_name_plural = "người trúng cử"
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "person", "role"], name="committee_member_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}"


class TargetDirection(models.TextChoices):
    AT_LEAST = "at_least", "Đạt từ mức chỉ tiêu trở lên"
    AT_MOST = "at_most", "Không vượt quá mức chỉ tiêu"


class ResolutionTarget(OptimisticLock):
    """Chỉ tiêu nghị quyết đại hội: a target of the congress's resolution for its term."""

    congress = models.ForeignKey(Congress, models.CASCADE, related_name="targets")
    name = models.CharField("tên chỉ tiêu", max_length=255)
    unit = models.CharField("đơn vị tính", max_length=50)
    target_value = models.DecimalField("mức chỉ tiêu", max_digits=16, decimal_places=2)
    direction = models.CharField(
        "yêu cầu", max_length=8, choices=TargetDirection.choices, default=TargetDirection.AT_LEAST
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "congress__organization"

    class Meta:
        verbose_name = "chỉ tiêu nghị quyết"
        verbose_name_plural = "chỉ tiêu nghị quyết"
        ordering = ["congress_id", "id"]

    def __str__(self) -> str:
        return self.name


class TargetProgress(models.Model):
    """A measured value of a target on a date (kết quả thực hiện đến ngày)."""

    target = models.ForeignKey(ResolutionTarget, models.CASCADE, related_name="progress")
    on = models.DateField("đến ngày")
    value = models.DecimalField("kết quả", max_digits=16, decimal_places=2)
    note = models.CharField("ghi chú", max_length=255, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "target__congress__organization"

    class Meta:
        verbose_name = "kết quả thực hiện chỉ tiêu"
        verbose_name_plural = "kết quả thực hiện chỉ tiêu"
        ordering = ["target_id", "on"]
        constraints = [
            models.UniqueConstraint(fields=["target", "on"], name="target_progress_one_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.target}: {self.value} ({self.on:%d/%m/%Y})"
