"""The quarterly report's figures through the indicator registry vs hand-written SQL.

On a demo database (the Cần Thơ tree and `generate_demo`'s members, seats and moves; built
here when missing), computes the figures of the report for the city (code 92) on a date
(default today, the demo's date) twice: through the registry (`figures(Query.of(root, on))`,
what the report, the dashboard and the API call) and through handwritten SQL written
straight against the tables, a statement or two per figure group. Asserts that both give
the same numbers, then times each group (best of N) and prints the ratio registry / SQL,
per group and in total:

- members: total, full, probationary;
- seats: BCH and BTV seats of the commune committees, filled (holdings, people), quota,
  vacant;
- vacancies per central guidance: total, self-sourced, needs support, no plan;
- mobility: reinforcements from province-level units to communes, and moves decided by
  communes, cumulative since 01/07/2025;
- admissions of the year and the year's target;
- card exchange: done and eligible.

    DATABASE_URL=sqlite:////tmp/h4.sqlite3 .venv/bin/python benchmarks/report.py
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_report \
      .venv/bin/python benchmarks/report.py --on 2025-12-04
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from collections.abc import Callable

from harness import ROOT, setup, timed

# Fragments shared by the statements: the subtree of %(root)s on %(d)s, the organizations
# whose members belong there (through the succession), and "valid on %(d)s".
VALID = "{t}.valid_from <= %(d)s AND {t}.valid_to >= %(d)s"
SUBTREE = f"""SELECT c.descendant_id FROM organizations_organizationclosure c
 WHERE c.ancestor_id = %(root)s AND {VALID.format(t="c")}"""
PLACED = f"""SELECT h.organization_id FROM organizations_organizationsuccession h
 JOIN organizations_organizationclosure c ON c.descendant_id = h.heir_id
  AND c.ancestor_id = %(root)s AND {VALID.format(t="c")}
 WHERE {VALID.format(t="h")}"""
COMMUNE_LEVEL = """EXISTS (SELECT 1 FROM organizations_organizationclosure l
 JOIN organizations_organizationperiod lp ON lp.organization_id = l.ancestor_id
  AND lp.kind = 'commune_committee' AND lp.valid_from <= m.starts_on
  AND lp.valid_to >= m.starts_on
 WHERE l.descendant_id = m.{field} AND l.valid_from <= m.starts_on
  AND l.valid_to >= m.starts_on)"""

MEMBERS_SQL = f"""
SELECT COUNT(*),
       COALESCE(SUM(CASE WHEN s.status = 'full' THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN s.status = 'probationary' THEN 1 ELSE 0 END), 0)
FROM members_membershipspan s
WHERE {VALID.format(t="s")} AND s.organization_id IN ({PLACED})
"""

COMMUNES = f"""SELECT p.organization_id FROM organizations_organizationperiod p
 WHERE p.kind = 'commune_committee' AND {VALID.format(t="p")}
  AND p.organization_id IN ({SUBTREE})"""
SEATS_SQL = f"""
WITH posts AS (
  SELECT po.body,
         COALESCE((SELECT SUM(q.seats) FROM cadres_postquota q
                    WHERE q.post_id = po.id AND {VALID.format(t="q")}), 0) AS quota,
         (SELECT COUNT(*) FROM cadres_assignment a
           WHERE a.post_id = po.id AND {VALID.format(t="a")}) AS holders
  FROM cadres_post po
  WHERE po.body IN ('executive_committee', 'standing_committee')
    AND po.organization_id IN ({COMMUNES})
)
SELECT body, SUM(holders), SUM(quota),
       SUM(CASE WHEN quota > holders THEN quota - holders ELSE 0 END)
FROM posts GROUP BY body
"""
SEAT_PEOPLE_SQL = f"""
SELECT po.body, COUNT(DISTINCT a.person_id)
FROM cadres_assignment a JOIN cadres_post po ON po.id = a.post_id
WHERE {VALID.format(t="a")} AND po.body IN ('executive_committee', 'standing_committee')
  AND po.organization_id IN ({COMMUNES})
