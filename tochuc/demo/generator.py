"""Synthetic, deterministic data of a province (demos) or of the whole country (benchmarks).

`Generator(province=…, seed=…, today=…).run(members)` writes, in the caller's transaction:
members with their histories since they joined (`tochuc.demo.members`: invented names,
regional ethnicity shares, admissions, confirmations, transfers, temporary transfers,
deaths and other endings, card issue, the 2025 card exchange with its step records, the
2025 merger carried by the lineage), their training (`tochuc.demo.training`), then once per
province the admission targets (`targets`), headcounts (`staffing`) and the seats, holders,
sourcing plans, moves and succession planning of the communes and departments (`seats`).
Rows are written by `BulkWriter` (COPY on PostgreSQL, executemany on SQLite) a batch of
members at a time, so memory stays bounded by a batch and one province's organizations;
on empty tables the secondary indexes are rebuilt once at the end, and on PostgreSQL the
foreign keys are checked once at the end when the database allows it.

`generate_national(...)` runs a `Generator` per province, one transaction each, with
members shared in proportion to the number of communes (5.6 million for the country).
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import time
from collections import defaultdict
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from tochuc.administrative_units.models import AdministrativeUnit
from tochuc.admissions.models import AdmissionTarget
from tochuc.cadres.models import Post
from tochuc.cards.models import CardExchange
from tochuc.core.bulk import BulkWriter, decision_ids, deferred_indexes
from tochuc.core.dating import REFORM_2025, valid_at_q
from tochuc.core.formatting import vn_int
from tochuc.demo import members as m
from tochuc.demo.members import MemberFactory, Place, Weighted
from tochuc.demo.seats import SeatGenerator, SeatReport
from tochuc.demo.staffing import headcounts
from tochuc.demo.targets import admission_targets
from tochuc.demo.training import ClassSchedule, organizers
from tochuc.members.models import MembershipEvent, MembershipSpan
from tochuc.organizations.builder import find_province, today_provinces
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import (
    Organization,
    OrganizationPeriod,
    OrganizationSuccession,
)
from tochuc.people.models import Person
from tochuc.staffing.models import Headcount
from tochuc.training.models import Enrollment, Qualification

BATCH = 20_000
NATIONAL_MEMBERS = 5_600_000
ISSUER = "Dữ liệu giả lập"
MEMBER_MODELS = (Person, MembershipEvent, MembershipSpan, CardExchange, Enrollment, Qualification)


@contextmanager
def collection_paused():
    """No cyclic garbage collection while millions of tuples are made (they form no cycles);
    collected once at the end."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


@dataclass
class DemoReport:
    """How many rows of each kind were written (and how many histories were replayed)."""

    persons: int = 0
    events: int = 0
    spans: int = 0
    replayed: int = 0
    exchanges: int = 0
    enrollments: int = 0
    classes: int = 0
    qualifications: int = 0
    targets: int = 0
    headcounts: int = 0
    seats: SeatReport = field(default_factory=SeatReport)

    def add(self, other: DemoReport) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        for name, value in vars(other.seats).items():
            setattr(self.seats, name, getattr(self.seats, name) + value)


