"""Rule `political_theory_enrollment` (Quy định 350-QĐ/TW, 29/8/2025): a passing case, a
refused one, the special case, and the same case accepted before the rule came into force."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.people.catalogs import Sex
from tochuc.training import services
from tochuc.training.models import Mode
from tochuc.training.tests.conftest import member, open_class, person

pytestmark = pytest.mark.django_db
D = dt.date
AFTER, BEFORE = D(2025, 9, 10), D(2025, 8, 28)


@pytest.fixture
def young(small_tree):
    """A woman who is a member of A, 27 years old in September 2025."""
    return member("Cán Bộ Trẻ", small_tree.a, D(2025, 7, 15), sex=Sex.FEMALE, birth=D(1998, 3, 1))


def test_a_member_of_age_is_accepted(small_tree, training):
    assert training.e3.special_approval is False  # T1: member, 45, part-time trung cấp


def test_a_non_member_is_refused_after_the_rule(small_tree, training):
    outsider = person("Quần Chúng")
    with pytest.raises(ValidationError) as refused:
        services.enrollment_add(
            person=outsider, training_class=training.c2, sent_by=small_tree.a, enrolled_on=AFTER
        )
    (message,) = refused.value.messages
    assert message.startswith("Học viên: Quần Chúng không là đảng viên vào ngày 10/09/2025")
    assert "Quy định 350-QĐ/TW" in message


def test_the_same_non_member_was_accepted_before_the_rule(small_tree, training):
    outsider = person("Quần Chúng")
    enrollment = services.enrollment_add(
        person=outsider, training_class=training.c2, sent_by=small_tree.a, enrolled_on=BEFORE
    )
    assert enrollment.pk and not enrollment.special_approval


def test_special_approval_lets_the_competent_level_decide(small_tree, training):
    outsider = person("Quần Chúng")
    enrollment = services.enrollment_add(
        person=outsider,
        training_class=training.c2,
        sent_by=small_tree.a,
        enrolled_on=AFTER,
        special_approval=True,
    )
    assert enrollment.special_approval


def test_part_time_intermediate_needs_28_for_women(small_tree, training, young):
    with pytest.raises(ValidationError) as refused:
        services.enrollment_add(
            person=young, training_class=training.c2, sent_by=small_tree.a, enrolled_on=AFTER
        )
    assert "27 tuổi vào ngày 10/09/2025, chưa đủ 28 tuổi" in refused.value.messages[0]
    accepted = services.enrollment_add(
        person=young, training_class=training.c2, sent_by=small_tree.a, enrolled_on=BEFORE
    )
    assert accepted.pk


def test_full_time_has_no_minimum_age_and_a_mode_change_is_rechecked(small_tree, courses, young):
    full_time = open_class(
        courses.intermediate, "Trung cấp tập trung", small_tree.p, D(2025, 9, 20), D(2026, 3, 1)
    )
    services.enrollment_add(
        person=young, training_class=full_time, sent_by=small_tree.a, enrolled_on=AFTER
    )
    with pytest.raises(ValidationError, match="chưa đủ 28 tuổi"):
        services.class_update(
            training_class=full_time,
            name=full_time.name,
            opens_on=full_time.opens_on,
            closes_on=full_time.closes_on,
            mode=Mode.PART_TIME,
        )


def test_refresher_classes_are_not_checked(small_tree, training):
    outsider = person("Quần Chúng")
    enrollment = services.enrollment_add(
        person=outsider, training_class=training.c4, sent_by=small_tree.a, enrolled_on=AFTER
    )
    assert enrollment.pk
