"""Đảng viên: membership as dated events, and the spans derived from them.

`MembershipEvent`s are appended, never edited: a wrong one is voided by an
`EventCorrection` that may name its replacement. `MembershipSpan`s are derived by replaying a
person's valid events (`tochuc.members.replay`); each says what the person was (status,
official organization, host organization of a temporary transfer, exemption, card) over a
stretch of dates, so that "members of S at D" is an indexed lookup. Spans exist only while
the person is a member (probationary or full); events carry everything else.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from tochuc.core.dating import EffectiveDated


class EventKind(models.TextChoices):
    ADMISSION = "admission", "Kết nạp"
    READMISSION = "readmission", "Kết nạp lại"
    CONFIRMATION = "confirmation", "Chuyển đảng chính thức"
    TRANSFER_IN = "transfer_in", "Chuyển sinh hoạt đến (từ ngoài hệ thống)"
    TRANSFER = "transfer", "Chuyển sinh hoạt chính thức (trong hệ thống)"
    TRANSFER_OUT = "transfer_out", "Chuyển sinh hoạt đi (ra ngoài hệ thống)"
    TEMPORARY_TRANSFER = "temporary_transfer", "Chuyển sinh hoạt tạm thời"
    TEMPORARY_RETURN = "temporary_return", "Kết thúc sinh hoạt tạm thời"
    EXEMPTION = "exemption", "Miễn công tác và sinh hoạt đảng"
    EXEMPTION_END = "exemption_end", "Thôi miễn sinh hoạt"
    DEATH = "death", "Từ trần"
    STRUCK_OFF = "struck_off", "Xóa tên"
    EXPULSION = "expulsion", "Khai trừ"
    RESIGNATION = "resignation", "Xin ra khỏi Đảng"
    CARD_ISSUE = "card_issue", "Phát thẻ đảng viên"
    CARD_EXCHANGE = "card_exchange", "Đổi thẻ đảng viên"


class Status(models.TextChoices):
    PROBATIONARY = "probationary", "Dự bị"
    FULL = "full", "Chính thức"


class MembershipEvent(models.Model):
    """One dated fact of a person's membership, citing its decision where there is one.

    `organization` is what the event is about: the admitting organization, the destination
    of a transfer, the host of a temporary transfer. `recorded_at` is record time; the
    effective date is valid time.
    """

    person = models.ForeignKey(
        "people.Person", models.PROTECT, related_name="membership_events", verbose_name="cá nhân"
    )
    kind = models.CharField("loại", max_length=24, choices=EventKind.choices)
    effective_on = models.DateField("ngày hiệu lực")
    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="membership_events",
        verbose_name="tổ chức",
    )
    decision = models.ForeignKey(
        "core.Decision", models.PROTECT, null=True, blank=True, verbose_name="quyết định"
    )
    status = models.CharField(
        "tư cách (khi chuyển đến)", max_length=16, choices=Status.choices, blank=True
    )
    admitted_on = models.DateField("ngày vào Đảng (khi chuyển đến)", null=True, blank=True)
    card_number = models.CharField("số thẻ", max_length=20, blank=True)
    card_series = models.CharField("đợt thẻ", max_length=8, blank=True)
    provincial_approval = models.BooleanField(
        "có ý kiến của cấp ủy tỉnh (kết nạp người trên 60 tuổi)", default=False
    )
    note = models.TextField("ghi chú", blank=True)
    is_void = models.BooleanField("đã hủy bởi đính chính", default=False)
    recorded_at = models.DateTimeField("thời điểm ghi", auto_now_add=True)
    recorded_by = models.ForeignKey(
        "accounts.User", models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sự kiện đảng viên"
        verbose_name_plural = "sự kiện đảng viên"
        ordering = ["person_id", "effective_on", "id"]
        indexes = [
            models.Index(fields=["person", "effective_on"], name="event_person_date"),
            models.Index(fields=["kind", "effective_on", "organization"], name="event_kind_date"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_on:%d/%m/%Y}"


class EventCorrection(models.Model):
    """Đính chính: voids a wrong event, optionally naming the event that replaces it."""

    event = models.OneToOneField(
        MembershipEvent, models.PROTECT, related_name="correction", verbose_name="sự kiện bị hủy"
    )
    replacement = models.ForeignKey(
        MembershipEvent,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="sự kiện thay thế",
    )
    reason = models.TextField("lý do")
    recorded_at = models.DateTimeField("thời điểm ghi", auto_now_add=True)
    recorded_by = models.ForeignKey(
        "accounts.User", models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "đính chính"
        verbose_name_plural = "đính chính"

    def __str__(self) -> str:
        return f"Đính chính {self.event}"


class MembershipSpan(EffectiveDated):
    """Derived: what a person was over [valid_from, valid_to] while a member."""

    person = models.ForeignKey("people.Person", models.CASCADE, related_name="membership_spans")
    status = models.CharField("tư cách", max_length=16, choices=Status.choices)
    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="+",
        verbose_name="tổ chức đảng (chính thức)",
    )
    host_organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="nơi sinh hoạt tạm thời",
    )
    exempt = models.BooleanField("miễn sinh hoạt", default=False)
    admitted_on = models.DateField("ngày vào Đảng")
    confirmed_on = models.DateField("ngày chính thức", null=True, blank=True)
    card_number = models.CharField("số thẻ", max_length=20, blank=True)
    card_series = models.CharField("đợt thẻ", max_length=8, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["organization", "valid_from", "valid_to"], name="span_org_asof"),
            models.Index(fields=["host_organization", "valid_from"], name="span_host_asof"),
            models.Index(fields=["person", "valid_from"], name="span_person"),
            models.Index(fields=["valid_from", "valid_to", "status"], name="span_asof"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.status} {self.valid_from}–{self.valid_to}"
