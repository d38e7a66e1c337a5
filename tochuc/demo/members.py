"""Synthetic members as plain rows: a person, a membership history, its spans, the person's
2025 card exchange record and training enrollments. No database access: `Generator` writes
the rows.

Histories are valid by construction: admission between full 18 and 60; confirmation on the
day the 12-month probation ends (`confirmation_date`, the rule's own function); transfers to
organizations that exist on the day and differ from the current one; card issue after
confirmation, the card exchange after it, in the campaign; one ending event at most, with
nothing after it. Their spans are derived by `fold`, the state changes of
`tochuc.members.replay.replay` without its checks, for speed (a few microseconds a history
instead of tens). Faithfulness is checked, not assumed: every `VERIFY_EVERY`-th history is
replayed by `replay` itself and generation stops if replay refuses it or derives other
spans; the tests replay every member they generate.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter

from tochuc.core.dating import END_OF_TIME, REFORM_2025
from tochuc.core.text import fold as fold_text
from tochuc.demo.names import FAMILY, GIVEN, HOA_FAMILY, KHMER_FAMILY, MIDDLE
from tochuc.members.models import EventKind, Status
from tochuc.members.replay import ORDER, Fact, confirmation_date, replay
from tochuc.people.catalogs import (
    GeneralEducation,
    PoliticalTheory,
    ProfessionalLevel,
    Religion,
    Sector,
)
from tochuc.training.models import CourseKind, Result

K = EventKind
FULL, PROBATIONARY = Status.FULL.value, Status.PROBATIONARY.value
HISTORY_START = dt.date(2015, 1, 1)
CARD_FORM_2012 = dt.date(2012, 3, 1)
"""Cards held before the 2025 exchange are of the form issued from 2012 (series "2012")."""
OLD_SERIES, NEW_SERIES = "2012", "2025"
CAMPAIGN_START = dt.date(2025, 7, 15)
"""First declarations of the card exchange (Chỉ thị 51-CT/TW); most cards arrive by December."""
CAMPAIGN_DAYS = 78
RECENT_SHARE = 0.40
"""Share of members admitted since 2015: about 3.5% of the members a year, as in Cần Thơ."""
VERIFY_EVERY = 16
KHMER, HOA, KINH = "05", "04", "01"
MEKONG_PROVINCES = {"82", "86", "91", "92", "96"}
ETHNICITIES = {
    "mekong": [(KINH, 90), (KHMER, 8), (HOA, 2)],
    "other": [(KINH, 88), ("02", 3), ("03", 3), ("06", 2), ("07", 2), (HOA, 1), (KHMER, 1)],
}
WORKING_SECTORS = [
    (Sector.AGRICULTURE, 30), (Sector.PARTY_STATE, 22), (Sector.PUBLIC_SERVICE, 18),
    (Sector.ARMED_FORCES, 5), (Sector.NON_STATE_ENTERPRISE, 9), (Sector.STATE_ENTERPRISE, 3),
    (Sector.SELF_EMPLOYED, 9), (Sector.OTHER, 4),
]  # fmt: skip
CADRE_SECTORS = {Sector.PARTY_STATE, Sector.PUBLIC_SERVICE, Sector.ARMED_FORCES}
PROFESSIONAL = {
    True: [(ProfessionalLevel.BACHELOR, 70), (ProfessionalLevel.MASTER, 12),
           (ProfessionalLevel.COLLEGE, 10), (ProfessionalLevel.INTERMEDIATE, 8)],
    False: [(ProfessionalLevel.NONE, 35), (ProfessionalLevel.VOCATIONAL, 20),
            (ProfessionalLevel.INTERMEDIATE, 15), (ProfessionalLevel.COLLEGE, 10),
            (ProfessionalLevel.BACHELOR, 20)],
}  # fmt: skip
REFRESHER = [
    (CourseKind.PROFESSIONAL, 60), (CourseKind.OTHER_REFRESHER, 25),
    (CourseKind.SOURCE_CADRE_REFRESHER, 15),
]  # fmt: skip
THEORY_RANK = {level: rank for rank, level in enumerate(PoliticalTheory.values)}
THEORY_OF_COURSE = {
    CourseKind.ADVANCED_POLITICAL_THEORY: PoliticalTheory.ADVANCED,
    CourseKind.INTERMEDIATE_POLITICAL_THEORY: PoliticalTheory.INTERMEDIATE,
}
GRADES = ["Giỏi", "Khá", "Khá", "Khá", "Trung bình"]
ENDINGS = [
    (K.TRANSFER_OUT, 0.012), (K.STRUCK_OFF, 0.003), (K.EXPULSION, 0.0005),
    (K.RESIGNATION, 0.0005),
]  # fmt: skip
"""Endings other than death, with their share of members since 2015."""

PERSON_FIELDS = (
    "id", "code", "full_name", "name_folded", "sex", "date_of_birth", "ethnicity", "religion",
    "hometown_id", "residence_id", "citizen_id", "phone", "general_education",
    "professional_level", "political_theory", "sector",
)  # fmt: skip
PERSON_CONSTANT = {
    "residence_detail": "", "state_management": "none", "specialty": "", "occupation": "",
    "version": 1,
}  # fmt: skip
EVENT_FIELDS = (
    "id", "person_id", "kind", "effective_on", "organization_id", "decision_id", "status",
    "admitted_on", "card_number", "card_series",
)  # fmt: skip
EVENT_CONSTANT = {"provincial_approval": False, "note": "", "is_void": False}
SPAN_FIELDS = (
    "person_id", "valid_from", "valid_to", "status", "organization_id", "host_organization_id",
    "admitted_on", "confirmed_on", "card_number", "card_series",
)  # fmt: skip
SPAN_CONSTANT = {"exempt": False}
EXCHANGE_FIELDS = (
    "person_id", "organization_id", "old_card_number", "declared_on", "photographed_on",
    "verified_on", "signed_on", "sent_on", "received_on", "new_card_number", "event_id",
)  # fmt: skip
EXCHANGE_CONSTANT = {"series": NEW_SERIES, "version": 1}
ENROLLMENT_FIELDS = (
    "id", "person_id", "training_class_id", "sent_by_id", "enrolled_on", "result",
    "completed_on", "grade",
)  # fmt: skip
ENROLLMENT_CONSTANT = {"special_approval": False, "note": "", "version": 1}
QUALIFICATION_FIELDS = (
    "person_id", "level", "major", "obtained_on", "institution", "enrollment_id",
)  # fmt: skip
QUALIFICATION_CONSTANT = {"kind": "political_theory", "note": "", "version": 1}

ORDINAL = {kind: ORDER[kind] for kind in K}
"""Same-day order of the replay (admission 0, confirmation 1, transfer 2 … death 10)."""
END = END_OF_TIME.toordinal()
END_TEXT = END_OF_TIME.isoformat()
REFORM = REFORM_2025.toordinal()
START = HISTORY_START.toordinal()


class Weighted:
    """Draws from (value, weight) pairs with one random number and a bisection."""

    def __init__(self, pairs):
        pairs = list(pairs)
        self.values = [value for value, _ in pairs]
        self.weights = [weight for _, weight in pairs]
        self.cumulative = list(accumulate(self.weights))
        self.total = self.cumulative[-1] if pairs else 0

    def draw(self, rng: random.Random):
        return self.values[bisect_right(self.cumulative, rng.random() * self.total)]


@dataclass
class Place:
    """A province's organizations as the generator needs them (loaded once, see `Generator`)."""

    province: int
    code: str
    old_communes: Weighted
    new_communes: Weighted
    heir: dict[int, int]
    """Old commune committee → the commune committee its members passed to on 01/07/2025."""
    old_province: dict[int, int]
    """Old commune committee → its provincial committee before 01/07/2025."""
    district_province: dict[int, int]
    """District committee → its provincial committee (before 01/07/2025)."""
    unit: dict[int, int]
    """Commune committee (old or new) → its administrative unit."""
    periods: dict[int, list[tuple[dt.date, dt.date]]]

    def exists(self, organization: int, day: dt.date) -> bool:
        return any(s <= day <= e for s, e in self.periods.get(organization, ()))

    def organizer(self, organization: int, day: int) -> int:
        """The provincial committee organizing classes for `organization` on ordinal `day`."""
        return self.old_province[organization] if day < REFORM else self.province


