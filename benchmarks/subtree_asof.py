"""Subtree-as-of-date lookups at national scale: closure table vs recursive CTE vs a walk.

Loads the whole country's administrative units, builds the default party tree of all 34
provinces (before and after 1 July 2025) and, optionally, N synthetic cells per commune
committee, then times "ids of the subtree of X as of D" for every provincial committee:
- closure: `selectors.subtree_ids` (one indexed lookup in the closure table);
- recursive CTE over the periods valid at D (what a tree without a closure would do);
- level walk: one query per tree level from Python.
Prints the mean time per lookup and the ratios against the closure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time

from harness import ROOT, setup


def populate(cells_per_commune: int) -> None:
    from django.core.management import call_command

    from tochuc.core.text import search_key
    from tochuc.organizations.closure import closure_refresh
    from tochuc.organizations.kinds import Kind
    from tochuc.organizations.models import Organization, OrganizationPeriod

    if not Organization.objects.filter(code="01").exists():
        started = time.perf_counter()
        call_command("load_admin_units", verbosity=0)
        call_command("build_party_tree", province="all", verbosity=0)
        print(f"units and 34 party trees built in {time.perf_counter() - started:.1f} s")
    if cells_per_commune and not Organization.objects.filter(code__endswith=".C1").exists():
        started = time.perf_counter()
        communes = list(
            OrganizationPeriod.objects.filter(kind=Kind.COMMUNE_COMMITTEE).values_list(
                "organization_id", "organization__code", "valid_from"
            )
        )
        cells = Organization.objects.bulk_create(
            [
                Organization(code=f"{code}.C{i}", valid_from=start)
                for _, code, start in communes
                for i in range(1, cells_per_commune + 1)
            ],
            batch_size=5000,
        )
        by_code = {o.code: o.pk for o in cells}
        OrganizationPeriod.objects.bulk_create(
            [
                OrganizationPeriod(
                    organization_id=by_code[f"{code}.C{i}"],
                    name=f"Chi bộ ấp {i}",
                    name_folded=search_key(f"Chi bộ ấp {i}"),
                    kind=Kind.GRASSROOTS_CELL,
                    parent_id=parent,
                    valid_from=start,
                )
                for parent, code, start in communes
                for i in range(1, cells_per_commune + 1)
            ],
            batch_size=5000,
        )
        roots = OrganizationPeriod.objects.filter(kind=Kind.PROVINCIAL_COMMITTEE)
        closure_refresh(roots.values_list("organization_id", flat=True))
        print(f"{len(cells)} synthetic cells added in {time.perf_counter() - started:.1f} s")


CTE = """
WITH RECURSIVE sub(id) AS (
    SELECT CAST(%s AS BIGINT)
    UNION
    SELECT p.organization_id FROM organizations_organizationperiod p
    JOIN sub ON p.parent_id = sub.id
    WHERE p.valid_from <= %s AND p.valid_to >= %s
)
SELECT id FROM sub
"""


def by_closure(root: int, on: dt.date) -> list[int]:
    from tochuc.organizations.selectors import subtree_ids

    return list(subtree_ids(root=root, on=on).values_list("descendant_id", flat=True))


def by_cte(root: int, on: dt.date) -> list[int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(CTE, [root, on, on])
        return [row[0] for row in cursor.fetchall()]


def by_walk(root: int, on: dt.date) -> list[int]:
    from tochuc.organizations.models import OrganizationPeriod

    found, frontier = [root], [root]
    while frontier:
        frontier = list(
            OrganizationPeriod.objects.valid_at(on)
            .filter(parent_id__in=frontier)
            .values_list("organization_id", flat=True)
        )
        found += frontier
    return found


def measure(label: str, fn, roots: list[int], on: dt.date, repeat: int) -> tuple[float, int]:
    timings, size = [], 0
    for _ in range(repeat):
        for root in roots:
            started = time.perf_counter()
            size += len(fn(root, on))
            timings.append(time.perf_counter() - started)
    mean = statistics.mean(timings) * 1000
    print(f"  {label:<14} {mean:8.2f} ms per subtree  ({size // repeat} ids per pass)")
    return mean, size // repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells-per-commune", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    setup(url)
    populate(args.cells_per_commune)

    from django.db import connection

    from tochuc.organizations.kinds import Kind
    from tochuc.organizations.models import OrganizationClosure, OrganizationPeriod

    print(f"database: {connection.vendor}; closure rows: {OrganizationClosure.objects.count()}")
    for on in (dt.date(2024, 12, 31), dt.date(2025, 12, 4)):
        roots = list(
            OrganizationPeriod.objects.valid_at(on)
            .filter(kind=Kind.PROVINCIAL_COMMITTEE)
            .values_list("organization_id", flat=True)
        )
        print(f"as of {on:%d/%m/%Y}: {len(roots)} provincial committees")
        closure, n1 = measure("closure", by_closure, roots, on, args.repeat)
        cte, n2 = measure("recursive CTE", by_cte, roots, on, args.repeat)
        walk, n3 = measure("level walk", by_walk, roots, on, args.repeat)
        assert n1 == n2 == n3, (n1, n2, n3)
        print(f"  ratio CTE/closure {cte / closure:.1f}×, walk/closure {walk / closure:.1f}×")


if __name__ == "__main__":
    main()
