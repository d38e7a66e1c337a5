"""Ratings, votes and disciplines of commune A (and one of each in commune B), hand-written so
that every figure below can be checked by hand. Dates are those of `tests.fixtures`: the old
commune LA merged into A on 01/07/2025; cell A1 exists from 01/08/2025.

Persons: P1–P4 hold seats of A's post «Ủy viên Ban Thường vụ» from 01/07/2025; P5, P6 are
full members of A1 from 05/08/2025; PB holds a seat of B's post.

Ratings of persons, year 2025 (rule: Quy định 366-QĐ/TW, 100-point scale):

| id | person | by | score | exceeded | late | category |
|---|---|---|---|---|---|---|
| R1 | P1 | A  | 95 | 40 | 0  | excellent |
| R2 | P1 | A1 | 92 | 35 | 0  | excellent |
| R3 | P2 | A1 | 80 | –  | 0  | good |
| R4 | P3 | A  | 92 | 10 | 0  | good (92 points but under 30% exceeded) |
| R8 | P3 | A1 | 65 | –  | 10 | completed |
| R5 | P4 | A1 | 60 | –  | 15 | completed |
| R6 | P5 | A  | 75 | –  | 0  | completed (lowered from good, with a reason) |
| R7 | P6 | A  | 40 | –  | –  | not completed |
| RB | PB | B  | 95 | 40 | 0  | excellent |

A, 2025: excellent 1 person / 2 records; good 2 / 2 (P2, P3); completed 3 / 3 (P3, P4, P5);
not completed 1 / 1; total 6 persons / 8 records. P, 2025: excellent 2 / 3, total 7 / 9.
A1, 2025: excellent 1/1, good 1/1, completed 2/2, total 4/4. A, 2024: R0 (P2 by LA, «good»,
no score under Quy định 124-QĐ/TW) restated onto A: good 1/1.

Ratings of organizations, 2025: A 88 (late 0) good; A1 91 (exceeded 30, late 0) excellent; B
50 (late 20) completed. 2024: LA excellent (no score). A, 2025: excellent 1, good 1, total 2.

Confidence votes (post «Ủy viên Ban Thường vụ» of A unless said; ballots = present):

| id | person | held on | summoned | present | low | low share | consequence |
|---|---|---|---|---|---|---|---|
| V1 | P1 | 15/09/2025 | 30 | 27 | 10 | 37,04% | none |
| V2 | P2 | 15/09/2025 | 30 | 27 | 14 | 51,85% | leave_post (over 1/2, under 2/3) |
| V3 | P3 | 15/09/2025 | 30 | 27 | 18 | 66,67% | dismissal (exactly 2/3) |
| V4 | P4 | 16/09/2025 | 30 | 19 | 15 | –      | invalid (19 < 2/3 of 30) |
| V5 | P4 | 20/09/2025 | 30 | 20 | 10 | 50,00% | none (exactly 1/2, quorum exactly 2/3) |
| V0 | P5 | 10/10/2022 by LA, no post | 30 | 27 | 14 | 51,85% | higher_planning_review (QĐ 262) |
| VB | PB | 15/09/2025 by B | 30 | 27 | 20 | 74,07% | dismissal |

A, 2025: 5 votes, 4 persons, 1 invalid; dismissal 1/1, leave_post 1/1, none 2 persons / 2
votes (P1, P4). A, 2022: higher_planning_review 1/1.

Disciplines: D1 P6 reprimand 01/03/2025 by A; D2 P5 warning 01/03/2024 by LA; DB PB removal
01/03/2025 by B. Within their period (rule in force on the day checked):
01/09/2025 (law of 2019: 12 months) → D1 only; 31/12/2025 (Quy định 377-QĐ/TW: 24/36/60
months) → D1 and D2.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from tochuc.cadres.models import Body
from tochuc.cadres.services import assignment_create, post_create
from tochuc.core.services import decision_cite
from tochuc.members.models import EventKind, Status
from tochuc.members.services import event_record
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person
from tochuc.ratings import services

D = dt.date
SEATED = D(2025, 7, 1)


def seat_holder(name: str, post, decision) -> Person:
    person = Person.objects.create(full_name=name, sex=Sex.MALE, date_of_birth=D(1975, 5, 5))
    assignment_create(
        person=person, post=post, kind="election", starts_on=SEATED, decision=decision
    )
    return person


def member_of(name: str, organization) -> Person:
    """A full member transferred into `organization` on 05/08/2025."""
    person = Person.objects.create(full_name=name, sex=Sex.FEMALE, date_of_birth=D(1985, 2, 2))
    event_record(
        person=person,
        kind=EventKind.TRANSFER_IN,
        effective_on=D(2025, 8, 5),
        organization=organization,
        status=Status.FULL,
        admitted_on=D(2010, 5, 5),
    )
    return person


def vote(person, organization, held_on, *, present, low, summoned=30, post=None):
    """A vote where every present person returned a ballot: the rest are split high/normal."""
    rest = present - low
    return services.confidence_vote_record(
        person=person,
        organization=organization,
        post=post,
        held_on=held_on,
        summoned=summoned,
        present=present,
        high=rest // 2,
        confidence=rest - rest // 2,
        low=low,
    )


def n(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def rate(person, organization, year, score, exceeded=None, late=None, **extra):
    return services.person_rating_record(
        person=person,
        organization=organization,
        year=year,
        score=n(score),
        exceeded_share=n(exceeded),
        late_share=n(late),
        **extra,
    )


def discipline(person, organization, form, decided_on, number, reason=""):
    cite = decision_cite(number=number, signed_on=decided_on, issuer="Ủy ban Kiểm tra Đảng ủy")
    return services.discipline_record(
        person=person,
        organization=organization,
        form=form,
        decided_on=decided_on,
        decision=cite,
        reason=reason,
    )


@pytest.fixture
def case(small_tree):
    t = small_tree
    decision = t.decision
    post = post_create(
        organization=t.a,
        body=Body.STANDING_COMMITTEE,
        title="Ủy viên Ban Thường vụ",
        seats=10,
        valid_from=SEATED,
    )
    post_b = post_create(
        organization=t.b,
        body=Body.STANDING_COMMITTEE,
        title="Ủy viên Ban Thường vụ Bí Mật Bê",
        seats=5,
        valid_from=SEATED,
    )
    p1, p2, p3, p4 = (
        seat_holder(f"Cán bộ {i}", post, decision) for i in ("Một", "Hai", "Ba", "Bốn")
    )
    p5, p6 = member_of("Đảng viên Năm", t.a1), member_of("Đảng viên Sáu", t.a1)
    pb = seat_holder("Cán bộ Bí Mật Bê", post_b, decision)
    c = SimpleNamespace(p1=p1, p2=p2, p3=p3, p4=p4, p5=p5, p6=p6, pb=pb, post=post, post_b=post_b)
    c.r1 = rate(p1, t.a, 2025, 95, 40, 0)
    c.r2 = rate(p1, t.a1, 2025, 92, 35, 0)
    c.r3 = rate(p2, t.a1, 2025, 80, None, 0)
    c.r4 = rate(p3, t.a, 2025, 92, 10, 0)
    c.r8 = rate(p3, t.a1, 2025, 65, None, 10)
    c.r5 = rate(p4, t.a1, 2025, 60, None, 15)
    c.r6 = rate(p5, t.a, 2025, 75, None, 0, category="completed", lowered_reason="Bị kỷ luật")
    c.r7 = rate(p6, t.a, 2025, 40)
    c.rb = rate(pb, t.b, 2025, 95, 40, 0)
    c.r0 = services.person_rating_record(person=p2, organization=t.la, year=2024, category="good")
    org = services.organization_rating_record
    c.oa = org(organization=t.a, year=2025, score=n(88), late_share=n(0))
    c.oa1 = org(organization=t.a1, year=2025, score=n(91), exceeded_share=n(30), late_share=n(0))
    c.ob = org(organization=t.b, year=2025, score=n(50), late_share=n(20))
    c.ola = org(organization=t.la, year=2024, category="excellent")
    september = D(2025, 9, 15)
    c.v1 = vote(p1, t.a, september, present=27, low=10, post=post)
    c.v2 = vote(p2, t.a, september, present=27, low=14, post=post)
    c.v3 = vote(p3, t.a, september, present=27, low=18, post=post)
    c.v4 = vote(p4, t.a, D(2025, 9, 16), present=19, low=15, post=post)
    c.v5 = vote(p4, t.a, D(2025, 9, 20), present=20, low=10, post=post)
    c.v0 = vote(p5, t.la, D(2022, 10, 10), present=27, low=14)
    c.vb = vote(pb, t.b, september, present=27, low=20, post=post_b)
    c.d1 = discipline(p6, t.a, "reprimand", D(2025, 3, 1), "7-QĐ/UBKT")
    c.d2 = discipline(p5, t.la, "warning", D(2024, 3, 1), "3-QĐ/UBKT")
    c.db = discipline(pb, t.b, "removal", D(2025, 3, 1), "9-QĐ/UBKT", reason="Bí Mật Bê")
    return c
