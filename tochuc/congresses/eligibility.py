"""The small functions that apply this app's rules (see `tochuc.congresses.rules`):
the age of committee members at the congress's counting point, first time or re-elected,
and the full-member right to be elected or to be a delegate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from tochuc.cadres.models import Assignment, Body
from tochuc.cadres.retirement import retirement_date
from tochuc.congresses.models import Congress, CongressKind
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_date
from tochuc.core.rules import Rule, RuleNotInForce, rule_in_force
from tochuc.members.models import Status
from tochuc.members.replay import add_months
from tochuc.members.selectors import members_at
from tochuc.organizations.models import OrganizationSuccession


def committee_age_rule(congress: Congress) -> Rule | None:
    """The version of «committee_age» in force when the congress opens (None before 2019)."""
    try:
        return rule_in_force("committee_age", congress.opened_on)
    except RuleNotInForce:
        return None


def counting_point(congress: Congress, *, kind: str | None = None, rule: Rule | None = None):
    """The day ages are counted at: the entered one, else the month the directive fixes for
    a regular congress of its term at this organization's level, else the first day of the
    month the congress opens. `kind` is the organization's kind when it opens (looked up
    when not given)."""
    if congress.age_counted_on:
        return congress.age_counted_on
    rule = rule or committee_age_rule(congress)
    if rule and congress.kind == CongressKind.REGULAR and congress.term == rule.parameters["term"]:
        if kind is None:
            period = congress.organization.period_at(congress.opened_on)
            kind = period.kind if period else ""
        month = rule.parameters["counting_months"].get(kind)
        if month:
            year, number = (int(part) for part in month.split("-"))
            return dt.date(year, number, 1)
    return congress.opened_on.replace(day=1)


def retires_on(person, rule: Rule | None) -> dt.date:
    """Retirement date by the rule's own ages (Chỉ thị 35's table: 60 men, 55 women), else
    by the roadmap of Nghị định 135/2020 (cadres.retirement)."""
    fixed = rule.parameters.get("retirement_age_months") if rule else None
    if fixed:
        return add_months(person.date_of_birth, fixed[person.sex])
    return retirement_date(sex=person.sex, birth=person.date_of_birth)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end` (negative when `end` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def predecessors_q(organization_field: str, congress_organization) -> Q:
    """Q: the organization in `organization_field` is the congress's organization or one
    whose members passed into it (merged or split into it), at any date."""
    lineage = OrganizationSuccession.objects.filter(heir=congress_organization).values(
        "organization_id"
    )
    return Q(**{f"{organization_field}__in": lineage})


def previous_committee_seats(person, congress: Congress) -> QuerySet[Assignment]:
    """Executive-committee seats the person held, before the congress closed, in its
    organization or a predecessor: any of them makes the person re-elected («tái cử»)."""
    return Assignment.objects.filter(
        predecessors_q("post__organization", congress.organization_id),
        person=person,
        post__body=Body.EXECUTIVE_COMMITTEE,
        valid_from__lt=congress.closed_on,
    )


def re_elected_exists(congress_field: str = "congress") -> Exists:
    """Exists(): for rows with `person` and a congress, whether the person is re-elected.
    Set-based form of `previous_committee_seats`, for committee member lists."""
    lineage = OrganizationSuccession.objects.filter(
        heir=OuterRef(OuterRef(f"{congress_field}__organization"))
    ).values("organization_id")
    return Exists(
        Assignment.objects.filter(
            person=OuterRef("person"),
            post__body=Body.EXECUTIVE_COMMITTEE,
            post__organization__in=lineage,
            valid_from__lt=OuterRef(f"{congress_field}__closed_on"),
        )
    )


@dataclass(frozen=True)
class AgeCheck:
    """The age rule applied to one person at one congress; `flag` is '' when it passes."""

    re_elected: bool
    counted_on: dt.date
    retires_on: dt.date | None
    months_left: int | None
    months_needed: int | None
    flag: str
    source: str = ""

    @property
    def standing(self) -> str:
        return "Tái cử" if self.re_elected else "Lần đầu tham gia"


def age_check(*, person, congress: Congress, re_elected: bool, kind: str | None = None) -> AgeCheck:
    """Whether the person has the months of service the rule in force asks for, counted
    from the congress's counting point to the person's retirement date."""
    rule = committee_age_rule(congress)
    counted = counting_point(congress, kind=kind, rule=rule)
    if rule is None:
        return AgeCheck(re_elected, counted, None, None, None, "")
    needed = rule.parameters["reelected_months" if re_elected else "first_time_months"]
    retires = retires_on(person, rule)
    left = months_between(counted, retires)
    flag = ""
    if add_months(counted, needed) > retires:
        standing = "tái cử" if re_elected else "lần đầu tham gia cấp ủy"
        flag = (
            f"{person.full_name} ({standing}) nghỉ hưu ngày {vn_date(retires)}, còn {left} "
            f"tháng công tác tính từ {vn_date(counted)}, chưa đủ {needed} tháng "
            f"({rule.source})."
        )
    return AgeCheck(re_elected, counted, retires, left, needed, flag, rule.source)


def full_member_problem(person, congress: Congress, on: dt.date, what: str) -> str:
    """Why the person may not be `what` (delegate, committee member) on `on`: not a full
    member counted in the congress's organization then. '' when they may."""
    counted = members_at(on=on, root=congress.organization_id).filter(person=person)
    if counted.filter(status=Status.FULL).exists():
        return ""
    rule = rule_in_force("full_member_rights", on)
    state = "là đảng viên dự bị" if counted.exists() else "không là đảng viên của đảng bộ"
    return (
        f"{person.full_name} {state} vào ngày {vn_date(on)}, không thể là {what} ({rule.source})."
    )


def holds_executive_seat(person, post_id: int | None, on: dt.date) -> bool:
    """Whether the person holds a seat of the congress's executive-committee post on `on`."""
    if post_id is None:
        return False
    return Assignment.objects.filter(valid_at_q(on), person=person, post_id=post_id).exists()
