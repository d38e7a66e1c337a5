"""Writes of ratings, confidence votes and disciplines.

Every write validates first and raises a Vietnamese `ValidationError` naming the field and
the rule's source; a refused write leaves nothing behind (one transaction each). Scope (who
may rate, vote on or discipline whom) is checked by the views and the API before calling.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tochuc.cadres.models import Assignment, Post
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_date
from tochuc.core.models import Decision
from tochuc.core.rules import RuleNotInForce
from tochuc.core.services import locked_for_edit
from tochuc.organizations.models import Organization
from tochuc.people.models import Person
from tochuc.ratings import rules
from tochuc.ratings.models import (
    Category,
    ConfidenceVote,
    Discipline,
    DisciplineForm,
    OrganizationRating,
    PersonRating,
    RatingInputs,
)

FIRST_YEAR = 1990
"""The earliest year a rating may be recorded for (older paper records are out of scope)."""

INPUT_LABELS = {
    "score": "Tổng điểm",
    "exceeded_share": "Tỷ lệ nhiệm vụ hoàn thành vượt yêu cầu",
    "late_share": "Tỷ lệ nhiệm vụ chưa bảo đảm tiến độ",
}


def _fmt(value: Decimal) -> str:
    """85.50 → '85,5' (Vietnamese decimal comma, no trailing zeros)."""
    text = f"{value:f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text.replace(".", ",")


def rating_problems(
    *,
    year: int,
    category: str,
    score: Decimal | None,
    exceeded_share: Decimal | None,
    late_share: Decimal | None,
    lowered_reason: str,
) -> tuple[str, list[str]]:
    """The category to store and why the inputs break the rule of `year` (empty if none).

    With a 100-point rule (Quy định 366-QĐ/TW from 2025) the score is required, the shares
    the score's level needs too, and the category given may not be higher than the one the
    rule derives, nor lower without a reason; blank, it is the derived one. Without a scale
    (Quy định 124-QĐ/TW and before) the category is recorded as given and no score is kept.
    """
    problems: list[str] = []
    this_year = timezone.localdate().year
    if not FIRST_YEAR <= year <= this_year:
        return category, [f"Năm đánh giá: phải từ {FIRST_YEAR} đến {this_year}."]
    inputs = {"score": score, "exceeded_share": exceeded_share, "late_share": late_share}
    for name, value in inputs.items():
        if value is not None and not Decimal(0) <= value <= Decimal(100):
            problems.append(f"{INPUT_LABELS[name]}: phải từ 0 đến 100.")
    if category and category not in Category.values:
        problems.append(f"Xếp loại: «{category}» không phải là một mức xếp loại.")
    if problems:
        return category, problems
    rule = rules.rating_rule(year)
    if not rules.has_scale(rule):
        given = [INPUT_LABELS[name] for name, value in inputs.items() if value is not None]
        if given:
            problems.append(
                f"{', '.join(given)}: năm {year} xếp loại theo {rule.source}, không chấm điểm "
                "theo thang 100 điểm — hãy để trống."
            )
        if not category:
            problems.append(
                f"Xếp loại: năm {year} ghi theo kết quả được cấp có thẩm quyền công nhận "
                f"({rule.source}) — hãy chọn mức xếp loại."
            )
        return category, problems
    if score is None:
        return category, [
            f"Tổng điểm: từ năm 2025 xếp loại theo thang 100 điểm ({rule.source}) — hãy nhập "
            "tổng điểm."
        ]
    for name in rules.needed_inputs(rule, score):
        if inputs[name] is None:
            problems.append(
                f"{INPUT_LABELS[name]}: cần để xếp loại {_fmt(score)} điểm theo {rule.source}."
            )
    if problems:
        return category, problems
    derived = rules.derived_category(
        rule, score=score, exceeded_share=exceeded_share, late_share=late_share
    )
    if not category:
        return derived, []
    if rules.rank(category) > rules.rank(derived):
        problems.append(
            f"Xếp loại: «{Category(category).label}» không phù hợp với kết quả chấm điểm "
            f"({_fmt(score)} điểm{_shares_text(exceeded_share, late_share)}): theo {rule.source} "
            f"chỉ đạt «{Category(derived).label}»."
        )
    elif rules.rank(category) < rules.rank(derived) and not lowered_reason.strip():
        problems.append(
            f"Lý do xếp loại thấp hơn mức theo điểm: kết quả chấm điểm đạt «"
            f"{Category(derived).label}» ({rule.source}); xếp loại «{Category(category).label}» "
            "phải nêu lý do."
        )
    return category, problems


def _shares_text(exceeded: Decimal | None, late: Decimal | None) -> str:
    parts = []
    if exceeded is not None:
        parts.append(f"{_fmt(exceeded)}% nhiệm vụ vượt yêu cầu")
    if late is not None:
        parts.append(f"{_fmt(late)}% chưa bảo đảm tiến độ")
    return f", {', '.join(parts)}" if parts else ""


def _apply_inputs(
    record: RatingInputs,
    *,
    category: str,
    score: Decimal | None,
    exceeded_share: Decimal | None,
    late_share: Decimal | None,
    lowered_reason: str,
    note: str,
    decision: Decision | None,
) -> None:
    """Validate the inputs against the rule of the record's year and set them on it."""
    stored, problems = rating_problems(
        year=record.year,
        category=category,
        score=score,
        exceeded_share=exceeded_share,
        late_share=late_share,
        lowered_reason=lowered_reason,
    )
    if problems:
        raise ValidationError(problems)
    record.category = stored
    record.score, record.exceeded_share, record.late_share = score, exceeded_share, late_share
    derived = rules.derived_category(
        rules.rating_rule(record.year),
        score=score,
        exceeded_share=exceeded_share,
        late_share=late_share,
    )
    lowered = derived is not None and rules.rank(stored) < rules.rank(derived)
    record.lowered_reason = lowered_reason.strip() if lowered else ""
    record.note, record.decision = note.strip(), decision


