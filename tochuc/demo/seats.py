"""Synthetic seats for the demo: posts of every commune committee from 01/07/2025 and of the
province departments, their holders over time, vacancies with sourcing plans, moves and
succession planning.

Timeline (sizes follow the seed report of Cần Thơ: about 30 executive-committee and 10
standing-committee seats per commune, nearly all filled; vacancies mostly in the commune
civil service counted per central guidance):
- 01/07/2025: the province designates each commune's committees (chỉ định), the People's
  Council elects the People's Committee, civil servants are assigned, department heads are
  appointed;
- the commune congress (August–September 2025) elects the executive committee; the province
  approves (chuẩn y) the standing and inspection committees it elected;
- every quarter since, a few seats change holder: party seats by approval (an executive
  committee member moves up), People's Committee seats by nomination (giới thiệu ứng cử),
  department deputies by appointment or reappointment — so «bổ nhiệm, bổ nhiệm lại, giới
  thiệu ứng cử, chuẩn y N cán bộ» is non-zero every quarter;
- reinforcements from the departments to the communes and transfers decided by communes.
Holders are working-age full members of the commune (`Tally.pools`). Everything is written
with `BulkWriter`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

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
from tochuc.core.bulk import BulkWriter, decision_ids, update_rows
from tochuc.core.dating import END_OF_TIME, REFORM_2025, day_before
from tochuc.demo.members import THEORY_RANK
from tochuc.demo.training import quarters
from tochuc.members.replay import add_months
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import Organization
from tochuc.organizations.services import organization_establish
from tochuc.people.catalogs import Expertise, PoliticalTheory, ProfessionalLevel
from tochuc.people.models import Person

E = Expertise
A = AssignmentKind
LEADERS = [  # body, title, seats, field
    (Body.STANDING_COMMITTEE, "Bí thư", 1, E.PARTY_BUILDING),
    (Body.STANDING_COMMITTEE, "Phó Bí thư", 2, E.PARTY_BUILDING),
    (Body.INSPECTION_COMMITTEE, "Chủ nhiệm Ủy ban Kiểm tra", 1, E.PARTY_BUILDING),
    (Body.INSPECTION_COMMITTEE, "Ủy viên Ủy ban Kiểm tra", 4, E.PARTY_BUILDING),
    (Body.PEOPLES_COMMITTEE, "Chủ tịch Ủy ban nhân dân", 1, E.GOVERNANCE),
    (Body.PEOPLES_COMMITTEE, "Phó Chủ tịch Ủy ban nhân dân", 2, E.GOVERNANCE),
]
CIVIL_SERVICE = [  # title, seats, field (Nghị định 33/2023/NĐ-CP)
    ("Công chức Văn phòng — thống kê", 2, E.OFFICE_STATISTICS),
    ("Công chức Địa chính — xây dựng — đô thị và môi trường", 2, E.LAND_CONSTRUCTION),
    ("Công chức Tài chính — kế toán", 2, E.FINANCE_ACCOUNTING),
    ("Công chức Tư pháp — hộ tịch", 2, E.JUSTICE_CIVIL_STATUS),
    ("Công chức Văn hóa — xã hội", 2, E.CULTURE_SOCIETY),
    ("Công chức Công nghệ thông tin", 1, E.INFORMATION_TECHNOLOGY),
]
DEPARTMENTS = [
    ("SNV", "Sở Nội vụ", E.GOVERNANCE),
    ("STC", "Sở Tài chính", E.FINANCE_ACCOUNTING),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", E.LAND_CONSTRUCTION),
    ("SXD", "Sở Xây dựng", E.LAND_CONSTRUCTION),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", E.CULTURE_SOCIETY),
    ("SKHCN", "Sở Khoa học và Công nghệ", E.INFORMATION_TECHNOLOGY),
    ("STP", "Sở Tư pháp", E.JUSTICE_CIVIL_STATUS),
]
DEPARTMENT_POSTS = [("Giám đốc", 1), ("Phó Giám đốc", 3)]
TURNOVER = {  # title: kind of the new holding when the seat changes hands
    "Phó Bí thư": A.APPROVAL,
    "Ủy viên Ban Thường vụ": A.APPROVAL,
    "Chủ nhiệm Ủy ban Kiểm tra": A.APPROVAL,
    "Chủ tịch Ủy ban nhân dân": A.NOMINATION,
    "Phó Chủ tịch Ủy ban nhân dân": A.NOMINATION,
}
ELECTED_AT_CONGRESS = {
    "Ủy viên Ban Chấp hành", "Bí thư", "Phó Bí thư", "Ủy viên Ban Thường vụ",
    "Chủ nhiệm Ủy ban Kiểm tra", "Ủy viên Ủy ban Kiểm tra",
}  # fmt: skip
"""Titles the commune congress (and the committee it elects) fills; the province approves all
but the executive committee."""
POST_FIELDS = ("id", "organization_id", "body", "title", "field", "per_central_guidance")
ASSIGNMENT_FIELDS = ("person_id", "post_id", "kind", "valid_from", "valid_to", "decision_id")


@dataclass
class SeatReport:
    """How many rows of each kind the seats wrote (appointments: holdings started by
    appointment, reappointment, nomination or approval)."""

    posts: int = 0
    assignments: int = 0
    appointments: int = 0
    plans: int = 0
    moves: int = 0
    planned: int = 0


@dataclass
class Holding:
    """An assignment being planned; `decision` is a `Decisions.cite` key until written."""

    person: int
    post: int
    kind: str
    valid_from: dt.date
    valid_to: dt.date
    decision: object

    @property
    def row(self) -> tuple:
        return (self.person, self.post, self.kind, self.valid_from, self.valid_to, self.decision)


class Decisions:
    """Decisions cited by the seats, numbered per province and created in one go."""

    def __init__(self, issuer: str, code: str):
        self.issuer, self.code = issuer, code
        self.specs: dict[tuple[str, dt.date], str] = {}

    def cite(self, day: dt.date, title: str) -> tuple[str, dt.date]:
        key = (f"{len(self.specs) + 1}-QĐ/DEMO-{self.code}", day)
        self.specs[key] = title
        return key

    def ids(self) -> dict[tuple[str, dt.date], int]:
        found = decision_ids(
            [(number, day, self.issuer, title) for (number, day), title in self.specs.items()]
        )
        return {(number, day): found[(number, day, self.issuer)] for number, day in self.specs}


class Pool:
    """A commune's working-age full members (person, birth, political theory), shuffled: the
    first 60% may take the seats of 01/07/2025, the next 20% the seats changing hands later,
    the last 20% are sent on moves. Large demos never reach these limits; small ones (tests)
    still get some of each."""

    def __init__(self, members: list[tuple], rng: random.Random):
        self.members = list(members)
        rng.shuffle(self.members)
        size = len(self.members)
        self.first = [person for person, _, _ in self.members[: int(size * 0.6)]]
        self.later, self.later_end = int(size * 0.6), int(size * 0.8)
        self.mover = size

    def next(self) -> int | None:
        """A member for a seat changing hands, or None when none is left."""
        if self.later >= self.later_end:
            return None
        self.later += 1
        return self.members[self.later - 1][0]

    def next_mover(self) -> int | None:
        """A member sent on a move, or None when none is left."""
        if self.mover <= self.later_end:
            return None
        self.mover -= 1
        return self.members[self.mover][0]


class SeatGenerator:
    """The seats of one province's communes and departments (see the module docstring)."""

    def __init__(self, *, writer: BulkWriter, rng: random.Random, place, pools, today, name):
        self.writer, self.rng, self.place, self.today = writer, rng, place, today
        self.communes = sorted(place.new_communes.values)
        self.pools = {c: Pool(pools.get(c, []), rng) for c in self.communes}
        self.decisions = Decisions(f"Ban Thường vụ {name} (giả lập)", place.code)
        self.holdings: list[Holding] = []
        self.posts: list[tuple] = []
        self.quotas: dict[int, int] = {}
        self.plans: list[tuple] = []

    def _post(self, organization: int, body: str, title: str, field: str, seats: int,
              per_central_guidance: bool = False) -> int:  # fmt: skip
        (post,) = self.writer.ids(Post, 1)
        self.posts.append((post, organization, body, title, field, per_central_guidance))
        self.quotas[post] = seats
        return post

    def _hold(self, person, post, kind, start, decision, end=END_OF_TIME) -> Holding:
        holding = Holding(person, post, kind, start, end, decision)
        self.holdings.append(holding)
        return holding

    def run(self) -> SeatReport:
        start = REFORM_2025
        merger = self.decisions.cite(
            day_before(start), "Chỉ định ban chấp hành, ban thường vụ, ủy ban kiểm tra lâm thời"
        )
        seats = {commune: self._commune(commune, merger) for commune in self.communes}
        departments = self._departments()
        department_seats = self._department_posts(departments)
        congress = self._congresses(seats)
        turnover = self._turnover(seats, department_seats)
        decision_ids = self.decisions.ids()
        report = SeatReport(posts=len(self.posts))
        self.writer.insert(Post, POST_FIELDS, self.posts, version=1)
        self.writer.insert(
            PostQuota,
            ("post_id", "seats", "valid_from", "valid_to"),
            ((post, n, start, END_OF_TIME) for post, n in self.quotas.items()),
        )
        for holding in self.holdings:
            holding.decision = decision_ids[holding.decision]
        report.assignments = self.writer.insert(
            Assignment, ASSIGNMENT_FIELDS, (h.row for h in self.holdings), version=1
        )
        report.appointments = congress + turnover
        report.plans = self.writer.insert(
            SourcingPlan, ("post_id", "planned_on", "source"), self.plans, note=""
        )
        self._qualify()
        report.moves = self._moves(departments, decision_ids[merger])
        report.planned = self._succession(seats, decision_ids[merger])
        return report

    def _commune(self, commune: int, merger) -> dict[str, tuple[int, list[Holding]]]:
        """The commune's posts from 01/07/2025 and their first holders (a few seats vacant):
        title → (post, holdings)."""
        rng, pool, start = self.rng, self.pools[commune].first, REFORM_2025
        executive, standing = rng.randint(27, 33), rng.randint(9, 11)
        specs = [
            (Body.EXECUTIVE_COMMITTEE, "Ủy viên Ban Chấp hành", executive, E.PARTY_BUILDING),
            *LEADERS[:2],
            (Body.STANDING_COMMITTEE, "Ủy viên Ban Thường vụ", standing - 3, E.PARTY_BUILDING),
            *LEADERS[2:],
        ]
        committee = pool[:executive]
        vacant = 1 if rng.random() < 0.15 else 0
        cursor, found = 0, {}
        kind_for = {Body.PEOPLES_COMMITTEE: A.ELECTION}
        for body, title, count, field in specs:
            if body == Body.EXECUTIVE_COMMITTEE:
                holders = committee[: count - vacant]
            elif body == Body.STANDING_COMMITTEE:
                holders = committee[cursor : cursor + count]
                cursor += count
            else:
                holders = pool[executive + cursor : executive + cursor + count]
                cursor += count
            post = self._post(commune, body, title, field, count)
            kind = kind_for.get(body, A.DESIGNATION)
            found[title] = (post, [self._hold(p, post, kind, start, merger) for p in holders])
            self._plan(post, count, len(holders))
        offset = executive + cursor
        for title, count, field in CIVIL_SERVICE:
            filled = count - (rng.random() < 0.35) - (rng.random() < 0.05)
            holders = pool[offset : offset + max(filled, 0)]
            offset += len(holders)
            post = self._post(commune, Body.CIVIL_SERVICE, title, field, count, True)
            found[title] = (
                post,
                [self._hold(p, post, A.ASSIGNMENT, start, merger) for p in holders],
            )
            self._plan(post, count, len(holders))
        return found

    def _plan(self, post: int, seats: int, holders: int) -> None:
        """Most posts with vacant seats get a sourcing plan (self-sourced or needing support)."""
        rng = self.rng
        if holders >= seats or rng.random() >= 0.8:
            return
        source = SourcingPlan.Source.SELF
        if rng.random() >= 0.65:
            source = rng.choice(
                [SourcingPlan.Source.REINFORCEMENT, SourcingPlan.Source.SECONDMENT,
                 SourcingPlan.Source.TRANSFER]
            )  # fmt: skip
        day = REFORM_2025 + dt.timedelta(days=rng.randrange(30, 140))
        if day <= self.today:
            self.plans.append((post, day, source))

    def _departments(self) -> list[int]:
        """The province departments (from 01/07/2025), created once."""
        code = self.place.code
        existing = dict(
            Organization.objects.filter(code__in=[f"{code}.{c}" for c, _, _ in DEPARTMENTS])
            .values_list("code", "id")
        )  # fmt: skip
        found = []
        for short, name, _ in DEPARTMENTS:
            full = f"{code}.{short}"
            found.append(
                existing.get(full)
                or organization_establish(
                    code=full,
                    name=name,
                    kind=Kind.STATE_AGENCY,
                    parent=Organization(pk=self.place.province),
                    established_on=REFORM_2025,
                    decision=self._merger_decision(),
                ).pk
            )
        return found

    def _merger_decision(self):
        from tochuc.core.models import Decision

        decision, _ = Decision.objects.get_or_create(
            number="DEMO-01/QĐ",
            signed_on=dt.date(2015, 1, 1),
            issuer="Dữ liệu giả lập",
            defaults={"title": "Quyết định giả lập cho dữ liệu thử (không có thật)"},
        )
        return decision

    def _department_posts(self, departments: list[int]) -> dict[int, list[Holding]]:
        """Director and deputies of each department, appointed on 01/07/2025 from members of
        the communes' pools (their 5-year terms run from then)."""
        found = {}
        day = REFORM_2025
        decision = self.decisions.cite(day, "Bổ nhiệm lãnh đạo các sở sau sắp xếp")
        fields = {short: field for short, _, field in DEPARTMENTS}
        for department, (short, _, _) in zip(departments, DEPARTMENTS, strict=True):
            for title, count in DEPARTMENT_POSTS:
                post = self._post(department, Body.DEPARTMENT, title, fields[short], count)
                holders = []
                for _ in range(count):
                    person = self.pools[self.rng.choice(self.communes)].next()
                    if person is not None:
                        end = day_before(add_months(day, 60))
                        holders.append(self._hold(person, post, A.APPOINTMENT, day, decision, end))
                found[post] = holders
        return found

    def _congresses(self, seats) -> int:
        """Each commune's congress elects the executive committee (a few new members) and the
        province approves the standing and inspection committees; returns the approvals."""
        rng, today, approvals = self.rng, self.today, 0
        for commune in self.communes:
            day = dt.date(2025, 8, 5) + dt.timedelta(days=rng.randrange(57))
            if day > today:
                continue
            elected = self.decisions.cite(day, "Kết quả bầu cử tại đại hội đảng bộ 2025–2030")
            approved_on = min(day + dt.timedelta(days=rng.randint(5, 20)), today)
            approved = self.decisions.cite(approved_on, "Chuẩn y ban thường vụ, ủy ban kiểm tra")
            leaders = {h.person for title, (_, hs) in seats[commune].items()
                       if title != "Ủy viên Ban Chấp hành" for h in hs}  # fmt: skip
            for title, (post, holdings) in seats[commune].items():
                if title not in ELECTED_AT_CONGRESS:
                    continue
                kind = A.ELECTION if title == "Ủy viên Ban Chấp hành" else A.APPROVAL
                decision = elected if kind == A.ELECTION else approved
                renewed = []
                for holding in holdings:
                    holding.valid_to = day_before(day)
                    person = holding.person
                    if kind == A.ELECTION and person not in leaders and rng.random() < 0.15:
                        person = self.pools[commune].next() or person
                    renewed.append(self._hold(person, post, kind, day, decision))
                    approvals += kind == A.APPROVAL
                holdings[:] = renewed
        return approvals

    def _turnover(self, seats, department_seats) -> int:
        """Seats changing hands every quarter since the congresses; returns the holdings
        started by appointment, reappointment, nomination or approval."""
        rng, today, count = self.rng, self.today, 0
        for _, begins in quarters(dt.date(2025, 10, 1), today):
            ends = min(add_months(begins, 3) - dt.timedelta(days=1), today)
            span = (ends - begins).days + 1
            for commune in self.communes:
                if rng.random() >= 0.12:
                    continue
                title = rng.choice(sorted(TURNOVER))
                post, holdings = seats[commune][title]
                person = self._newcomer(commune, seats[commune], TURNOVER[title])
                if not holdings or person is None:
                    continue
                day = begins + dt.timedelta(days=rng.randrange(span))
                count += self._replace(holdings, rng.randrange(len(holdings)), person, post,
                                       TURNOVER[title], day)  # fmt: skip
            for post, holdings in department_seats.items():
                if len(holdings) < 2 or rng.random() >= 0.35:
                    continue
                day = begins + dt.timedelta(days=rng.randrange(span))
                index = 1 + rng.randrange(len(holdings) - 1)
                if rng.random() < 0.5:
                    kind, person = A.REAPPOINTMENT, holdings[index].person
                else:
                    kind, person = A.APPOINTMENT, self.pools[rng.choice(self.communes)].next()
                if person is not None:
                    count += self._replace(holdings, index, person, post, kind, day)
        return count

    def _newcomer(self, commune: int, seats: dict, kind: str) -> int | None:
        """Who takes a seat changing hands: for a party seat (approved by the province), an
        executive-committee member holding no other seat; else a member of the pool."""
        if kind == A.APPROVAL:
            _, committee = seats["Ủy viên Ban Chấp hành"]
            leaders = {h.person for title, (_, hs) in seats.items()
                       if title != "Ủy viên Ban Chấp hành" for h in hs}  # fmt: skip
            free = [h.person for h in committee if h.person not in leaders]
            if free:
                return self.rng.choice(free)
        return self.pools[commune].next()

    def _replace(self, holdings: list[Holding], index: int, person, post, kind, day) -> int:
        current = holdings[index]
        if day <= current.valid_from:
            return 0
        current.valid_to = day_before(day)
        title = "Bổ nhiệm lại" if kind == A.REAPPOINTMENT else AssignmentKind(kind).label
        decision = self.decisions.cite(day, f"{title} cán bộ")
        end = END_OF_TIME
        if kind in (A.APPOINTMENT, A.REAPPOINTMENT):  # a 5-year appointment term
            end = day_before(add_months(day, 60))
        holdings[index] = self._hold(person, post, kind, day, decision, end)
        return 1

    def _qualify(self) -> None:
        """Seat holders get training records plausible for their seats (specialty, degree,
        political theory never below what they completed)."""
        rng = self.rng
        theory = {p: t for pool in self.pools.values() for p, _, t in pool.members}
        fields = [f for f, _ in E.choices]
        rows = []
        for person in sorted({h.person for h in self.holdings}):
            chosen = rng.choice(
                [PoliticalTheory.INTERMEDIATE] * 5
                + [PoliticalTheory.ADVANCED, PoliticalTheory.ELEMENTARY]
            )
            current = theory.get(person, PoliticalTheory.NONE)
            if THEORY_RANK[current] > THEORY_RANK[chosen]:
                chosen = current
            degree = rng.choice(
                [ProfessionalLevel.BACHELOR] * 6
                + [ProfessionalLevel.MASTER, ProfessionalLevel.COLLEGE]
            )
            rows.append((person, rng.choice(fields), degree, chosen))
        update_rows(Person, ("specialty", "professional_level", "political_theory"), rows)

    def _moves(self, departments: list[int], decision: int) -> int:
        """Transfers between communes decided by about one commune in six, and reinforcements
        from province departments to communes since 01/07/2025 (about 8 per commune)."""
        rng, start = self.rng, REFORM_2025
        days = max(min((self.today - start).days, 150), 1)  # most moves came with the merger
        rows = []
        for commune in rng.sample(self.communes, max(1, round(len(self.communes) * 0.17))):
            person = self.pools[commune].next_mover()
            others = [c for c in self.communes if c != commune]
            if person is not None and others:
                rows.append(
                    (person, MoveKind.TRANSFER, commune, rng.choice(others),
                     start + dt.timedelta(days=rng.randrange(days)), commune)
                )  # fmt: skip
        for commune in self.communes:
            for _ in range(rng.randint(6, 10)):
                person = self.pools[commune].next_mover()
                if person is None:
                    break
                rows.append(
                    (person, MoveKind.REINFORCEMENT, rng.choice(departments), commune,
                     start + dt.timedelta(days=rng.randrange(days)), self.place.province)
                )  # fmt: skip
        return self.writer.insert(
            Move,
            ("person_id", "kind", "origin_id", "destination_id", "starts_on", "decided_by_id"),
            rows,
            decision_id=decision,
            purpose="development",
            special_case="",
            version=1,
        )

    def _succession(self, seats, decision: int) -> int:
        """Quy hoạch 2025–2030: for each commune's secretary, deputy secretary and People's
        Committee chair, one or two executive-committee members under 50 who hold no
        leadership seat, each planned for one post only (within the rules' limits)."""
        from tochuc.planning.models import PlanEntry, PlanningTerm
        from tochuc.planning.services import terms_seed

        rng = self.rng
        terms = {(t.track, t.name): t.pk for t in terms_seed()}
        party = terms[(PlanningTerm.Track.PARTY, "2025–2030")]
        government = terms[(PlanningTerm.Track.GOVERNMENT, "2026–2031")]
        birth = {p: b for pool in self.pools.values() for p, b, _ in pool.members}
        young = dt.date(self.today.year - 50, 1, 1)
        added = dt.date(2025, 10, 15)
        rows = []
        for commune in self.communes:
            posts = seats[commune]
            leaders = {h.person for title, (_, hs) in posts.items()
                       if title != "Ủy viên Ban Chấp hành" for h in hs}  # fmt: skip
            _, committee = posts["Ủy viên Ban Chấp hành"]
            pool = sorted({h.person for h in committee} - leaders)
            pool = [p for p in pool if birth.get(p, young) > young]
            rng.shuffle(pool)
            for title, term in (
                ("Bí thư", party),
                ("Phó Bí thư", party),
                ("Chủ tịch Ủy ban nhân dân", government),
            ):
                for person in pool[: rng.randint(1, 2)]:
                    rows.append((term, posts[title][0], person))
                pool = pool[2:]
        if added > self.today:
            return 0
        return self.writer.insert(
            PlanEntry,
            ("term_id", "post_id", "person_id"),
            rows,
            added_on=added,
            decision_id=decision,
            removal_reason="",
            version=1,
        )