def load_place(unit: AdministrativeUnit, rng: random.Random) -> Place:
    """Today's provincial committee of `unit`, its pre-2025 provinces, districts and commune
    committees, today's communes, the lineage between them and commune weights (wards hold
    more members than rural communes). A handful of queries."""
    province = Organization.objects.get(code=unit.code)
    olds = list(
        Organization.objects.filter(successor_links__successor=province)
        .values_list("id", flat=True)
        .order_by("id")
    )
    periods = OrganizationPeriod.objects.order_by("organization_id", "valid_from")
    districts = dict(
        periods.filter(kind=Kind.DISTRICT_COMMITTEE, parent__in=olds).values_list(
            "organization_id", "parent_id"
        )
    )
    old = dict(
        periods.filter(kind=Kind.GRASSROOTS_COMMITTEE, parent__in=list(districts)).values_list(
            "organization_id", "parent_id"
        )
    )
    new = list(
        periods.filter(kind=Kind.COMMUNE_COMMITTEE, parent=province).values_list(
            "organization_id", flat=True
        )
    )
    ids = [*old, *new]
    span = defaultdict(list)
    for organization, start, end in periods.filter(organization_id__in=ids).values_list(
        "organization_id", "valid_from", "valid_to"
    ):
        span[organization].append((start, end))
    heir = dict(
        OrganizationSuccession.objects.filter(
            valid_at_q(REFORM_2025), organization_id__in=list(old)
        ).values_list("organization_id", "heir_id")
    )
    units = dict(
        Organization.objects.filter(id__in=ids).values_list("id", "administrative_unit_id")
    )
    urban = set(
        AdministrativeUnit.objects.filter(
            id__in=[u for u in units.values() if u], unit_type__in=("Phường", "Thị trấn", "Đặc khu")
        ).values_list("id", flat=True)
    )
    weight = {
        c: rng.lognormvariate(0, 0.4) * (1.6 if units[c] in urban else 1) for c in sorted(old)
    }
    inherited = defaultdict(float)
    for commune, w in weight.items():
        inherited[heir.get(commune)] += w
    average = sum(weight.values()) / max(len(weight), 1)
    return Place(
        province=province.pk,
        code=unit.code,
        old_communes=Weighted(weight.items()),
        new_communes=Weighted((c, inherited.get(c) or average) for c in sorted(new)),
        heir=heir,
        old_province={c: districts[d] for c, d in old.items()},
        district_province=districts,
        unit={c: u for c, u in units.items() if u},
        periods=dict(span),
    )


class Generator:
    """The synthetic data of one province; the same seed gives the same data."""

    def __init__(self, *, province: str, seed: int, today: dt.date):
        self.unit = find_province(province)
        self.seed, self.today = seed, today
        self.rng = random.Random(f"{seed}:{self.unit.code}")
        self.place = load_place(self.unit, random.Random(f"{seed}:{self.unit.code}:places"))

    @property
    def ready(self) -> bool:
        """Whether the province's party tree (before and after 2025) is built."""
        return bool(self.place.old_communes.values and self.place.new_communes.values)

    def run(self, members: int) -> DemoReport:
        """Members and their training, then (once per province) targets, headcounts, seats."""
        writer, report = BulkWriter(), DemoReport()
        names = dict(  # the provincial committees' latest names
            OrganizationPeriod.objects.filter(
                organization_id__in=[*set(self.place.old_province.values()), self.place.province]
            )
            .order_by("valid_from")
            .values_list("organization_id", "name")
        )
        name = names[self.place.province]
        schedule = ClassSchedule(
            writer=writer,
            rng=self.rng,
            today=self.today,
            place=self.place,
            members=members,
            organizers=organizers(self.place, names),
        )
        first_person = writer.ids(Person, 0).start  # in the seed: --append adds other people
        factory = MemberFactory(
            place=self.place,
            rng=random.Random(f"{self.seed}:{self.unit.code}:{first_person}"),
            today=self.today,
            decisions=self._admission_decisions(),
            classes=schedule.slots,
            first_ids={
                "person": first_person,
                "event": writer.ids(MembershipEvent, 0).start,
                "enrollment": writer.ids(Enrollment, 0).start,
            },
        )
        large = members >= BATCH  # worth rebuilding indexes and checking keys at the end
        with writer.foreign_keys_checked_at_end() if large else nullcontext():
            schedule.store()
            with (
                deferred_indexes(MEMBER_MODELS) if large else nullcontext(),
                collection_paused(),
            ):
                self._members(writer, factory, members, report)
        report.classes = schedule.prune(factory.tally.classes_used)
        communes = list(self.place.new_communes.values)
        if not AdmissionTarget.objects.filter(organization_id__in=communes).exists():
            report.targets = admission_targets(
                writer=writer,
                rng=self.rng,
                place=self.place,
                admissions=factory.tally.admissions,
                today=self.today,
            )
        if not Headcount.objects.filter(organization_id=self.place.province).exists():
            report.headcounts = headcounts(
                writer=writer, rng=self.rng, place=self.place, today=self.today, name=name
            )
        if not Post.objects.filter(organization_id__in=communes).exists():
            report.seats = SeatGenerator(
                writer=writer,
                rng=self.rng,
                place=self.place,
                pools=factory.tally.pools,
                today=self.today,
                name=name,
            ).run()
        writer.finish()
        return report

    @staticmethod
    def _members(writer: BulkWriter, factory: MemberFactory, members: int, report) -> None:
        """Members, generated and written a batch at a time."""
        now = timezone.now()
        tables = (  # model, columns, rows (a `Batch` attribute, also a report count), constants
            (Person, m.PERSON_FIELDS, "persons", m.PERSON_CONSTANT),
            (MembershipEvent, m.EVENT_FIELDS, "events", {**m.EVENT_CONSTANT, "recorded_at": now}),
            (MembershipSpan, m.SPAN_FIELDS, "spans", m.SPAN_CONSTANT),
            (CardExchange, m.EXCHANGE_FIELDS, "exchanges", m.EXCHANGE_CONSTANT),
            (Enrollment, m.ENROLLMENT_FIELDS, "enrollments",
             {**m.ENROLLMENT_CONSTANT, "created_at": now}),
            (Qualification, m.QUALIFICATION_FIELDS, "qualifications",
             {**m.QUALIFICATION_CONSTANT, "created_at": now}),
        )  # fmt: skip
        while report.persons < members:
            batch = factory.batch(min(BATCH, members - report.persons))
            for model, fields, name, constant in tables:
                written = writer.insert(model, fields, getattr(batch, name), **constant)
                setattr(report, name, getattr(report, name) + written)
            report.replayed += batch.verified
        writer.taken(Person, factory.next_ids["person"])
        writer.taken(MembershipEvent, factory.next_ids["event"])
        writer.taken(Enrollment, factory.next_ids["enrollment"])

    def _admission_decisions(self) -> dict[tuple[int, int], int]:
        """One demo decision a month (cited by admissions and confirmations), shared."""
        months = [
            (year, month)
            for year in range(1960, self.today.year + 1)
            for month in range(1, 13)
            if dt.date(year, month, 1) <= self.today
        ]
        found = decision_ids(
            (f"{month}/{year}/KN-DEMO", dt.date(year, month, 1), ISSUER,
             "Kết nạp, công nhận đảng viên chính thức (giả lập)")
            for year, month in months
        )  # fmt: skip
        return {
            (year, month): found[(f"{month}/{year}/KN-DEMO", dt.date(year, month, 1), ISSUER)]
            for year, month in months
        }


