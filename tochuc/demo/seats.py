"""Synthetic seats for the demo: posts of every commune committee from 01/07/2025, holders
drawn from each commune's full members, a few vacancies with sourcing plans, province
departments and their reinforcements to communes, and transfers decided by communes.

Sizes follow the seed report of Cần Thơ (about 30 executive-committee and 10
standing-committee seats per commune, nearly all filled; vacancies mostly in the commune
civil service counted per central guidance). Everything is bulk-inserted.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
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
from tochuc.core.dating import REFORM_2025, valid_at_q
from tochuc.members.models import MembershipSpan, Status
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import Organization, OrganizationSuccession
from tochuc.organizations.services import organization_establish
from tochuc.people.catalogs import Expertise, PoliticalTheory, ProfessionalLevel

E = Expertise
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
    ("SNV", "Sở Nội vụ"),
    ("STC", "Sở Tài chính"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường"),
    ("SXD", "Sở Xây dựng"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SKHCN", "Sở Khoa học và Công nghệ"),
    ("STP", "Sở Tư pháp"),
]


@dataclass
class SeatReport:
    posts: int = 0
    assignments: int = 0
    plans: int = 0
    moves: int = 0
    planned: int = 0


def _members_by_commune(communes: list[int], on: dt.date) -> dict[int, list[int]]:
    """Full members of working age (24–57) counted in each commune on `on` (two queries)."""
    heir = dict(
        OrganizationSuccession.objects.filter(valid_at_q(on), heir_id__in=communes).values_list(
            "organization_id", "heir_id"
        )
    )
    found = defaultdict(list)
    working_age = (dt.date(on.year - 57, 1, 1), dt.date(on.year - 24, 12, 31))
    spans = MembershipSpan.objects.filter(
        valid_at_q(on),
        status=Status.FULL,
        organization_id__in=list(heir),
        person__date_of_birth__range=working_age,
    ).values_list("organization_id", "person_id")
    for org, person in spans.order_by("person_id"):
        found[heir[org]].append(person)
    return found


class SeatGenerator:
    def __init__(self, *, rng: random.Random, province: Organization, communes, decision, today):
        self.rng, self.province, self.communes = rng, province, communes
        self.decision, self.today = decision, today

    def _departments(self) -> list[Organization]:
        found = []
        for code, name in DEPARTMENTS:
            full = f"{self.province.code}.{code}"
            existing = Organization.objects.filter(code=full).first()
            found.append(
                existing
                or organization_establish(
                    code=full,
                    name=name,
                    kind=Kind.STATE_AGENCY,
                    parent=self.province,
                    established_on=REFORM_2025,
                    decision=self.decision,
                )
            )
        return found

    def run(self) -> SeatReport:
        rng, start = self.rng, REFORM_2025
        report = SeatReport()
        members = _members_by_commune(self.communes, self.today)
        plan: list[tuple[Post, int, list[int]]] = []  # post, seats, holders
        for commune in self.communes:
            pool = list(members.get(commune, []))
            rng.shuffle(pool)
            executive = rng.randint(27, 33)
            standing = rng.randint(9, 11)
            specs = [
                (Body.EXECUTIVE_COMMITTEE, "Ủy viên Ban Chấp hành", executive, E.PARTY_BUILDING),
                *LEADERS[:2],
                (Body.STANDING_COMMITTEE, "Ủy viên Ban Thường vụ", standing - 3, E.PARTY_BUILDING),
                *LEADERS[2:],
            ]
            committee = pool[:executive]
            bch_vacant = 1 if rng.random() < 0.15 else 0
            cursor = 0
            for body, title, seats, field in specs:
                if body == Body.EXECUTIVE_COMMITTEE:
                    holders = committee[: seats - bch_vacant]
                elif body == Body.STANDING_COMMITTEE:
                    holders = committee[cursor : cursor + seats]
                    cursor += seats
                else:
                    taken = executive + cursor
                    holders = pool[taken : taken + seats]
                    cursor += seats
                plan.append(
                    (
                        Post(organization_id=commune, body=body, title=title, field=field),
                        seats,
                        holders,
                    )
                )
            offset = executive + cursor
            for title, seats, field in CIVIL_SERVICE:
                filled = (
                    seats - (1 if rng.random() < 0.35 else 0) - (1 if rng.random() < 0.05 else 0)
                )
                holders = pool[offset : offset + max(filled, 0)]
                offset += len(holders)
                post = Post(
                    organization_id=commune,
                    body=Body.CIVIL_SERVICE,
                    title=title,
                    field=field,
                    per_central_guidance=True,
                )
                plan.append((post, seats, holders))
        posts = Post.objects.bulk_create([p for p, _, _ in plan], batch_size=2000)
        PostQuota.objects.bulk_create(
            [
                PostQuota(post=p, seats=n, valid_from=start)
                for p, (_, n, _) in zip(posts, plan, strict=True)
            ],
            batch_size=2000,
        )
        kind_for = {
            Body.CIVIL_SERVICE: AssignmentKind.ASSIGNMENT,
            Body.PEOPLES_COMMITTEE: AssignmentKind.ELECTION,
        }
        assignments, plans = [], []
        for post, (_, seats, holders) in zip(posts, plan, strict=True):
            for person in holders:
                assignments.append(
                    Assignment(
                        person_id=person,
                        post=post,
                        valid_from=start,
                        decision=self.decision,
                        kind=kind_for.get(post.body, AssignmentKind.DESIGNATION),
                    )
                )
            if len(holders) < seats and rng.random() < 0.8:
                source = (
                    SourcingPlan.Source.SELF
                    if rng.random() < 0.65
                    else rng.choice(
                        [
                            SourcingPlan.Source.REINFORCEMENT,
                            SourcingPlan.Source.SECONDMENT,
                            SourcingPlan.Source.TRANSFER,
                        ]
                    )
                )
                day = start + dt.timedelta(days=rng.randrange(30, 140))
                plans.append(SourcingPlan(post=post, planned_on=day, source=source))
        Assignment.objects.bulk_create(assignments, batch_size=5000)
        SourcingPlan.objects.bulk_create(plans, batch_size=2000)
        self._qualify({a.person_id for a in assignments})
        report.posts, report.assignments, report.plans = len(posts), len(assignments), len(plans)
        report.moves = self._moves(members)
        report.planned = self._succession(posts, plan)
        return report

    def _succession(self, posts: list[Post], plan) -> int:
        """Quy hoạch 2025–2030: for each commune's secretary, deputy secretary and People's
        Committee chair, one or two executive-committee members under 50 who hold no
        leadership seat, each planned for one post only (within the rules' limits)."""
        from tochuc.people.models import Person
        from tochuc.planning.models import PlanEntry, PlanningTerm
        from tochuc.planning.services import terms_seed

        rng = self.rng
        terms = {(t.track, t.name): t for t in terms_seed()}
        party = terms[(PlanningTerm.Track.PARTY, "2025–2030")]
        government = terms[(PlanningTerm.Track.GOVERNMENT, "2026–2031")]
        young = set(
            Person.objects.filter(
                pk__in={p for _, _, holders in plan for p in holders},
                date_of_birth__gt=dt.date(self.today.year - 50, 1, 1),
            ).values_list("pk", flat=True)
        )
        by_commune: dict[int, dict[str, tuple[Post, list[int]]]] = defaultdict(dict)
        for post, (_, _, holders) in zip(posts, plan, strict=True):
            by_commune[post.organization_id][post.title] = (post, holders)
        entries = []
        added = dt.date(2025, 10, 15)
        for seats in by_commune.values():
            leaders = {p for title, (_, h) in seats.items() if title != "Ủy viên Ban Chấp hành"
                       for p in h}  # fmt: skip
            _, committee = seats["Ủy viên Ban Chấp hành"]
            pool = [p for p in committee if p in young and p not in leaders]
            rng.shuffle(pool)
            for title, term in (
                ("Bí thư", party),
                ("Phó Bí thư", party),
                ("Chủ tịch Ủy ban nhân dân", government),
            ):
                for person in pool[: rng.randint(1, 2)]:
                    entries.append(
                        PlanEntry(term=term, post=seats[title][0], person_id=person,
                                  added_on=added, decision=self.decision)
                    )  # fmt: skip
                pool = pool[2:]
        PlanEntry.objects.bulk_create(entries, batch_size=2000)
        return len(entries)

    def _qualify(self, cadres: set[int]) -> None:
        """Cadres get training records plausible for their seats (specialty, degree, theory)."""
        from tochuc.people.models import Person

        rng = self.rng
        people = list(Person.objects.filter(pk__in=cadres).order_by("pk"))
        fields = [f for f, _ in E.choices]
        for person in people:
            person.specialty = rng.choice(fields)
            person.professional_level = rng.choice(
                [ProfessionalLevel.BACHELOR] * 6
                + [ProfessionalLevel.MASTER, ProfessionalLevel.COLLEGE]
            )
            person.political_theory = rng.choice(
                [PoliticalTheory.INTERMEDIATE] * 5
                + [PoliticalTheory.ADVANCED, PoliticalTheory.ELEMENTARY]
            )
        Person.objects.bulk_update(
            people, ["specialty", "professional_level", "political_theory"], batch_size=2000
        )

    def _moves(self, members: dict[int, list[int]]) -> int:
        """Reinforcements from province departments to communes since 01/07/2025 (about 8 per
        commune) and a few transfers between communes decided by the communes."""
        rng, start = self.rng, REFORM_2025
        departments = self._departments()
        days = max(min((self.today - start).days, 150), 1)  # most moves came with the merger
        moves = []
        used = set()
        for commune in self.communes:
            pool = [p for p in members.get(commune, [])[-40:] if p not in used]
            for person in pool[: rng.randint(6, 10)]:
                used.add(person)
                moves.append(
                    Move(
                        person_id=person,
                        kind=MoveKind.REINFORCEMENT,
                        origin=rng.choice(departments),
                        destination_id=commune,
                        starts_on=start + dt.timedelta(days=rng.randrange(days)),
                        decided_by=self.province,
                        decision=self.decision,
                    )
                )
        for commune in rng.sample(self.communes, min(18, len(self.communes))):
            pool = [p for p in members.get(commune, [])[-60:-40] if p not in used]
            if not pool:
                continue
            used.add(pool[0])
            moves.append(
                Move(
                    person_id=pool[0],
                    kind=MoveKind.TRANSFER,
                    origin_id=commune,
                    destination_id=rng.choice([c for c in self.communes if c != commune]),
                    starts_on=start + dt.timedelta(days=rng.randrange(days)),
                    decided_by_id=commune,
                    decision=self.decision,
                )
            )
        Move.objects.bulk_create(moves, batch_size=2000)
        return len(moves)
