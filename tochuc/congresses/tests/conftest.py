"""Congresses of the small tree, hand-written so that every figure can be counted by hand.

Members (full unless said otherwise; «LA 2020» = transferred into the old commune LA on
01/02/2020, carried to commune A from 01/07/2025; «A1 2025» = transferred into cell A1 on
05/08/2025). Retirement: Chỉ thị 35 counts 60 (men) / 55 (women); Chỉ thị 45 the roadmap of
Nghị định 135/2020 (men born 1966 retire at 61 years 9 months, born 1968 at 62). X2 and Y2
are recorded with an exception cited.

| person | born | where | 2020 LA congress | 2025 A congress |
|---|---|---|---|---|
| Xuân (X1) | 01/01/1975 m | LA 2020 | delegate, BCH, Bí thư | delegate, BCH (re-elected), Bí thư |
| Xa (X2) | 15/03/1966 m | LA 2020 | delegate, BCH | BCH re-elected, retires 15/12/2027: flagged |
| Xem (X3) | 01/05/1980 f | LA 2020 | BCH | delegate, BCH (re-elected), Ủy viên BTV |
| Yên (Y1) | 01/01/1985 m | A1 2025 | – | delegate, BCH (first time), Phó Bí thư |
| Yến (Y2) | 15/03/1968 m | A1 2025 | – | BCH first time, retires 15/03/2030: flagged |
| Zung (Z1) | 01/01/1990 f | A1 2025 | – | Chủ nhiệm UBKT (not in BCH) |
| Dự (P1) | 01/01/2000 f | A1 2025 | – | probationary (admitted 01/08/2025) |

2020 congress of LA (grassroots committee; Chỉ thị 35, counted from 01/06/2020): opened
10/06/2020, closed 11/06/2020, 40 summoned, 38 present; BCH 5 (X1, X2, X3 → khuyết 2),
no BTV, 1 deputy (vacant), Bí thư X1; no UBKT.

2025 congress of A (commune committee; Chỉ thị 45, counted from 01/07/2025): opened
15/10/2025, closed 16/10/2025, 12 summoned, 11 present, delegates X1 (ex officio), X3, Y1
(elected); members on 15/10/2025 = X1 X2 X3 Y1 Y2 Z1 P1 = 7 (P1 probationary);
BCH 7: X1 X2 X3 Y1 Y2 → khuyết 2; BTV 3 = Bí thư X1 + 1 Phó Bí thư Y1 + 1 ủy viên X3 →
khuyết 0; UBKT 3 = Chủ nhiệm Z1 + 2 ủy viên (vacant) → khuyết 2.
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from tochuc.congresses import services
from tochuc.congresses.models import CongressKind, DelegateKind, Role
from tochuc.core.services import decision_cite
from tochuc.members.models import EventKind as K
from tochuc.members.models import Status
from tochuc.members.services import event_record
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person

D = dt.date
JOINED = D(2025, 8, 5)


def member(name, org, *, born, sex=Sex.MALE, since=JOINED, status=Status.FULL):
    """A member transferred in on `since` (admitted 2010), or admitted then if probationary."""
    person = Person.objects.create(full_name=name, sex=sex, date_of_birth=born)
    if status == Status.PROBATIONARY:
        decision = decision_cite(number="5-QĐ/ĐU", signed_on=since, issuer="Đảng ủy xã An Mới")
        event_record(
            person=person, kind=K.ADMISSION, effective_on=since, organization=org, decision=decision
        )
    else:
        event_record(
            person=person,
            kind=K.TRANSFER_IN,
            effective_on=since,
            organization=org,
            status=Status.FULL,
            admitted_on=D(2010, 5, 5),
        )
    return person


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The shared tree creates five users; Argon2 would make each test a second slower."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people(small_tree):
    t = small_tree
    old = D(2020, 2, 1)
    return SimpleNamespace(
        x1=member("Xuân Một", t.la, born=D(1975, 1, 1), since=old),
        x2=member("Xa Hai", t.la, born=D(1966, 3, 15), since=old),
        x3=member("Xem Ba", t.la, born=D(1980, 5, 1), sex=Sex.FEMALE, since=old),
        y1=member("Yên Một", t.a1, born=D(1985, 1, 1)),
        y2=member("Yến Hai", t.a1, born=D(1968, 3, 15)),
        z1=member("Zung Một", t.a1, born=D(1990, 1, 1), sex=Sex.FEMALE),
        p1=member(
            "Dự Một",
            t.a1,
            born=D(2000, 1, 1),
            sex=Sex.FEMALE,
            since=D(2025, 8, 1),
            status=Status.PROBATIONARY,
        ),
    )


def vote_record(number: str, signed_on: dt.date, issuer: str = "Đại hội Đảng bộ xã"):
    return decision_cite(number=number, signed_on=signed_on, issuer=issuer)


@pytest.fixture
def congress_2020(small_tree, people):
    t, p = small_tree, people
    congress = services.congress_create(
        organization=t.la,
        term="2020-2025",
        ordinal="XV",
        opened_on=D(2020, 6, 10),
        closed_on=D(2020, 6, 11),
        delegates_summoned=40,
        delegates_present=38,
    )
    services.delegate_add(congress=congress, person=p.x1, kind=DelegateKind.EX_OFFICIO)
    services.delegate_add(congress=congress, person=p.x2, kind=DelegateKind.ELECTED)
    congress = services.committee_sizes_set(
        congress=congress,
        executive_size=5,
        standing_size=0,
        inspection_size=0,
        deputy_secretaries=1,
    )
    record = vote_record("01-BB/ĐH", D(2020, 6, 11), "Đại hội Đảng bộ xã An Cũ")
    for person in (p.x1, p.x2, p.x3):
        services.election_record(
            congress=congress, role=Role.EXECUTIVE_MEMBER, person=person, vote_record=record
        )
    services.election_record(congress=congress, role=Role.SECRETARY, person=p.x1)
    congress.refresh_from_db()
    return congress


@pytest.fixture
def congress_2025(small_tree, people, congress_2020):
    t, p = small_tree, people
    congress = services.congress_create(
        organization=t.a,
        term="2025–2030",
        ordinal="I",
        kind=CongressKind.REGULAR,
        opened_on=D(2025, 10, 15),
        closed_on=D(2025, 10, 16),
        delegates_summoned=12,
        delegates_present=11,
    )
    services.delegate_add(congress=congress, person=p.x1, kind=DelegateKind.EX_OFFICIO)
    services.delegate_add(congress=congress, person=p.x3, kind=DelegateKind.ELECTED)
    services.delegate_add(congress=congress, person=p.y1, kind=DelegateKind.ELECTED)
    congress = services.committee_sizes_set(
        congress=congress,
        executive_size=7,
        standing_size=3,
        inspection_size=3,
        deputy_secretaries=1,
    )
    record = vote_record("02-BB/ĐH", D(2025, 10, 16), "Đại hội Đảng bộ xã An Mới")
    elect = services.election_record
    elect(congress=congress, role=Role.EXECUTIVE_MEMBER, person=p.x1, vote_record=record)
    for person in (p.x3, p.y1):
        elect(congress=congress, role=Role.EXECUTIVE_MEMBER, person=person)
    for person in (p.x2, p.y2):
        elect(
            congress=congress,
            role=Role.EXECUTIVE_MEMBER,
            person=person,
            exception="Ban Thường vụ Thành ủy đồng ý (Công văn 15-CV/TU)",
        )
    elect(congress=congress, role=Role.SECRETARY, person=p.x1)
    elect(congress=congress, role=Role.DEPUTY_SECRETARY, person=p.y1)
    elect(congress=congress, role=Role.STANDING_MEMBER, person=p.x3)
    elect(congress=congress, role=Role.INSPECTION_CHAIR, person=p.z1)
    congress.refresh_from_db()
    return congress
