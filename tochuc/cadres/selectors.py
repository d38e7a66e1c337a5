"""Seats, vacancies and mobility of a subtree, as of a date, set-based.

Report lines served:
- "bố trí 3.114/3.129 chức danh ủy viên BCH Đảng bộ cấp xã; 1.043/1.043 ủy viên BTV"
  → `seat_fill` (holdings / quota; `people` counts distinct persons).
- "tổng số thiếu khuyết 510; 331 tự đảm bảo; 179 cần TP tăng cường, biệt phái, điều động"
  → `vacancy_register` (Σ max(quota − holders, 0) over posts, split by the latest plan).
- "tăng cường từ các sở, ban, ngành về cấp xã 804 trường hợp (lũy kế đến 2-12-2025)",
  "các xã, phường điều động, kiện toàn 18 trường hợp" → `moves`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest

from tochuc.cadres.models import Assignment, Move, Post, PostQuota, SourcingPlan
from tochuc.core.dating import valid_at_q
from tochuc.members.selectors import placed_in
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import OrganizationClosure, OrganizationPeriod
from tochuc.organizations.selectors import child_holding, subtree_ids


def with_seats(posts: QuerySet[Post], on: dt.date) -> QuerySet[Post]:
    """Posts annotated with their figures on `on`: quota, holders, vacant (never below 0),
    the latest sourcing plan dated on or before `on`, and the organization's name then."""
    quota = (
        PostQuota.objects.filter(valid_at_q(on), post=OuterRef("pk"))
        .order_by()
        .values("post")
        .annotate(n=Sum("seats"))
        .values("n")
    )
    holders = (
        Assignment.objects.filter(valid_at_q(on), post=OuterRef("pk"))
        .order_by()
        .values("post")
        .annotate(n=Count("id"))
        .values("n")
    )
    plan = (
        SourcingPlan.objects.filter(post=OuterRef("pk"), planned_on__lte=on)
        .order_by("-planned_on", "-id")
        .values("source")[:1]
    )
    name = OrganizationPeriod.objects.filter(
        valid_at_q(on), organization=OuterRef("organization")
    ).values("name")[:1]
    zero = Value(0, output_field=IntegerField())
    return posts.annotate(
        quota=Coalesce(Subquery(quota, output_field=IntegerField()), zero),
        holders=Coalesce(Subquery(holders, output_field=IntegerField()), zero),
        plan=Subquery(plan),
        organization_name=Subquery(name),
    ).annotate(vacant=Greatest(F("quota") - F("holders"), zero))


def organizations_of_kind(*, root, on: dt.date, kind: str) -> QuerySet:
    """Ids of the organizations of `kind` on `on` in `root`'s subtree (a subquery)."""
    return OrganizationPeriod.objects.filter(
        valid_at_q(on), kind=kind, organization_id__in=subtree_ids(root=root, on=on)
    ).values("organization_id")


def posts_in(
    *, root, on: dt.date, body: str | None = None, kind: str | None = None, **filters
) -> QuerySet[Post]:
    """Posts of the organizations in `root`'s subtree on `on` (only those of organization
    `kind` then, when given), with their figures then."""
    if kind:
        organizations = organizations_of_kind(root=root, on=on, kind=kind)
    else:
        organizations = subtree_ids(root=root, on=on)
    posts = Post.objects.filter(organization_id__in=organizations, **filters)
    if body:
        posts = posts.filter(body=body)
    return with_seats(posts, on)


@dataclass(frozen=True)
class SeatFill:
    holdings: int
    people: int
    quota: int


def seat_fill(*, root, on: dt.date, body: str, kind: str | None = None) -> SeatFill:
    """Seats of `body` filled on `on` in the subtree (only in organizations of `kind` then,
    when given): holdings, distinct people, quota."""
    organizations = (
        organizations_of_kind(root=root, on=on, kind=kind)
        if kind
        else subtree_ids(root=root, on=on)
    )
    where = {"post__organization_id__in": organizations, "post__body": body}
    quota = PostQuota.objects.filter(valid_at_q(on), **where).aggregate(
        n=Coalesce(Sum("seats"), 0)
    )["n"]
    held = Assignment.objects.filter(valid_at_q(on), **where).aggregate(
        holdings=Count("id"), people=Count("person", distinct=True)
    )
    return SeatFill(holdings=held["holdings"], people=held["people"], quota=quota)


@dataclass(frozen=True)
class VacancyRegister:
    total: int
    self_sourced: int
    needs_support: int
    unplanned: int
    posts: QuerySet

    @property
    def reconciles(self) -> bool:
        return self.total == self.self_sourced + self.needs_support + self.unplanned


PLAN_FILTERS = {
    "self": Q(plan=SourcingPlan.Source.SELF),
    "support": Q(plan__isnull=False) & ~Q(plan=SourcingPlan.Source.SELF),
    "none": Q(plan__isnull=True),
}
"""Sourcing-plan filters of the vacancy register: self-sourced, needs support, no plan."""


