"""Classes and enrollments in the small tree, hand-written so the figures can be hand-computed.

Persons: T1 (member of A1 from 05/08/2025, political theory «trung cấp»), T2 (member of LA
since 2020, so of A after the merger), T3 (member of BSECRET1), T4 (not a member, sent by
BSECRET1). Classes (course kind, organizer, opening):

| class | kind | organizer | opens | mode |
|---|---|---|---|---|
| C1 | cao cấp LLCT | LP | 01/03/2025 | part time |
| C2 | trung cấp LLCT | P | 15/09/2025 | part time |
| C3 | bồi dưỡng cán bộ nguồn | A | 01/10/2025 | full time |
| C4 | bồi dưỡng chuyên môn, nghiệp vụ | A | 03/11/2025 | full time |
| C5 | trung cấp LLCT | LP | 01/09/2024 | part time |

Enrollments (person → class, sent by, on):
E1 T1 → C1 by LA 20/02/2025; E2 T2 → C1 by LA 20/02/2025; E3 T1 → C2 by A 10/09/2025;
E4 T3 → C2 by BSECRET 10/09/2025; E5 T1 → C3 by A1 25/09/2025; E6 T2 → C3 by A 25/09/2025;
E7 T2 → C4 by A 01/11/2025; E8 T4 → C4 by BSECRET1 01/11/2025; E9 T2 → C5 by LA 20/08/2024.

Year 2025, province P (restated on 31/12/2025: LA → A):
- political theory: E1 E2 E3 E4 → 4 records, people T1 T2 T3 = 3 (T1 counted once);
- refresher: E5 E6 E7 E8 → 4 records, people T1 T2 T4 = 3.
Commune A: political theory 3 records (E1 E2 E3), 2 people; refresher 3 records, 2 people.
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from tochuc.core.services import decision_cite
from tochuc.members.models import EventKind, Status
from tochuc.members.services import event_record
from tochuc.people.catalogs import PoliticalTheory, Sex
from tochuc.people.models import Person
from tochuc.training import services
from tochuc.training.models import CourseKind, Mode

D = dt.date
YEAR_START, YEAR_END = D(2025, 1, 1), D(2025, 12, 31)
BORN = D(1980, 1, 1)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The shared tree creates five users; Argon2 would dominate these tests' run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def person(name: str, *, sex: str = Sex.MALE, birth: dt.date = BORN, **fields) -> Person:
    return Person.objects.create(full_name=name, sex=sex, date_of_birth=birth, **fields)


def member(name: str, organization, since: dt.date, **fields) -> Person:
    """A full member transferred into `organization` on `since`."""
    someone = person(name, **fields)
    event_record(
        person=someone,
        kind=EventKind.TRANSFER_IN,
        effective_on=since,
        organization=organization,
        status=Status.FULL,
        admitted_on=D(2010, 5, 5),
    )
    return someone


def open_class(course, name, organizer, opens_on, closes_on, mode=Mode.FULL_TIME):
    return services.class_open(
        course=course,
        name=name,
        organizer=organizer,
        opens_on=opens_on,
        closes_on=closes_on,
        mode=mode,
    )


@pytest.fixture
def courses(small_tree):
    t = small_tree
    create = services.course_create
    return SimpleNamespace(
        advanced=create(
            name="Cao cấp lý luận chính trị hệ không tập trung",
            kind=CourseKind.ADVANCED_POLITICAL_THEORY,
            organization=t.lp,
        ),
        intermediate=create(
            name="Trung cấp lý luận chính trị",
            kind=CourseKind.INTERMEDIATE_POLITICAL_THEORY,
            organization=t.lp,
        ),
        source=create(
            name="Bồi dưỡng cán bộ nguồn cấp xã",
            kind=CourseKind.SOURCE_CADRE_REFRESHER,
            organization=t.a,
        ),
        professional=create(
            name="Bồi dưỡng nghiệp vụ công tác tổ chức",
            kind=CourseKind.PROFESSIONAL,
            organization=t.a,
        ),
    )


@pytest.fixture
def training(small_tree, courses):
    t, c = small_tree, courses
    t1 = member("Học Viên Một", t.a1, D(2025, 8, 5), political_theory=PoliticalTheory.INTERMEDIATE)
    t2 = member("Học Viên Hai", t.la, D(2020, 2, 1))
    t3 = member("Học Viên Ba Bí Mật Bê", t.b1, D(2025, 8, 5))
    t4 = person("Học Viên Bốn Bí Mật Bê")
    part = Mode.PART_TIME
    c1 = open_class(c.advanced, "Cao cấp LLCT K25", t.lp, D(2025, 3, 1), D(2026, 3, 1), part)
    c2 = open_class(c.intermediate, "Trung cấp LLCT K25", t.p, D(2025, 9, 15), D(2026, 6, 30), part)
    c3 = open_class(c.source, "Cán bộ nguồn 2025", t.a, D(2025, 10, 1), D(2025, 10, 10))
    c4 = open_class(c.professional, "Nghiệp vụ tháng 11", t.a, D(2025, 11, 3), D(2025, 11, 7))
    c5 = open_class(c.intermediate, "Trung cấp LLCT K24", t.lp, D(2024, 9, 1), D(2025, 6, 30), part)
    add = services.enrollment_add
    e1 = add(person=t1, training_class=c1, sent_by=t.la, enrolled_on=D(2025, 2, 20))
    e2 = add(person=t2, training_class=c1, sent_by=t.la, enrolled_on=D(2025, 2, 20))
    e3 = add(person=t1, training_class=c2, sent_by=t.a, enrolled_on=D(2025, 9, 10))
    e4 = add(person=t3, training_class=c2, sent_by=t.b, enrolled_on=D(2025, 9, 10))
    e5 = add(person=t1, training_class=c3, sent_by=t.a1, enrolled_on=D(2025, 9, 25))
    e6 = add(person=t2, training_class=c3, sent_by=t.a, enrolled_on=D(2025, 9, 25))
    e7 = add(person=t2, training_class=c4, sent_by=t.a, enrolled_on=D(2025, 11, 1))
    e8 = add(person=t4, training_class=c4, sent_by=t.b1, enrolled_on=D(2025, 11, 1))
    e9 = add(person=t2, training_class=c5, sent_by=t.la, enrolled_on=D(2024, 8, 20))
    return SimpleNamespace(
        t1=t1, t2=t2, t3=t3, t4=t4, c1=c1, c2=c2, c3=c3, c4=c4, c5=c5,
        e1=e1, e2=e2, e3=e3, e4=e4, e5=e5, e6=e6, e7=e7, e8=e8, e9=e9,
    )  # fmt: skip


def cite(signed_on: dt.date):
    return decision_cite(number="3-QĐ/ĐU", signed_on=signed_on, issuer="Đảng ủy xã An")