GROUP BY po.body
"""

VACANCIES_SQL = f"""
WITH posts AS (
  SELECT COALESCE((SELECT SUM(q.seats) FROM cadres_postquota q
                    WHERE q.post_id = p.id AND {VALID.format(t="q")}), 0)
       - (SELECT COUNT(*) FROM cadres_assignment a
           WHERE a.post_id = p.id AND {VALID.format(t="a")}) AS vacant,
         (SELECT s.source FROM cadres_sourcingplan s
           WHERE s.post_id = p.id AND s.planned_on <= %(d)s
           ORDER BY s.planned_on DESC, s.id DESC LIMIT 1) AS plan
  FROM cadres_post p
  WHERE p.per_central_guidance = %(yes)s AND p.organization_id IN ({SUBTREE})
)
SELECT COALESCE(SUM(vacant), 0),
       COALESCE(SUM(CASE WHEN plan = 'self' THEN vacant ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN plan IS NOT NULL AND plan <> 'self' THEN vacant ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN plan IS NULL THEN vacant ELSE 0 END), 0)
FROM posts WHERE vacant > 0
"""

MOBILITY_SQL = f"""
SELECT COALESCE(SUM(CASE WHEN m.kind = 'reinforcement'
                          AND NOT {COMMUNE_LEVEL.format(field="origin_id")}
                          AND {COMMUNE_LEVEL.format(field="destination_id")}
                         THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN {COMMUNE_LEVEL.format(field="decided_by_id")}
                         THEN 1 ELSE 0 END), 0)
FROM cadres_move m
WHERE m.starts_on >= %(since)s AND m.starts_on <= %(d)s AND m.destination_id IN ({PLACED})
"""

ADMISSIONS_SQL = f"""
SELECT (SELECT COUNT(*) FROM members_membershipevent e
         WHERE e.is_void = %(no)s AND e.kind IN ('admission', 'readmission')
           AND e.effective_on >= %(year_start)s AND e.effective_on <= %(d)s
           AND e.organization_id IN ({PLACED})),
       (SELECT COALESCE(SUM(t.count), 0) FROM admissions_admissiontarget t
         WHERE t.kind = 'year' AND t.year = %(year)s AND t.organization_id IN ({SUBTREE})
           AND NOT EXISTS (
             SELECT 1 FROM organizations_organizationclosure up
              WHERE up.descendant_id = t.organization_id AND up.depth > 0
                AND {VALID.format(t="up")} AND up.ancestor_id IN ({SUBTREE})
                AND up.ancestor_id IN (SELECT t2.organization_id
                                         FROM admissions_admissiontarget t2
                                        WHERE t2.kind = 'year' AND t2.year = %(year)s)))
"""

# Done members hold a new-series card, the others counted an older one: eligible = done + old.
CARDS_SQL = f"""
SELECT done, done + old_cards FROM (
  SELECT COALESCE(SUM(CASE WHEN s.card_series = %(series)s AND EXISTS (
                             SELECT 1 FROM members_membershipevent e
                              WHERE e.person_id = s.person_id AND e.kind = 'card_exchange'
                                AND e.is_void = %(no)s AND e.effective_on <= %(d)s
                                AND e.card_number = s.card_number)
                           THEN 1 ELSE 0 END), 0) AS done,
         COALESCE(SUM(CASE WHEN s.status = 'full' AND s.card_number <> ''
                            AND s.card_series <> %(series)s THEN 1 ELSE 0 END), 0) AS old_cards
  FROM members_membershipspan s
  WHERE {VALID.format(t="s")} AND s.organization_id IN ({PLACED})
) counted
"""


def populate(members: int) -> None:
    """The demo of `make demo` (Cần Thơ, `members` synthetic members), when missing."""
    from django.core.management import call_command
    from django.db import connection

    from tochuc.organizations.models import Organization
    from tochuc.people.models import Person

    started = time.perf_counter()
    if not Organization.objects.filter(code="92").exists():
        call_command("load_admin_units", province="can_tho", verbosity=0)
        call_command("build_party_tree", province="can_tho", verbosity=0)
    if not Person.objects.exists():
        call_command("generate_demo", province="can_tho", members=members, verbosity=0)
        print(f"demo of {members} members written in {time.perf_counter() - started:.1f} s")
    if connection.vendor == "postgresql":
        # A freshly loaded database has no planner statistics until autovacuum gets to it
        # (without them, both sides pick plans tens of times slower); time one in use.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def sql_figures(on: dt.date, root_id: int, series: str) -> dict[str, Callable[[], tuple]]:
    """For each group, a function computing its numbers with the handwritten statements."""
    from django.db import connection

    from tochuc.indicators.registry import default_since

    params = {
        "d": on,
        "root": root_id,
        "since": default_since(on),
        "year": on.year,
        "year_start": dt.date(on.year, 1, 1),
        "series": series,
        "yes": True,
        "no": False,
    }

    def rows(sql: str) -> list[tuple]:
        """The statement's rows, sums as ints (PostgreSQL returns them as Decimals)."""
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [tuple(v if isinstance(v, str) else int(v) for v in row) for row in cursor]

    def seats() -> tuple:
        by_body = {body: rest for body, *rest in rows(SEATS_SQL)}
        people = dict(rows(SEAT_PEOPLE_SQL))
        return tuple(
            (*by_body.get(body, (0, 0, 0)), people.get(body, 0))
            for body in ("executive_committee", "standing_committee")
        )

    return {
        "members": lambda: rows(MEMBERS_SQL)[0],
        "seats": seats,
        "vacancies": lambda: rows(VACANCIES_SQL)[0],
        "mobility": lambda: rows(MOBILITY_SQL)[0],
        "admissions": lambda: rows(ADMISSIONS_SQL)[0],
        "card exchange": lambda: rows(CARDS_SQL)[0],
    }


