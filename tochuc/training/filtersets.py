"""Filters of the training lists, shared by the API (and the class list's query string)."""

import django_filters

from tochuc.training.models import (
    Course,
    CourseKind,
    Enrollment,
    Qualification,
    QualificationKind,
    Result,
    TrainingClass,
)


class CourseFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=CourseKind.choices, label="Loại chương trình")

    class Meta:
        model = Course
        fields = ["kind"]


class TrainingClassFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        field_name="course__kind", choices=CourseKind.choices, label="Loại chương trình"
    )
    year = django_filters.NumberFilter(field_name="opens_on__year", label="Năm khai giảng")
    course = django_filters.NumberFilter(field_name="course_id", label="Chương trình (id)")

    class Meta:
        model = TrainingClass
        fields = ["kind", "year", "course"]


class EnrollmentFilterSet(django_filters.FilterSet):
    training_class = django_filters.NumberFilter(field_name="training_class_id", label="Lớp (id)")
    person = django_filters.NumberFilter(field_name="person_id", label="Cá nhân (id)")
    result = django_filters.ChoiceFilter(choices=Result.choices, label="Kết quả")

    class Meta:
        model = Enrollment
        fields = ["training_class", "person", "result"]


class QualificationFilterSet(django_filters.FilterSet):
    person = django_filters.NumberFilter(field_name="person_id", label="Cá nhân (id)")
    kind = django_filters.ChoiceFilter(choices=QualificationKind.choices, label="Loại văn bằng")

    class Meta:
        model = Qualification
        fields = ["person", "kind"]
