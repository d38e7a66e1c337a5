"""Derives `OrganizationSuccession`: who holds an organization's members on each date.

While an organization lives it is its own heir; from the day after it ends, its default
successor (the lineage link marked `is_default`) is, for as long as that one lives, then
that one's default successor, and so on. An organization dissolved without a successor
passes its members to nobody. Lineage is read a level at a time (set-based), the chains are
followed in memory, and the rows are bulk-written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from tochuc.organizations.models import LineageLink, Organization, OrganizationSuccession


def _links():
    return LineageLink.objects.filter(predecessor__isnull=False, successor__isnull=False).exclude(
        successor_id=F("predecessor_id")
    )


def _with_predecessors(seeds: set[int]) -> set[int]:
    """The seeds and every organization whose members can pass into them, transitively."""
    found, frontier = set(seeds), set(seeds)
    while frontier:
        frontier = (
            set(_links().filter(successor_id__in=frontier).values_list("predecessor_id", flat=True))
            - found
        )
        found |= frontier
    return found


def _default_successors(start: set[int]) -> dict[int, int]:
    """predecessor → default successor, for the start set and everything downstream."""
    successors: dict[int, int] = {}
    frontier = set(start)
    while frontier:
        rows = _links().filter(predecessor_id__in=frontier, is_default=True)
        frontier = set()
        for predecessor, successor in rows.values_list("predecessor_id", "successor_id"):
            successors.setdefault(predecessor, successor)
            if successor not in successors:
                frontier.add(successor)
    return successors


@transaction.atomic
def succession_refresh(organization_ids: Iterable[int]) -> int:
    """Recompute the succession rows of these organizations and of their predecessors."""
    affected = _with_predecessors(set(organization_ids))
    if not affected:
        return 0
    successors = _default_successors(affected)
    lifetimes = {
        pk: (start, end)
        for pk, start, end in Organization.objects.filter(
            id__in=affected | set(successors.values())
        ).values_list("id", "valid_from", "valid_to")
    }
    rows = []
    for org_id in affected & set(lifetimes):
        start, end = lifetimes[org_id]
        rows.append(
            OrganizationSuccession(
                organization_id=org_id, heir_id=org_id, valid_from=start, valid_to=end
            )
        )
        current, seen = org_id, {org_id}
        while current in successors and successors[current] not in seen:
            heir = successors[current]
            seen.add(heir)
            heir_start, heir_end = lifetimes[heir]
            from_day = max(heir_start, lifetimes[current][1] + dt.timedelta(days=1))
            if from_day <= heir_end:
                rows.append(
                    OrganizationSuccession(
                        organization_id=org_id, heir_id=heir, valid_from=from_day, valid_to=heir_end
                    )
                )
            current = heir
    OrganizationSuccession.objects.filter(organization_id__in=affected).delete()
    OrganizationSuccession.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