@transaction.atomic
def person_rating_record(
    *,
    person: Person,
    organization: Organization,
    year: int,
    category: str = "",
    score: Decimal | None = None,
    exceeded_share: Decimal | None = None,
    late_share: Decimal | None = None,
    lowered_reason: str = "",
    note: str = "",
    decision: Decision | None = None,
) -> PersonRating:
    """Ghi nhận đánh giá, xếp loại of `person` for `year` by `organization` (once a year)."""
    if PersonRating.objects.filter(person=person, year=year, organization=organization).exists():
        raise ValidationError(
            f"Năm đánh giá: {person} đã có kết quả đánh giá năm {year} của tổ chức "
            f"{organization.code}; hãy sửa kết quả đó."
        )
    rating = PersonRating(person=person, organization=organization, year=year)
    _apply_inputs(
        rating,
        category=category,
        score=score,
        exceeded_share=exceeded_share,
        late_share=late_share,
        lowered_reason=lowered_reason,
        note=note,
        decision=decision,
    )
    rating.save()
    return rating


@transaction.atomic
def organization_rating_record(
    *,
    organization: Organization,
    year: int,
    category: str = "",
    score: Decimal | None = None,
    exceeded_share: Decimal | None = None,
    late_share: Decimal | None = None,
    lowered_reason: str = "",
    note: str = "",
    decision: Decision | None = None,
) -> OrganizationRating:
    """Ghi nhận đánh giá, xếp loại of an organization for `year` (once a year)."""
    if OrganizationRating.objects.filter(organization=organization, year=year).exists():
        raise ValidationError(
            f"Năm đánh giá: tổ chức {organization.code} đã có kết quả đánh giá năm {year}; hãy "
            "sửa kết quả đó."
        )
    rating = OrganizationRating(organization=organization, year=year)
    _apply_inputs(
        rating,
        category=category,
        score=score,
        exceeded_share=exceeded_share,
        late_share=late_share,
        lowered_reason=lowered_reason,
        note=note,
        decision=decision,
    )
    rating.save()
    return rating


