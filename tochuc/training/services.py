"""Writes of đào tạo, bồi dưỡng: courses, classes, enrollments and their results, and the
qualifications of persons. Keyword-only, validated, transactional; refusals are Vietnamese
`ValidationError`s naming the field and, for a rule, its source."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_date
from tochuc.core.models import Decision
from tochuc.core.rules import RuleNotInForce, rule_in_force
from tochuc.core.services import locked_for_edit
from tochuc.members.models import MembershipSpan
from tochuc.organizations.models import Organization
from tochuc.people.models import Person
from tochuc.training.models import (
    POLITICAL_THEORY_LEVEL,
    SUMMARY_FIELDS,
    Course,
    CourseKind,
    Enrollment,
    Mode,
    Qualification,
    QualificationKind,
    Result,
    TrainingClass,
)


def _exists_on(organization: Organization, on: dt.date, label: str) -> None:
    if organization.period_at(on) is None:
        raise ValidationError(
            f"{label}: «{organization.code}» không tồn tại vào ngày {vn_date(on)}."
        )


def _decision_not_after(decision: Decision | None, day: dt.date, label: str) -> None:
    if decision is not None and decision.signed_on > day:
        raise ValidationError(
            f"Quyết định: ngày ban hành {vn_date(decision.signed_on)} sau {label} {vn_date(day)}."
        )


def _name(name: str, label: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(f"{label}: hãy nhập tên.")
    return name


# Courses and classes ----------------------------------------------------------------------


@transaction.atomic
def course_create(*, name: str, kind: str, organization: Organization, note: str = "") -> Course:
    """A new programme of `kind`, kept by `organization`."""
    if kind not in CourseKind.values:
        raise ValidationError(f"Loại chương trình: «{kind}» không có trong danh mục.")
    return Course.objects.create(
        name=_name(name, "Tên chương trình"), kind=kind, organization=organization, note=note
    )


@transaction.atomic
def course_update(
    *,
    course: Course,
    name: str,
    kind: str,
    note: str = "",
    expected_version: int | None = None,
) -> Course:
    """Rename a programme or correct its kind; the kind of a programme that already has
    classes stays (the figures already reported count its classes under that kind)."""
    course = locked_for_edit(Course, course.pk, expected_version=expected_version)
    if kind not in CourseKind.values:
        raise ValidationError(f"Loại chương trình: «{kind}» không có trong danh mục.")
    if kind != course.kind and course.classes.exists():
        raise ValidationError(
            "Loại chương trình: không đổi được loại của chương trình đã có lớp; "
            "hãy tạo chương trình mới."
        )
    course.name, course.kind, course.note = _name(name, "Tên chương trình"), kind, note
    course.version += 1
    course.save()
    return course


def _class_fields(name: str, opens_on: dt.date, closes_on: dt.date, mode: str) -> str:
    if mode not in Mode.values:
        raise ValidationError(f"Hình thức: «{mode}» không có trong danh mục.")
    if closes_on < opens_on:
        raise ValidationError(
            f"Ngày bế giảng: {vn_date(closes_on)} trước ngày khai giảng {vn_date(opens_on)}."
        )
    return _name(name, "Tên lớp")


@transaction.atomic
def class_open(
    *,
    course: Course,
    name: str,
    organizer: Organization,
    opens_on: dt.date,
    closes_on: dt.date,
    mode: str,
    decision: Decision | None = None,
    note: str = "",
) -> TrainingClass:
    """Mở lớp: a class of `course` organized by `organizer` (which exists on `opens_on`)."""
    name = _class_fields(name, opens_on, closes_on, mode)
    _exists_on(organizer, opens_on, "Đơn vị tổ chức lớp")
    _decision_not_after(decision, opens_on, "ngày khai giảng")
    return TrainingClass.objects.create(
        course=course,
        name=name,
        organizer=organizer,
        opens_on=opens_on,
        closes_on=closes_on,
        mode=mode,
        decision=decision,
        note=note,
    )


@transaction.atomic
def class_update(
    *,
    training_class: TrainingClass,
    name: str,
    opens_on: dt.date,
    closes_on: dt.date,
    mode: str,
    decision: Decision | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> TrainingClass:
    """Correct a class's name, dates, mode or decision. Refused when a learner would be sent
    after the class closes or finish before it opens, or would no longer meet the standards
    (rule `political_theory_enrollment`) of the new mode."""
    training_class = locked_for_edit(
        TrainingClass, training_class.pk, expected_version=expected_version
    )
    name = _class_fields(name, opens_on, closes_on, mode)
    _exists_on(training_class.organizer, opens_on, "Đơn vị tổ chức lớp")
    _decision_not_after(decision, opens_on, "ngày khai giảng")
    enrollments = list(training_class.enrollments.select_related("person"))
    late = [e for e in enrollments if e.enrolled_on > closes_on]
    if late:
        raise ValidationError(
            f"Ngày bế giảng: {len(late)} học viên được cử đi học sau ngày {vn_date(closes_on)}."
        )
    early = [e for e in enrollments if e.completed_on and e.completed_on < opens_on]
    if early:
        raise ValidationError(
            f"Ngày khai giảng: {len(early)} học viên kết thúc học trước ngày {vn_date(opens_on)}."
        )
    if mode != training_class.mode:
        problems = [
            problem
            for e in enrollments
            if not e.special_approval
            for problem in standards_problems(
                person=e.person, kind=training_class.course.kind, mode=mode, on=e.enrolled_on
            )
        ]
        if problems:
            raise ValidationError(problems)
    training_class.name, training_class.opens_on, training_class.closes_on = (
        name,
        opens_on,
        closes_on,
    )
    training_class.mode, training_class.decision, training_class.note = mode, decision, note
    training_class.version += 1
    training_class.save()
    return training_class


# Enrollments ------------------------------------------------------------------------------


def full_years(birth: dt.date, on: dt.date) -> int:
    """Age in full years on `on`."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def standards_problems(*, person: Person, kind: str, mode: str, on: dt.date) -> list[str]:
    """Why `person`, sent on `on` to a class of `kind` and `mode`, does not meet the standards
    of rule `political_theory_enrollment` in force on `on` (empty when they do, or when no
    version of the rule is in force then)."""
    try:
        rule = rule_in_force("political_theory_enrollment", on)
    except RuleNotInForce:
        return []
    problems = []
    label = CourseKind(kind).label.lower()
    if kind in rule.parameters["member_required"]:
        is_member = MembershipSpan.objects.filter(valid_at_q(on), person=person).exists()
        if not is_member:
            problems.append(
                f"Học viên: {person.full_name} không là đảng viên vào ngày {vn_date(on)}, "
                f"không đủ tiêu chuẩn học {label} ({rule.source})."
            )
    minimum = rule.parameters["part_time_min_age"].get(kind, {}).get(person.sex)
    if minimum and mode == Mode.PART_TIME:
        age = full_years(person.date_of_birth, on)
        if age < minimum:
            problems.append(
                f"Học viên: {person.full_name} {age} tuổi vào ngày {vn_date(on)}, chưa đủ "
                f"{minimum} tuổi để học {label} hệ không tập trung ({rule.source})."
            )
    return problems


