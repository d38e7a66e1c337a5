"""Đánh giá, xếp loại; lấy phiếu tín nhiệm; kỷ luật: dated records about a person's standing.

Discipline and confidence votes are read by succession planning (removal candidates) and
shown as flags where a user decides. Annual ratings keep the inputs the rule of their year
needs (score and shares of tasks since Quy định 366-QĐ/TW, 2025), so the category can be
checked against the rule and re-derived at any time (`tochuc.ratings.rules`).
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from tochuc.core.models import OptimisticLock
from tochuc.core.scoping import ScopedQuerySet


class Category(models.TextChoices):
    """The four quality levels of an annual rating, best first."""

    EXCELLENT = "excellent", "Hoàn thành xuất sắc nhiệm vụ"
    GOOD = "good", "Hoàn thành tốt nhiệm vụ"
    COMPLETED = "completed", "Hoàn thành nhiệm vụ"
    NOT_COMPLETED = "not_completed", "Không hoàn thành nhiệm vụ"


CATEGORY_RANK = {
    Category.EXCELLENT: 4,
    Category.GOOD: 3,
    Category.COMPLETED: 2,
    Category.NOT_COMPLETED: 1,
}
"""Higher is better: a category may be lowered (with a reason), never raised above the rule's."""


class RatingInputs(OptimisticLock):
    """What an annual rating records: the year, the rule's inputs and the category given."""

    year = models.PositiveSmallIntegerField("năm đánh giá")
    score = models.DecimalField(
        "tổng điểm (thang 100)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    exceeded_share = models.DecimalField(
        "tỷ lệ nhiệm vụ hoàn thành vượt yêu cầu (%)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    late_share = models.DecimalField(
        "tỷ lệ nhiệm vụ chưa bảo đảm tiến độ (%)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    category = models.CharField("xếp loại", max_length=16, choices=Category.choices)
    lowered_reason = models.TextField(
        "lý do xếp loại thấp hơn mức theo điểm",
        blank=True,
        help_text="Ví dụ: bị kỷ luật trong năm, vượt tỷ lệ hoàn thành xuất sắc.",
    )
    decision = models.ForeignKey(
        "core.Decision",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="quyết định, thông báo kết quả",
    )
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        abstract = True

    @property
    def rank(self) -> int:
        return CATEGORY_RANK[Category(self.category)]


class PersonRating(RatingInputs):
    """Đánh giá, xếp loại chất lượng hằng năm of a person by an organization (the one that
    rates them: their cell, or the body that manages them as a cadre)."""

    person = models.ForeignKey("people.Person", models.PROTECT, related_name="ratings")
    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="+",
        verbose_name="tổ chức, cơ quan đánh giá",
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "đánh giá, xếp loại cá nhân"
        verbose_name_plural = "đánh giá, xếp loại cá nhân"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year", "organization"], name="person_rating_once_a_year"
            )
        ]
        indexes = [models.Index(fields=["year", "organization"], name="person_rating_year")]

    def __str__(self) -> str:
        return f"{self.person} — năm {self.year}: {self.get_category_display()}"


class OrganizationRating(RatingInputs):
    """Đánh giá, xếp loại chất lượng hằng năm of an organization (tổ chức đảng, cơ quan)."""

    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="ratings",
        verbose_name="tổ chức được đánh giá",
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "đánh giá, xếp loại tổ chức"
        verbose_name_plural = "đánh giá, xếp loại tổ chức"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"], name="organization_rating_once_a_year"
            )
        ]
        indexes = [models.Index(fields=["year"], name="organization_rating_year")]

    def __str__(self) -> str:
        return f"{self.organization} — năm {self.year}: {self.get_category_display()}"


class DisciplineForm(models.TextChoices):
    REPRIMAND = "reprimand", "Khiển trách"
    WARNING = "warning", "Cảnh cáo"
    REMOVAL = "removal", "Cách chức"
    DISMISSAL = "dismissal", "Buộc thôi việc"
    EXPULSION = "expulsion", "Khai trừ"


class Discipline(OptimisticLock):
    """Kỷ luật: a disciplinary decision about a person, by an organization, from a date;
    corrected in place (`version` guards concurrent edits, the history keeps what it was)."""

    person = models.ForeignKey("people.Person", models.PROTECT, related_name="disciplines")
    organization = models.ForeignKey(
        "organizations.Organization", models.PROTECT, related_name="+", verbose_name="cấp xử lý"
    )
    form = models.CharField("hình thức", max_length=12, choices=DisciplineForm.choices)
    decided_on = models.DateField("ngày quyết định")
    decision = models.ForeignKey("core.Decision", models.PROTECT, verbose_name="quyết định")
    reason = models.TextField("nội dung vi phạm", blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "kỷ luật"
        verbose_name_plural = "kỷ luật"
        indexes = [models.Index(fields=["person", "decided_on"], name="discipline_person")]

    def __str__(self) -> str:
        return f"{self.get_form_display()} — {self.person} ({self.decided_on:%d/%m/%Y})"


class ConfidenceVote(OptimisticLock):
    """Lấy phiếu tín nhiệm for a person holding a leadership post (Quy định 96-QĐ/TW).

    `high + confidence + low + invalid` are the ballots collected (phiếu thu về), at most
    `present`; the consequence is judged from them by the rule in force on `held_on`.
    """

    person = models.ForeignKey("people.Person", models.PROTECT, related_name="confidence_votes")
    post = models.ForeignKey(
        "cadres.Post", models.PROTECT, null=True, blank=True, related_name="confidence_votes"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="+",
        verbose_name="cơ quan, tổ chức lấy phiếu",
    )
    held_on = models.DateField("ngày lấy phiếu")
    summoned = models.PositiveIntegerField("số người được triệu tập")
    present = models.PositiveIntegerField("số người có mặt")
    high = models.PositiveIntegerField("tín nhiệm cao")
    confidence = models.PositiveIntegerField("tín nhiệm")
    low = models.PositiveIntegerField("tín nhiệm thấp")
    invalid = models.PositiveIntegerField("phiếu không hợp lệ", default=0)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "lấy phiếu tín nhiệm"
        verbose_name_plural = "lấy phiếu tín nhiệm"
        indexes = [
            models.Index(fields=["person", "held_on"], name="vote_person"),
            models.Index(fields=["held_on", "organization"], name="vote_held_on"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.held_on:%d/%m/%Y})"

    @property
    def ballots(self) -> int:
        """Phiếu thu về: every ballot cast, the invalid ones included."""
        return self.high + self.confidence + self.low + self.invalid
