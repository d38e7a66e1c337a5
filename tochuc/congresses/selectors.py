"""Reads of đại hội, set-based: congresses of a subtree in a period, their delegates, the
committee's seats and vacancies read from the cadres posts, members with the age rule, and
resolution targets with their progress.

Report line served: «Đại hội: 150 đại biểu, hơn 2.400 đảng viên, 13 tổ chức cơ sở đảng
(5 đảng bộ bộ phận, 103 chi bộ); BCH 29 (khuyết 4), BTV 10 (khuyết 1)»
- delegates: `delegates_summoned` as entered (records: one congress), the list by kind
  (people);
- members: `members_represented` (people: members counted in the organization's subtree on
  the opening day, or the entered figure);
- organizations: `organization_counts` (records: organizations in the subtree then);
- «BCH 29 (khuyết 4)»: `seat_figures` / `committee_at` (seats: quota of the congress's posts
  and their holders on the closing day, from cadres; vacant = Σ max(quota − holders, 0)).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from tochuc.cadres.models import Assignment, PostQuota
from tochuc.cadres.selectors import posts_in
from tochuc.congresses.eligibility import AgeCheck, age_check, re_elected_exists
from tochuc.congresses.models import (
    BODY_SHORT,
    COMMITTEE_BODIES,
    OFFICERS,
    STANDING_ROLES,
    CommitteeMember,
    Congress,
    CongressKind,
    CongressSeat,
    Delegate,
    DelegateKind,
    ResolutionTarget,
    Role,
    TargetDirection,
    TargetProgress,
)
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_int
from tochuc.members.models import MembershipSpan
from tochuc.members.selectors import member_counts, placed_in
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import (
    OrganizationClosure,
    OrganizationPeriod,
    OrganizationSuccession,
)
from tochuc.organizations.selectors import subtree_ids

ZERO = Value(0, output_field=IntegerField())


def congresses_in(
    *,
    root,
    on: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
    term: str = "",
    kind: str = "",
) -> QuerySet[Congress]:
    """Congresses (records) of the organizations in `root`'s subtree on `on`, a merged or
    split organization's counting where its members went («restated»), opened in
    [start, end] and of `term` and `kind` when given."""
    found = Congress.objects.filter(
        organization_id__in=placed_in(heirs=subtree_ids(root=root, on=on), on=on)
    )
    if start:
        found = found.filter(opened_on__gte=start)
    if end:
        found = found.filter(opened_on__lte=end)
    if term:
        found = found.filter(term=term)
    if kind:
        found = found.filter(kind=kind)
    return found


def _counted_members() -> Subquery:
    """Members counted in the congress organization's subtree on its opening day (people):
    `members.selectors.member_counts` as one correlated subquery per row."""
    on = OuterRef(OuterRef(OuterRef("opened_on")))
    in_subtree = OrganizationClosure.objects.filter(
        descendant=OuterRef("heir"),
        ancestor=OuterRef(OuterRef(OuterRef("organization"))),
        valid_from__lte=on,
        valid_to__gte=on,
    )
    placed = OrganizationSuccession.objects.filter(
        Exists(in_subtree),
        organization=OuterRef("organization"),
        valid_from__lte=OuterRef(OuterRef("opened_on")),
        valid_to__gte=OuterRef(OuterRef("opened_on")),
    )
    spans = MembershipSpan.objects.filter(
        Exists(placed),
        valid_from__lte=OuterRef("opened_on"),
        valid_to__gte=OuterRef("opened_on"),
    )
    return Subquery(
        spans.annotate(n=Func(F("id"), function="COUNT")).values("n")[:1],
        output_field=IntegerField(),
    )


def congress_rows(congresses: QuerySet[Congress]) -> QuerySet[Congress]:
    """Congresses with the organization's name and kind when they opened, the delegates
    listed (people) and the members represented (entered, else counted; people)."""
    period = OrganizationPeriod.objects.filter(
        organization=OuterRef("organization"),
        valid_from__lte=OuterRef("opened_on"),
        valid_to__gte=OuterRef("opened_on"),
    )
    listed = (
        Delegate.objects.filter(congress=OuterRef("pk"))
        .order_by()
        .values("congress")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        congresses.select_related("organization", "vote_record")
        .annotate(
            organization_name=Subquery(period.values("name")[:1]),
            organization_kind=Subquery(period.values("kind")[:1]),
            delegates_listed=Coalesce(Subquery(listed, output_field=IntegerField()), ZERO),
            members_counted=Coalesce(_counted_members(), ZERO),
        )
        .annotate(members=Coalesce("members_represented", "members_counted"))
    )


@dataclass(frozen=True)
class SeatFigure:
    """Seats of one body: approved (quota), elected (holders) and vacant on a date."""

    approved: int = 0
    elected: int = 0
    vacant: int = 0

    def __add__(self, other: SeatFigure) -> SeatFigure:
        return SeatFigure(
            self.approved + other.approved,
            self.elected + other.elected,
            self.vacant + other.vacant,
        )

    @property
    def text(self) -> str:
        """«29 (khuyết 4)»."""
        return f"{vn_int(self.approved)} (khuyết {vn_int(self.vacant)})"


def seat_rows(congresses: QuerySet[Congress]) -> QuerySet[CongressSeat]:
    """The congresses' posts with their quota, holders and vacant seats on each congress's
    closing day (the definitions of `cadres.selectors.posts_in`, correlated per congress)."""
    closing = OuterRef("congress__closed_on")
    quota = (
        PostQuota.objects.filter(post=OuterRef("post"), valid_from__lte=closing)
        .filter(valid_to__gte=closing)
        .order_by()
        .values("post")
        .annotate(n=Sum("seats"))
        .values("n")
    )
    holders = (
        Assignment.objects.filter(post=OuterRef("post"), valid_from__lte=closing)
        .filter(valid_to__gte=closing)
        .order_by()
        .values("post")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        CongressSeat.objects.filter(congress__in=congresses)
        .annotate(
            quota=Coalesce(Subquery(quota, output_field=IntegerField()), ZERO),
            holders=Coalesce(Subquery(holders, output_field=IntegerField()), ZERO),
            body=Case(
                When(
                    Q(role__in=STANDING_ROLES, congress__standing_size=0),
                    then=Value(OFFICERS),
                ),
                default=F("post__body"),
                output_field=CharField(),
            ),
        )
        .annotate(vacant=Greatest(F("quota") - F("holders"), ZERO))
    )


def seat_figures(congresses: QuerySet[Congress]) -> dict[int, dict[str, SeatFigure]]:
    """Per congress and body: approved, elected and vacant seats on its closing day (one
    query whatever the number of congresses)."""
    figures: dict[int, dict[str, SeatFigure]] = {}
    for row in seat_rows(congresses).values("congress_id", "body", "quota", "holders", "vacant"):
        bodies = figures.setdefault(row["congress_id"], {})
        seat = SeatFigure(row["quota"], row["holders"], row["vacant"])
        bodies[row["body"]] = bodies.get(row["body"], SeatFigure()) + seat
    return figures


@dataclass
class CongressTotals:
    """Figures of the congresses of a subtree in a period, each with its drill-down list."""

    count: int = 0
    regular: int = 0
    extraordinary: int = 0
    delegates_summoned: int = 0
    delegates_present: int = 0
    delegates_listed: int = 0
    seats: dict[str, SeatFigure] = field(default_factory=dict)


def congress_totals(congresses: QuerySet[Congress]) -> CongressTotals:
    """Congresses (records) by kind, delegates summoned and present (as entered) and listed
    (people), and seats per body summed over the congresses. Three queries."""
    sums = congresses.aggregate(
        count=Count("id"),
        regular=Count("id", filter=Q(kind=CongressKind.REGULAR)),
        extraordinary=Count("id", filter=Q(kind=CongressKind.EXTRAORDINARY)),
        delegates_summoned=Coalesce(Sum("delegates_summoned"), 0),
        delegates_present=Coalesce(Sum("delegates_present"), 0),
    )
    listed = Delegate.objects.filter(congress__in=congresses).count()
    seats: dict[str, SeatFigure] = {}
    for bodies in seat_figures(congresses).values():
        for body, seat in bodies.items():
            seats[body] = seats.get(body, SeatFigure()) + seat
    return CongressTotals(delegates_listed=listed, seats=seats, **sums)


def members_represented(congress: Congress) -> int:
    """Đảng viên the congress represents (people): the entered figure, else the members
    counted in the organization's subtree on the opening day."""
    if congress.members_represented is not None:
        return congress.members_represented
    return member_counts(on=congress.opened_on, root=congress.organization_id)["total"]


