"""The dashboard's data: every app's hand-written fixture in the small tree at once, so that
as of 31/12/2025 each indicator of the registry has something to count, plus the moves, an
appointment of the fourth quarter and a marked member of commune B.

| fixture | from | gives |
|---|---|---|
| `seats` | cadres | posts, quotas, holders, sourcing plans of A and B (01/07/2025) |
| `admissions` | admissions | admissions 2024–2025 and the year and term targets |
| `campaign` | cards | the card exchange of commune A (one member moves to B1, one dies) |
| `training` | training | political theory and refresher classes and enrollments |
| `headcounts` | staffing | approved headcounts 2015–2025 |
| `dataset` | here | the five above, plus: |

- reinforcement P → A from 01/09/2025 (decided by P) and P → B from 02/09/2025;
- A1 → A moved by A from 15/10/2025 (decided at commune level);
- appointment to A's «Công chức địa chính», decision signed 10/11/2025 (quarter IV);
- «Đảng viên Bí Mật Bê Chỉ Số» admitted in B1 on 20/11/2025.
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from tochuc.admissions.tests.conftest import admissions, decision  # noqa: F401
from tochuc.cadres.models import MoveKind
from tochuc.cadres.services import assignment_create, move_record
from tochuc.cadres.tests.conftest import seats  # noqa: F401
from tochuc.cards.tests.conftest import campaign  # noqa: F401
from tochuc.core.services import decision_cite
from tochuc.members.models import EventKind
from tochuc.members.services import event_record
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person
from tochuc.staffing.tests.conftest import headcounts  # noqa: F401
from tochuc.training.tests.conftest import courses, training  # noqa: F401

D = dt.date
LATE = D(2025, 12, 31)


BORN = D(1985, 5, 5)


def person(name: str, born: dt.date = BORN) -> Person:
    return Person.objects.create(full_name=name, sex=Sex.MALE, date_of_birth=born)


@pytest.fixture
def dataset(small_tree, seats, admissions, campaign, training, headcounts):  # noqa: F811
    t = small_tree
    posts, _, _ = seats
    signed = decision_cite(number="45-QĐ/TU", signed_on=D(2025, 8, 25), issuer="Thành ủy")
    reinforced = person("Cán bộ Tăng Cường")
    move_record(
        person=reinforced, kind=MoveKind.REINFORCEMENT, origin=t.p, destination=t.a,
        starts_on=D(2025, 9, 1), decided_by=t.p, decision=signed,
    )  # fmt: skip
    move_record(
        person=person("Cán bộ Bí Mật Bê Tăng Cường"), kind=MoveKind.REINFORCEMENT, origin=t.p,
        destination=t.b, starts_on=D(2025, 9, 2), decided_by=t.p, decision=signed,
    )  # fmt: skip
    moved = person("Cán bộ Điều Động")
    move_record(
        person=moved, kind=MoveKind.TRANSFER, origin=t.a1, destination=t.a,
        starts_on=D(2025, 10, 15), decided_by=t.a,
        decision=decision_cite(number="7-QĐ/ĐU", signed_on=D(2025, 10, 10), issuer="Đảng ủy xã An"),
    )  # fmt: skip
    appointed = person("Cán bộ Bổ Nhiệm")
    assignment_create(
        person=appointed, post=posts["a_dc"], kind="appointment", starts_on=D(2025, 11, 15),
        decision=decision_cite(number="9-QĐ/UBND", signed_on=D(2025, 11, 10), issuer="UBND xã An"),
    )  # fmt: skip
    marked = person("Đảng viên Bí Mật Bê Chỉ Số", D(1995, 1, 1))
    event_record(
        person=marked, kind=EventKind.ADMISSION, effective_on=D(2025, 11, 20), organization=t.b1,
        decision=decision_cite(number="3-QĐ/ĐU", signed_on=D(2025, 11, 18), issuer="Đảng ủy xã B"),
    )  # fmt: skip
    return SimpleNamespace(
        tree=t, posts=posts, reinforced=reinforced, moved=moved, appointed=appointed, marked=marked
    )