@dataclass(frozen=True)
class ClassSlot:
    """A class members can be sent to (days as ordinals; the course name and organizer name
    go on the qualification a completed political theory class gives)."""

    id: int
    enrolled_on: int
    closes_on: int
    major: str
    institution: str


@dataclass
class Batch:
    """The rows of a batch of members."""

    persons: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    spans: list[tuple] = field(default_factory=list)
    exchanges: list[tuple] = field(default_factory=list)
    enrollments: list[tuple] = field(default_factory=list)
    qualifications: list[tuple] = field(default_factory=list)
    verified: int = 0


@dataclass
class Tally:
    """Totals over every batch of a province: admissions per (organization, half-year as
    year * 2 + 0 or 1), classes used, and the working-age full members of each commune today
    (cadre pools: person, birth, political theory)."""

    admissions: Counter = field(default_factory=Counter)
    classes_used: set[int] = field(default_factory=set)
    pools: dict[int, list[tuple[int, dt.date, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )


def event(day: int, kind: str, organization=None, status="", admitted=None, card="", series=""):
    """An event as the generator keeps it: (day, same-day order, kind, organization, status,
    admitted, card number, card series), days as ordinals."""
    return (day, ORDINAL[kind], kind, organization, status, admitted, card, series)


def fold(events: list[tuple]) -> list[tuple]:
    """The spans of sorted events (day, order, kind, organization, status, admitted,
    card number, card series; days as ordinals), as `replay` derives them: one span per
    stretch of equal state (status, organization, host, admitted, confirmed, card number,
    card series), a state change on day D closing the previous span on D - 1."""
    spans: list[tuple] = []
    state, since = None, 0
    for day, _, kind, organization, status, admitted, card, series in events:
        if kind == K.ADMISSION:
            state, since = (PROBATIONARY, organization, None, day, None, "", ""), day
            continue
        if kind == K.TRANSFER_IN:
            confirmed = admitted if status == FULL else None
            state, since = (status, organization, None, admitted, confirmed, "", ""), day
            continue
        if kind in (K.DEATH, K.TRANSFER_OUT, K.STRUCK_OFF, K.EXPULSION, K.RESIGNATION):
            if since <= day - 1:
                spans.append((since, day - 1, *state))
            state = None
            continue
        status_, organization_, host, admitted_, confirmed, card_, series_ = state
        if kind == K.CONFIRMATION:
            new = (FULL, organization_, host, admitted_, day, card_, series_)
        elif kind == K.TRANSFER:
            new = (status_, organization, None, admitted_, confirmed, card_, series_)
        elif kind == K.TEMPORARY_TRANSFER:
            new = (status_, organization_, organization, admitted_, confirmed, card_, series_)
        elif kind == K.TEMPORARY_RETURN:
            new = (status_, organization_, None, admitted_, confirmed, card_, series_)
        elif kind == K.CARD_ISSUE:
            new = (status_, organization_, host, admitted_, confirmed, card, series)
        elif kind == K.CARD_EXCHANGE:
            new = (status_, organization_, host, admitted_, confirmed, card, NEW_SERIES)
        else:  # pragma: no cover - the generator writes no other kind
            raise ValueError(kind)
        if new != state:
            if since <= day - 1:
                spans.append((since, day - 1, *state))
            state, since = new, day
    if state is not None:
        spans.append((since, END, *state))
    return spans


def check_with_replay(events: list[tuple], spans: list[tuple], birth: int, exists) -> None:
    """Replay the history with `tochuc.members.replay.replay`; raise when replay refuses it
    or derives spans other than `spans` (what `fold` gave)."""
    date = dt.date.fromordinal
    facts = [
        Fact(None, kind, date(day), organization, status=status or "",
             admitted_on=date(admitted) if kind == K.TRANSFER_IN else None,
             card_number=card, card_series=series)
        for day, _, kind, organization, status, admitted, card, series in events
    ]  # fmt: skip
    replayed = [
        (s.valid_from.toordinal(), s.valid_to.toordinal(), s.state.status,
         s.state.organization_id, s.state.host_organization_id, s.state.admitted_on.toordinal(),
         s.state.confirmed_on and s.state.confirmed_on.toordinal(), s.state.card_number,
         s.state.card_series)
        for s in replay(facts, birth=date(birth), party_organization_exists=exists)
    ]  # fmt: skip
    if replayed != spans:
        raise AssertionError(f"fold {spans} != replay {replayed} for {facts}")


def state_on(spans: list[tuple], day: int) -> tuple | None:
    """The span covering ordinal `day`, or None when not a member then."""
    for span in spans:
        if span[0] <= day <= span[1]:
            return span
    return None


class MemberFactory:
    """Deterministic members of one province: the same seed gives the same rows."""

    def __init__(
        self,
        *,
        place: Place,
        rng: random.Random,
        today: dt.date,
        decisions: dict[tuple[int, int], int],
        classes: dict[tuple[str, int, int], list[ClassSlot]],
        first_ids: dict[str, int],
        verify_every: int = VERIFY_EVERY,
    ):
        """`first_ids` are the first free primary keys of persons, events and enrollments
        (`next_ids` the next ones once generated); `decisions[(year, month)]` is the decision
        admissions and confirmations of that month cite."""
        self.place, self.rng, self.today = place, rng, today.toordinal()
        self.classes, self.next_ids = classes, dict(first_ids)
        self.verify_every, self.count = verify_every, 0
        self.tally = Tally()
        self.base = dt.date(1900, 1, 1).toordinal()
        days = [
            dt.date.fromordinal(o)
            for o in range(self.base, dt.date(today.year + 3, 12, 31).toordinal() + 1)
        ]
        self.texts = [day.isoformat() for day in days]
        self.halves = [day.year * 2 + (day.month > 6) for day in days]
        self.decision = [decisions.get((day.year, day.month)) for day in days]
        region = "mekong" if place.code in MEKONG_PROVINCES else "other"
        self.ethnicity = Weighted(ETHNICITIES[region])
        self.family = {eth: Weighted(FAMILY) for eth, _ in ETHNICITIES[region]}
        self.family[KHMER], self.family[HOA] = Weighted(KHMER_FAMILY), Weighted(HOA_FAMILY)
        self.middle = {sex: Weighted(MIDDLE[sex]) for sex in MIDDLE}
        self.given = {sex: Weighted(GIVEN[sex]) for sex in GIVEN}
        self.folded = {
            name: fold_text(name)
            for pairs in (FAMILY, KHMER_FAMILY, HOA_FAMILY, *MIDDLE.values(), *GIVEN.values())
            for name, _ in pairs
        }
        self.sectors = Weighted(WORKING_SECTORS)
        self.professional = {k: Weighted(v) for k, v in PROFESSIONAL.items()}
        self.refresher = Weighted(REFRESHER)
        self.old_years = Weighted(
            (dt.date(year, 1, 1).toordinal(), year - 1955) for year in range(1960, 2015)
        )
        self.units = sorted(set(place.unit.values()))
        self.due: dict[int, int] = {}
        self.serial = 0

    def day(self, ordinal: int | None) -> str | None:
        """ISO text of an ordinal day (precomputed: rows carry dates as text on both
        databases, which both read as dates)."""
        if ordinal is None:
            return None
        return END_TEXT if ordinal == END else self.texts[ordinal - self.base]

    def _draw_day(self, start: int, end: int) -> int:
        """A uniformly drawn ordinal day in [start, end]."""
        return start + int(self.rng.random() * (end - start + 1))

    def _confirmation(self, admitted: int) -> int:
        """The ordinal day probation ends (rule «probation», via `confirmation_date`)."""
        due = self.due.get(admitted)
        if due is None:
            due = self.due[admitted] = confirmation_date(dt.date.fromordinal(admitted)).toordinal()
        return due

    # Histories -------------------------------------------------------------------------------

    def history(self) -> tuple[int, list[tuple], list | None]:
        """(birth, sorted events, card exchange steps or None) of one person."""
        rng, place, today = self.rng, self.place, self.today
        random_ = rng.random
        recent = random_() < RECENT_SHARE
        if recent:
            start = self._draw_day(START, today)
        else:
            start = self.old_years.draw(rng) + int(random_() * 365)
        age = 18.1 + min(rng.expovariate(0.14), 37.0)
        home = (place.old_communes if start < REFORM else place.new_communes).draw(rng)
        if recent and random_() < 0.05:  # admitted elsewhere, moved into the province
            admitted = start - int(random_() * 3000)
            status = FULL if self._confirmation(admitted) <= start else PROBATIONARY
            events = [event(start, K.TRANSFER_IN, home, status, admitted)]
        else:
            admitted, status = start, PROBATIONARY
            events = [event(start, K.ADMISSION, home)]
        birth = admitted - int(age * 365.25)
        ending = self._ending(start, birth)
        confirmed = start if status == FULL else None
        if status == PROBATIONARY:
            due = self._confirmation(admitted)
            if due <= today and random_() < 0.012:  # not confirmed: struck off
                failed = due + 10 + int(random_() * 50)
                if failed <= today and (ending is None or failed < ending[1]):
                    ending = (K.STRUCK_OFF, failed)
            elif due <= today:
                confirmed = due
        end = ending[1] if ending else today + 1  # first day no longer a member
        if confirmed is not None and confirmed < end and status == PROBATIONARY:
            events.append(event(confirmed, K.CONFIRMATION))
        exchange = None
        if confirmed is not None and confirmed < end and random_() < 0.99:
            issued = confirmed + 45 + int(random_() * 135) if status == PROBATIONARY else start
            if issued < CARD_FORM_2012.toordinal():
                issued = CARD_FORM_2012.toordinal() + int(random_() * 300)
            if issued < end:
                series = OLD_SERIES if issued < CAMPAIGN_START.toordinal() else NEW_SERIES
                self.serial += 1
                card = f"{place.code}{self.serial:07d}"
                events.append(event(issued, K.CARD_ISSUE, card=card, series=series))
                if series == OLD_SERIES:
                    exchange = self._exchange(end)
                    if exchange and exchange[-1] is not None:
                        card = f"{place.code}9{self.serial:07d}"
                        events.append(event(exchange[-1], K.CARD_EXCHANGE, card=card))
        moved = None  # (day, destination) of a permanent transfer
        if random_() < 0.04:
            day = self._draw_day(max(start + 60, START), today)
            if day < end:
                moved = (day, self._destination(home, day))
                events.append(event(day, K.TRANSFER, moved[1]))
        if random_() < 0.02:
            day = today - 30 - int(random_() * 470)
            if max(start + 30, REFORM) <= day < end:
                current = moved[1] if moved and moved[0] <= day else home
                host = self._destination(current, day)
                events.append(event(day, K.TEMPORARY_TRANSFER, host))
                back = day + 60 + int(random_() * 240)
                if random_() < 0.4 and back < min(end, today + 1):
                    events.append(event(back, K.TEMPORARY_RETURN))
        if ending:
            events.append(event(ending[1], ending[0]))
        events.sort(key=itemgetter(0, 1))
        return birth, events, exchange

    def _ending(self, start: int, birth: int):
        """(kind, day) of the event ending the membership before today, or None: death by
        an age-dependent hazard, else the rarer endings."""
        rng, today = self.rng, self.today
        first = max(start + 1, START)
        if first > today:
            return None
        age = (today - birth) / 365.25
        years = (today - first) / 365.25
        if rng.random() < min(0.9, 0.0018 * math.exp(0.085 * (age - 50)) * years):
            return K.DEATH, self._draw_day(first, today)
        roll = rng.random()
        for kind, share in ENDINGS:
            if roll < share:
                return kind, self._draw_day(first, today)
            roll -= share
        return None

    def _destination(self, current: int, day: int) -> int:
        """Another organization holding members on `day`, not the current one (nor its heir)."""
        place, rng = self.place, self.rng
        pool = place.old_communes if day < REFORM else place.new_communes
        avoid = {current, place.heir.get(current)}
        for _ in range(8):
            target = pool.draw(rng)
            if target not in avoid:
                return target
        return next(v for v in pool.values if v not in avoid)

    def _exchange(self, end: int) -> list | None:
        """Ordinal step days (declared … received, None when not reached) of the 2025 exchange
        of a member holding a 2012-form card, cut at today and at the end of the membership;
        None when not declared. About 93% receive the new card, 4% stop at a step, 3% never
        declare, so the board reads «đạt ~93%» with the rest in progress."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.03:
            return None
        steps = [CAMPAIGN_START.toordinal() + int(rng.random() * CAMPAIGN_DAYS)]
        for low, high in ((0, 14), (0, 10), (3, 17), (2, 10), (10, 30)):
            steps.append(steps[-1] + low + int(rng.random() * (high - low + 1)))
        if roll < 0.07:  # stopped at a step before receiving the card
            del steps[1 + int(rng.random() * 5) :]
        cut = min(end - 1, self.today)
        if steps[0] > cut:
            return None
        reached = [day for day in steps if day <= cut]
        return reached + [None] * (6 - len(reached))

    # Rows ------------------------------------------------------------------------------------

    def batch(self, count: int) -> Batch:
        """`count` members; every `verify_every`-th history is also replayed by `replay`."""
        batch = Batch()
        for _ in range(count):
            birth, events, exchange = self.history()
            spans = fold(events)
            self.count += 1
            if self.count % self.verify_every == 0:
                check_with_replay(events, spans, birth, self.place.exists)
                batch.verified += 1
            self._rows(batch, birth, events, spans, exchange)
        return batch

    def _rows(self, batch: Batch, birth: int, events, spans, exchange) -> None:
        place, day, rng = self.place, self.day, self.rng
        ids = self.next_ids
        person, event = ids["person"], ids["event"] - 1
        ids["person"] += 1
        ids["event"] += len(events)
        exchange_event = (None, "")
        texts, base = self.texts, self.base
        for on, _, kind, organization, status, admitted, card, series in events:
            event += 1
            decision = None
            if kind == K.ADMISSION or kind == K.CONFIRMATION:
                decision = self.decision[on - base]
                if kind == K.ADMISSION:
                    self.tally.admissions[(organization, self.halves[on - base])] += 1
            elif kind == K.CARD_EXCHANGE:
                exchange_event, series = (event, card), NEW_SERIES
            batch.events.append(
                (event, person, kind, texts[on - base], organization, decision, status,
                 day(admitted) if admitted else None, card, series)
            )  # fmt: skip
        for start, end, status, organization, host, admitted, confirmed, card, series in spans:
            batch.spans.append(
                (person, texts[start - base], END_TEXT if end == END else texts[end - base],
                 status, organization, host, texts[admitted - base],
                 texts[confirmed - base] if confirmed else None, card, series)
            )  # fmt: skip
        if exchange:
            span = state_on(spans, exchange[0])
            batch.exchanges.append(
                (person, place.heir.get(span[3], span[3]), span[7], *map(day, exchange),
                 exchange_event[1], exchange_event[0])
            )  # fmt: skip
        age = (self.today - birth) / 365.25
        sector = self._sector(age)
        cadre = sector in CADRE_SECTORS
        theory = PoliticalTheory.ELEMENTARY if rng.random() < 0.7 else PoliticalTheory.NONE
        if spans:
            theory = self._enrollments(batch, person, birth, spans, cadre, theory)
        last = spans[-1] if spans else None
        organization = last[3] if last else events[0][3]
        commune = place.heir.get(organization, organization)
        if last and last[1] == END and last[2] == FULL and 24 <= age <= 57:
            self.tally.pools[commune].append((person, dt.date.fromordinal(birth), theory))
        identity = self._person(person, birth, events[0][0], place.unit.get(commune))
        degree = self.professional[cadre].draw(rng)
        batch.persons.append((*identity, degree, theory, sector))

    def _sector(self, age: float) -> str:
        rng = self.rng
        if age >= 60 and rng.random() < 0.85:
            return Sector.RETIRED
        if age < 23 and rng.random() < 0.6:
            return Sector.STUDENT
        return self.sectors.draw(rng)

    def _person(self, person: int, birth: int, joined: int, residence) -> tuple:
        """Identity columns of the person row: name consistent with sex and ethnicity, citizen
        ID in the 12-digit layout (province, sex and century, year of birth, serial)."""
        rng = self.rng
        female = rng.random() < (0.44 if joined >= START else 0.34)
        sex = "female" if female else "male"
        ethnicity = self.ethnicity.draw(rng)
        parts = (
            self.family[ethnicity].draw(rng),
            self.middle[sex].draw(rng),
            self.given[sex].draw(rng),
        )
        name, folded = " ".join(parts), " " + " ".join(self.folded[p] for p in parts)
        religion = Religion.NONE
        if ethnicity in (KHMER, HOA) and rng.random() < 0.4:
            religion = Religion.BUDDHISM
        hometown = residence
        if rng.random() < 0.3:
            hometown = self.units[int(rng.random() * len(self.units))]
        born = self.day(birth)
        century = (0 if born < "2000" else 2) + female
        citizen_id = f"0{self.place.code}{century}{born[2:4]}{person % 10**6:06d}"
        phone = f"09{int(rng.random() * 10**8):08d}" if rng.random() < 0.8 else ""
        education = (
            GeneralEducation.UPPER_SECONDARY
            if rng.random() < 0.9
            else GeneralEducation.LOWER_SECONDARY
        )
        return (person, f"HS{person:010d}", name, folded, sex, born, ethnicity, religion,
                hometown, residence, citizen_id, phone, education)  # fmt: skip

    # Training --------------------------------------------------------------------------------

    def _enrollments(self, batch, person, birth, spans, cadre: bool, theory: str) -> str:
        """Political theory (cadres, 30 or older) and refresher enrollments while a member,
        each in a class of the quarter organized for the member's organization then; returns
        the person's political theory level after the classes completed by today."""
        rng = self.rng
        first = max(spans[0][0], START)
        last = min(spans[-1][1], self.today, birth + int(58 * 365.25))
        if cadre and rng.random() < 0.12:
            start = max(first + 365, birth + int(30.2 * 365.25))
            if start <= last:
                kind = (
                    CourseKind.ADVANCED_POLITICAL_THEORY
                    if rng.random() < 0.2
                    else CourseKind.INTERMEDIATE_POLITICAL_THEORY
                )
                slot = self._enroll(batch, person, spans, kind, self._draw_day(start, last))
                if slot and slot.closes_on <= self.today:
                    level = THEORY_OF_COURSE[kind]
                    if THEORY_RANK[level] > THEORY_RANK[theory]:
                        theory = level
        if first <= last and rng.random() < (0.5 if cadre else 0.04):
            for _ in range(1 + int(rng.random() * 2.2)):  # a few bursts, a few classes each
                year = dt.date.fromordinal(self._draw_day(first, last)).year
                low = max(first, dt.date(year, 1, 1).toordinal())
                high = min(last, dt.date(year, 12, 31).toordinal())
                for _ in range(1 + int(rng.random() * 2.5)):
                    kind = self.refresher.draw(rng)
                    self._enroll(batch, person, spans, kind, self._draw_day(low, high))
        return theory

    def _enroll(self, batch, person, spans, kind: str, day: int) -> ClassSlot | None:
        span = state_on(spans, day)
        if span is None:
            return None
        organizer = self.place.organizer(span[3], day)
        date = dt.date.fromordinal(day)
        slots = self.classes.get((kind, date.year * 4 + (date.month - 1) // 3, organizer))
        if not slots:
            return None
        slot = slots[int(self.rng.random() * len(slots))]
        sender = state_on(spans, slot.enrolled_on)
        if (
            sender is None
            or self.place.organizer(sender[3], slot.enrolled_on) != organizer
            or any(row[1] == person and row[2] == slot.id for row in batch.enrollments[-8:])
        ):
            return None
        enrollment = self.next_ids["enrollment"]
        self.next_ids["enrollment"] += 1
        if slot.closes_on > self.today:
            result, completed, grade = Result.STUDYING, None, ""
        elif self.rng.random() < 0.97:
            result, completed = Result.COMPLETED, self.day(slot.closes_on)
            grade = GRADES[int(self.rng.random() * len(GRADES))]
        else:
            result, completed, grade = Result.NOT_COMPLETED, self.day(slot.closes_on), ""
        batch.enrollments.append(
            (enrollment, person, slot.id, sender[3], self.day(slot.enrolled_on), result,
             completed, grade)
        )  # fmt: skip
        self.tally.classes_used.add(slot.id)
        if result == Result.COMPLETED and kind in THEORY_OF_COURSE:
            batch.qualifications.append(
                (person, THEORY_OF_COURSE[kind], slot.major, completed, slot.institution,
                 enrollment)
            )  # fmt: skip
            return slot
        return None
