"""Scope-walk hook (tests/test_scope_routes.py): commune B's course and class, a learner B
sent (not a member, so seen by B only) and the learner's qualification, all named with the
marker «Bí Mật Bê».

`target` returns route-name prefix → id: UI routes of this app and its API basenames; pages
by organization ("") take commune B itself.
"""

import datetime as dt

from tochuc.people.catalogs import Sex
from tochuc.people.models import Person
from tochuc.training import services
from tochuc.training.models import (
    Course,
    CourseKind,
    Enrollment,
    Mode,
    Qualification,
    TrainingClass,
)

D = dt.date


def target(tree) -> dict[str, int]:
    course = services.course_create(
        name="Bồi dưỡng Bí Mật Bê", kind=CourseKind.OTHER_REFRESHER, organization=tree.b
    )
    klass = services.class_open(
        course=course,
        name="Lớp Bí Mật Bê",
        organizer=tree.b,
        opens_on=D(2025, 10, 10),
        closes_on=D(2025, 10, 20),
        mode=Mode.FULL_TIME,
    )
    learner = Person.objects.create(
        full_name="Học viên Bí Mật Bê", sex=Sex.FEMALE, date_of_birth=D(1990, 1, 1)
    )
    enrollment = services.enrollment_add(
        person=learner, training_class=klass, sent_by=tree.b1, enrolled_on=D(2025, 10, 1)
    )
    qualification = services.qualification_record(
        person=learner,
        kind="foreign_language",
        level="B1",
        obtained_on=D(2020, 1, 1),
        institution="Trung tâm Bí Mật Bê",
    )
    tree.training_learner = learner
    return {
        "": tree.b.pk,
        "training:class": klass.pk,
        "training:enrollment_add": klass.pk,
        "training:enrollment_result": enrollment.pk,
        "training:person": learner.pk,
        "training:qualification_add": learner.pk,
        "training-course-": course.pk,
        "training-class-": klass.pk,
        "training-enrollment-": enrollment.pk,
        "training-qualification-": qualification.pk,
    }


def snapshot(tree):
    learner = tree.training_learner
    return (
        list(Course.objects.filter(organization=tree.b).order_by("id").values()),
        list(TrainingClass.objects.filter(organizer=tree.b).order_by("id").values()),
        list(Enrollment.objects.filter(person=learner).order_by("id").values()),
        list(Enrollment.objects.filter(training_class__organizer=tree.b).values()),
        list(Qualification.objects.filter(person=learner).values()),
        list(Person.objects.filter(pk=learner.pk).values()),
    )