def national_shares(total: int, codes: list[str] | None = None) -> dict[str, int]:
    """Members per province (code) in proportion to its number of communes today, adding up
    to `total` (largest remainders get the rounding)."""
    provinces = today_provinces().annotate(communes=Count("children"))
    if codes is not None:
        provinces = provinces.filter(code__in=codes)
    counts = {p.code: p.communes for p in provinces if p.communes}
    whole = sum(counts.values())
    exact = {code: total * n / whole for code, n in counts.items()}
    shares = {code: int(value) for code, value in exact.items()}
    by_remainder = sorted(exact, key=lambda code: (shares[code] - exact[code], code))
    for code in by_remainder[: total - sum(shares.values())]:
        shares[code] += 1
    return dict(sorted(shares.items()))


def generate_national(
    *, seed: int, members: int, today: dt.date, codes: list[str] | None = None, log=None
) -> DemoReport:
    """Every province whose party tree is built (or those in `codes`), one transaction each;
    `log(line)` is told the rate of each province."""
    if codes is None:
        built = Organization.objects.filter(code__in=today_provinces().values("code"))
        codes = list(built.values_list("code", flat=True))
    total = DemoReport()
    for code, count in national_shares(members, codes).items():
        started = time.perf_counter()
        generator = Generator(province=code, seed=seed, today=today)
        if not generator.ready:
            continue
        with transaction.atomic():
            report = generator.run(count)
        total.add(report)
        if log:
            seconds = time.perf_counter() - started
            log(
                f"{generator.unit.name}: {vn_int(report.persons)} đảng viên, "
                f"{vn_int(report.events)} sự kiện trong {round(seconds)} giây "
                f"({vn_int(round(report.persons / seconds))} đảng viên/giây)"
            )
    return total
