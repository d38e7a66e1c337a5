"""Writes for posts and seats: posts and quotas, assignments (quota check, 5-year
appointments), their end, sourcing plans, and moves (rotation checks the remaining service)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from tochuc.cadres.models import (
    Assignment,
    AssignmentKind,
    Body,
    Move,
    MoveKind,
    MovePurpose,
    Post,
    PostQuota,
    SourcingPlan,
)
from tochuc.cadres.retirement import retirement_date
from tochuc.core.dating import END_OF_TIME, day_before
from tochuc.core.formatting import vn_date
from tochuc.core.models import Decision
from tochuc.core.rules import RuleNotInForce, rule_in_force
from tochuc.core.services import locked_for_edit
from tochuc.members.replay import add_months
from tochuc.organizations.models import Organization
from tochuc.people.catalogs import Expertise


def _exists_on(organization: Organization, on: dt.date, role: str) -> None:
    if organization.period_at(on) is None:
        raise ValidationError(f"{role} «{organization.code}» không tồn tại vào ngày {vn_date(on)}.")


@transaction.atomic
def post_create(
    *,
    organization: Organization,
    body: str,
    title: str,
    seats: int,
    valid_from: dt.date,
    field: str = "",
    per_central_guidance: bool = False,
    decision: Decision | None = None,
) -> Post:
    """A new post with its first quota of `seats` from `valid_from`."""
    if body not in Body.values:
        raise ValidationError(f"Cơ quan «{body}» không có trong danh mục.")
    if field and field not in Expertise.values:
        raise ValidationError(f"Lĩnh vực «{field}» không có trong danh mục.")
    if not title.strip():
        raise ValidationError("Hãy nhập tên chức danh.")
    if seats < 1:
        raise ValidationError("Số lượng phải từ 1 trở lên.")
    _exists_on(organization, valid_from, "Tổ chức")
    post = Post.objects.create(
        organization=organization,
        body=body,
        title=title.strip(),
        field=field,
        per_central_guidance=per_central_guidance,
    )
    PostQuota.objects.create(post=post, seats=seats, valid_from=valid_from, decision=decision)
    return post


@transaction.atomic
def quota_set(
    *,
    post: Post,
    seats: int,
    valid_from: dt.date,
    decision: Decision | None = None,
    expected_version: int | None = None,
) -> PostQuota:
    """The post has `seats` seats from `valid_from` on: the quota in force then ends the day
    before. Refused when a later quota exists or when more people hold it than `seats`."""
    post = locked_for_edit(Post, post.pk, expected_version=expected_version)
    if seats < 0:
        raise ValidationError("Số lượng không thể âm.")
    later = post.quotas.filter(valid_from__gt=valid_from).order_by("valid_from").first()
    if later is not None:
        raise ValidationError(
            f"Đã có định mức từ ngày {vn_date(later.valid_from)}; không thể đặt định mức "
            "từ một ngày trước đó."
        )
    held = _holders_over(post, valid_from, END_OF_TIME)
    if held > seats:
        raise ValidationError(
            f"Từ {vn_date(valid_from)} có {held} người giữ chức danh {post}; "
            f"không thể giảm định mức xuống {seats}."
        )
    current = post.quotas.valid_at(valid_from).first()
    if current is not None:
        if current.valid_from == valid_from:
            current.delete()
        else:
            current.valid_to = day_before(valid_from)
            current.save(update_fields=["valid_to"])
    post.version += 1
    post.save(update_fields=["version"])
    return PostQuota.objects.create(
        post=post, seats=seats, valid_from=valid_from, decision=decision
    )


def _holders_over(post: Post, start: dt.date, end: dt.date) -> int:
    """The most seats of `post` held at once on any day of [start, end]."""
    spans = list(
        Assignment.objects.filter(post=post, valid_from__lte=end, valid_to__gte=start).values_list(
            "valid_from", "valid_to"
        )
    )
    days = {start} | {max(s, start) for s, _ in spans}
    return max((sum(1 for s, e in spans if s <= d <= e) for d in days), default=0)


def _quota_min(post: Post, start: dt.date, end: dt.date) -> int:
    quotas = list(
        PostQuota.objects.filter(post=post, valid_from__lte=end, valid_to__gte=start).values_list(
            "valid_from", "valid_to", "seats"
        )
    )
    covered = sorted((max(s, start), min(e, end)) for s, e, _ in quotas)
    cursor = start
    for s, e in covered:
        if s > cursor:
            return 0
        cursor = max(cursor, e + dt.timedelta(days=1))
    if cursor <= end:
        return 0
    return min(n for _, _, n in quotas)


@transaction.atomic
def assignment_create(
    *,
    person,
    post: Post,
    kind: str,
    starts_on: dt.date,
    decision: Decision,
    ends_on: dt.date | None = None,
) -> Assignment:
    """Bố trí a person on a seat of `post`; refused when the quota would be exceeded.

    An appointment or reappointment without an end runs 5 years.
    """
    if kind not in AssignmentKind.values:
        raise ValidationError(f"Hình thức «{kind}» không có trong danh mục.")
    post = Post.objects.select_for_update().get(pk=post.pk)
    if ends_on is None and kind in (AssignmentKind.APPOINTMENT, AssignmentKind.REAPPOINTMENT):
        years = rule_in_force("appointment_term", starts_on).parameters["years"]
        ends_on = day_before(add_months(starts_on, 12 * years))
    end = ends_on or END_OF_TIME
    if end < starts_on:
        raise ValidationError("Ngày kết thúc không thể trước ngày bắt đầu.")
    if Assignment.objects.filter(
        post=post, person=person, valid_from__lte=end, valid_to__gte=starts_on
    ).exists():
        raise ValidationError(f"{person} đã giữ chức danh {post} trong thời gian này.")
    horizon = min(end, starts_on + dt.timedelta(days=366 * 10))
    quota = _quota_min(post, starts_on, horizon)
    if _holders_over(post, starts_on, horizon) + 1 > quota:
        raise ValidationError(
            f"Chức danh {post} chỉ có {quota} chỗ từ {vn_date(starts_on)}; đã đủ người giữ."
        )
    _exists_on(post.organization, starts_on, "Tổ chức của chức danh")
    return Assignment.objects.create(
        person=person, post=post, kind=kind, valid_from=starts_on, valid_to=end, decision=decision
    )


@transaction.atomic
def assignment_end(
    *, assignment: Assignment, ends_on: dt.date, expected_version: int | None = None
) -> Assignment:
    """Thôi giữ chức danh: the holding ends on `ends_on` (inclusive)."""
    held = locked_for_edit(Assignment, assignment.pk, expected_version=expected_version)
    if ends_on < held.valid_from:
        raise ValidationError(
            f"Ngày thôi giữ chức danh không thể trước ngày bắt đầu {vn_date(held.valid_from)}."
        )
    if ends_on > held.valid_to:
        raise ValidationError(
            f"Chức danh đã hết thời hạn ngày {vn_date(held.valid_to)}; "
            "hãy bố trí lại (bổ nhiệm lại) thay vì kéo dài."
        )
    held.valid_to = ends_on
    held.version += 1
    held.save(update_fields=["valid_to", "version"])
    return held


def sourcing_plan_record(
    *, post: Post, planned_on: dt.date, source: str, note: str = ""
) -> SourcingPlan:
    """Phương án bố trí for the post's vacancies from `planned_on` (the latest plan wins)."""
    if source not in SourcingPlan.Source.values:
        raise ValidationError(f"Phương án «{source}» không có trong danh mục.")
    return SourcingPlan.objects.create(post=post, planned_on=planned_on, source=source, note=note)


