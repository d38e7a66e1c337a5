"""Writes: classes, enrollments and results, qualifications and the person's summary."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.core.services import StaleEdit
from tochuc.people.catalogs import PoliticalTheory, ProfessionalLevel
from tochuc.training import services
from tochuc.training.models import (
    CourseKind,
    Mode,
    Qualification,
    QualificationKind,
    Result,
)
from tochuc.training.tests.conftest import cite, open_class, person

pytestmark = pytest.mark.django_db
D = dt.date


def test_completing_political_theory_records_the_qualification_and_raises_the_summary(
    small_tree, training
):
    t1 = training.t1
    services.enrollment_result(
        enrollment=training.e1, result=Result.COMPLETED, completed_on=D(2026, 3, 1), grade="Giỏi"
    )
    t1.refresh_from_db()
    assert t1.political_theory == PoliticalTheory.ADVANCED
    qualification = Qualification.objects.get(enrollment=training.e1)
    assert (qualification.level, qualification.obtained_on) == ("advanced", D(2026, 3, 1))
    assert qualification.institution == "Đảng bộ tỉnh Cũ"  # the organizer's last name
    assert qualification.major == "Cao cấp lý luận chính trị hệ không tập trung"
    services.enrollment_result(
        enrollment=training.e3, result=Result.COMPLETED, completed_on=D(2026, 6, 30)
    )
    t1.refresh_from_db()
    assert t1.political_theory == PoliticalTheory.ADVANCED  # trung cấp is lower: kept
    assert t1.qualifications.count() == 2


def test_result_refusals(small_tree, training):
    with pytest.raises(ValidationError, match="Ngày kết thúc học: 28/02/2025 trước"):
        services.enrollment_result(
            enrollment=training.e1, result=Result.COMPLETED, completed_on=D(2025, 2, 28)
        )
    with pytest.raises(ValidationError, match="Ngày kết thúc học: hãy nhập ngày"):
        services.enrollment_result(enrollment=training.e1, result=Result.NOT_COMPLETED)
    services.enrollment_result(
        enrollment=training.e1, result=Result.COMPLETED, completed_on=D(2026, 3, 1)
    )
    with pytest.raises(ValidationError, match="đã ghi nhận văn bằng"):
        services.enrollment_result(enrollment=training.e1, result=Result.STUDYING)
    with pytest.raises(StaleEdit):
        services.enrollment_result(
            enrollment=training.e1,
            result=Result.COMPLETED,
            completed_on=D(2026, 3, 1),
            expected_version=1,
        )


def test_a_refresher_completion_records_no_qualification(small_tree, training):
    services.enrollment_result(
        enrollment=training.e5, result=Result.COMPLETED, completed_on=D(2025, 10, 10)
    )
    assert not Qualification.objects.exists()


def test_qualification_raises_the_summary_only_when_higher(small_tree):
    someone = person("Người Có Bằng", professional_level=ProfessionalLevel.MASTER)
    services.qualification_record(
        person=someone,
        kind=QualificationKind.PROFESSIONAL,
        level=ProfessionalLevel.BACHELOR,
        obtained_on=D(2005, 6, 30),
        major="Luật",
    )
    someone.refresh_from_db()
    assert (someone.professional_level, someone.version) == (ProfessionalLevel.MASTER, 1)
    services.qualification_record(
        person=someone,
        kind=QualificationKind.PROFESSIONAL,
        level=ProfessionalLevel.DOCTORATE,
        obtained_on=D(2015, 6, 30),
    )
    someone.refresh_from_db()
    assert (someone.professional_level, someone.version) == (ProfessionalLevel.DOCTORATE, 2)
    language = services.qualification_record(
        person=someone,
        kind=QualificationKind.FOREIGN_LANGUAGE,
        level="B1",
        obtained_on=D(2016, 1, 1),
    )
    assert language.level_label == "B1"


@pytest.mark.parametrize(
    ("kind", "level", "obtained_on", "message"),
    [
        ("professional", "advanced", D(2005, 1, 1), "Trình độ: hãy chọn một trong"),
        ("professional", "none", D(2005, 1, 1), "Trình độ: hãy chọn một trong"),
        ("foreign_language", " ", D(2005, 1, 1), "Trình độ: hãy nhập trình độ"),
        ("political_theory", "advanced", D(1979, 1, 1), "Ngày cấp: 01/01/1979 trước ngày sinh"),
        ("sports", "x", D(2005, 1, 1), "Loại văn bằng: «sports» không có"),
    ],
)
def test_qualification_refusals(small_tree, kind, level, obtained_on, message):
    with pytest.raises(ValidationError) as refused:
        services.qualification_record(
            person=person("Ai Đó"), kind=kind, level=level, obtained_on=obtained_on
        )
    assert refused.value.messages[0].startswith(message)


def test_class_and_enrollment_refusals(small_tree, courses, training):
    t = small_tree
    with pytest.raises(ValidationError, match="Ngày bế giảng: 01/01/2025 trước ngày khai giảng"):
        open_class(courses.source, "Sai ngày", t.a, D(2025, 2, 1), D(2025, 1, 1))
    with pytest.raises(ValidationError, match="Đơn vị tổ chức lớp: «P» không tồn tại"):
        open_class(courses.source, "Trước khi có P", t.p, D(2025, 2, 1), D(2025, 2, 5))
    with pytest.raises(ValidationError, match="đã có trong danh sách lớp"):
        services.enrollment_add(
            person=training.t1, training_class=training.c3, sent_by=t.a, enrolled_on=D(2025, 9, 25)
        )
    with pytest.raises(ValidationError, match="Ngày cử đi học: 11/10/2025 sau ngày bế giảng"):
        services.enrollment_add(
            person=training.t3, training_class=training.c3, sent_by=t.a, enrolled_on=D(2025, 10, 11)
        )
    with pytest.raises(ValidationError, match="Đơn vị cử đi học: «A1» không tồn tại"):
        services.enrollment_add(
            person=training.t3, training_class=training.c3, sent_by=t.a1, enrolled_on=D(2025, 7, 2)
        )
    with pytest.raises(ValidationError, match="Quyết định: ngày ban hành 30/09/2025 sau"):
        services.enrollment_add(
            person=training.t3,
            training_class=training.c3,
            sent_by=t.a,
            enrolled_on=D(2025, 9, 25),
            decision=cite(D(2025, 9, 30)),
        )


def test_class_update_keeps_learners_inside_the_class(small_tree, training):
    c3 = training.c3
    with pytest.raises(ValidationError, match="2 học viên được cử đi học sau ngày 20/09/2025"):
        services.class_update(
            training_class=c3, name=c3.name, opens_on=D(2025, 9, 1), closes_on=D(2025, 9, 20),
            mode=Mode.FULL_TIME,
        )  # fmt: skip
    updated = services.class_update(
        training_class=c3, name="Cán bộ nguồn khóa I", opens_on=c3.opens_on,
        closes_on=D(2025, 10, 12), mode=Mode.FULL_TIME, expected_version=1,
    )  # fmt: skip
    assert (updated.name, updated.version) == ("Cán bộ nguồn khóa I", 2)


def test_course_kind_is_fixed_once_it_has_classes(small_tree, courses, training):
    with pytest.raises(ValidationError, match="không đổi được loại"):
        services.course_update(course=courses.source, name="X", kind=CourseKind.OTHER_REFRESHER)
    renamed = services.course_update(
        course=courses.source, name="Bồi dưỡng nguồn", kind=CourseKind.SOURCE_CADRE_REFRESHER
    )
    assert renamed.name == "Bồi dưỡng nguồn"
