"""Seat fill and the vacancy register at national scale: the selectors vs hand-written SQL.

Builds the Cần Thơ tree and writes, over its 103 communes, as many posts as the whole
country has (3,321 communes × 14 posts by default, so one "province" holds national
volumes), each with a quota from 01/07/2025, holders (a few posts short) and, for a share
of the vacant ones, sourcing plans. Then times `seat_fill` (executive committee) and
`vacancy_register` for the province and for one commune against one handwritten query each,
asserting equal figures. Prints times and ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import time

from harness import ROOT, setup, timed

FILL_SQL = """
SELECT COALESCE(SUM(q.seats), 0),
       (SELECT COUNT(*) FROM cadres_assignment a JOIN cadres_post p2 ON p2.id = a.post_id
         JOIN organizations_organizationclosure c2 ON c2.descendant_id = p2.organization_id
          AND c2.ancestor_id = %(root)s AND c2.valid_from <= %(d)s AND c2.valid_to >= %(d)s
        WHERE p2.body = %(body)s AND a.valid_from <= %(d)s AND a.valid_to >= %(d)s)
FROM cadres_post p
JOIN organizations_organizationclosure c ON c.descendant_id = p.organization_id
 AND c.ancestor_id = %(root)s AND c.valid_from <= %(d)s AND c.valid_to >= %(d)s
JOIN cadres_postquota q ON q.post_id = p.id AND q.valid_from <= %(d)s AND q.valid_to >= %(d)s
WHERE p.body = %(body)s
"""

VACANCY_SQL = """
WITH posts AS (
  SELECT p.id,
         COALESCE((SELECT SUM(q.seats) FROM cadres_postquota q WHERE q.post_id = p.id
                   AND q.valid_from <= %(d)s AND q.valid_to >= %(d)s), 0)
       - (SELECT COUNT(*) FROM cadres_assignment a WHERE a.post_id = p.id
                   AND a.valid_from <= %(d)s AND a.valid_to >= %(d)s) AS vacant,
         (SELECT s.source FROM cadres_sourcingplan s WHERE s.post_id = p.id
           AND s.planned_on <= %(d)s ORDER BY s.planned_on DESC, s.id DESC LIMIT 1) AS plan
  FROM cadres_post p
  JOIN organizations_organizationclosure c ON c.descendant_id = p.organization_id
   AND c.ancestor_id = %(root)s AND c.valid_from <= %(d)s AND c.valid_to >= %(d)s
)
SELECT COALESCE(SUM(vacant), 0),
       COALESCE(SUM(CASE WHEN plan = 'self' THEN vacant ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN plan IS NOT NULL AND plan <> 'self' THEN vacant ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN plan IS NULL THEN vacant ELSE 0 END), 0)
FROM posts WHERE vacant > 0
"""


def populate(communes_total: int, seed: int) -> None:
    from django.core.management import call_command

    from tochuc.cadres.models import Assignment, Body, Post, PostQuota, SourcingPlan
    from tochuc.core.models import Decision
    from tochuc.organizations.kinds import Kind
    from tochuc.organizations.models import OrganizationPeriod
    from tochuc.people.models import Person

    if not OrganizationPeriod.objects.filter(kind=Kind.COMMUNE_COMMITTEE).exists():
        call_command("load_admin_units", province="can_tho", verbosity=0)
        call_command("build_party_tree", province="can_tho", verbosity=0)
    if Post.objects.exists():
        return
    started = time.perf_counter()
    rng = random.Random(seed)
    start = dt.date(2025, 7, 1)
    decision = Decision.objects.create(number="BENCH", signed_on=start, issuer="Benchmark")
    communes = list(
        OrganizationPeriod.objects.filter(kind=Kind.COMMUNE_COMMITTEE).values_list(
            "organization_id", flat=True
        )
    )
    bodies = [(Body.EXECUTIVE_COMMITTEE, 30), (Body.STANDING_COMMITTEE, 7)] + [
        (Body.CIVIL_SERVICE, 2)
    ] * 12
    posts = [
        Post(organization_id=communes[i % len(communes)], body=body, title=f"{body} {k}")
        for i in range(communes_total)
        for k, (body, _) in enumerate(bodies)
    ]
    seats = [n for _ in range(communes_total) for _, n in bodies]
    posts = Post.objects.bulk_create(posts, batch_size=10_000)
    PostQuota.objects.bulk_create(
        (PostQuota(post=p, seats=n, valid_from=start) for p, n in zip(posts, seats, strict=True)),
        batch_size=10_000,
    )
    person = Person.objects.create(
        full_name="Cán bộ", sex="male", date_of_birth=dt.date(1980, 1, 1)
    )
    holders, plans = [], []
    for post, n in zip(posts, seats, strict=True):
        filled = n - (1 if rng.random() < 0.1 else 0)
        holders += [
            Assignment(person=person, post=post, kind="election", valid_from=start,
                       decision=decision)
            for _ in range(filled)
        ]  # fmt: skip
        if filled < n and rng.random() < 0.7:
            source = "self" if rng.random() < 0.65 else "reinforcement"
            plans.append(SourcingPlan(post=post, planned_on=dt.date(2025, 9, 1), source=source))
    Assignment.objects.bulk_create(holders, batch_size=10_000)
    SourcingPlan.objects.bulk_create(plans, batch_size=10_000)
    print(
        f"{len(posts)} posts, {len(holders)} holdings, {len(plans)} plans written in "
        f"{time.perf_counter() - started:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=3321)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench_seats.sqlite3'}")
    setup(url)
    populate(args.communes, seed=1)

    from django.db import connection

    from tochuc.cadres.models import Body, Post
    from tochuc.cadres.selectors import seat_fill, vacancy_register
    from tochuc.organizations.models import Organization

    on = dt.date(2025, 12, 4)
    province = Organization.objects.get(code="92")
    commune = Organization.objects.filter(code__startswith="92.").order_by("code").first()
    print(f"database: {connection.vendor}; posts: {Post.objects.count()}")

    def raw(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()

    for label, root in (("province", province), ("one commune", commune)):
        params = {"d": on, "root": root.pk, "body": Body.EXECUTIVE_COMMITTEE}
        ms, fill = timed(
            lambda r=root: seat_fill(root=r, on=on, body=Body.EXECUTIVE_COMMITTEE), args.repeat
        )
        sql_ms, (quota, holdings) = timed(lambda p=params: raw(FILL_SQL, p), args.repeat)
        assert (fill.quota, fill.holdings) == (quota, holdings), (fill, quota, holdings)
        print(
            f"  seat fill  {label:<12} selector {ms:8.1f} ms  hand SQL {sql_ms:8.1f} ms  "
            f"ratio {ms / sql_ms:.2f}×  ({fill.holdings}/{fill.quota})"
        )
        ms, register = timed(lambda r=root: vacancy_register(root=r, on=on), args.repeat)
        sql_ms, figures = timed(lambda p=params: raw(VACANCY_SQL, p), args.repeat)
        mine = (register.total, register.self_sourced, register.needs_support, register.unplanned)
        assert mine == tuple(figures), (mine, figures)
        print(
            f"  vacancies  {label:<12} selector {ms:8.1f} ms  hand SQL {sql_ms:8.1f} ms  "
            f"ratio {ms / sql_ms:.2f}×  ({register.total} = {register.self_sourced} + "
            f"{register.needs_support} + {register.unplanned})"
        )


if __name__ == "__main__":
    main()
