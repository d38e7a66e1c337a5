"""Members of the small tree, with a history hand-written to test counts as of dates."""

import datetime as dt
from types import SimpleNamespace

import pytest

from tochuc.core.services import decision_cite
from tochuc.members.models import EventKind as K
from tochuc.members.models import Status
from tochuc.members.services import event_record
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person

D = dt.date


def person(name: str, birth: dt.date, sex: str = Sex.MALE) -> Person:
    return Person.objects.create(full_name=name, sex=sex, date_of_birth=birth)


@pytest.fixture
def decision(db):
    return decision_cite(number="12-QĐ/ĐU", signed_on=D(2024, 1, 2), issuer="Đảng ủy")


@pytest.fixture
def members(small_tree, decision):
    """P1..P6 (see the table in test_counts.py)."""
    t = small_tree

    def record(p, kind, on, org=None, **details):
        return event_record(
            person=p, kind=kind, effective_on=on, organization=org, decision=decision, **details
        )

    p1 = person("Nguyễn Văn Một", D(1990, 1, 1))
    record(p1, K.ADMISSION, D(2024, 3, 15), t.la)
    record(p1, K.CONFIRMATION, D(2025, 3, 15))
    p2 = person("Trần Thị Hai", D(1995, 5, 5), Sex.FEMALE)
    record(p2, K.ADMISSION, D(2024, 6, 1), t.lb)
    record(p2, K.TRANSFER, D(2025, 1, 10), t.la)
    p3 = person("Lê Văn Ba", D(2000, 2, 2))
    record(p3, K.ADMISSION, D(2025, 9, 1), t.a1)
    record(p3, K.TEMPORARY_TRANSFER, D(2025, 10, 1), t.b1)
    p4 = person("Phạm Văn Bốn", D(1970, 4, 4))
    record(p4, K.ADMISSION, D(2025, 7, 15), t.b)
    record(p4, K.DEATH, D(2025, 11, 20))
    p5 = person("Hoàng Thị Năm", D(1980, 8, 8), Sex.FEMALE)
    record(p5, K.TRANSFER_IN, D(2025, 8, 10), t.b1, status=Status.FULL, admitted_on=D(2010, 5, 5))
    p6 = person("Võ Văn Sáu", D(1998, 6, 6))
    record(p6, K.ADMISSION, D(2025, 7, 20), t.a)
    record(p6, K.TRANSFER, D(2025, 12, 1), t.b)
    return SimpleNamespace(p1=p1, p2=p2, p3=p3, p4=p4, p5=p5, p6=p6, record=record)