def vacancy_register(
    *,
    root,
    on: dt.date,
    field: str | None = None,
    plan: str | None = None,
    per_central_guidance: bool | None = None,
) -> VacancyRegister:
    """«tổng số thiếu khuyết theo hướng dẫn của trung ương 510; 331 tự đảm bảo; 179 cần TP
    tăng cường, biệt phái, điều động»: Σ max(quota − holders, 0) over the subtree's posts on
    `on`, split by the latest sourcing plan dated on or before `on` (self-sourced, needs
    support, no plan), optionally narrowed by the post's field, the plan ("self",
    "support", "none") and the central-guidance flag; the narrowed totals still reconcile.
    Counts seats (a post with 2 vacant seats counts 2); `posts` is the drill-down."""
    filters: dict = {}
    if field:
        filters["field"] = field
    if per_central_guidance is not None:
        filters["per_central_guidance"] = per_central_guidance
    posts = posts_in(root=root, on=on, **filters).filter(vacant__gt=0)
    if plan:
        posts = posts.filter(PLAN_FILTERS[plan])
    sums = posts.aggregate(
        total=Coalesce(Sum("vacant"), 0),
        self_sourced=Coalesce(Sum("vacant", filter=PLAN_FILTERS["self"]), 0),
        needs_support=Coalesce(Sum("vacant", filter=PLAN_FILTERS["support"]), 0),
        unplanned=Coalesce(Sum("vacant", filter=PLAN_FILTERS["none"]), 0),
    )
    rows = posts.order_by("organization_name", "body", "title", "id")
    return VacancyRegister(posts=rows, **sums)


def _at_commune_level(field: str, date_field: str) -> Exists:
    """Whether the organization in `field` lies, on the date in `date_field`, under a
    commune committee (or is one): the commune level of the two-level government."""
    return Exists(
        OrganizationClosure.objects.filter(
            descendant=OuterRef(field),
            valid_from__lte=OuterRef(date_field),
            valid_to__gte=OuterRef(date_field),
            ancestor__periods__kind=Kind.COMMUNE_COMMITTEE,
            ancestor__periods__valid_from__lte=OuterRef(date_field),
            ancestor__periods__valid_to__gte=OuterRef(date_field),
        )
    )


def moves(
    *,
    root,
    kind: str | None,
    since: dt.date,
    on: dt.date,
    origin_level: str | None = None,
    destination_level: str | None = None,
    decided_at_commune_level: bool | None = None,
) -> QuerySet[Move]:
    """Moves of `kind` (None: every kind) starting in [since, on] whose destination (carried
    to its heir on `on`) lies in `root`'s subtree, cumulative ("lũy kế"). Levels are
    "province" or "commune", taken on each move's start date; `decided_at_commune_level`
    filters on the deciding unit."""
    found = Move.objects.filter(
        starts_on__range=(since, on),
        destination_id__in=placed_in(heirs=subtree_ids(root=root, on=on), on=on),
    ).annotate(
        origin_commune=_at_commune_level("origin", "starts_on"),
        destination_commune=_at_commune_level("destination", "starts_on"),
        decider_commune=_at_commune_level("decided_by", "starts_on"),
    )
    if kind:
        found = found.filter(kind=kind)
    for level, flag in (
        (origin_level, "origin_commune"),
        (destination_level, "destination_commune"),
    ):
        if level:
            found = found.filter(**{flag: level == "commune"})
    if decided_at_commune_level is not None:
        found = found.filter(decider_commune=decided_at_commune_level)
    return found


def _name_at(field: str, date_field: str) -> Subquery:
    """The name of the organization in `field` on the date in `date_field`."""
    return Subquery(
        OrganizationPeriod.objects.filter(
            organization=OuterRef(field),
            valid_from__lte=OuterRef(date_field),
            valid_to__gte=OuterRef(date_field),
        ).values("name")[:1]
    )


def move_rows(found: QuerySet[Move]) -> QuerySet[Move]:
    """Moves with the person and the unit names on each move's start date, for lists."""
    return (
        found.select_related("person", "decision")
        .annotate(
            origin_name=_name_at("origin", "starts_on"),
            destination_name=_name_at("destination", "starts_on"),
            decider_name=_name_at("decided_by", "starts_on"),
        )
        .order_by("-starts_on", "-id")
    )


def board(*, organization, body: str, on: dt.date) -> list[dict]:
    """Seat board of one body of an organization on `on`: every seat of every post, each
    with its holder or None (vacant). Holders beyond the quota are still listed."""
    posts = list(
        posts_in(root=organization, on=on, body=body)
        .filter(organization=organization)
        .order_by("id")
    )
    holders = (
        Assignment.objects.filter(valid_at_q(on), post__in=[p.pk for p in posts])
        .select_related("person", "decision")
        .order_by("valid_from", "id")
    )
    by_post: dict[int, list[Assignment]] = {}
    for held in holders:
        by_post.setdefault(held.post_id, []).append(held)
    rows = []
    for post in posts:
        held = by_post.get(post.pk, [])
        seats = held + [None] * max(post.quota - len(held), 0)
        rows.append({"post": post, "seats": seats})
    return rows