@dataclass(frozen=True)
class OrganizationCounts:
    """Organizations of a subtree on a date (records): grassroots organizations (đảng bộ cơ
    sở, chi bộ cơ sở), sub-committees (đảng bộ bộ phận) and cells (every chi bộ)."""

    grassroots: int
    grassroots_committees: int
    sub_committees: int
    cells: int


def organization_counts(*, root, on: dt.date) -> OrganizationCounts:
    """«13 tổ chức cơ sở đảng (5 đảng bộ bộ phận, 103 chi bộ)» under `root` on `on` (the
    root itself is not counted)."""
    kinds = dict(
        OrganizationPeriod.objects.filter(
            valid_at_q(on), organization_id__in=subtree_ids(root=root, on=on)
        )
        .exclude(organization_id=getattr(root, "pk", root))
        .order_by()
        .values("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    return OrganizationCounts(
        grassroots=kinds.get(Kind.GRASSROOTS_COMMITTEE, 0) + kinds.get(Kind.GRASSROOTS_CELL, 0),
        grassroots_committees=kinds.get(Kind.GRASSROOTS_COMMITTEE, 0),
        sub_committees=kinds.get(Kind.SUB_COMMITTEE, 0),
        cells=kinds.get(Kind.GRASSROOTS_CELL, 0) + kinds.get(Kind.CELL, 0),
    )


def report_sentence(
    *, delegates: int, members: int, organizations: OrganizationCounts, seats: dict
) -> str:
    """«Đại hội: 150 đại biểu, 2.400 đảng viên, 13 tổ chức cơ sở đảng (5 đảng bộ bộ phận,
    103 chi bộ); BCH 29 (khuyết 4), BTV 10 (khuyết 1)»."""
    text = (
        f"Đại hội: {vn_int(delegates)} đại biểu, {vn_int(members)} đảng viên, "
        f"{vn_int(organizations.grassroots)} tổ chức cơ sở đảng "
        f"({vn_int(organizations.sub_committees)} đảng bộ bộ phận, "
        f"{vn_int(organizations.cells)} chi bộ)"
    )
    parts = [
        f"{BODY_SHORT[body]} {seats[body].text}"
        for body in COMMITTEE_BODIES[:2]
        if body in seats and seats[body].approved
    ]
    return f"{text}; {', '.join(parts)}" if parts else text


@dataclass
class BodySeats:
    """One body of a congress's committee on a date: its figure and its posts (from
    `cadres.selectors.posts_in`, each with quota, holders, vacant, and the role it carries)."""

    body: str
    label: str
    figure: SeatFigure
    posts: list


def committee_at(congress: Congress, on: dt.date) -> list[BodySeats]:
    """The committee's seats on `on`, per body, read from the cadres posts (empty when the
    organization does not exist on `on`)."""
    roles = dict(congress.seats.values_list("post_id", "role"))
    posts = list(posts_in(root=congress.organization_id, on=on).filter(pk__in=list(roles)))
    for post in posts:
        post.role = roles[post.pk]
        post.role_label = Role(post.role).label
        if post.role in STANDING_ROLES and congress.standing_size == 0:
            post.body = OFFICERS
    found = []
    for body in COMMITTEE_BODIES:
        mine = [p for p in posts if p.body == body]
        mine.sort(key=lambda p: list(Role.values).index(p.role))
        if not mine:
            continue
        figure = SeatFigure(
            sum(p.quota for p in mine), sum(p.holders for p in mine), sum(p.vacant for p in mine)
        )
        found.append(BodySeats(body, BODY_SHORT[body], figure, mine))
    return found


@dataclass(frozen=True)
class MemberRow:
    member: CommitteeMember
    check: AgeCheck | None
    holds_on: bool


def committee_members(congress: Congress, *, on: dt.date, kind: str | None = None) -> list:
    """People recorded by the congress, by role, each with whether they still hold the seat
    on `on` and, for executive-committee members, the age rule (re-elected or first time)."""
    members = (
        CommitteeMember.objects.filter(congress=congress)
        .select_related("person", "assignment")
        .annotate(re_elected=re_elected_exists())
        .order_by("person__name_folded", "id")
    )
    rows = []
    for member in members:
        check = None
        if member.role == Role.EXECUTIVE_MEMBER:
            check = age_check(
                person=member.person, congress=congress, re_elected=member.re_elected, kind=kind
            )
        rows.append(MemberRow(member, check, member.assignment.is_valid_at(on)))
    order = list(Role.values)
    return sorted(rows, key=lambda r: order.index(r.member.role))


def delegates_by_kind(congress: Congress) -> dict[str, int]:
    """Delegates listed (people), by kind, and in total."""
    counts = dict(
        congress.delegates.order_by()
        .values("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    shown = {kind: counts.get(kind, 0) for kind in DelegateKind.values}
    shown["total"] = sum(counts.values())
    return shown


def percent_of(value: Decimal | None, whole: Decimal) -> str:
    """value ÷ whole as «94,28%» (two decimals, half up), «—» without a value or a whole."""
    if value is None or not whole:
        return "—"
    ratio = (Decimal(value) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return vn_decimal(ratio, places=2) + "%"


def vn_decimal(value: Decimal | None, places: int | None = None) -> str:
    """Decimal the Vietnamese way: 1234.5 → «1.234,5»; `places` fixes the decimals shown."""
    if value is None:
        return ""
    value = Decimal(value)
    text = format(value.normalize(), "f") if places is None else f"{value:.{places}f}"
    whole, _, decimals = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = vn_int(int(whole.lstrip("-") or 0))
    return f"{sign}{whole},{decimals}" if decimals else f"{sign}{whole}"


def targets_at(congress_ids, on: dt.date) -> QuerySet[ResolutionTarget]:
    """Targets of these congresses with the latest progress on or before `on` (value, day)
    and the number of entries then."""
    latest = TargetProgress.objects.filter(target=OuterRef("pk"), on__lte=on).order_by("-on", "-id")
    return (
        ResolutionTarget.objects.filter(congress_id__in=congress_ids)
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_on=Subquery(latest.values("on")[:1]),
        )
        .order_by("congress_id", "id")
    )


def target_progress(target: ResolutionTarget) -> dict:
    """Percent of the target reached by its latest value (value ÷ target) and whether the
    requirement is met («at least» or «at most»)."""
    value = getattr(target, "latest_value", None)
    met = None
    if value is not None:
        met = (
            value >= target.target_value
            if target.direction == TargetDirection.AT_LEAST
            else value <= target.target_value
        )
    return {"percent": percent_of(value, target.target_value), "met": met}
