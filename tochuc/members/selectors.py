"""Reads of membership as of a date, set-based: spans joined to the succession and closure.

"Members counted in S at D" (DOMAIN.md): persons whose status at D is probationary or full
and whose official organization at D — carried through mergers and splits to its heir —
lies in S. A temporary transfer does not change the official organization.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from tochuc.accounts.scope import organization_ids_in_scope
from tochuc.core.dating import valid_at_q
from tochuc.members.models import MembershipEvent, MembershipSpan, Status
from tochuc.organizations.models import Organization, OrganizationPeriod, OrganizationSuccession
from tochuc.organizations.selectors import subtree_ids


def placed_in(*, heirs, on: dt.date) -> QuerySet:
    """Ids of organizations whose members belong, on `on`, to one of `heirs` (a subquery)."""
    return OrganizationSuccession.objects.filter(valid_at_q(on), heir_id__in=heirs).values(
        "organization_id"
    )


def members_at(
    *, on: dt.date, root: Organization | int | None = None, user=None
) -> QuerySet[MembershipSpan]:
    """The spans of members counted on `on`, in `root`'s subtree and the user's scope.

    One row per member (a person has at most one span on a date).
    """
    spans = MembershipSpan.objects.filter(valid_at_q(on))
    if root is not None:
        spans = spans.filter(
            organization_id__in=placed_in(heirs=subtree_ids(root=root, on=on), on=on)
        )
    if user is not None and not user.is_superuser:
        spans = spans.filter(
            organization_id__in=placed_in(heirs=organization_ids_in_scope(user), on=on)
        )
    return spans


def hosted_at(*, on: dt.date, root: Organization | int) -> QuerySet[MembershipSpan]:
    """Members temporarily hosted in `root`'s subtree on `on` (not counted there)."""
    return MembershipSpan.objects.filter(
        valid_at_q(on), host_organization_id__in=subtree_ids(root=root, on=on)
    )


def member_counts(*, on: dt.date, root: Organization | int, user=None) -> dict[str, int]:
    """Đảng viên in the subtree on `on` by status: {'probationary', 'full', 'total'}."""
    rows = members_at(on=on, root=root, user=user).values("status").annotate(n=Count("id"))
    counts = {Status.PROBATIONARY.value: 0, Status.FULL.value: 0}
    counts.update({row["status"]: row["n"] for row in rows})
    counts["total"] = sum(counts.values())
    return counts


def person_ids_in_scope(user, on: dt.date) -> QuerySet:
    """Persons the user may see on `on`: members placed, or temporarily hosted, in scope."""
    scope = organization_ids_in_scope(user)
    return (
        MembershipSpan.objects.filter(valid_at_q(on))
        .filter(
            Q(organization_id__in=placed_in(heirs=scope, on=on)) | Q(host_organization_id__in=scope)
        )
        .values("person_id")
    )


def timeline(person) -> QuerySet[MembershipEvent]:
    """Every event of a person, voided ones included, in the order they apply."""
    return (
        MembershipEvent.objects.filter(person=person)
        .select_related("organization", "decision", "recorded_by", "correction")
        .order_by("effective_on", "id")
    )


def _organization_name_at(on: dt.date, field: str):
    """The name `field`'s organization had on `on` (or last had, for a predecessor)."""
    return Subquery(
        OrganizationPeriod.objects.filter(organization=OuterRef(field), valid_from__lte=on)
        .order_by("-valid_from")
        .values("name")[:1]
    )


def _heir_name_at(on: dt.date, field: str):
    """The name on `on` of the organization that holds `field`'s members then (its heir)."""
    heir = OrganizationSuccession.objects.filter(
        valid_at_q(on), organization=OuterRef(OuterRef(field))
    ).values("heir_id")[:1]
    return Subquery(
        OrganizationPeriod.objects.filter(valid_at_q(on), organization=Subquery(heir)).values(
            "name"
        )[:1]
    )


def member_rows(spans: QuerySet[MembershipSpan], *, on: dt.date) -> QuerySet[MembershipSpan]:
    """Spans ready for a list: person joined, organization names as of `on`, sorted by name.

    `heir_name` is where the member belongs on `on` (after a merger, the successor);
    `organization_name` is where the events placed them.
    """
    return (
        spans.select_related("person", "organization", "host_organization")
        .annotate(
            organization_name=_organization_name_at(on, "organization"),
            heir_name=_heir_name_at(on, "organization"),
            host_organization_name=_organization_name_at(on, "host_organization"),
        )
        .order_by("person__name_folded", "person_id")
    )


def member_totals(spans: QuerySet[MembershipSpan]) -> dict[str, int]:
    """{'total', 'full', 'probationary'} of a (filtered) set of spans, in one query."""
    totals = spans.order_by().aggregate(
        total=Count("id"),
        full=Count("id", filter=Q(status=Status.FULL)),
        probationary=Count("id", filter=Q(status=Status.PROBATIONARY)),
    )
    return {key: value or 0 for key, value in totals.items()}


def member_span_at(person, on: dt.date) -> MembershipSpan | None:
    """What `person` was on `on` (status, organizations), or None when not a member then."""
    return (
        MembershipSpan.objects.filter(valid_at_q(on), person=person)
        .select_related("organization", "host_organization")
        .annotate(
            organization_name=_organization_name_at(on, "organization"),
            heir_name=_heir_name_at(on, "organization"),
            host_organization_name=_organization_name_at(on, "host_organization"),
        )
        .first()
    )