GROUPS = {
    "members": ("members",),
    "seats": ("seats_executive", "seats_standing"),
    "vacancies": ("vacancies",),
    "mobility": ("reinforcements", "commune_moves"),
    "admissions": ("admissions_year",),
    "card exchange": ("card_exchange",),
}
"""Each group of figures and the registry's indicators that compute it."""


def registry_numbers(found: dict) -> dict[str, tuple]:
    """The registry's figures of each group, shaped as the statements return them."""

    def seat(key):
        f = found[key]
        return (f.value, f.whole, f.part("vacant"), f.part("people"))

    members, vacancies = found["members"], found["vacancies"]
    admissions, cards = found["admissions_year"], found["card_exchange"]
    return {
        "members": (members.value, members.part("full"), members.part("probationary")),
        "seats": (seat("seats_executive"), seat("seats_standing")),
        "vacancies": (vacancies.value, *(vacancies.part(k) for k in ("self", "support", "none"))),
        "mobility": (found["reinforcements"].value, found["commune_moves"].value),
        "admissions": (admissions.value, admissions.whole or 0),
        "card exchange": (cards.value, cards.whole or 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--on", type=dt.date.fromisoformat, help="date (default: today)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--members", type=int, default=20_000, help="demo size when missing")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get(
        "DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench_report.sqlite3'}"
    )
    setup(url)
    populate(args.members)

    from django.db import connection
    from django.utils import timezone

    from tochuc.cadres.models import Assignment, Move, Post
    from tochuc.cards.campaign import campaign_series
    from tochuc.indicators.registry import REGISTRY, Query, figures
    from tochuc.members.models import MembershipEvent, MembershipSpan
    from tochuc.organizations.models import Organization
    from tochuc.people.models import Person

    on = args.on or timezone.localdate()
    root = Organization.objects.get(code="92")
    query = Query.of(root, on)
    print(
        f"database: {connection.vendor}; as of {on:%d/%m/%Y}; persons {Person.objects.count()}, "
        f"spans {MembershipSpan.objects.count()}, events {MembershipEvent.objects.count()}, "
        f"posts {Post.objects.count()}, holdings {Assignment.objects.count()}, "
        f"moves {Move.objects.count()}"
    )
    statements = sql_figures(on, root.pk, campaign_series(on))
    mine = registry_numbers(figures(query))
    for group, compute in statements.items():  # equal numbers before any timing
        assert mine[group] == tuple(compute()), (group, mine[group], compute())

    total_registry = total_sql = 0.0
    for group, keys in GROUPS.items():
        ms, _ = timed(lambda k=keys: figures(query, keys=k), args.repeat)
        sql_ms, numbers = timed(statements[group], args.repeat)
        total_registry, total_sql = total_registry + ms, total_sql + sql_ms
        print(
            f"  {group:<14} registry {ms:8.1f} ms  hand SQL {sql_ms:8.1f} ms  "
            f"ratio {ms / sql_ms:5.2f}×  {numbers}"
        )
    print(
        f"  {'total':<14} registry {total_registry:8.1f} ms  hand SQL {total_sql:8.1f} ms  "
        f"ratio {total_registry / total_sql:5.2f}×"
    )
    every_ms, _ = timed(lambda: figures(query), args.repeat)
    print(f"  every indicator of the registry ({len(REGISTRY)}): {every_ms:.1f} ms")


if __name__ == "__main__":
    main()
