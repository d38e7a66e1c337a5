"""Admissions in the small tree, hand-written so that progress figures can be hand-computed.

| person | admitted | organization | note |
|---|---|---|---|
| Q1 | 01/02/2024 | LA | |
| Q2 | 20/03/2024 | LBSECRET | |
| Q3 | 01/05/2024 | LA | after Q1 2024 |
| Q4 | 10/03/2025 | LA | through the candidate pipeline; LA → A on 01/07/2025 |
| Q5 | 01/09/2025 | A1 | |
| Q6 | 15/08/2025 | BSECRET | |
| Q7 | 01/10/2025 | BSECRET1 | |
| Q8 | 05/09/2025 | A | voided by a correction: never counted |

Targets: 2024 LP 5; 2025 A 3, B 2, A1 1 (covered by A's); term 2020-2025 LP 8
(01/10/2020–30/06/2025); term 2025-2030 P 20 (01/07/2025–30/06/2030), A 12 (covered by P's).
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from tochuc.admissions import services
from tochuc.admissions.models import TargetKind
from tochuc.core.services import decision_cite
from tochuc.members.models import EventKind as K
from tochuc.members.services import event_correct, event_record
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person

D = dt.date
BIRTH = D(1995, 5, 5)


def person(name: str, birth: dt.date = BIRTH) -> Person:
    return Person.objects.create(full_name=name, sex=Sex.MALE, date_of_birth=birth)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The small tree creates five users; Argon2 would dominate these tests' run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def decision(db):
    return decision_cite(number="15-QĐ/ĐU", signed_on=D(2024, 1, 2), issuer="Đảng ủy xã")


def pipeline(organization, name, *, decision, course, applied, resolved, decided):
    """A candidate taken through every step up to the committee's decision."""
    candidate = services.candidate_create(person=person(name), organization=organization)
    for step, on in (
        ("course", course),
        ("application", applied),
        ("resolution", resolved),
        ("decision", decided),
    ):
        candidate = services.candidate_step(
            candidate=candidate, step=step, on=on, decision=decision
        )
    return candidate


@pytest.fixture
def admissions(small_tree, decision):
    t = small_tree

    def admit(name, on, org):
        return event_record(
            person=person(name), kind=K.ADMISSION, effective_on=on, organization=org,
            decision=decision,
        )  # fmt: skip

    events = SimpleNamespace(
        q1=admit("Quần chúng Một", D(2024, 2, 1), t.la),
        q2=admit("Quần chúng Hai", D(2024, 3, 20), t.lb),
        q3=admit("Quần chúng Ba", D(2024, 5, 1), t.la),
    )
    q4 = pipeline(
        t.la, "Quần chúng Bốn", decision=decision, course=D(2024, 1, 10),
        applied=D(2024, 10, 1), resolved=D(2025, 2, 1), decided=D(2025, 3, 1),
    )  # fmt: skip
    events.q4 = services.candidate_admit(candidate=q4, effective_on=D(2025, 3, 10))
    events.q5 = admit("Quần chúng Năm", D(2025, 9, 1), t.a1)
    events.q6 = admit("Quần chúng Sáu", D(2025, 8, 15), t.b)
    events.q7 = admit("Quần chúng Bảy", D(2025, 10, 1), t.b1)
    events.q8 = admit("Quần chúng Tám", D(2025, 9, 5), t.a)
    event_correct(event=events.q8, reason="Ghi nhầm người")

    target = services.target_set
    target(organization=t.lp, kind=TargetKind.YEAR, year=2024, count=5)
    target(organization=t.a, kind=TargetKind.YEAR, year=2025, count=3)
    target(organization=t.b, kind=TargetKind.YEAR, year=2025, count=2)
    target(organization=t.a1, kind=TargetKind.YEAR, year=2025, count=1)
    target(
        organization=t.lp, kind=TargetKind.TERM, term="2020-2025", count=8,
        starts_on=D(2020, 10, 1), ends_on=D(2025, 6, 30),
    )  # fmt: skip
    target(
        organization=t.p, kind=TargetKind.TERM, term="2025-2030", count=20,
        starts_on=D(2025, 7, 1), ends_on=D(2030, 6, 30),
    )  # fmt: skip
    target(
        organization=t.a, kind=TargetKind.TERM, term="2025-2030", count=12,
        starts_on=D(2025, 7, 1), ends_on=D(2030, 6, 30),
    )  # fmt: skip
    q4.refresh_from_db()
    events.q4_candidate = q4
    return events
