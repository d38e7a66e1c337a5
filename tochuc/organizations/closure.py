"""Derives `OrganizationClosure` from the organization periods.

For an organization o with periods p (parent q over [from, to]), o's ancestors are o itself
over its lifetime and, for every period, q's ancestors restricted to [from, to], one level
deeper. Contiguous ranges of the same (ancestor, depth) are joined. The computation reads
the periods of the affected organizations and the closure rows of their outside parents
(a query per tree level), computes in memory and bulk-writes the result.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from tochuc.core.dating import day_before, intersect
from tochuc.organizations.models import Organization, OrganizationClosure, OrganizationPeriod

Row = tuple[int, int, dt.date, dt.date]  # ancestor, depth, valid_from, valid_to


def _join(rows: Iterable[Row]) -> list[Row]:
    """Join contiguous or overlapping ranges of the same (ancestor, depth)."""
    joined: list[Row] = []
    for ancestor, depth, start, end in sorted(rows):
        if joined:
            a, d, s, e = joined[-1]
            if (a, d) == (ancestor, depth) and day_before(start) <= e:
                joined[-1] = (a, d, s, max(e, end))
                continue
        joined.append((ancestor, depth, start, end))
    return joined


def _with_descendants_ever(seeds: set[int]) -> set[int]:
    """The seeds and everything ever under them, walking periods level by level."""
    found, frontier = set(seeds), set(seeds)
    while frontier:
        frontier = (
            set(
                OrganizationPeriod.objects.filter(parent_id__in=frontier).values_list(
                    "organization_id", flat=True
                )
            )
            - found
        )
        found |= frontier
    return found


@transaction.atomic
def closure_refresh(organization_ids: Iterable[int]) -> int:
    """Recompute the closure rows of these organizations and of all their descendants.

    Call it after any change to periods (a new organization, a move, a dissolution).
    Returns the number of closure rows written.
    """
    seeds = set(organization_ids)
    if not seeds:
        return 0
    affected = _with_descendants_ever(seeds)
    lifetimes = dict(
        (pk, (start, end))
        for pk, start, end in Organization.objects.filter(id__in=affected).values_list(
            "id", "valid_from", "valid_to"
        )
    )
    affected &= set(lifetimes)
    periods: dict[int, list[tuple[int | None, dt.date, dt.date]]] = defaultdict(list)
    for org_id, parent_id, start, end in OrganizationPeriod.objects.filter(
        organization_id__in=affected
    ).values_list("organization_id", "parent_id", "valid_from", "valid_to"):
        periods[org_id].append((parent_id, start, end))

    outside_parents = {p for rows in periods.values() for p, _, _ in rows if p} - affected
    known: dict[int, list[Row]] = defaultdict(list)
    for descendant, ancestor, depth, start, end in OrganizationClosure.objects.filter(
        descendant_id__in=outside_parents
    ).values_list("descendant_id", "ancestor_id", "depth", "valid_from", "valid_to"):
        known[descendant].append((ancestor, depth, start, end))

    computing: set[int] = set()

    def ancestors(org_id: int) -> list[Row]:
        if org_id in known:
            return known[org_id]
        if org_id in computing:
            raise ValueError(f"Vòng lặp trong cây tổ chức tại tổ chức #{org_id}.")
        computing.add(org_id)
        start, end = lifetimes[org_id]
        rows: list[Row] = [(org_id, 0, start, end)]
        for parent_id, p_start, p_end in periods.get(org_id, []):
            if parent_id is None:
                continue
            parent_rows = ancestors(parent_id) if parent_id in lifetimes else known[parent_id]
            for ancestor, depth, a_start, a_end in parent_rows:
                common = intersect((a_start, a_end), (p_start, p_end))
                if common:
                    rows.append((ancestor, depth + 1, *common))
        computing.discard(org_id)
        known[org_id] = _join(rows)
        return known[org_id]

    OrganizationClosure.objects.filter(descendant_id__in=affected).delete()
    new_rows = [
        OrganizationClosure(
            ancestor_id=ancestor, descendant_id=org_id, depth=depth, valid_from=s, valid_to=e
        )
        for org_id in affected
        for ancestor, depth, s, e in ancestors(org_id)
    ]
    OrganizationClosure.objects.bulk_create(new_rows, batch_size=2000)
    return len(new_rows)
