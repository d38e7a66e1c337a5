"""Synthetic, deterministic member data for a province (demos and benchmarks).

Every person is invented from name-part frequency lists, consistent with sex; ethnicity
shares fit the Mekong Delta (Kinh, Khmer, Hoa). Each member's history is written as events
(admission, confirmation, transfers between communes, temporary transfers, deaths, card
issue and the 2025 card exchange) placed in the pre-2025 commune committees, so that the
2025 merger carries them by the lineage. Each history is replayed in memory by the same
`replay` the services use (so the data obeys the rules), then events and spans are
bulk-inserted: no per-row queries.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction

from tochuc.cadres.models import Post
from tochuc.core.dating import REFORM_2025
from tochuc.core.models import Decision
from tochuc.core.text import search_key
from tochuc.demo.names import FAMILY, GIVEN, HOA_FAMILY, KHMER_FAMILY, MIDDLE
from tochuc.demo.seats import SeatGenerator, SeatReport
from tochuc.members.models import EventKind, MembershipEvent, MembershipSpan
from tochuc.members.replay import Fact, Refusal, confirmation_date, replay
from tochuc.members.services import span_records
from tochuc.organizations.builder import find_province
from tochuc.organizations.kinds import PARTY_KINDS, Kind
from tochuc.organizations.models import Organization, OrganizationPeriod
from tochuc.people.catalogs import Sector
from tochuc.people.models import Person

K = EventKind
KHMER, HOA, KINH = "05", "04", "01"
SECTORS = [
    (Sector.AGRICULTURE, 30), (Sector.PARTY_STATE, 18), (Sector.PUBLIC_SERVICE, 15),
    (Sector.RETIRED, 14), (Sector.ARMED_FORCES, 4), (Sector.NON_STATE_ENTERPRISE, 7),
    (Sector.SELF_EMPLOYED, 7), (Sector.STUDENT, 2), (Sector.OTHER, 3),
]  # fmt: skip


def pick(rng: random.Random, weighted):
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


@dataclass
class DemoReport:
    persons: int = 0
    events: int = 0
    spans: int = 0
    skipped: int = 0


class Generator:
    def __init__(self, *, province: str, seed: int, today: dt.date):
        self.rng = random.Random(seed)
        self.today = today
        unit = find_province(province)
        self.province = Organization.objects.get(code=unit.code)
        self.old_communes, self.new_communes, self.periods = self._organizations()
        self.decision, _ = Decision.objects.get_or_create(
            number="DEMO-01/QĐ",
            signed_on=dt.date(2015, 1, 1),
            issuer="Dữ liệu giả lập",
            defaults={"title": "Quyết định giả lập cho dữ liệu thử (không có thật)"},
        )

    def _organizations(self):
        """Pre-2025 commune committees of the merged provinces, today's communes, periods."""
        province_org = self.province
        provinces_old = Organization.objects.filter(
            successor_links__successor=province_org
        ).values_list("id", flat=True)
        periods = defaultdict(list)
        rows = OrganizationPeriod.objects.filter(kind__in=PARTY_KINDS).values_list(
            "organization_id", "kind", "valid_from", "valid_to", "parent_id"
        )
        old, new = [], []
        for org_id, kind, start, end, parent in rows:
            periods[org_id].append((start, end))
            if kind == Kind.GRASSROOTS_COMMITTEE and end < REFORM_2025:
                old.append(org_id)
            elif kind == Kind.COMMUNE_COMMITTEE and parent == province_org.id:
                new.append(org_id)
        old_ids = set(
            Organization.objects.filter(
                id__in=old, periods__parent__periods__parent__in=provinces_old
            ).values_list("id", flat=True)
        )
        return sorted(old_ids), sorted(new), periods

    def exists(self, org_id: int, day: dt.date) -> bool:
        return any(s <= day <= e for s, e in self.periods.get(org_id, []))

    def person(self) -> Person:
        rng = self.rng
        sex = "female" if rng.random() < 0.38 else "male"
        roll = rng.random()
        ethnicity = KHMER if roll < 0.08 else HOA if roll < 0.10 else KINH
        family = {KHMER: KHMER_FAMILY, HOA: HOA_FAMILY}.get(ethnicity, FAMILY)
        name = f"{pick(rng, family)} {pick(rng, MIDDLE[sex])} {pick(rng, GIVEN[sex])}"
        birth = dt.date(rng.randint(1945, 2004), rng.randint(1, 12), rng.randint(1, 28))
        return Person(
            full_name=name,
            name_folded=search_key(name),
            sex=sex,
            date_of_birth=birth,
            ethnicity=ethnicity,
            sector=pick(rng, SECTORS),
        )

    def history(self, person: Person) -> list[Fact]:
        """A plausible event list; the replay decides whether it is valid."""
        rng, today = self.rng, self.today
        earliest = max(
            dt.date(2005, 1, 1), person.date_of_birth.replace(year=person.date_of_birth.year + 19)
        )
        if earliest >= today:
            return []
        span_days = (min(today, dt.date(2025, 11, 28)) - earliest).days
        admitted = earliest + dt.timedelta(days=int(span_days * rng.random() ** 0.7))
        pre_reform = admitted < REFORM_2025
        home = rng.choice(self.old_communes if pre_reform else self.new_communes)
        facts = [Fact(None, K.ADMISSION, admitted, home)]
        confirmed = confirmation_date(admitted)
        if confirmed <= today and rng.random() < 0.97:
            facts.append(Fact(None, K.CONFIRMATION, confirmed))
            if confirmed < dt.date(2025, 1, 1):
                facts.append(
                    Fact(
                        None,
                        K.CARD_ISSUE,
                        confirmed + dt.timedelta(days=60),
                        card_number=f"{rng.randrange(10**8):08d}",
                        card_series="2012",
                    )
                )
                if rng.random() < 0.9:
                    day = dt.date(2025, 8, 1) + dt.timedelta(days=rng.randrange(120))
                    if day <= today:
                        facts.append(
                            Fact(
                                None,
                                K.CARD_EXCHANGE,
                                day,
                                card_number=f"{rng.randrange(10**9):09d}",
                            )
                        )
        if rng.random() < 0.05:
            day = admitted + dt.timedelta(days=rng.randrange(400, 3000))
            pool = self.old_communes if day < REFORM_2025 else self.new_communes
            if day <= today:
                facts.append(Fact(None, K.TRANSFER, day, rng.choice(pool)))
        if rng.random() < 0.01:
            day = today - dt.timedelta(days=rng.randrange(30, 200))
            facts.append(Fact(None, K.TEMPORARY_TRANSFER, day, rng.choice(self.new_communes)))
        if person.date_of_birth.year < 1960 and rng.random() < 0.08:
            facts.append(Fact(None, K.DEATH, today - dt.timedelta(days=rng.randrange(1, 3000))))
        return facts

    @transaction.atomic
    def run(self, members: int) -> DemoReport:
        report = DemoReport()
        batch = 5000
        while report.persons < members:
            histories, accepted = [], []
            while len(accepted) < min(batch, members - report.persons):
                person = self.person()
                facts = self.history(person)
                try:
                    spans = (
                        replay(
                            facts, birth=person.date_of_birth, party_organization_exists=self.exists
                        )
                        if facts
                        else None
                    )
                except Refusal:
                    spans = None
                if spans is None:
                    report.skipped += 1
                    continue
                accepted.append(person)
                histories.append((facts, spans))
            created = Person.objects.bulk_create(accepted)
            events, rows = [], []
            for person, (facts, spans) in zip(created, histories, strict=True):
                events += [
                    MembershipEvent(
                        person=person,
                        kind=f.kind,
                        effective_on=f.effective_on,
                        organization_id=f.organization_id,
                        card_number=f.card_number,
                        card_series=f.card_series,
                        decision=self.decision if f.kind in (K.ADMISSION, K.CONFIRMATION) else None,
                    )
                    for f in facts
                ]
                rows += span_records(person, spans)
            MembershipEvent.objects.bulk_create(events, batch_size=5000)
            MembershipSpan.objects.bulk_create(rows, batch_size=5000)
            report.persons += len(created)
            report.events += len(events)
            report.spans += len(rows)
        return report

    @transaction.atomic
    def seats(self) -> SeatReport:
        """Posts, holders, sourcing plans and moves of today's communes (once)."""
        if Post.objects.filter(organization_id__in=self.new_communes).exists():
            return SeatReport()
        return SeatGenerator(
            rng=self.rng,
            province=self.province,
            communes=self.new_communes,
            decision=self.decision,
            today=self.today,
        ).run()
