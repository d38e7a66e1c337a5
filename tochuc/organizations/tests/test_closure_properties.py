"""Property: the closure agrees with walking the parent chain of the periods, on any date."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tochuc.core.dating import valid_at_q
from tochuc.organizations.closure import closure_refresh
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import Organization, OrganizationClosure, OrganizationPeriod

START = dt.date(2020, 1, 1)
DAYS = 40


@st.composite
def forests(draw):
    """Up to 7 organizations; each one's periods split its lifetime, parents come earlier."""
    count = draw(st.integers(1, 7))
    organizations = []
    for index in range(count):
        first = draw(st.integers(0, DAYS - 1))
        last = draw(st.integers(first, DAYS))
        cuts = (
            sorted(draw(st.sets(st.integers(first + 1, last), max_size=2))) if last > first else []
        )
        bounds = [first, *cuts, last + 1]
        periods = [
            (
                bounds[i],
                bounds[i + 1] - 1,
                draw(st.one_of(st.none(), st.integers(0, index - 1))) if index else None,
            )
            for i in range(len(bounds) - 1)
        ]
        organizations.append((first, last, periods))
    return organizations


def day(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def walk(periods_by_org: dict, org: int, on: int) -> dict[int, int]:
    """Ancestors of `org` on day `on` by following parents: {ancestor: depth}."""
    chain, depth, current = {org: 0}, 0, org
    while True:
        parent = next((p for s, e, p in periods_by_org[current] if s <= on <= e), None)
        if parent is None or not any(s <= on <= e for s, e, _ in periods_by_org[parent]):
            return chain
        depth += 1
        chain[parent] = depth
        current = parent


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(forest=forests())
def test_closure_matches_parent_walk(forest):
    OrganizationClosure.objects.all().delete()
    OrganizationPeriod.objects.all().delete()
    Organization.objects.all().delete()
    ids = []
    for index, (first, last, _) in enumerate(forest):
        ids.append(
            Organization.objects.create(
                code=f"O{index}", valid_from=day(first), valid_to=day(last)
            ).pk
        )
    periods_by_org = {}
    for index, (_, _, periods) in enumerate(forest):
        periods_by_org[ids[index]] = [
            (s, e, ids[p] if p is not None else None) for s, e, p in periods
        ]
        for s, e, p in periods:
            OrganizationPeriod.objects.create(
                organization_id=ids[index],
                name=f"Tổ chức {index}",
                kind=Kind.CELL,
                parent_id=ids[p] if p is not None else None,
                valid_from=day(s),
                valid_to=day(e),
            )
    closure_refresh(ids)
    for on in range(DAYS + 1):
        rows = OrganizationClosure.objects.filter(valid_at_q(day(on)))
        stored = {}
        for ancestor, descendant, depth in rows.values_list(
            "ancestor_id", "descendant_id", "depth"
        ):
            stored.setdefault(descendant, {})[ancestor] = depth
        for index, (first, last, _) in enumerate(forest):
            org = ids[index]
            expected = walk(periods_by_org, org, on) if first <= on <= last else {}
            assert stored.get(org, {}) == expected, (on, index)
