"""The small functions that apply this app's rules (see `rules.py`), each with the version in
force on the date it checks. A check whose rule is not in force on that date says nothing.

Refusals (for `services.plan_add`) and flags (for the removal-candidate list) are Vietnamese
sentences that name the rule's source. Disciplines and confidence votes are judged by
`tochuc.ratings` (its flags); `flag_reason` only words them for the removal-candidate list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tochuc.cadres.retirement import retirement_date
from tochuc.core.formatting import vn_date
from tochuc.core.rules import Rule, RuleNotInForce, rule_in_force
from tochuc.members.replay import add_months
from tochuc.planning.models import Level, PlanningTerm
from tochuc.ratings.selectors import Flag


def rule_on(code: str, on: dt.date) -> Rule | None:
    """The version of `code` in force on `on`, or None before its first version."""
    try:
        return rule_in_force(code, on)
    except RuleNotInForce:
        return None


def most_at_once(spans: Iterable[tuple[dt.date, dt.date | None]], start: dt.date) -> int:
    """The most spans [added_on, removed_on) in force at once on any day from `start` on."""
    spans = list(spans)
    days = {start} | {added for added, _ in spans if added > start}

    def planned_on(day: dt.date) -> int:
        return sum(1 for a, r in spans if a <= day and (r is None or day < r))

    return max((planned_on(day) for day in days), default=0)


def per_post_refusal(*, post, planned: int, on: dt.date) -> str | None:
    """Why one more person cannot be planned for `post` when `planned` already are."""
    rule = rule_on("planning_per_post", on)
    if rule is None:
        return None
    limit = rule.parameters["max_people"]
    if planned + 1 <= limit:
        return None
    return (
        f"Chức danh «{post.title}» đã có {planned} người trong quy hoạch của nhiệm kỳ; mỗi chức "
        f"danh quy hoạch không quá {limit} người ({rule.source})."
    )


def per_person_refusal(*, person, level: str, posts: int, on: dt.date) -> str | None:
    """Why `person`, already planned for `posts` posts of `level`, cannot take one more."""
    rule = rule_on("planning_posts_per_person", on)
    if rule is None:
        return None
    limit = rule.parameters["max_posts"]
    if posts + 1 <= limit:
        return None
    return (
        f"{person} đã được quy hoạch {posts} chức danh {Level(level).label.lower()} trong nhiệm "
        f"kỳ; một người quy hoạch không quá {limit} chức danh cùng cấp ({rule.source})."
    )


def age_refusal(*, person, term: PlanningTerm, on: dt.date) -> str | None:
    """Why `person` is too old to be planned for `term` by the rule in force on `on`: they
    must serve the rule's months from the term's counting date before retiring."""
    rule = rule_on("planning_age", on)
    if rule is None:
        return None
    months = rule.parameters["months"]
    retires = retirement_date(sex=person.sex, birth=person.date_of_birth)
    counting = term.counting_date
    if add_months(counting, months) <= retires:
        return None
    return (
        f"{person} nghỉ hưu ngày {vn_date(retires)}, không còn đủ {months} tháng công tác tính "
        f"từ ngày tính tuổi quy hoạch {vn_date(counting)} của nhiệm kỳ {term} ({rule.source})."
    )


def retired_flag(*, person, on: dt.date) -> str | None:
    retires = retirement_date(sex=person.sex, birth=person.date_of_birth)
    if retires > on:
        return None
    return f"Đã đến tuổi nghỉ hưu ngày {vn_date(retires)} (Nghị định 135/2020/NĐ-CP)."


FLAG_KINDS = {"discipline": "discipline", "vote": "confidence", "rating": "rating"}
"""The removal-candidate reason kind of each kind of `tochuc.ratings` flag."""


def flag_reason(flag: Flag) -> str:
    """A ratings flag (see `tochuc.ratings.selectors.flags_for_persons`) as a reason to take
    the person out of the plan: the form or consequence, the date, the figures and the rule's
    source — never the organization, post or decision of the record, which may lie outside
    the reader's scope."""
    if flag.kind == "vote":
        action = flag.label[:1].lower() + flag.label[1:]
        return (
            f"Lấy phiếu tín nhiệm ngày {vn_date(flag.since)}: {flag.figures} → {action} "
            f"({flag.source})."
        )
    reason = f"{flag.label} ngày {vn_date(flag.since)}: {flag.detail}"
    if flag.source and flag.source not in flag.detail:
        reason += f" ({flag.source})"
    return reason + "."
