"""Progress of the card exchange as of a date, set-based (report line «đổi thẻ 126.014 đảng
viên (đạt 94,28%)»).

For a subtree S at date D, with N the campaign's new series (rule «card_series», Chỉ thị
51-CT/TW 2025) and "counted" meaning `members_at(on=D, root=S)`:

- done(S, D): members counted in S at D whose card at D (the card on their membership span)
  is of series N and was obtained by a non-void CARD_EXCHANGE event dated on or before D
  with that card number. A new-series card from a card issue (a new member) is not done.
- eligible(S, D): full members counted in S at D holding a card (a card number) of a series
  other than N — a card whose series was not recorded counts as a previous series — plus
  every member counted in `done` (they held a previous-series card before exchanging), so
  done ≤ eligible always. Probationary members, members who died, left or moved out of S
  before D are not counted.
- percent: `vn_percent(done, eligible)`, two decimals rounded half up ("đạt 94,28%").
- step counts: members counted in `eligible` whose exchange record of series N has that
  step recorded on or before D (so received ≤ sent ≤ … ≤ declared ≤ eligible).

Each figure is one query whatever the size of S, and the board groups by the child of S the
member belongs to through the succession and closure tables, still in one query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, FilteredRelation, OuterRef, Q, QuerySet, Subquery

from tochuc.cards.campaign import STEP_LABELS, STEP_NAMES, campaign_series
from tochuc.cards.models import CardExchange
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_percent
from tochuc.members.models import EventKind, MembershipSpan, Status
from tochuc.members.selectors import members_at, placed_in
from tochuc.organizations.models import (
    Organization,
    OrganizationPeriod,
    OrganizationSuccession,
)
from tochuc.organizations.selectors import child_holding

FIGURES: dict[str, str] = {
    "eligible": "Thuộc diện đổi thẻ",
    "done": "Đã đổi thẻ",
    **STEP_LABELS,
    "not_declared": "Chưa kê khai",
}
"""Every figure of the board that can be drilled into, with its Vietnamese heading."""


def _flagged(*, on: dt.date, root, user, series: str) -> QuerySet[MembershipSpan]:
    """Members counted in `root` at `on`, joined to their exchange record of `series` (at
    most one) and to the non-void CARD_EXCHANGE event, dated by `on`, that gave their card.

    Joins rather than correlated subqueries: each figure's filter then reads columns, and the
    counts are distinct per span, so one query scans the members once.
    """
    return members_at(on=on, root=root, user=user).annotate(
        exchange=FilteredRelation(
            "person__card_exchanges", condition=Q(person__card_exchanges__series=series)
        ),
        exchange_event=FilteredRelation(
            "person__membership_events",
            condition=Q(
                person__membership_events__kind=EventKind.CARD_EXCHANGE,
                person__membership_events__is_void=False,
                person__membership_events__effective_on__lte=on,
                person__membership_events__card_number=F("card_number"),
            ),
        ),
    )


def _figure_q(series: str, on: dt.date) -> dict[str, Q]:
    done = Q(card_series=series, exchange_event__isnull=False)
    eligible = (Q(status=Status.FULL) & ~Q(card_number="") & ~Q(card_series=series)) | done
    figures = {"eligible": eligible, "done": done}
    figures.update({step: eligible & Q(**{f"exchange__{step}_on__lte": on}) for step in STEP_NAMES})
    declared = Q(exchange__declared_on__lte=on)
    figures["not_declared"] = eligible & ~done & ~declared
    return figures


def _counts(series: str, on: dt.date) -> dict[str, Count]:
    return {name: Count("id", filter=q, distinct=True) for name, q in _figure_q(series, on).items()}


@dataclass
class Progress:
    """The figures of one row: eligible, done, 'đạt P%' and the step counts."""

    eligible: int = 0
    done: int = 0
    steps: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STEP_NAMES, 0))
    not_declared: int = 0

    @property
    def percent(self) -> str:
        return vn_percent(self.done, self.eligible)

    @classmethod
    def from_row(cls, row: dict) -> Progress:
        return cls(
            eligible=row["eligible"],
            done=row["done"],
            steps={step: row[step] for step in STEP_NAMES},
            not_declared=row["not_declared"],
        )

    def add(self, other: Progress) -> None:
        self.eligible += other.eligible
        self.done += other.done
        self.not_declared += other.not_declared
        for step in STEP_NAMES:
            self.steps[step] += other.steps[step]


@dataclass
class CardExchangeProgress(Progress):
    """Progress of a subtree, with the members behind each figure (drill-down querysets)."""

    members: dict[str, QuerySet] = field(default_factory=dict)

    @property
    def eligible_members(self) -> QuerySet:
        return self.members["eligible"]

    @property
    def done_members(self) -> QuerySet:
        return self.members["done"]


def card_exchange_progress(
    *, root: Organization | int, on: dt.date, user=None
) -> CardExchangeProgress:
    """Đổi thẻ for `root`'s subtree at `on`: «đổi thẻ 126.014 đảng viên (đạt 94,28%)».

    eligible, done, percent (done ÷ eligible) and step counts in one query; `members[figure]`
    are the lazy querysets behind each figure (see the module docstring for definitions).
    """
    series = campaign_series(on)
    row = _flagged(on=on, root=root, user=user, series=series).aggregate(**_counts(series, on))
    progress = CardExchangeProgress(**vars(Progress.from_row(row)))
    progress.members = {
        figure: card_exchange_members(root=root, on=on, figure=figure, user=user)
        for figure in FIGURES
    }
    return progress


@dataclass
class BoardRow:
    """One organization directly under the board's root (or the root's own members)."""

    organization_id: int
    name: str
    progress: Progress
    direct: bool = False


def card_exchange_board(
    *, root: Organization, on: dt.date, user=None
) -> tuple[list[BoardRow], Progress]:
    """One row per organization directly under `root` at `on`, and the total.

    Two queries: the figures grouped by child, and the children's names. Members placed
    in `root` itself form a row of their own (`direct`) when there are any.
    """
    series = campaign_series(on)
    grouped = (
        _flagged(on=on, root=root, user=user, series=series)
        .annotate(child=child_holding(root.pk, on, "organization_id", via_heir=True))
        .order_by()
        .values("child")
        .annotate(**_counts(series, on))
    )
    by_child = {row["child"]: Progress.from_row(row) for row in grouped}
    rows = [
        BoardRow(
            period.organization_id, period.name, by_child.pop(period.organization_id, Progress())
        )
        for period in root.children_at(on).order_by("name")
    ]
    total = Progress()
    for row in rows:
        total.add(row.progress)
    direct = Progress()
    for progress in by_child.values():  # the root's own members (child is None)
        direct.add(progress)
    if direct.eligible or direct.steps["declared"]:
        rows.append(BoardRow(root.pk, "Đảng viên sinh hoạt trực tiếp", direct, direct=True))
        total.add(direct)
    return rows, total


def card_exchange_members(
    *, root: Organization | int, on: dt.date, figure: str, user=None, direct: bool = False
) -> QuerySet[MembershipSpan]:
    """The members behind one figure (drill-down), with their organization's name at `on`
    and the dates of their exchange steps; `direct` keeps those placed in `root` itself."""
    series = campaign_series(on)
    spans = _flagged(on=on, root=root, user=user, series=series).filter(
        _figure_q(series, on)[figure]
    )
    if direct:
        root_id = root.pk if isinstance(root, Organization) else root
        spans = spans.filter(organization_id__in=placed_in(heirs=[root_id], on=on))
    heir = OrganizationSuccession.objects.filter(
        valid_at_q(on), organization_id=OuterRef(OuterRef("organization_id"))
    ).values("heir_id")
    organization_name = OrganizationPeriod.objects.filter(
        valid_at_q(on), organization_id__in=heir
    ).values("name")[:1]
    return (
        spans.select_related("person")
        .annotate(
            organization_name=Subquery(organization_name),
            exchange_id=F("exchange__id"),
            **{f"{s}_on": F(f"exchange__{s}_on") for s in STEP_NAMES},
        )
        .order_by("person__name_folded", "person_id")
        .distinct()
    )


def visible_persons(*, user, on: dt.date, action: str) -> QuerySet:
    """Persons whose card exchange `user` may see (or change): members counted in the
    user's scope on `on`, or with an exchange record of an organization in scope."""
    from tochuc.people.models import Person

    if not (user and user.is_authenticated and user.may(action)):
        return Person.objects.none()
    return Person.objects.filter(
        Q(id__in=members_at(on=on, user=user).values("person_id"))
        | Q(id__in=CardExchange.objects.restrict(user, action).values("person_id"))
    )


def card_of(*, person, on: dt.date) -> MembershipSpan | None:
    """The person's membership span on `on` (status, organization, card), or None."""
    return (
        MembershipSpan.objects.filter(valid_at_q(on), person=person)
        .select_related("organization")
        .first()
    )
