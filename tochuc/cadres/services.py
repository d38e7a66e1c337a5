"""Writes for posts and seats: quotas, assignments (with the quota check), plans, moves."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from tochuc.cadres.models import Assignment, AssignmentKind, Post, PostQuota
from tochuc.core.dating import END_OF_TIME, day_before
from tochuc.core.formatting import vn_date
from tochuc.core.models import Decision
from tochuc.core.rules import rule_in_force
from tochuc.members.replay import add_months


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
    return Assignment.objects.create(
        person=person, post=post, kind=kind, valid_from=starts_on, valid_to=end, decision=decision
    )
