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

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from tochuc.cards.campaign import STEP_LABELS, STEP_NAMES, campaign_series
from tochuc.cards.models import CardExchange
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_percent
from tochuc.members.models import EventKind, MembershipEvent, MembershipSpan, Status
from tochuc.members.selectors import members_at, placed_in
from tochuc.organizations.models import (
    Organization,
    OrganizationPeriod,
    OrganizationSuccession,
)
from tochuc.organizations.selectors import child_of

FIGURES: dict[str, str] = {
    "eligible": "Thuộc diện đổi thẻ",
    "done": "Đã đổi thẻ",
    **STEP_LABELS,
    "not_declared": "Chưa kê khai",
}
"""Every figure of the board that can be drilled into, with its Vietnamese heading."""


def _flagged(*, on: dt.date, root, user, series: str) -> QuerySet[MembershipSpan]:
    """Members counted in `root` at `on`, joined to their exchange record of `series` (at
    most one: unique per person and series) and flagged `exchanged` when a non-void
    CARD_EXCHANGE event dated by `on` gave them their current card.

    One row per span, so the figures count rows without DISTINCT and one query scans the
    members once.
    """
    exchanged = MembershipEvent.objects.filter(
        person_id=OuterRef("person_id"),
        kind=EventKind.CARD_EXCHANGE,
        is_void=False,
        effective_on__lte=on,
        card_number=OuterRef("card_number"),
    )
    return members_at(on=on, root=root, user=user).annotate(
        exchange=FilteredRelation(
            "person__card_exchanges", condition=Q(person__card_exchanges__series=series)
        ),
        exchanged=Exists(exchanged),
    )


def _figure_q(series: str, on: dt.date) -> dict[str, Q]:
    done = Q(card_series=series, exchanged=True)
    eligible = (Q(status=Status.FULL) & ~Q(card_number="") & ~Q(card_series=series)) | done
    figures = {"eligible": eligible, "done": done}
    figures.update({step: eligible & Q(**{f"exchange__{step}_on__lte": on}) for step in STEP_NAMES})
    declared = Q(exchange__declared_on__lte=on)
    figures["not_declared"] = eligible & ~done & ~declared
    return figures


def _facts(series: str, on: dt.date) -> dict[str, ExpressionWrapper]:
    """The facts the figures are made of (`_figure_q` combined in Python), one boolean
    column each: a full member holding a card, holding a card of an earlier series, having
    received the new card (done), and each step reached by `on`."""
    facts = {
        "carded_full": Q(status=Status.FULL) & ~Q(card_number=""),
        "earlier_series": ~Q(card_series=series),
        "done": Q(card_series=series, exchanged=True),
        **{step: Q(**{f"exchange__{step}_on__lte": on}) for step in STEP_NAMES},
    }
    return {
        f"fact_{name}": ExpressionWrapper(q, output_field=BooleanField())
        for name, q in facts.items()
    }


def _counted(
    spans: QuerySet, series: str, on: dt.date, *group: str
) -> list[tuple[tuple, Progress]]:
    """The figures of `spans` per value of `group`: the members are grouped by their facts
    in the database (each fact computed once per row), then the figures are added up from
    the groups as `_figure_q` defines them."""
    facts = _facts(series, on)
    rows = spans.annotate(**facts).order_by().values(*group, *facts).annotate(n=Count("id"))
    found: dict[tuple, Progress] = {}
    for row in rows:
        progress = found.setdefault(tuple(row[g] for g in group), Progress())
        done = bool(row["fact_done"])
        if not (done or (row["fact_carded_full"] and row["fact_earlier_series"])):
            continue
        n = row["n"]
        progress.eligible += n
        progress.done += n if done else 0
        for step in STEP_NAMES:
            progress.steps[step] += n if row[f"fact_{step}"] else 0
        progress.not_declared += n if not done and not row["fact_declared"] else 0
    return list(found.items())


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
    counted = _counted(_flagged(on=on, root=root, user=user, series=series), series, on)
    progress = CardExchangeProgress(**vars(counted[0][1] if counted else Progress()))
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

    Four queries: the figures grouped by organization, which child holds each organization
    (`child_of`, two), and the children's names. Members placed
    in `root` itself form a row of their own (`direct`) when there are any.
    """
    series = campaign_series(on)
    grouped = _counted(
        _flagged(on=on, root=root, user=user, series=series), series, on, "organization_id"
    )
    child = child_of(root.pk, on, via_heir=True)
    by_child: dict[int | None, Progress] = {}
    for (organization_id,), progress in grouped:  # a span has one organization
        by_child.setdefault(child.get(organization_id), Progress()).add(progress)
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