def remaining_service_check(*, person, starts_on: dt.date, purpose: str) -> str | None:
    """Why a rotation starting on `starts_on` breaks the remaining-service rule, or None
    (also None before the rule was first in force)."""
    try:
        rule = rule_in_force("rotation_remaining_service", starts_on)
    except RuleNotInForce:
        return None
    key = "non_local_years" if purpose == MovePurpose.NON_LOCAL else "years"
    years = rule.parameters[key]
    retires = retirement_date(sex=person.sex, birth=person.date_of_birth)
    if add_months(starts_on, 12 * years) <= retires:
        return None
    return (
        f"{person} nghỉ hưu ngày {vn_date(retires)}, không còn đủ {years} năm công tác "
        f"từ ngày luân chuyển {vn_date(starts_on)} ({rule.source}). Nếu cấp có thẩm quyền "
        "quyết định trường hợp đặc biệt, hãy ghi căn cứ."
    )


@transaction.atomic
def move_record(
    *,
    person,
    kind: str,
    origin: Organization,
    destination: Organization,
    starts_on: dt.date,
    decided_by: Organization,
    decision: Decision,
    planned_end: dt.date | None = None,
    purpose: str = MovePurpose.DEVELOPMENT,
    special_case: str = "",
) -> Move:
    """Tăng cường, biệt phái, điều động or luân chuyển a person between units.

    Checks: the units exist on the start date and differ; the planned end is not before the
    start; no other move of the person starts the same day; a rotation leaves the person the
    remaining service of rule "rotation_remaining_service" unless a special case is cited.
    """
    if kind not in MoveKind.values:
        raise ValidationError(f"Hình thức «{kind}» không có trong danh mục.")
    if purpose not in MovePurpose.values:
        raise ValidationError(f"Mục đích «{purpose}» không có trong danh mục.")
    if origin.pk == destination.pk:
        raise ValidationError("Đơn vị đi và đơn vị đến phải khác nhau.")
    for organization, role in (
        (origin, "Đơn vị đi"),
        (destination, "Đơn vị đến"),
        (decided_by, "Cấp quyết định"),
    ):
        _exists_on(organization, starts_on, role)
    if planned_end is not None and planned_end < starts_on:
        raise ValidationError("Ngày dự kiến kết thúc không thể trước ngày bắt đầu.")
    if Move.objects.filter(person=person, starts_on=starts_on).exists():
        raise ValidationError(f"{person} đã có một quyết định điều động bắt đầu cùng ngày.")
    special_case = special_case.strip()
    if kind == MoveKind.ROTATION and not special_case:
        reason = remaining_service_check(person=person, starts_on=starts_on, purpose=purpose)
        if reason:
            raise ValidationError(reason)
    return Move.objects.create(
        person=person,
        kind=kind,
        origin=origin,
        destination=destination,
        starts_on=starts_on,
        planned_end=planned_end,
        decided_by=decided_by,
        decision=decision,
        purpose=purpose,
        special_case=special_case,
    )


@transaction.atomic
def move_end(*, move: Move, ended_on: dt.date, expected_version: int | None = None) -> Move:
    """The person came back (or the move stopped) on `ended_on`."""
    move = locked_for_edit(Move, move.pk, expected_version=expected_version)
    if ended_on < move.starts_on:
        raise ValidationError(
            f"Ngày kết thúc không thể trước ngày bắt đầu {vn_date(move.starts_on)}."
        )
    move.ended_on = ended_on
    move.version += 1
    move.save(update_fields=["ended_on", "version"])
    return move