@transaction.atomic
def enrollment_add(
    *,
    person: Person,
    training_class: TrainingClass,
    sent_by: Organization,
    enrolled_on: dt.date,
    decision: Decision | None = None,
    special_approval: bool = False,
    note: str = "",
) -> Enrollment:
    """Cử đi học: `sent_by` sends `person` to `training_class` on `enrolled_on`.

    The standards of the rule in force on `enrolled_on` (`political_theory_enrollment`) are
    checked unless `special_approval` records that the competent level decided the case.
    """
    _exists_on(sent_by, enrolled_on, "Đơn vị cử đi học")
    if enrolled_on > training_class.closes_on:
        raise ValidationError(
            f"Ngày cử đi học: {vn_date(enrolled_on)} sau ngày bế giảng "
            f"{vn_date(training_class.closes_on)} của lớp."
        )
    _decision_not_after(decision, enrolled_on, "ngày cử đi học")
    if Enrollment.objects.filter(person=person, training_class=training_class).exists():
        raise ValidationError(f"Học viên: {person.full_name} đã có trong danh sách lớp.")
    if not special_approval:
        problems = standards_problems(
            person=person,
            kind=training_class.course.kind,
            mode=training_class.mode,
            on=enrolled_on,
        )
        if problems:
            raise ValidationError(problems)
    return Enrollment.objects.create(
        person=person,
        training_class=training_class,
        sent_by=sent_by,
        enrolled_on=enrolled_on,
        decision=decision,
        special_approval=special_approval,
        note=note,
    )