@transaction.atomic
def rating_update(
    *,
    rating: RatingInputs,
    category: str = "",
    score: Decimal | None = None,
    exceeded_share: Decimal | None = None,
    late_share: Decimal | None = None,
    lowered_reason: str = "",
    note: str = "",
    decision: Decision | None = None,
    expected_version: int | None = None,
) -> RatingInputs:
    """Correct a rating (person's or organization's): the same checks as recording it;
    refused when someone else saved it since `expected_version`."""
    rating = locked_for_edit(type(rating), rating.pk, expected_version=expected_version)
    _apply_inputs(
        rating,
        category=category,
        score=score,
        exceeded_share=exceeded_share,
        late_share=late_share,
        lowered_reason=lowered_reason,
        note=note,
        decision=decision,
    )
    rating.version += 1
    rating.save()
    return rating


def vote_problems(
    *,
    person: Person,
    held_on: dt.date,
    summoned: int,
    present: int,
    high: int,
    confidence: int,
    low: int,
    invalid: int,
    post: Post | None,
) -> list[str]:
    """Why a vote's figures cannot be recorded (empty if they can): a rule in force on the
    day, no negative count, ballots ≤ present ≤ summoned, the post held on the day. A vote
    without quorum (present < 2/3 of summoned) is not refused: it is kept and judged not
    valid by the rule of its day."""
    rule = rules.vote_rule(held_on)
    problems: list[str] = []
    if rule is None:
        problems.append(
            f"Ngày lấy phiếu: không có quy định về lấy phiếu tín nhiệm có hiệu lực vào ngày "
            f"{vn_date(held_on)} (sớm nhất Quy định 262-QĐ/TW ngày 08/10/2014)."
        )
    if held_on > timezone.localdate():
        problems.append("Ngày lấy phiếu: không thể sau ngày hôm nay.")
    if min(summoned, present, high, confidence, low, invalid) < 0:
        problems.append("Số người, số phiếu: không được âm.")
    if summoned <= 0:
        problems.append("Số người được triệu tập: phải lớn hơn 0.")
    if present > summoned:
        problems.append(
            f"Số người có mặt ({present}) không thể nhiều hơn số người được triệu tập ({summoned})."
        )
    ballots = high + confidence + low + invalid
    if ballots > present:
        problems.append(
            f"Tổng số phiếu thu về ({ballots} = tín nhiệm cao + tín nhiệm + tín nhiệm thấp + "
            f"không hợp lệ) không thể nhiều hơn số người có mặt ({present})."
        )
    if post is not None and rule is not None:
        holds = Assignment.objects.filter(valid_at_q(held_on), person=person, post=post)
        if not holds.exists():
            problems.append(
                f"Chức danh: {person} không giữ chức danh «{post.title}» vào ngày "
                f"{vn_date(held_on)}; chỉ lấy phiếu tín nhiệm đối với người đang giữ chức vụ "
                f"({rule.source})."
            )
    return problems


@transaction.atomic
def confidence_vote_record(
    *,
    person: Person,
    organization: Organization,
    held_on: dt.date,
    summoned: int,
    present: int,
    high: int,
    confidence: int,
    low: int,
    invalid: int = 0,
    post: Post | None = None,
) -> ConfidenceVote:
    """Ghi nhận kết quả lấy phiếu tín nhiệm. A vote without quorum is recorded (and shown as
    not valid); the counts must add up: ballots ≤ present ≤ summoned."""
    figures = {
        "held_on": held_on,
        "summoned": summoned,
        "present": present,
        "high": high,
        "confidence": confidence,
        "low": low,
        "invalid": invalid,
        "post": post,
    }
    problems = vote_problems(person=person, **figures)
    if problems:
        raise ValidationError(problems)
    return ConfidenceVote.objects.create(person=person, organization=organization, **figures)


