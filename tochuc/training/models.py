"""Đào tạo, bồi dưỡng: qualifications held by persons, courses, classes and enrollments.

A `Qualification` is a dated fact about a person (a degree, a political theory diploma, a
certificate); the person's summary fields (`Person.professional_level`, `political_theory`,
`state_management`) stay the current summary and are raised by the services when a higher
level is recorded. A `Course` is a programme of a kind (cao cấp LLCT, trung cấp LLCT, bồi
dưỡng cán bộ nguồn …); a `TrainingClass` is one opening of it by an organizing unit; an
`Enrollment` is one person sent to one class by an organization (the scope of the record).
The report counts people and enrollments separately ("cử 2.093 cán bộ" vs "27.517 lượt").
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from tochuc.core.models import OptimisticLock
from tochuc.people.catalogs import PoliticalTheory, ProfessionalLevel, StateManagement
from tochuc.training.querysets import (
    CourseQuerySet,
    EnrollmentQuerySet,
    QualificationQuerySet,
    TrainingClassQuerySet,
)


class QualificationKind(models.TextChoices):
    PROFESSIONAL = "professional", "Chuyên môn, nghiệp vụ"
    POLITICAL_THEORY = "political_theory", "Lý luận chính trị"
    STATE_MANAGEMENT = "state_management", "Quản lý nhà nước"
    FOREIGN_LANGUAGE = "foreign_language", "Ngoại ngữ"
    INFORMATION_TECHNOLOGY = "information_technology", "Tin học"


SUMMARY_FIELDS: dict[str, tuple[str, type[models.TextChoices]]] = {
    QualificationKind.PROFESSIONAL: ("professional_level", ProfessionalLevel),
    QualificationKind.POLITICAL_THEORY: ("political_theory", PoliticalTheory),
    QualificationKind.STATE_MANAGEMENT: ("state_management", StateManagement),
}
"""Kinds summarized on the person (field name, catalogue in ascending order of level); the
level of such a qualification is a catalogue value, the level of the others is free text."""


class Qualification(OptimisticLock):
    """Văn bằng, chứng chỉ: a level of a kind obtained by a person on a date."""

    person = models.ForeignKey(
        "people.Person", models.PROTECT, related_name="qualifications", verbose_name="cá nhân"
    )
    kind = models.CharField("loại", max_length=24, choices=QualificationKind.choices)
    level = models.CharField("trình độ", max_length=64)
    major = models.CharField("chuyên ngành", max_length=160, blank=True)
    obtained_on = models.DateField("ngày cấp")
    institution = models.CharField("cơ sở đào tạo", max_length=255, blank=True)
    enrollment = models.OneToOneField(
        "training.Enrollment",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="qualification",
        verbose_name="từ khóa học",
    )
    note = models.TextField("ghi chú", blank=True)
    created_at = models.DateTimeField("thời điểm ghi nhận", auto_now_add=True)
    history = HistoricalRecords()

    objects = QualificationQuerySet.as_manager()

    class Meta:
        verbose_name = "văn bằng, chứng chỉ"
        verbose_name_plural = "văn bằng, chứng chỉ"
        ordering = ["person_id", "obtained_on", "id"]
        indexes = [models.Index(fields=["person", "obtained_on"], name="qualification_person")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.level_label}"

    @property
    def level_label(self) -> str:
        """The catalogue label of a summarized kind's level, else the level as typed."""
        summary = SUMMARY_FIELDS.get(self.kind)
        if summary and self.level in summary[1].values:
            return summary[1](self.level).label
        return self.level


class CourseKind(models.TextChoices):
    ADVANCED_POLITICAL_THEORY = "advanced_political_theory", "Cao cấp lý luận chính trị"
    INTERMEDIATE_POLITICAL_THEORY = "intermediate_political_theory", "Trung cấp lý luận chính trị"
    SOURCE_CADRE_REFRESHER = "source_cadre_refresher", "Bồi dưỡng cán bộ nguồn"
    PROFESSIONAL = "professional", "Đào tạo, bồi dưỡng chuyên môn, nghiệp vụ"
    OTHER_REFRESHER = "other_refresher", "Bồi dưỡng khác"


POLITICAL_THEORY_KINDS = (
    CourseKind.ADVANCED_POLITICAL_THEORY,
    CourseKind.INTERMEDIATE_POLITICAL_THEORY,
)
"""«đào tạo cao cấp, trung cấp LLCT» of the report line."""

