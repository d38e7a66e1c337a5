"""Writes: each rule's passing and refused case, with the refusal naming field and source."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tochuc.core.services import StaleEdit, decision_cite
from tochuc.ratings import services
from tochuc.ratings.models import ConfidenceVote, Discipline, OrganizationRating, PersonRating
from tochuc.ratings.tests.conftest import member_of, n

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def person(small_tree):
    return member_of("Người Được Đánh Giá", small_tree.a1)


def record(person, organization, year, **inputs):
    values = {
        k: n(v) if k in ("score", "exceeded_share", "late_share") else v for k, v in inputs.items()
    }
    return services.person_rating_record(
        person=person, organization=organization, year=year, **values
    )


def refusal(call) -> str:
    with pytest.raises(ValidationError) as info:
        call()
    return " ".join(info.value.messages)


def test_2025_category_is_derived_when_left_blank(small_tree, person):
    rating = record(person, small_tree.a1, 2025, score=91, exceeded_share=30, late_share=0)
    assert rating.category == "excellent" and rating.lowered_reason == ""


def test_2025_category_above_the_score_is_refused_with_the_source(small_tree, person):
    message = refusal(
        lambda: record(person, small_tree.a1, 2025, score=85.5, late_share=0, category="excellent")
    )
    assert message.startswith("Xếp loại:")
    assert "85,5 điểm" in message and "Quy định 366-QĐ/TW" in message
    assert "«Hoàn thành tốt nhiệm vụ»" in message
    assert not PersonRating.objects.exists()


def test_2025_category_below_the_score_needs_a_reason(small_tree, person):
    message = refusal(
        lambda: record(person, small_tree.a1, 2025, score=85, late_share=0, category="completed")
    )
    assert message.startswith("Lý do xếp loại thấp hơn")
    rating = record(
        person,
        small_tree.a1,
        2025,
        score=85,
        late_share=0,
        category="completed",
        lowered_reason="Bị kỷ luật khiển trách trong năm",
    )
    assert rating.category == "completed" and rating.lowered_reason


def test_2025_needs_the_score_and_the_shares_its_level_needs(small_tree, person):
    message = refusal(lambda: record(person, small_tree.a1, 2025, category="good"))
    assert message.startswith("Tổng điểm:") and "366-QĐ/TW" in message
    message = refusal(lambda: record(person, small_tree.a1, 2025, score=92))
    assert "Tỷ lệ nhiệm vụ chưa bảo đảm tiến độ: cần" in message
    assert "Tỷ lệ nhiệm vụ hoàn thành vượt yêu cầu: cần" in message
    assert record(person, small_tree.a1, 2025, score=30).category == "not_completed"


def test_shares_and_scores_stay_within_0_and_100(small_tree, person):
    message = refusal(lambda: record(person, small_tree.a1, 2025, score=101, late_share=-1))
    assert "Tổng điểm: phải từ 0 đến 100." in message
    assert "Tỷ lệ nhiệm vụ chưa bảo đảm tiến độ: phải từ 0 đến 100." in message


def test_the_same_entry_judged_under_124_and_under_366(small_tree, person):
    # A category given without a score: accepted for 2024 (Quy định 124), refused for 2025.
    assert record(person, small_tree.a1, 2024, category="excellent").score is None
    assert "366-QĐ/TW" in refusal(lambda: record(person, small_tree.a, 2025, category="excellent"))
    # A score: derived for 2025, refused for 2024 (no 100-point scale then).
    message = refusal(lambda: record(person, small_tree.a, 2024, score=95, category="excellent"))
    assert message.startswith("Tổng điểm: năm 2024 xếp loại theo Quy định 124-QĐ/TW")
    assert "để trống" in message


def test_before_2025_a_category_is_required(small_tree, person):
    message = refusal(lambda: record(person, small_tree.a1, 2024))
    assert message.startswith("Xếp loại: năm 2024 ghi theo kết quả")


def test_one_rating_a_year_per_rating_organization(small_tree, person):
    record(person, small_tree.a1, 2024, category="good")
    message = refusal(lambda: record(person, small_tree.a1, 2024, category="good"))
    assert message.startswith("Năm đánh giá:") and "đã có kết quả" in message
    assert record(person, small_tree.a, 2024, category="good")  # another organization may
    assert "Năm đánh giá: phải từ 1990" in refusal(
        lambda: record(person, small_tree.a, 1980, category="good")
    )


def test_organization_rating_once_a_year(small_tree):
    rate = services.organization_rating_record
    rating = rate(organization=small_tree.a1, year=2025, score=n(72), late_share=n(0))
    assert rating.category == "good"
    assert "đã có kết quả" in refusal(
        lambda: rate(organization=small_tree.a1, year=2025, category="good")
    )
    assert OrganizationRating.objects.count() == 1


def test_correction_is_checked_again_and_guarded_by_the_version(small_tree, person):
    rating = record(person, small_tree.a1, 2025, score=75, late_share=0)
    updated = services.rating_update(
        rating=rating,
        score=Decimal(95),
        exceeded_share=Decimal(50),
        late_share=Decimal(0),
        expected_version=rating.version,
    )
    assert updated.category == "excellent" and updated.version == 2
    with pytest.raises(StaleEdit):
        services.rating_update(
            rating=rating, score=Decimal(60), late_share=Decimal(0), expected_version=1
        )
    message = refusal(
        lambda: services.rating_update(
            rating=rating, score=Decimal(60), late_share=Decimal(0), category="good"
        )
    )
    assert "chỉ đạt «Hoàn thành nhiệm vụ»" in message
    rating.refresh_from_db()
    assert rating.category == "excellent"


def vote(person, organization, held_on, **counts):
    values = {"summoned": 30, "present": 27, "high": 10, "confidence": 10, "low": 7}
    values.update(counts)
    return services.confidence_vote_record(
        person=person, organization=organization, held_on=held_on, **values
    )


def test_vote_counts_must_add_up(small_tree, person):
    message = refusal(lambda: vote(person, small_tree.a, D(2025, 9, 1), present=31))
    assert "Số người có mặt (31) không thể nhiều hơn số người được triệu tập (30)" in message
    message = refusal(lambda: vote(person, small_tree.a, D(2025, 9, 1), present=20))
    assert "Tổng số phiếu thu về (27" in message
    assert "phải lớn hơn 0" in refusal(
        lambda: vote(
            person, small_tree.a, D(2025, 9, 1), summoned=0, present=0, high=0, confidence=0, low=0
        )
    )
    assert not ConfidenceVote.objects.exists()


def test_a_vote_without_quorum_is_kept_and_shown_invalid(small_tree, person):
    from tochuc.ratings.selectors import vote_consequence

    kept = vote(person, small_tree.a, D(2025, 9, 1), present=19, high=4, confidence=5, low=10)
    assert vote_consequence(kept).code == "invalid"


def test_a_vote_before_any_rule_is_refused(small_tree, person):
    message = refusal(lambda: vote(person, small_tree.la, D(2014, 1, 1)))
    assert message.startswith("Ngày lấy phiếu: không có quy định")


def test_a_vote_for_a_post_needs_its_holder(small_tree, case):
    message = refusal(lambda: vote(case.p5, small_tree.a, D(2025, 9, 1), post=case.post))
    assert message.startswith(
        "Chức danh: Đảng viên Năm không giữ chức danh «Ủy viên Ban Thường vụ»"
    )
    assert "96-QĐ/TW" in message
    assert vote(case.p1, small_tree.a, D(2025, 9, 1), post=case.post).post == case.post


def test_discipline_needs_a_decision_not_signed_after_it(small_tree, person):
    record_ = services.discipline_record
    message = refusal(
        lambda: record_(
            person=person,
            organization=small_tree.a,
            form="warning",
            decided_on=D(2025, 9, 1),
            decision=None,
        )
    )
    assert message.startswith("Quyết định kỷ luật: phải có")
    late = decision_cite(number="1-QĐ", signed_on=D(2025, 9, 2), issuer="UBKT")
    message = refusal(
        lambda: record_(
            person=person,
            organization=small_tree.a,
            form="warning",
            decided_on=D(2025, 9, 1),
            decision=late,
        )
    )
    assert "không thể sau ngày kỷ luật có hiệu lực" in message
    assert not Discipline.objects.exists()
    ok = decision_cite(number="1-QĐ", signed_on=D(2025, 9, 1), issuer="UBKT")
    done = record_(
        person=person,
        organization=small_tree.a,
        form="warning",
        decided_on=D(2025, 9, 1),
        decision=ok,
    )
    assert done.pk