@transaction.atomic
def enrollment_result(
    *,
    enrollment: Enrollment,
    result: str,
    completed_on: dt.date | None = None,
    grade: str = "",
    expected_version: int | None = None,
    record_qualification: bool = True,
) -> Enrollment:
    """Ghi kết quả học tập. Completing a cao cấp or trung cấp LLCT class also records the
    political theory qualification (and raises the person's summary, see
    `qualification_record`) unless `record_qualification` is False."""
    enrollment = locked_for_edit(Enrollment, enrollment.pk, expected_version=expected_version)
    training_class = enrollment.training_class
    if result not in Result.values:
        raise ValidationError(f"Kết quả: «{result}» không có trong danh mục.")
    recorded = Qualification.objects.filter(enrollment=enrollment).exists()
    if recorded and result != Result.COMPLETED:
        raise ValidationError(
            "Kết quả: đã ghi nhận văn bằng từ khóa học này; không đổi được kết quả."
        )
    if result == Result.STUDYING:
        completed_on, grade = None, ""
    else:
        if completed_on is None:
            raise ValidationError("Ngày kết thúc học: hãy nhập ngày.")
        start = max(training_class.opens_on, enrollment.enrolled_on)
        if completed_on < start:
            raise ValidationError(
                f"Ngày kết thúc học: {vn_date(completed_on)} trước ngày khai giảng hoặc ngày "
                f"cử đi học ({vn_date(start)})."
            )
    enrollment.result, enrollment.completed_on, enrollment.grade = result, completed_on, grade
    enrollment.version += 1
    enrollment.save()
    level = POLITICAL_THEORY_LEVEL.get(training_class.course.kind)
    if result == Result.COMPLETED and level and record_qualification and not recorded:
        organizer = (
            training_class.organizer.periods.filter(valid_from__lte=completed_on)
            .order_by("-valid_from")
            .first()
        )  # its name then, or its last name when it was merged away before the class closed
        qualification_record(
            person=enrollment.person,
            kind=QualificationKind.POLITICAL_THEORY,
            level=level,
            obtained_on=completed_on,
            major=training_class.course.name,
            institution=organizer.name if organizer else training_class.organizer.code,
            enrollment=enrollment,
        )
    return enrollment


# Qualifications ---------------------------------------------------------------------------


def _rank(catalogue, level: str) -> int:
    return list(catalogue.values).index(level)


@transaction.atomic
def qualification_record(
    *,
    person: Person,
    kind: str,
    level: str,
    obtained_on: dt.date,
    major: str = "",
    institution: str = "",
    note: str = "",
    enrollment: Enrollment | None = None,
) -> Qualification:
    """Record a qualification of `person`.

    For professional level, political theory and state management the level is a catalogue
    value, and when it is higher than the person's summary field (`Person.professional_level`,
    `political_theory`, `state_management`) the summary is raised to it (the person's version
    is bumped, so a person form opened earlier is refused as stale). A lower or equal level
    leaves the summary alone: the summary is the highest level held.
    """
    if kind not in QualificationKind.values:
        raise ValidationError(f"Loại văn bằng: «{kind}» không có trong danh mục.")
    level = (level or "").strip()
    summary = SUMMARY_FIELDS.get(kind)
    if summary:
        field, catalogue = summary
        if level not in catalogue.values or _rank(catalogue, level) == 0:
            allowed = ", ".join(label for value, label in catalogue.choices[1:])
            raise ValidationError(f"Trình độ: hãy chọn một trong {allowed}.")
    elif not level:
        raise ValidationError("Trình độ: hãy nhập trình độ (ví dụ B1, bậc 3/6).")
    if obtained_on < person.date_of_birth:
        raise ValidationError(f"Ngày cấp: {vn_date(obtained_on)} trước ngày sinh của học viên.")
    qualification = Qualification.objects.create(
        person=person,
        kind=kind,
        level=level,
        major=major.strip(),
        obtained_on=obtained_on,
        institution=institution.strip(),
        note=note,
        enrollment=enrollment,
    )
    if summary:
        locked = Person.objects.select_for_update().get(pk=person.pk)
        current = getattr(locked, field)
        if current not in catalogue.values or _rank(catalogue, level) > _rank(catalogue, current):
            setattr(locked, field, level)
            locked.version += 1
            locked.save(update_fields=[field, "version"])
            setattr(person, field, level)
            person.version = locked.version
    return qualification