@transaction.atomic
def confidence_vote_update(
    *,
    vote: ConfidenceVote,
    held_on: dt.date,
    summoned: int,
    present: int,
    high: int,
    confidence: int,
    low: int,
    invalid: int = 0,
    post: Post | None = None,
    expected_version: int | None = None,
) -> ConfidenceVote:
    """Correct a vote recorded with wrong figures, a wrong date or the wrong post: the same
    checks as recording it, judged again by the rule of the (corrected) day; the person and
    the organization that held it stay. Refused when someone else saved it since
    `expected_version`; the history keeps the figures it replaces."""
    vote = locked_for_edit(ConfidenceVote, vote.pk, expected_version=expected_version)
    figures = {
        "held_on": held_on,
        "summoned": summoned,
        "present": present,
        "high": high,
        "confidence": confidence,
        "low": low,
        "invalid": invalid,
        "post": post,
    }
    problems = vote_problems(person=vote.person, **figures)
    if problems:
        raise ValidationError(problems)
    for name, value in figures.items():
        setattr(vote, name, value)
    vote.version += 1
    vote.save()
    return vote


def discipline_problems(*, form: str, decided_on: dt.date, decision: Decision | None) -> list[str]:
    """Why a discipline cannot be recorded (empty if it can)."""
    problems: list[str] = []
    if form not in DisciplineForm.values:
        problems.append(f"Hình thức: «{form}» không phải là một hình thức kỷ luật.")
    if decision is None:
        problems.append("Quyết định kỷ luật: phải có số, ngày ban hành và cơ quan ban hành.")
    elif decision.signed_on > decided_on:
        problems.append(
            f"Ngày quyết định: quyết định ban hành ngày {vn_date(decision.signed_on)} không thể "
            f"sau ngày kỷ luật có hiệu lực ({vn_date(decided_on)})."
        )
    if decided_on > timezone.localdate():
        problems.append("Ngày quyết định: không thể sau ngày hôm nay.")
    return problems


@transaction.atomic
def discipline_record(
    *,
    person: Person,
    organization: Organization,
    form: str,
    decided_on: dt.date,
    decision: Decision | None,
    reason: str = "",
) -> Discipline:
    """Ghi nhận quyết định kỷ luật; the decision is required and may not postdate the day
    the discipline takes effect."""
    problems = discipline_problems(form=form, decided_on=decided_on, decision=decision)
    if problems:
        raise ValidationError(problems)
    return Discipline.objects.create(
        person=person,
        organization=organization,
        form=form,
        decided_on=decided_on,
        decision=decision,
        reason=reason.strip(),
    )


@transaction.atomic
def discipline_update(
    *,
    discipline: Discipline,
    form: str,
    decided_on: dt.date,
    decision: Decision | None,
    reason: str = "",
    expected_version: int | None = None,
) -> Discipline:
    """Correct a discipline recorded with the wrong form, date, decision or reason: the same
    checks as recording it (the reconsideration period then runs from the corrected date);
    the person and the deciding organization stay. Refused when someone else saved it since
    `expected_version`; the history keeps what it replaces."""
    discipline = locked_for_edit(Discipline, discipline.pk, expected_version=expected_version)
    problems = discipline_problems(form=form, decided_on=decided_on, decision=decision)
    if problems:
        raise ValidationError(problems)
    discipline.form, discipline.decided_on = form, decided_on
    discipline.decision, discipline.reason = decision, reason.strip()
    discipline.version += 1
    discipline.save()
    return discipline


def rule_source_for_year(year: int) -> str:
    """The source of the rating rule of `year` (for forms and pages)."""
    try:
        return rules.rating_rule(year).source
    except RuleNotInForce:
        return ""
