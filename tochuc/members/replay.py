"""Replays a person's membership events into spans, checking the rules as it goes.

Pure: it takes plain facts (no database access), so the same function validates a new or
corrected event (replay everything, refuse on the first broken rule) and derives the spans
that are stored. Same-day events apply in a fixed order (admission before a card issue,
terminations last). A membership event dated D takes effect on D: a transfer moves the
member on D, a death ends the count on D (the last counted day is D - 1).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from tochuc.core.dating import END_OF_TIME, day_before
from tochuc.core.formatting import vn_date
from tochuc.core.rules import RuleNotInForce, rule_in_force
from tochuc.members.models import EventKind, Status

K = EventKind
ORDER = {
    K.ADMISSION: 0, K.READMISSION: 0, K.TRANSFER_IN: 0, K.CONFIRMATION: 1, K.TRANSFER: 2,
    K.TEMPORARY_RETURN: 3, K.TEMPORARY_TRANSFER: 4, K.EXEMPTION_END: 5, K.EXEMPTION: 6,
    K.CARD_ISSUE: 7, K.CARD_EXCHANGE: 7, K.TRANSFER_OUT: 9, K.STRUCK_OFF: 9, K.EXPULSION: 9,
    K.RESIGNATION: 9, K.DEATH: 10,
}  # fmt: skip
ENDINGS = {K.TRANSFER_OUT, K.STRUCK_OFF, K.EXPULSION, K.RESIGNATION, K.DEATH}
STARTS = {K.ADMISSION, K.READMISSION, K.TRANSFER_IN}


@dataclass(frozen=True)
class Fact:
    """What replay needs of one event."""

    id: int | None
    kind: str
    effective_on: dt.date
    organization_id: int | None = None
    status: str = ""
    admitted_on: dt.date | None = None
    card_number: str = ""
    card_series: str = ""
    provincial_approval: bool = False


@dataclass(frozen=True)
class State:
    """What a person is while a member; one stored span per stretch of equal states."""

    status: str
    organization_id: int
    admitted_on: dt.date
    host_organization_id: int | None = None
    exempt: bool = False
    confirmed_on: dt.date | None = None
    card_number: str = ""
    card_series: str = ""


@dataclass(frozen=True)
class Span:
    valid_from: dt.date
    valid_to: dt.date
    state: State


class Refusal(ValueError):
    """A rule the events break, said in Vietnamese with the rule's source."""

    def __init__(self, message: str, fact: Fact | None = None):
        super().__init__(message)
        self.fact = fact


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later (the last day of the month when it has no such day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def confirmation_date(admitted_on: dt.date) -> dt.date:
    """The day a probationary member becomes full: 12 months after admission (Điều lệ, Đ.5)."""
    months = rule_in_force("probation", admitted_on).parameters["months"]
    return add_months(admitted_on, months)


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years of age on `on`."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def admission_age_problem(birth: dt.date, on: dt.date, provincial_approval: bool) -> str:
    """Why someone born on `birth` cannot be admitted on `on`, or ''."""
    rule = rule_in_force("admission_age", on)
    low, high = rule.parameters["min_age"], rule.parameters["max_age"]
    if on < add_months(birth, 12 * low):
        return (
            f"Chưa đủ {low} tuổi vào ngày {vn_date(on)} (sinh ngày {vn_date(birth)}), "
            f"theo {rule.source}."
        )
    if on > add_months(birth, 12 * high) and not provincial_approval:
        return (
            f"Đã quá {high} tuổi vào ngày {vn_date(on)} (sinh ngày {vn_date(birth)}): cần ghi "
            f"nhận ý kiến đồng ý của cấp ủy tỉnh, theo {rule.source}."
        )
    return ""


def sort_key(fact: Fact):
    return (fact.effective_on, ORDER[fact.kind], fact.id or 10**18)


def replay(
    facts: list[Fact],
    *,
    birth: dt.date,
    party_organization_exists,
) -> list[Span]:
    """The spans these events produce; raises `Refusal` at the first event that breaks a rule.

    `party_organization_exists(org_id, day)` tells whether a party organization that can
    hold members exists on that day.
    """
    spans: list[Span] = []
    state: State | None = None
    since: dt.date | None = None
    ended_by: str | None = None  # how the last membership ended
    ever_member = False

    def refuse(message: str, fact: Fact):
        raise Refusal(f"{K(fact.kind).label} ngày {vn_date(fact.effective_on)}: {message}", fact)

    def destination(fact: Fact, what: str = "Tổ chức đảng"):
        if not fact.organization_id:
            refuse(f"thiếu {what.lower()}.", fact)
        if not party_organization_exists(fact.organization_id, fact.effective_on):
            refuse(f"{what} không tồn tại (hoặc không sinh hoạt đảng viên) vào ngày đó.", fact)
        return fact.organization_id

    def close(day: dt.date):
        nonlocal since
        if state is not None and since is not None and since <= day_before(day):
            spans.append(Span(since, day_before(day), state))
        since = day

    current: Fact | None = None
    try:
        for fact in sorted(facts, key=sort_key):
            current = fact
            kind, on = fact.kind, fact.effective_on
            if ended_by == K.DEATH:
                rule = rule_in_force("no_event_after_death", on)
                refuse(f"đã từ trần trước đó; {rule.title.lower()}.", fact)
            if kind in STARTS:
                if state is not None:
                    refuse("người này đang là đảng viên.", fact)
                if kind == K.ADMISSION and ever_member:
                    refuse("người này đã từng là đảng viên: hãy ghi nhận «Kết nạp lại».", fact)
                if kind == K.READMISSION:
                    if not ever_member:
                        refuse("người này chưa từng là đảng viên: hãy ghi nhận «Kết nạp».", fact)
                    if ended_by == K.EXPULSION:
                        rule = rule_in_force("no_readmission_after_expulsion", on)
                        refuse(f"{rule.title}, theo {rule.source}.", fact)
                organization = destination(fact)
                if kind in (K.ADMISSION, K.READMISSION):
                    problem = admission_age_problem(birth, on, fact.provincial_approval)
                    if problem:
                        refuse(problem, fact)
                    status, admitted = Status.PROBATIONARY, on
                else:
                    if fact.status not in Status.values or not fact.admitted_on:
                        refuse("cần ghi tư cách (dự bị/chính thức) và ngày vào Đảng.", fact)
                    if fact.admitted_on > on:
                        refuse("ngày vào Đảng không thể sau ngày chuyển đến.", fact)
                    status, admitted = fact.status, fact.admitted_on
                close(on)
                state = State(
                    status=status,
                    organization_id=organization,
                    admitted_on=admitted,
                    confirmed_on=None if status == Status.PROBATIONARY else admitted,
                )
                ever_member, ended_by = True, None
                continue
            if state is None:
                if kind == K.DEATH:
                    ended_by = K.DEATH
                    continue
                refuse("người này không phải là đảng viên vào ngày đó.", fact)
            if kind == K.CONFIRMATION:
                if state.status != Status.PROBATIONARY:
                    refuse("đảng viên không ở thời kỳ dự bị.", fact)
                due = confirmation_date(state.admitted_on)
                if on != due:
                    source = rule_in_force("probation", due).source
                    refuse(
                        f"ngày chính thức phải là ngày kết thúc 12 tháng dự bị, {vn_date(due)} "
                        f"(kể cả khi chi bộ xét muộn), theo {source}.",
                        fact,
                    )
                new = replace(state, status=Status.FULL, confirmed_on=on)
            elif kind == K.TRANSFER:
                target = destination(fact, "Tổ chức đảng nơi chuyển đến")
                if target == state.organization_id:
                    refuse("nơi chuyển đến trùng với nơi đang sinh hoạt.", fact)
                new = replace(state, organization_id=target, host_organization_id=None)
            elif kind == K.TEMPORARY_TRANSFER:
                host = destination(fact, "Tổ chức đảng nơi sinh hoạt tạm thời")
                if host == state.organization_id:
                    refuse("nơi sinh hoạt tạm thời trùng với nơi sinh hoạt chính thức.", fact)
                new = replace(state, host_organization_id=host)
            elif kind == K.TEMPORARY_RETURN:
                if state.host_organization_id is None:
                    refuse("đảng viên không đang sinh hoạt tạm thời.", fact)
                new = replace(state, host_organization_id=None)
            elif kind == K.EXEMPTION:
                if state.exempt:
                    refuse("đảng viên đã được miễn sinh hoạt.", fact)
                new = replace(state, exempt=True)
            elif kind == K.EXEMPTION_END:
                if not state.exempt:
                    refuse("đảng viên không đang được miễn sinh hoạt.", fact)
                new = replace(state, exempt=False)
            elif kind in (K.CARD_ISSUE, K.CARD_EXCHANGE):
                if not fact.card_number.strip():
                    refuse("thiếu số thẻ đảng viên.", fact)
                series = fact.card_series
                if kind == K.CARD_EXCHANGE:
                    rule = rule_in_force("card_series", on)
                    series = rule.parameters["new_series"]
                    if state.card_series == series:
                        refuse(f"đảng viên đã có thẻ đợt {series}.", fact)
                new = replace(state, card_number=fact.card_number.strip(), card_series=series)
            elif kind in ENDINGS:
                close(on)
                state, ended_by = None, kind
                continue
            else:  # pragma: no cover - every kind is handled above
                refuse("loại sự kiện không xác định.", fact)
            if new != state:
                close(on)
                state = new
    except RuleNotInForce as exc:  # a date no version of a rule covers
        refuse(f"{exc}", current)
    if state is not None and since is not None:
        spans.append(Span(since, END_OF_TIME, state))
    return spans
