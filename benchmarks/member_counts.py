"""Members counted in a subtree as of a date at scale: the selector vs hand-written SQL.

Builds the Cần Thơ tree (before and after 1 July 2025) and N synthetic members spread over
the pre-2025 commune committees (so that counting today goes through the succession table),
with spans written in bulk (the replay is bypassed: this measures reads). Then times
`member_counts` for the whole province and for one commune against a hand-written SQL query
computing the same figure, and a word-prefix name search. Prints times and ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import time

from harness import ROOT, setup, timed

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Thạch", "Lâm"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hòa", "Lan", "Mai", "Nam", "Phúc", "Sơn", "Tâm"]

SQL = """
SELECT s.status, COUNT(*) FROM members_membershipspan s
JOIN organizations_organizationsuccession h
  ON h.organization_id = s.organization_id AND h.valid_from <= %(d)s AND h.valid_to >= %(d)s
JOIN organizations_organizationclosure c
  ON c.descendant_id = h.heir_id AND c.ancestor_id = %(root)s
 AND c.valid_from <= %(d)s AND c.valid_to >= %(d)s
WHERE s.valid_from <= %(d)s AND s.valid_to >= %(d)s
GROUP BY s.status
"""


def populate(count: int, seed: int) -> None:
    from django.core.management import call_command

    from tochuc.core.dating import END_OF_TIME
    from tochuc.core.text import search_key
    from tochuc.members.models import MembershipSpan, Status
    from tochuc.organizations.kinds import Kind
    from tochuc.organizations.models import Organization, OrganizationPeriod
    from tochuc.people.models import Person

    if not Organization.objects.filter(code="92").exists():
        call_command("load_admin_units", province="can_tho", verbosity=0)
        call_command("build_party_tree", province="can_tho", verbosity=0)
    existing = Person.objects.count()
    if existing >= count:
        return
    started = time.perf_counter()
    rng = random.Random(seed)
    communes = list(
        OrganizationPeriod.objects.filter(kind=Kind.GRASSROOTS_COMMITTEE).values_list(
            "organization_id", flat=True
        )
    )
    people, batch = [], 20_000
    for i in range(existing, count):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        people.append(
            Person(
                full_name=name,
                name_folded=search_key(name),
                sex="male",
                date_of_birth=dt.date(1950 + i % 55, 1 + i % 12, 1 + i % 28),
            )
        )
        if len(people) == batch or i == count - 1:
            created = Person.objects.bulk_create(people)
            MembershipSpan.objects.bulk_create(
                MembershipSpan(
                    person=p,
                    status=Status.FULL if rng.random() < 0.9 else Status.PROBATIONARY,
                    organization_id=rng.choice(communes),
                    admitted_on=dt.date(2015, 1, 1),
                    valid_from=dt.date(2015 + rng.randrange(10), 1, 1),
                    valid_to=END_OF_TIME,
                )
                for p in created
            )
            people = []
    print(f"{count - existing} synthetic members written in {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=140_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    url = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench_members.sqlite3'}"
    )
    setup(url)
    populate(args.members, seed=1)

    from django.db import connection

    from tochuc.members.selectors import member_counts
    from tochuc.organizations.models import Organization
    from tochuc.people.models import Person

    on = dt.date(2025, 12, 4)
    province = Organization.objects.get(code="92")
    commune = Organization.objects.filter(code__startswith="92.").order_by("code").first()
    print(f"database: {connection.vendor}; persons: {Person.objects.count()}")
    for label, root in (("province", province), ("one commune", commune)):
        ms, counts = timed(lambda r=root: member_counts(on=on, root=r), args.repeat)

        def raw(r=root):
            with connection.cursor() as cursor:
                cursor.execute(SQL, {"d": on, "root": r.pk})
                return dict(cursor.fetchall())

        sql_ms, raw_counts = timed(raw, args.repeat)
        assert raw_counts.get("full", 0) == counts["full"], (raw_counts, counts)
        print(
            f"  {label:<12} selector {ms:8.1f} ms  hand SQL {sql_ms:8.1f} ms  "
            f"ratio {ms / sql_ms:.2f}×  ({counts['total']} members)"
        )
    ms, hits = timed(
        lambda: (
            Person.objects.filter(name_folded__contains=" nguyen")
            .filter(name_folded__contains=" van")
            .filter(name_folded__contains=" an")[:100]
            .count()
        ),
        args.repeat,
    )
    print(f"  name search 'nguyen van an' (first 100): {ms:.1f} ms, {hits} hits")


if __name__ == "__main__":
    main()
