"""Đổi thẻ đảng viên: one record per member in a card exchange campaign, step by step.

The steps (declared → photographed → verified against the citizen ID → signed → sent to the
province → new card received) are dated fields filled in order by
`tochuc.cards.services`. Receiving the new card also records the member's CARD_EXCHANGE
membership event, which is what the progress figures count.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from tochuc.core.models import OptimisticLock
from tochuc.core.scoping import ScopedQuerySet


class CardExchangeQuerySet(ScopedQuerySet):
    pass


class CardExchange(OptimisticLock):
    person = models.ForeignKey(
        "people.Person", models.PROTECT, related_name="card_exchanges", verbose_name="đảng viên"
    )
    series = models.CharField("đợt thẻ mới", max_length=8)
    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="+",
        verbose_name="tổ chức đảng phụ trách",
    )
    old_card_number = models.CharField("số thẻ cũ", max_length=20, blank=True)
    declared_on = models.DateField("ngày kê khai")
    photographed_on = models.DateField("ngày chụp ảnh", null=True, blank=True)
    verified_on = models.DateField("ngày đối chiếu CCCD", null=True, blank=True)
    verified_by = models.ForeignKey(
        "accounts.User",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="người đối chiếu",
    )
    signed_on = models.DateField("ngày ký thẻ", null=True, blank=True)
    sent_on = models.DateField("ngày gửi lên cấp ủy tỉnh", null=True, blank=True)
    received_on = models.DateField("ngày nhận thẻ mới", null=True, blank=True)
    new_card_number = models.CharField("số thẻ mới", max_length=20, blank=True)
    event = models.OneToOneField(
        "members.MembershipEvent",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="card_exchange",
        verbose_name="sự kiện đổi thẻ",
    )
    history = HistoricalRecords()

    objects = CardExchangeQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "hồ sơ đổi thẻ"
        verbose_name_plural = "hồ sơ đổi thẻ"
        ordering = ["organization_id", "declared_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "series"], name="card_exchange_one_per_member"
            )
        ]
        indexes = [models.Index(fields=["organization", "series"], name="card_exchange_org")]

    def __str__(self) -> str:
        return f"{self.person} (đợt {self.series})"

    def step_on(self, step: str):
        """The date `step` was recorded, or None."""
        return getattr(self, f"{step}_on")

    @property
    def next_step(self) -> str | None:
        """The first step not yet recorded."""
        from tochuc.cards.campaign import STEP_NAMES

        return next((s for s in STEP_NAMES if self.step_on(s) is None), None)
