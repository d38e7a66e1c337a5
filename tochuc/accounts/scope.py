"""The organizations a user may reach.

A user's scope is every organization that was ever in the subtree of the user's
organization, plus every predecessor (through merges and splits, transitively) of those and
their own subtrees: a commune created in 2025 keeps the history of the communes it came
from. It is computed once per request with a few set-based queries.
"""

from __future__ import annotations

from django.db.models import QuerySet

from tochuc.organizations.models import LineageLink, OrganizationClosure


def scope_roots(user) -> frozenset[int]:
    """The user's organization and the predecessors whose subtrees are in scope too."""
    cached = getattr(user, "_scope_roots", None)
    if cached is not None:
        return cached
    roots: set[int] = {user.organization_id}
    seen: set[int] = set(roots)
    frontier = set(roots)
    while frontier:
        inside = OrganizationClosure.objects.filter(ancestor_id__in=frontier).values(
            "descendant_id"
        )
        covered = OrganizationClosure.objects.filter(ancestor_id__in=roots).values("descendant_id")
        predecessors = set(
            LineageLink.objects.filter(successor_id__in=inside, predecessor__isnull=False)
            .exclude(predecessor_id__in=covered)
            .values_list("predecessor_id", flat=True)
        )
        predecessors -= seen
        roots |= predecessors
        seen |= predecessors
        frontier = predecessors
    user._scope_roots = frozenset(roots)
    return user._scope_roots


def organization_ids_in_scope(user) -> QuerySet:
    """A subquery of organization ids the user may reach (use with `__in`)."""
    return (
        OrganizationClosure.objects.filter(ancestor_id__in=scope_roots(user))
        .values("descendant_id")
        .distinct()
    )
