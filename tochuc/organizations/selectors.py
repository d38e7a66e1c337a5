"""Reads of the organization tree, all as of a date and set-based."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from tochuc.core.dating import valid_at_q
from tochuc.core.text import fold
from tochuc.organizations.models import (
    LineageEvent,
    LineageLink,
    Organization,
    OrganizationClosure,
    OrganizationPeriod,
)


def subtree_ids(*, root: Organization | int, on: dt.date) -> QuerySet:
    """Ids of `root` and everything under it on `on` (a subquery for `__in`)."""
    return OrganizationClosure.objects.filter(valid_at_q(on), ancestor=root).values("descendant_id")


def is_descendant(candidate: Organization, *, of: Organization, on: dt.date) -> bool:
    return OrganizationClosure.objects.filter(
        valid_at_q(on), ancestor=of, descendant=candidate
    ).exists()


def periods_at(*, on: dt.date, user=None) -> QuerySet:
    """Periods in force on `on` (restricted to the user's scope when given), with counts."""
    periods = OrganizationPeriod.objects.valid_at(on)
    if user is not None:
        periods = periods.restrict(user)
    children = (
        OrganizationPeriod.objects.filter(valid_at_q(on), parent=OuterRef("organization"))
        .order_by()
        .values("parent")
        .annotate(n=Count("id"))
        .values("n")
    )
    return periods.select_related("organization__administrative_unit", "parent").annotate(
        child_count=Subquery(children)
    )


def tree_roots(*, user, on: dt.date) -> QuerySet:
    """The top of what the user may see on `on`: in-scope periods whose parent is not."""
    visible = periods_at(on=on, user=user)
    if user.is_superuser:
        return visible.filter(parent__isnull=True).order_by("name")
    in_scope = OrganizationPeriod.objects.valid_at(on).restrict(user).values("organization_id")
    return visible.exclude(parent_id__in=in_scope).order_by("name")


def children_of(*, organization: Organization, on: dt.date, user) -> QuerySet:
    return periods_at(on=on, user=user).filter(parent=organization).order_by("kind", "name")


def ancestors_of(*, organization: Organization, on: dt.date) -> list[OrganizationPeriod]:
    """The chain from the root down to `organization`'s parent on `on` (breadcrumbs)."""
    ids = OrganizationClosure.objects.filter(
        valid_at_q(on), descendant=organization, depth__gt=0
    ).values("ancestor_id")
    periods = OrganizationPeriod.objects.valid_at(on).filter(organization_id__in=ids)
    depth = Subquery(
        OrganizationClosure.objects.filter(
            valid_at_q(on), descendant=organization, ancestor=OuterRef("organization")
        ).values("depth")[:1]
    )
    return list(periods.annotate(depth=depth).order_by("-depth"))


def _last_name(side: str) -> Subquery:
    """The name an organization had in its last period (names of lineage partners)."""
    return Subquery(
        OrganizationPeriod.objects.filter(organization=OuterRef(side))
        .order_by("-valid_from")
        .values("name")[:1]
    )


def lineage_of(organization: Organization) -> dict:
    """Predecessor and successor links of an organization, and the events behind them."""
    links = (
        LineageLink.objects.select_related("event__decision", "predecessor", "successor")
        .annotate(
            predecessor_name=_last_name("predecessor"), successor_name=_last_name("successor")
        )
        .order_by("event__effective_on", "id")
    )
    involved = links.filter(Q(successor=organization) | Q(predecessor=organization))
    return {
        "predecessors": links.filter(successor=organization)
        .exclude(predecessor__isnull=True)
        .exclude(predecessor=organization),
        "successors": links.filter(predecessor=organization)
        .exclude(successor__isnull=True)
        .exclude(successor=organization),
        "events": LineageEvent.objects.filter(id__in=involved.values("event_id"))
        .select_related("decision")
        .order_by("effective_on", "id"),
    }


def search_periods(*, user, on: dt.date, text: str, limit: int = 50) -> QuerySet:
    """Organizations in scope on `on` whose name or code contains `text`, accents ignored."""
    words = fold(text).split()
    if not words:
        return OrganizationPeriod.objects.none()
    periods = periods_at(on=on, user=user)
    for word in words:
        periods = periods.filter(
            Q(name_folded__contains=f" {word}") | Q(organization__code__iexact=word)
        )
    return periods.order_by("name")[:limit]


def organization_for_code(code: str) -> Organization | None:
    return Organization.objects.filter(code=code).first()


def child_holding(root_id: int, on: dt.date, field: str, *, via_heir: bool = False) -> Subquery:
    """For per-child figures: the organization directly under `root_id` on `on` whose subtree
    holds the row's organization (`field`), or with `via_heir` that organization's heir on
    `on` (members and ratings of merged units count for their successor); NULL when it is the
    root itself. Annotate a queryset with it and group by it: one query for every child."""
    children = OrganizationClosure.objects.filter(
        valid_at_q(on), ancestor_id=root_id, depth=1
    ).values("descendant_id")
    if via_heir:
        from tochuc.organizations.models import OrganizationSuccession

        heir = OrganizationSuccession.objects.filter(
            valid_at_q(on), organization_id=OuterRef(OuterRef(field))
        ).values("heir_id")
        where = {"descendant_id__in": heir}
    else:
        where = {"descendant_id": OuterRef(field)}
    return Subquery(
        OrganizationClosure.objects.filter(
            valid_at_q(on), ancestor_id__in=children, **where
        ).values("ancestor_id")[:1]
    )


def child_of(root_id: int, on: dt.date, *, via_heir: bool = False) -> dict[int, int]:
    """For per-child figures grouped by organization first: organization id → the
    organization directly under `root_id` on `on` whose subtree holds it (with `via_heir`,
    every organization whose heir on `on` lies there, merged ones included). The root's own
    organization and those outside are absent. Two queries, whatever the subtree's size:
    group the rows by organization in the database, then add the groups up per child."""
    children = OrganizationClosure.objects.filter(
        valid_at_q(on), ancestor_id=root_id, depth=1
    ).values("descendant_id")
    under = dict(
        OrganizationClosure.objects.filter(valid_at_q(on), ancestor_id__in=children).values_list(
            "descendant_id", "ancestor_id"
        )
    )
    if not via_heir:
        return under
    from tochuc.organizations.models import OrganizationSuccession

    heirs = OrganizationSuccession.objects.filter(
        valid_at_q(on), heir_id__in=subtree_ids(root=root_id, on=on)
    ).values_list("organization_id", "heir_id")
    return {organization: under[heir] for organization, heir in heirs if heir in under}