def career(person) -> list[dict]:
    """A person's assignments and moves, oldest first, with unit names as they were then."""
    assignments = (
        Assignment.objects.filter(person=person)
        .select_related("post", "decision")
        .annotate(organization_name=_name_at("post__organization", "valid_from"))
    )
    entries = [{"kind": "assignment", "starts_on": a.valid_from, "record": a} for a in assignments]
    entries += [
        {"kind": "move", "starts_on": m.starts_on, "record": m}
        for m in move_rows(Move.objects.filter(person=person))
    ]
    return sorted(entries, key=lambda e: (e["starts_on"], e["kind"]))


def cadres_in_scope_q(user, action: str, on: dt.date) -> Q:
    """Persons holding a seat, on a move, or planned in the user's scope on `on`."""
    from tochuc.planning.models import PlanEntry

    held = Assignment.objects.restrict(user, action).filter(valid_at_q(on)).values("person_id")
    moved = (
        Move.objects.restrict(user, action)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on), starts_on__lte=on)
        .values("person_id")
    )
    planned = (
        PlanEntry.objects.restrict(user, action)
        .filter(Q(removed_on__isnull=True) | Q(removed_on__gt=on), added_on__lte=on)
        .values("person_id")
    )
    return Q(id__in=held) | Q(id__in=moved) | Q(id__in=planned)


# Pages of the cadres app: the overview by child organization and the filtered register.


@dataclass(frozen=True)
class ChildFill:
    """Seats of one organization directly under the root (or the root's own posts, `direct`)
    by body, with the vacancies of its subtree."""

    organization_id: int
    name: str
    fills: dict[str, SeatFill]
    vacant: int
    direct: bool = False


def seat_fill_by_child(*, root, on: dt.date) -> tuple[list[ChildFill], dict[str, SeatFill]]:
    """«bố trí 3.114/3.129 chức danh ủy viên BCH Đảng bộ cấp xã; 1.043/1.043 ủy viên BTV»
    broken down by the organizations directly under `root` on `on`, and the subtree's total.

    Each row counts the posts of that child's whole subtree: holdings, distinct people and
    quota per body (as `seat_fill`), and vacancies (as `vacancy_register`). The root's own
    posts form a `direct` row when there are any. Five queries whatever the number of
    children: children, quotas, holdings by child, holdings in total, vacancies.
    """
    root_id = getattr(root, "pk", root)
    in_subtree = subtree_ids(root=root_id, on=on)
    quotas = (
        PostQuota.objects.filter(valid_at_q(on), post__organization_id__in=in_subtree)
        .annotate(child=child_holding(root_id, on, "post__organization_id"))
        .order_by()
        .values("child", "post__body")
        .annotate(n=Sum("seats"))
    )
    held = Assignment.objects.filter(valid_at_q(on), post__organization_id__in=in_subtree)
    by_child = (
        held.annotate(child=child_holding(root_id, on, "post__organization_id"))
        .order_by()
        .values("child", "post__body")
        .annotate(holdings=Count("id"), people=Count("person", distinct=True))
    )
    in_total = (
        held.order_by()
        .values("post__body")
        .annotate(holdings=Count("id"), people=Count("person", distinct=True))
    )
    vacancies = (
        posts_in(root=root_id, on=on)
        .annotate(child=child_holding(root_id, on, "organization_id"))
        .order_by()
        .values("child")
        .annotate(n=Sum("vacant"))
    )
    seats: dict[tuple, dict] = {}
    for row in quotas:
        seats.setdefault((row["child"], row["post__body"]), {})["quota"] = row["n"]
    for row in by_child:
        key = (row["child"], row["post__body"])
        seats.setdefault(key, {}).update(holdings=row["holdings"], people=row["people"])
    vacant = {row["child"]: row["n"] or 0 for row in vacancies}

    def fills(child) -> dict[str, SeatFill]:
        return {
            body: SeatFill(
                holdings=figures.get("holdings", 0),
                people=figures.get("people", 0),
                quota=figures.get("quota", 0),
            )
            for (owner, body), figures in seats.items()
            if owner == child
        }

    children = OrganizationPeriod.objects.valid_at(on).filter(parent_id=root_id).order_by("name")
    rows = [
        ChildFill(
            p.organization_id, p.name, fills(p.organization_id), vacant.get(p.organization_id, 0)
        )
        for p in children
    ]
    own = fills(None)
    if own or vacant.get(None):
        rows.insert(0, ChildFill(root_id, "", own, vacant.get(None, 0), direct=True))
    quota_total: dict[str, int] = {}
    for (_, body), figures in seats.items():
        quota_total[body] = quota_total.get(body, 0) + figures.get("quota", 0)
    held_total = {row["post__body"]: row for row in in_total}
    total = {
        body: SeatFill(
            holdings=held_total.get(body, {}).get("holdings", 0),
            people=held_total.get(body, {}).get("people", 0),
            quota=quota_total.get(body, 0),
        )
        for body in set(quota_total) | set(held_total)
    }
    return rows, total
