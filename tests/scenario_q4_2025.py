"""The seed report of Q4-2025 (Cần Thơ, figures on 04/12/2025) as data: `build()` writes a
Cần Thơ tree and enough rows that the quarterly report states the article's figures.

The tree is the real one (`load_admin_units` + `build_party_tree`: 103 communes and wards
from 01/07/2025, the 263 communes of Cần Thơ, Hậu Giang and Sóc Trăng before, merged by the
lineage), plus seven province departments (sở) as origins of reinforcements. Everything
else is bulk-inserted (the services replay each person and are far too slow for 139,000
members), keeping each row consistent with what the selectors read on 04/12/2025: spans
that change where the events change them, the events the figures count, exchange records.
History no figure reads (a long-standing member's probation, the years before their card)
is left out.

Each figure on 04/12/2025, its rows, and the decoys that must not count:

- BCH 3.114/3.129: one «Ủy viên Ban Chấp hành» post per commune, 31 seats in 39 communes
  and 30 in the others, 15 communes one short. Decoys: the previous holder of each of those
  15 seats left on 14/11/2025; some successors start on 15/12/2025; the city's own executive
  committee (58/61) is not a commune committee.
- BTV 1.043/1.043: Bí thư 1, Phó Bí thư 2, Ủy viên Ban Thường vụ 7 or 8 per commune, held by
  executive-committee members. Decoy: the city's own standing committee.
- Vacancies per central guidance 510 = 331 self-sourced + 179 needing support (+ 0 without a
  plan): six civil-service posts per commune (1.133 seats) flagged per central guidance,
  each vacant one with a sourcing plan. Decoys: inspection-committee and department
  vacancies (not per central guidance); plans «needs support» replaced by «self» on
  20/10/2025; plans dated 20/12/2025 (after the date); plans on filled posts; civil
  servants who left on 31/10/2025.
- Reinforcements 804: Sở → commune from 01/07/2025 to 02/12/2025, decided by the city.
  Decoys: 9 secondments (biệt phái), 4 reinforcements commune → commune, 6 starting after
  the date.
- Commune moves 18: transfers and rotations between communes decided by the origin
  commune. Decoys: 2 starting on 15/12/2025.
- Card exchange 126.014 of 133.659 eligible: members with a 2025 card from an exchange
  event on or before the date (spans split on that day, complete exchange record), and
  7.645 full members still on a 2012 card (a third declared for the exchange). Decoys: 40
  exchanged on 10/12/2025 (eligible, not done, on the date); 25 old cards whose series was
  not recorded (eligible); 312 full members without a card yet and 150 given a 2025 card at
  issue (neither); 30 who exchanged and died on 20/11/2025 (not counted); 4.674
  probationary members.
- Admissions of 2025: 4.673 (12 readmissions) from 02/01/2025 to 28/11/2025, by the
  pre-2025 commune before 01/07/2025 (restated through the lineage), against targets of the
  communes summing to 4.833. Decoys: 7 admitted on 10/12/2025; an admission entered as
  03/03/2025 and voided by a correction naming the right date, 20/12/2024; 2024
  admissions; 2025 targets of 20 pre-2025 communes (merged away); 2024 targets.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from functools import cache
from types import SimpleNamespace

from django.core.management.color import no_style
from django.db import connection
from django.db.models import F, Max
from django.utils import timezone

from tochuc.administrative_units.loader import load_admin_units
from tochuc.admissions.models import AdmissionTarget, TargetKind
from tochuc.cadres.models import (
    Assignment,
    AssignmentKind,
    Body,
    Move,
    MoveKind,
    Post,
    PostQuota,
    SourcingPlan,
)
from tochuc.cards.models import CardExchange
from tochuc.core.dating import END_OF_TIME, REFORM_2025, day_before, valid_at_q
from tochuc.core.services import decision_cite
from tochuc.core.text import search_key
from tochuc.members.models import EventCorrection, EventKind, MembershipEvent, MembershipSpan
from tochuc.members.models import Status as S
from tochuc.members.replay import confirmation_date
from tochuc.organizations.builder import build_party_tree
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import Organization, OrganizationPeriod, OrganizationSuccession
from tochuc.organizations.services import organization_establish
from tochuc.people.models import Person

D = dt.date
ON = D(2025, 12, 4)
QUARTER = "4-2025"
SINCE = REFORM_2025
LAST_MOVE = D(2025, 12, 2)  # «lũy kế đến 2-12-2025»
LAST_ADMISSION = D(2025, 11, 28)  # «(đến 28-11-2025)»
AFTER = D(2025, 12, 10)  # a date after the report's, for decoys
BATCH = 5000
OLD, NEW = "2012", "2025"  # card series: the previous one and Chỉ thị 51's
STEPS = ("declared_on", "photographed_on", "verified_on", "signed_on", "sent_on", "received_on")
STEP_DAYS = (40, 35, 30, 20, 15, 0)  # each step, days before the new card is received
DECLARED = D(2025, 11, 3)  # members declared for the exchange, not yet further
READMISSION = EventKind.READMISSION

COMMUNES = 103
BCH_BIG, BCH_VACANT = 39, 15  # communes with 31 BCH seats; communes one BCH seat short
BTV_BIG = 13  # communes with 11 BTV seats
DONE, WAITING = 126_014, 7_645  # exchanged on or before the date; eligible, not exchanged
ADMITTED, TARGET = 4_673, 4_833
REINFORCEMENTS, COMMUNE_MOVES = 804, 18

EXPECTED = {
    "seats_executive": (3_114, 3_129, {"vacant": 15}),
    "seats_standing": (1_043, 1_043, {"vacant": 0}),
    "vacancies": (510, None, {"self": 331, "support": 179, "none": 0}),
    "reinforcements": (804, None, {}),
    "commune_moves": (18, None, {}),
    "card_exchange": (126_014, 133_659, {}),
    "admissions_year": (4_673, 4_833, {}),
    "admissions_term": (4_673, None, {}),
    "members": (138_795, None, {"full": 134_121, "probationary": 4_674}),
}
"""key → (value, whole, some parts) for the city on 04/12/2025 (quarter 4-2025)."""

ARTICLE = ("3.114/3.129", "1.043/1.043", "804", "18", "510", "331", "179", "126.014", "94,28%")
"""The figures as the article writes them; the admissions' «4.673» follows, with «96,69%»
where the article has «96,68%» (see test_scenario_q4_2025.py)."""

CIVIL_SERVICE = [  # title, seats (Nghị định 33/2023/NĐ-CP), as the demo's
    ("Công chức Văn phòng — thống kê", 2),
    ("Công chức Địa chính — xây dựng — đô thị và môi trường", 2),
    ("Công chức Tài chính — kế toán", 2),
    ("Công chức Tư pháp — hộ tịch", 2),
    ("Công chức Văn hóa — xã hội", 2),
    ("Công chức Công nghệ thông tin", 1),
]
DEPARTMENTS = [
    ("SNV", "Sở Nội vụ"),
    ("STC", "Sở Tài chính"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường"),
    ("SXD", "Sở Xây dựng"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SKHCN", "Sở Khoa học và Công nghệ"),
    ("STP", "Sở Tư pháp"),
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Thạch", "Lâm", "Đặng"]
MIDDLE = {"male": ["Văn", "Hữu", "Minh", "Quốc"], "female": ["Thị", "Ngọc", "Kim", "Mỹ"]}
GIVEN = {
    "male": ["Hùng", "Dũng", "Tuấn", "Hải", "Phúc", "Nam", "Sơn", "Tâm", "Long", "Bình"],
    "female": ["Lan", "Hoa", "Hương", "Mai", "Linh", "Trang", "Thảo", "Yến", "Vân", "Ngân"],
}


@cache
def folded(name: str) -> str:
    return search_key(name)


@cache
def confirmed_on(admitted: dt.date) -> dt.date:
    return confirmation_date(admitted)


def spread(first: dt.date, last: dt.date, n: int) -> list[dt.date]:
    """`n` dates from `first` to `last`, both included, evenly spread."""
    days = (last - first).days
    return [first + dt.timedelta(days=i * days // max(n - 1, 1)) for i in range(n)]


class Table:
    """Rows of one big table, written as plain tuples in batches: `executemany` on SQLite,
    COPY on PostgreSQL (where `executemany` makes a round trip per row).

    `bulk_create` spends about 0.2 ms per row building and compiling model instances: the
    410,000 rows of this scenario would take minutes. Here ids are given in advance (so rows
    can refer to each other before they are written), every column not listed takes the
    field's default (or now() for auto_now_add), and the id sequence is reset afterwards.
    """

    def __init__(self, model, *fields: str):
        meta = model._meta
        self.model = model
        listed = {meta.get_field(name).column for name in fields}
        now = timezone.now()
        self.defaults = {}
        for f in meta.concrete_fields:
            if f.primary_key or f.column in listed:
                continue
            value = now if getattr(f, "auto_now_add", False) else f.get_default()
            self.defaults[f.column] = f.get_db_prep_save(value, connection)
        columns = [meta.pk.column, *(meta.get_field(n).column for n in fields), *self.defaults]
        into = (
            f"{connection.ops.quote_name(meta.db_table)} "
            f"({', '.join(connection.ops.quote_name(c) for c in columns)})"
        )
        self.sql = f"INSERT INTO {into} VALUES ({', '.join(['%s'] * len(columns))})"
        self.copy_sql = f"COPY {into} FROM STDIN"
        self.constants = tuple(self.defaults.values())
        self.next_id = (model.objects.aggregate(n=Max("pk"))["n"] or 0) + 1
        self.rows: list[tuple] = []

    def add(self, *values) -> int:
        """Queue a row (values in the order of `fields`); returns its id."""
        pk = self.next_id
        self.next_id += 1
        self.rows.append((pk, *values, *self.constants))
        if len(self.rows) >= BATCH:
            self.flush()
        return pk

    def flush(self) -> None:
        if not self.rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, self.rows)
        self.rows = []

    def close(self) -> None:
        self.flush()
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [self.model]):
                cursor.execute(sql)


class Scenario:
    def __init__(self):
        self.rng = random.Random(2025)
        self.card_serial = 0

    # The tree ---------------------------------------------------------------------------

    def tree(self) -> None:
        load_admin_units(province="can_tho")
        build_party_tree(province="can_tho")
        self.root = Organization.objects.get(code="92")
        self.communes = list(
            OrganizationPeriod.objects.valid_at(ON)
            .filter(parent=self.root, kind=Kind.COMMUNE_COMMITTEE)
            .order_by("organization__code")
            .values_list("organization_id", flat=True)
        )
        assert len(self.communes) == COMMUNES
        self.legacy: dict[int, list[int]] = defaultdict(list)  # commune → communes before
        for old, heir in (
            OrganizationSuccession.objects.filter(valid_at_q(ON), heir_id__in=self.communes)
            .exclude(organization_id=F("heir_id"))
            .filter(organization__periods__kind=Kind.GRASSROOTS_COMMITTEE)
            .order_by("organization_id")
            .values_list("organization_id", "heir_id")
        ):
            if old not in self.legacy[heir]:
                self.legacy[heir].append(old)
        assert all(self.legacy[commune] for commune in self.communes)
        self.decision = decision_cite(
            number="125-QĐ/TU", signed_on=D(2025, 6, 25), issuer="Thành ủy Cần Thơ"
        )
        self.departments = [
            organization_establish(
                code=f"92.{code}",
                name=name,
                kind=Kind.STATE_AGENCY,
                parent=self.root,
                established_on=REFORM_2025,
                decision=self.decision,
            )
            for code, name in DEPARTMENTS
        ]

    def home_before_reform(self, commune: int) -> int:
        """A pre-2025 commune merged into `commune` (its members are carried by the lineage)."""
        return self.rng.choice(self.legacy[commune])

    # Rows -------------------------------------------------------------------------------

    def open_tables(self) -> None:
        self.people = Table(Person, "code", "full_name", "name_folded", "sex", "date_of_birth")
        self.spans = Table(
            MembershipSpan, "person", "valid_from", "valid_to", "status", "organization",
            "admitted_on", "confirmed_on", "card_number", "card_series",
        )  # fmt: skip
        self.events = Table(
            MembershipEvent, "person", "kind", "effective_on", "organization", "decision",
            "card_number", "card_series", "is_void",
        )  # fmt: skip
        self.exchanges = Table(
            CardExchange, "person", "series", "organization", "old_card_number",
            "new_card_number", "event", *STEPS,
        )  # fmt: skip

    def close_tables(self) -> None:
        for table in (self.people, self.events, self.spans, self.exchanges):
            table.close()

    def persons(self, n: int, born: tuple[int, int]) -> list[tuple[int, dt.date]]:
        """`n` invented persons: (id, date of birth) each."""
        rng, found = self.rng, []
        for _ in range(n):
            sex = "female" if rng.random() < 0.38 else "male"
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"
            birth = D(rng.randint(*born), rng.randint(1, 12), rng.randint(1, 28))
            code = f"HS{self.people.next_id:010d}"
            found.append((self.people.add(code, name, folded(name), sex, birth), birth))
        # Written before any row refers to them: while a (deferred) foreign key is broken,
        # SQLite looks for the children of every parent row inserted.
        self.people.flush()
        return found

    def card(self) -> str:
        self.card_serial += 1
        return f"{self.card_serial:09d}"

    def span(self, person, start, end, status, org, admitted, confirmed=None, card="", series=""):
        self.spans.add(person, start, end, status, org, admitted, confirmed, card, series)

    def event(self, person, kind, on, org=None, decision=None, card="", series="", void=False):
        return self.events.add(person, kind, on, org, decision, card, series, void)

    # Members ----------------------------------------------------------------------------

    def veteran(self, birth: dt.date, commune: int) -> dict:
        """A full member of long standing, placed in a pre-2025 commune, with a 2012 card."""
        admitted = D(min(birth.year + self.rng.randint(20, 32), 2020), birth.month, 1)
        confirmed = confirmed_on(admitted)
        return {
            "org": self.home_before_reform(commune),
            "admitted": admitted,
            "confirmed": confirmed,
            "carded": max(confirmed, D(2013, 1, 1)) + dt.timedelta(days=60),
            "old_card": self.card(),
        }

    def exchanged(self, person, birth, commune: int, on: dt.date, died=None, full=True):
        """A veteran whose card was exchanged on `on`: the event, the span with the new card
        from `on` and, when `full`, the span with the old card before it and the exchange
        record with its steps (the 126.014 leave those two out: no figure reads them, and
        they would double the rows to write)."""
        v = self.veteran(birth, commune)
        new_card = self.card()
        last = day_before(died) if died else END_OF_TIME
        if full:
            self.span(person, v["carded"], day_before(on), S.FULL, v["org"], v["admitted"],
                      v["confirmed"], v["old_card"], OLD)  # fmt: skip
        if on <= last:
            self.span(person, on, last, S.FULL, v["org"], v["admitted"], v["confirmed"],
                      new_card, NEW)  # fmt: skip
        event = self.event(person, EventKind.CARD_EXCHANGE, on, card=new_card, series=NEW)
        if full:
            steps = [on - dt.timedelta(days=days) for days in STEP_DAYS]
            self.exchanges.add(person, NEW, commune, v["old_card"], new_card, event, *steps)
        if died:
            self.event(person, EventKind.DEATH, died)

    def waiting(self, person, birth, commune: int, declared: bool, series: str = OLD) -> None:
        """A veteran still on the old card on the date (declared for the exchange or not)."""
        v = self.veteran(birth, commune)
        self.span(person, v["carded"], END_OF_TIME, S.FULL, v["org"], v["admitted"],
                  v["confirmed"], v["old_card"], series)  # fmt: skip
        if declared:
            no_steps = [None] * (len(STEPS) - 1)
            self.exchanges.add(person, NEW, commune, v["old_card"], "", None, DECLARED, *no_steps)

    def admitted(self, person, commune: int, on: dt.date, kind=EventKind.ADMISSION) -> None:
        """Admitted on `on` by the commune (by its pre-2025 predecessor before 01/07/2025)."""
        org = commune if on >= REFORM_2025 else self.home_before_reform(commune)
        self.event(person, kind, on, org, self.decision.pk)
        self.span(person, on, END_OF_TIME, S.PROBATIONARY, org, on)
        if kind == EventKind.READMISSION:  # a member from 2008 who resigned in 2016
            before, first = self.home_before_reform(commune), D(2008, 5, 1)
            self.event(person, EventKind.ADMISSION, first, before, self.decision.pk)
            self.event(person, EventKind.CONFIRMATION, D(2009, 5, 1), None, self.decision.pk)
            self.event(person, EventKind.RESIGNATION, D(2016, 4, 1))
            self.span(person, first, D(2009, 4, 30), S.PROBATIONARY, before, first)
            self.span(person, D(2009, 5, 1), D(2016, 3, 31), S.FULL, before, first, D(2009, 5, 1))

    def confirmed_2025(self, person, commune: int, admitted: dt.date, issued: bool) -> None:
        """Admitted in 2024, full in 2025; a 2025-series card issued (not exchanged) or none."""
        org, decision = self.home_before_reform(commune), self.decision.pk
        confirmed = confirmed_on(admitted)
        self.event(person, EventKind.ADMISSION, admitted, org, decision)
        self.event(person, EventKind.CONFIRMATION, confirmed, None, decision)
        self.span(person, admitted, day_before(confirmed), S.PROBATIONARY, org, admitted)
        if not issued:
            self.span(person, confirmed, END_OF_TIME, S.FULL, org, admitted, confirmed)
            return
        issue_on, card = confirmed + dt.timedelta(days=30), self.card()
        self.event(person, EventKind.CARD_ISSUE, issue_on, card=card, series=NEW)
        self.span(person, confirmed, day_before(issue_on), S.FULL, org, admitted, confirmed)
        self.span(person, issue_on, END_OF_TIME, S.FULL, org, admitted, confirmed, card, NEW)

    def corrected(self, person, commune: int) -> None:
        """An admission entered as 03/03/2025, voided by a correction naming the right one
        (20/12/2024): a member, probationary on the date, not admitted in 2025."""
        org, first = self.home_before_reform(commune), D(2024, 12, 20)
        wrong = self.event(person, EventKind.ADMISSION, D(2025, 3, 3), org, self.decision.pk,
                           void=True)  # fmt: skip
        right = self.event(person, EventKind.ADMISSION, first, org, self.decision.pk)
        self.span(person, first, END_OF_TIME, S.PROBATIONARY, org, first)
        self.correction = (wrong, right)

    def members(self) -> dict[int, list[int]]:
        """Every member group of the table above; returns the veterans of each commune
        (seat holders and moved cadres are drawn from them)."""
        rng, communes = self.rng, self.communes
        self.open_tables()
        by_commune: dict[int, list[int]] = defaultdict(list)
        exchange_days = spread(D(2025, 8, 15), ON, DONE)
        rng.shuffle(exchange_days)
        plain = DONE + WAITING - 40 - 25
        veterans = self.persons(DONE + WAITING + 30, born=(1950, 1990))
        for i, (person, birth) in enumerate(veterans):
            commune = communes[i % COMMUNES]
            if i < DONE:
                self.exchanged(person, birth, commune, exchange_days[i], full=False)
            elif i < DONE + WAITING - 40:
                self.waiting(person, birth, commune, i % 3 == 0, OLD if i < plain else "")
            elif i < DONE + WAITING:
                self.exchanged(person, birth, commune, AFTER)  # on the date: old card
            else:
                self.exchanged(person, birth, commune, D(2025, 9, 10), died=D(2025, 11, 20))
            if i < DONE + WAITING - 40:
                by_commune[commune].append(person)

        readmitted = self.persons(12, born=(1960, 1980))  # members 2008–2016, back in 2025
        newcomers = iter(self.persons(ADMITTED - 12 + 7 + 1 + 312 + 150, born=(1975, 2004)))
        days = spread(D(2025, 1, 2), LAST_ADMISSION, ADMITTED)
        for i, on in enumerate(days):
            if i % 400 == 7:
                self.admitted(readmitted.pop()[0], communes[i % COMMUNES], on, READMISSION)
            else:
                self.admitted(next(newcomers)[0], communes[i % COMMUNES], on)
        assert not readmitted
        for person, _ in [next(newcomers) for _ in range(7)]:
            self.admitted(person, rng.choice(communes), AFTER)
        self.corrected(next(newcomers)[0], rng.choice(communes))
        for i, (person, _) in enumerate(newcomers):
            admitted = D(2024, 1 + i % 10, 1 + i % 28)
            self.confirmed_2025(person, communes[i % COMMUNES], admitted, issued=i >= 312)
        self.close_tables()
        wrong, right = self.correction
        EventCorrection.objects.create(
            event_id=wrong, replacement_id=right, reason="Ghi nhầm ngày kết nạp."
        )
        self.admissions_in_quarter = sum(1 for day in days if day >= D(2025, 10, 1))
        return by_commune

    def targets(self) -> None:
        base, short = divmod(TARGET, COMMUNES)  # 46 each, 95 communes one more
        targets = [
            AdmissionTarget(
                organization_id=commune,
                kind=TargetKind.YEAR,
                year=2025,
                starts_on=D(2025, 1, 1),
                ends_on=D(2025, 12, 31),
                count=base + (1 if i < short else 0),
                decision=self.decision,
            )
            for i, commune in enumerate(self.communes)
        ]
        merged_away = [old for olds in self.legacy.values() for old in olds[:1]][:20]
        targets += [
            AdmissionTarget(organization_id=old, kind=TargetKind.YEAR, year=2025,
                            starts_on=D(2025, 1, 1), ends_on=D(2025, 12, 31), count=30)
            for old in merged_away
        ]  # fmt: skip
        targets += [
            AdmissionTarget(organization_id=commune, kind=TargetKind.YEAR, year=2024,
                            starts_on=D(2024, 1, 1), ends_on=D(2024, 12, 31), count=40)
            for commune in self.communes[:10]
        ]  # fmt: skip
        AdmissionTarget.objects.bulk_create(targets)

    # Seats ------------------------------------------------------------------------------

    def seats(self, by_commune: dict[int, list[int]]) -> None:
        start = REFORM_2025
        plan: list[tuple[Post, int, list]] = []  # post, seats, holders as (person, from, to)

        def post(org, body, title, seats, holders, central=False):
            p = Post(organization_id=org, body=body, title=title, per_central_guidance=central)
            plan.append((p, seats, [h if isinstance(h, tuple) else (h, start, END_OF_TIME)
                                    for h in holders]))  # fmt: skip
            return p

        vacant_posts: list[tuple[Post, int]] = []  # civil-service posts with their vacancies
        for i, commune in enumerate(self.communes):
            pool = by_commune[commune]
            bch = 31 if i < BCH_BIG else 30
            btv = 11 if i < BTV_BIG else 10
            short = 1 if i % 7 == 3 and i // 7 < BCH_VACANT else 0
            committee = pool[: bch - short]
            holders: list = list(committee)
            if short:  # the seat's holder left on 14/11/2025; a successor comes on 15/12
                holders.append((pool[bch], start, D(2025, 11, 14)))
                if i % 2:
                    holders.append((pool[bch + 1], D(2025, 12, 15), END_OF_TIME))
            post(commune, Body.EXECUTIVE_COMMITTEE, "Ủy viên Ban Chấp hành", bch, holders)
            post(commune, Body.STANDING_COMMITTEE, "Bí thư", 1, committee[:1])
            post(commune, Body.STANDING_COMMITTEE, "Phó Bí thư", 2, committee[1:3])
            post(commune, Body.STANDING_COMMITTEE, "Ủy viên Ban Thường vụ", btv - 3,
                 committee[3:btv])  # fmt: skip
            others = pool[bch + 2 :]
            post(commune, Body.INSPECTION_COMMITTEE, "Chủ nhiệm Ủy ban Kiểm tra", 1, others[:1])
            post(commune, Body.INSPECTION_COMMITTEE, "Ủy viên Ủy ban Kiểm tra", 4,
                 others[1 : 4 if i % 5 == 0 else 5])  # fmt: skip
            post(commune, Body.PEOPLES_COMMITTEE, "Chủ tịch Ủy ban nhân dân", 1, others[5:6])
            post(commune, Body.PEOPLES_COMMITTEE, "Phó Chủ tịch Ủy ban nhân dân", 2, others[6:8])
            cursor = 8
            for j, (title, seats) in enumerate(CIVIL_SERVICE):
                # 4 posts of 2 seats one short everywhere (412), the fifth both short in 19
                # communes (38), the IT post vacant in 60 communes (60): 510 seats.
                vacant = 1 if j < 4 else (2 if i < 19 else 0) if j == 4 else (1 if i < 60 else 0)
                held = others[cursor : cursor + seats - vacant]
                cursor += seats - vacant
                if vacant and j == 0 and i % 4 == 0:  # the holder who left on 31/10/2025
                    held = [*held, (others[cursor], start, D(2025, 10, 31))]
                    cursor += 1
                p = post(commune, Body.CIVIL_SERVICE, title, seats, held, central=True)
                vacant_posts.append((p, vacant))
        root = self.root.pk
        members = by_commune[self.communes[0]][-70:]
        post(root, Body.EXECUTIVE_COMMITTEE, "Ủy viên Ban Chấp hành Thành ủy", 61, members[:58])
        post(root, Body.STANDING_COMMITTEE, "Ủy viên Ban Thường vụ Thành ủy", 17, members[:17])
        post(self.departments[0].pk, Body.DEPARTMENT, "Phó Giám đốc Sở", 3, members[58:60])

        posts = Post.objects.bulk_create([p for p, _, _ in plan], batch_size=BATCH)
        PostQuota.objects.bulk_create(
            [PostQuota(post=p, seats=n, valid_from=start, decision=self.decision)
             for p, (_, n, _) in zip(posts, plan, strict=True)],
            batch_size=BATCH,
        )  # fmt: skip
        kinds = {Body.CIVIL_SERVICE: AssignmentKind.ASSIGNMENT, Body.DEPARTMENT:
                 AssignmentKind.APPOINTMENT}  # fmt: skip
        Assignment.objects.bulk_create(
            [
                Assignment(person_id=person, post=p, valid_from=first, valid_to=last,
                           kind=kinds.get(p.body, AssignmentKind.ELECTION),
                           decision=self.decision)
                for p, _, holders in plan
                for person, first, last in holders
            ],
            batch_size=BATCH,
        )  # fmt: skip
        self.plans(vacant_posts)

    def plans(self, vacant_posts: list[tuple[Post, int]]) -> None:
        """Each vacant post's plan: 19 double vacancies need reinforcement; of the 472 single
        ones, 141 need support (secondment, transfer, reinforcement in turn), 331 self."""
        P = SourcingPlan.Source
        support = [P.SECONDMENT, P.TRANSFER, P.REINFORCEMENT]
        plans, singles = [], 0
        for p, vacant in vacant_posts:
            if not vacant:
                if p.pk % 9 == 0:  # a plan on a post filled since: no vacancy to count
                    plans.append(SourcingPlan(post=p, planned_on=D(2025, 8, 1), source=P.SELF))
                continue
            if vacant == 2:
                source = P.REINFORCEMENT
            else:
                source = support[singles % 3] if singles < 141 else P.SELF
                singles += 1
            planned = D(2025, 9, 1)
            if source == P.SELF and singles % 6 == 0:  # support first, then self on 20/10
                plans.append(SourcingPlan(post=p, planned_on=planned, source=P.TRANSFER))
                planned = D(2025, 10, 20)
            plans.append(SourcingPlan(post=p, planned_on=planned, source=source))
            if source != P.SELF and singles % 4 == 1:  # dated after the report's date
                plans.append(SourcingPlan(post=p, planned_on=D(2025, 12, 20), source=P.SELF))
        SourcingPlan.objects.bulk_create(plans, batch_size=BATCH)

    # Moves ------------------------------------------------------------------------------

    def moves(self, by_commune: dict[int, list[int]]) -> None:
        rng, communes, departments = self.rng, self.communes, self.departments
        cadres = [p for c in communes for p in by_commune[c][-120:-80]]
        rng.shuffle(cadres)
        moves = []

        def move(kind, origin, destination, on, decided_by):
            moves.append(
                Move(person_id=cadres[len(moves)], kind=kind, origin_id=origin,
                     destination_id=destination, starts_on=on, decided_by_id=decided_by,
                     decision=self.decision)
            )  # fmt: skip

        root = self.root.pk
        for i, on in enumerate(spread(SINCE, LAST_MOVE, REINFORCEMENTS)):
            move(MoveKind.REINFORCEMENT, departments[i % 7].pk, communes[i % COMMUNES], on, root)
        for i in range(9):  # secondments (biệt phái) are not reinforcements
            move(MoveKind.SECONDMENT, departments[i % 7].pk, communes[i], D(2025, 9, 1), root)
        for i in range(4):  # commune to commune, decided by the city
            move(MoveKind.REINFORCEMENT, communes[i], communes[-1 - i], D(2025, 9, 2), root)
        for i in range(6):  # after the date
            move(MoveKind.REINFORCEMENT, departments[i].pk, communes[i], D(2025, 12, 8), root)
        days = spread(D(2025, 7, 15), D(2025, 11, 30), COMMUNE_MOVES)
        for i, on in enumerate(days):
            origin, destination = communes[5 * i], communes[5 * i + 1]
            kind = MoveKind.ROTATION if i % 6 == 0 else MoveKind.TRANSFER
            move(kind, origin, destination, on, origin)
        for i in range(2):
            move(MoveKind.TRANSFER, communes[i], communes[i + 2], D(2025, 12, 15), communes[i])
        Move.objects.bulk_create(moves, batch_size=BATCH)


def build() -> SimpleNamespace:
    """Write the scenario; returns the city's root organization and what the test needs."""
    scenario = Scenario()
    scenario.tree()
    by_commune = scenario.members()
    scenario.targets()
    scenario.seats(by_commune)
    scenario.moves(by_commune)
    return SimpleNamespace(
        root=scenario.root,
        communes=scenario.communes,
        departments=scenario.departments,
        admissions_in_quarter=scenario.admissions_in_quarter,
    )