REFRESHER_KINDS = (
    CourseKind.SOURCE_CADRE_REFRESHER,
    CourseKind.PROFESSIONAL,
    CourseKind.OTHER_REFRESHER,
)
"""«lượt bồi dưỡng» of the report line: every class that is not a political theory programme."""

POLITICAL_THEORY_LEVEL = {
    CourseKind.ADVANCED_POLITICAL_THEORY: PoliticalTheory.ADVANCED,
    CourseKind.INTERMEDIATE_POLITICAL_THEORY: PoliticalTheory.INTERMEDIATE,
}
"""The political theory level a completed class of these kinds confers."""


class Course(OptimisticLock):
    """Chương trình đào tạo, bồi dưỡng of a kind, kept by an organization."""

    name = models.CharField("tên chương trình", max_length=255)
    kind = models.CharField("loại", max_length=32, choices=CourseKind.choices)
    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="training_courses",
        verbose_name="đơn vị quản lý chương trình",
    )
    note = models.TextField("ghi chú", blank=True)
    history = HistoricalRecords()

    objects = CourseQuerySet.as_manager()
    scope_field = "organization"

    class Meta:
        verbose_name = "chương trình đào tạo, bồi dưỡng"
        verbose_name_plural = "chương trình đào tạo, bồi dưỡng"
        ordering = ["kind", "name", "id"]

    def __str__(self) -> str:
        return self.name


class Mode(models.TextChoices):
    FULL_TIME = "full_time", "Tập trung"
    PART_TIME = "part_time", "Không tập trung"


class TrainingClass(OptimisticLock):
    """Lớp: one opening of a course by an organizing unit, from `opens_on` to `closes_on`."""

    course = models.ForeignKey(
        Course, models.PROTECT, related_name="classes", verbose_name="chương trình"
    )
    name = models.CharField("tên lớp", max_length=255)
    organizer = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="training_classes",
        verbose_name="đơn vị tổ chức lớp",
    )
    opens_on = models.DateField("ngày khai giảng")
    closes_on = models.DateField("ngày bế giảng")
    mode = models.CharField("hình thức", max_length=16, choices=Mode.choices)
    decision = models.ForeignKey(
        "core.Decision",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="quyết định mở lớp",
    )
    note = models.TextField("ghi chú", blank=True)
    history = HistoricalRecords()

    objects = TrainingClassQuerySet.as_manager()
    scope_field = "organizer"

    class Meta:
        verbose_name = "lớp đào tạo, bồi dưỡng"
        verbose_name_plural = "lớp đào tạo, bồi dưỡng"
        ordering = ["-opens_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="class_period_range"
            )
        ]
        indexes = [models.Index(fields=["opens_on", "course"], name="class_opens")]

    def __str__(self) -> str:
        return self.name


class Result(models.TextChoices):
    STUDYING = "studying", "Đang học"
    COMPLETED = "completed", "Hoàn thành"
    NOT_COMPLETED = "not_completed", "Không hoàn thành"


class Enrollment(OptimisticLock):
    """Một lượt: a person sent to a class by an organization (whose scope the record is in)."""

    person = models.ForeignKey(
        "people.Person", models.PROTECT, related_name="enrollments", verbose_name="học viên"
    )
    training_class = models.ForeignKey(
        TrainingClass, models.PROTECT, related_name="enrollments", verbose_name="lớp"
    )
    sent_by = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        related_name="training_enrollments",
        verbose_name="đơn vị cử đi học",
    )
    enrolled_on = models.DateField("ngày cử đi học")
    decision = models.ForeignKey(
        "core.Decision",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="quyết định cử đi học",
    )
    special_approval = models.BooleanField(
        "trường hợp đặc biệt do cấp có thẩm quyền quyết định", default=False
    )
    result = models.CharField(
        "kết quả", max_length=16, choices=Result.choices, default=Result.STUDYING
    )
    completed_on = models.DateField("ngày kết thúc học", null=True, blank=True)
    grade = models.CharField("xếp loại", max_length=32, blank=True)
    note = models.TextField("ghi chú", blank=True)
    created_at = models.DateTimeField("thời điểm ghi nhận", auto_now_add=True)
    history = HistoricalRecords()

    objects = EnrollmentQuerySet.as_manager()
    scope_field = "sent_by"

    class Meta:
        verbose_name = "học viên"
        verbose_name_plural = "học viên"
        ordering = ["training_class_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "training_class"], name="enrollment_once_per_class"
            )
        ]
        indexes = [
            models.Index(fields=["sent_by", "training_class"], name="enrollment_sent_by"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.training_class}"
