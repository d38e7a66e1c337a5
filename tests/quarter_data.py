"""The `quarter_data` fixture: a hand-written quarter (Q4-2025, figures on 04/12/2025) on the
small tree, with every figure of the quarterly report computed by hand in EXPECTED.

Members (A = commune A, B = commune BSECRET; LA merged into A on 01/07/2025):
  Lão   admitted 15/03/2024 in LA, confirmed 15/03/2025      → full member of A
  An1   admitted 15/08/2025 in A                             → probationary, A
  An2   admitted 10/10/2025 in A1 (cell of A)                → probationary, A (in the quarter)
  Bê1   admitted 01/09/2025 in B, died 20/11/2025            → exit «từ trần» in the quarter
  Bê2   transferred in 10/08/2025 to B1, full since 2010     → full member of B
Targets 2025: A 4, B 2 → province 6. Admissions 2025 to 04/12: An1, An2, Bê1 = 3 (50,00%).
Seats from 01/07/2025: A BCH 3/5, A BTV 2/3, B BCH 4/4 → BCH 7/9, BTV 2/3.
Central-guidance posts: A finance 2 vacant (self), A land 1 vacant (no plan), B finance 1
vacant (reinforcement) → 4 = 2 + 1 + 1. A's office chief appointed by a decision of
15/10/2025 (1 person in the quarter). Moves: Sở Nội vụ → A reinforcement 01/09/2025; A → B
transfer decided by A 05/10/2025 → reinforcements 1, commune moves 1.
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from tochuc.admissions.models import AdmissionTarget, TargetKind
from tochuc.cadres.models import Body, Move, MoveKind, Post, PostQuota, SourcingPlan
from tochuc.cadres.services import assignment_create
from tochuc.core.services import decision_cite
from tochuc.members.models import EventKind as K
from tochuc.members.models import Status
from tochuc.members.services import event_record
from tochuc.organizations import services as organizations
from tochuc.organizations.kinds import Kind
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person

D = dt.date
ON = D(2025, 12, 4)
START = D(2025, 7, 1)

EXPECTED = {
    "members": (4, None, {"full": 2, "probationary": 2}),
    "organizations": (2, None, {"grassroots_committees": 0, "sub_committees": 0, "cells": 2}),
    "seats_executive": (7, 9, {"people": 7, "vacant": 2}),
    "seats_standing": (2, 3, {"people": 2, "vacant": 1}),
    "vacancies": (4, None, {"self": 2, "support": 1, "none": 1}),
    "appointments": (1, None, {"appointment": 1, "reappointment": 0}),
    "reinforcements": (1, None, {}),
    "commune_moves": (1, None, {}),
    "admissions_year": (3, 6, {}),
    "member_changes": (1, None, {"death": 1, "expulsion": 0}),
}
"""key → (value, whole, some parts) for the province P on 04/12/2025, quarter 4-2025."""


BIRTH = D(1985, 1, 1)


def _person(name: str, birth=BIRTH, sex=Sex.MALE) -> Person:
    return Person.objects.create(full_name=name, sex=sex, date_of_birth=birth)


@pytest.fixture
def quarter_data(small_tree):
    t = small_tree
    decision = decision_cite(number="05-QĐ/TU", signed_on=D(2024, 1, 2), issuer="Thành ủy")

    def record(p, kind, on, org=None, **details):
        event_record(
            person=p, kind=kind, effective_on=on, organization=org, decision=decision, **details
        )

    old = _person("Lão Văn Cũ", D(1975, 1, 1))
    record(old, K.ADMISSION, D(2024, 3, 15), t.la)
    record(old, K.CONFIRMATION, D(2025, 3, 15))
    record(_person("An Văn Một"), K.ADMISSION, D(2025, 8, 15), t.a)
    record(_person("An Thị Hai", sex=Sex.FEMALE), K.ADMISSION, D(2025, 10, 10), t.a1)
    b1 = _person("Bê Văn Một", D(1970, 5, 5))
    record(b1, K.ADMISSION, D(2025, 9, 1), t.b)
    record(b1, K.DEATH, D(2025, 11, 20))
    record(
        _person("Bê Thị Hai", sex=Sex.FEMALE),
        K.TRANSFER_IN,
        D(2025, 8, 10),
        t.b1,
        status=Status.FULL,
        admitted_on=D(2010, 5, 5),
    )
    for org, count in ((t.a, 4), (t.b, 2)):
        AdmissionTarget.objects.create(
            organization=org,
            kind=TargetKind.YEAR,
            year=2025,
            starts_on=D(2025, 1, 1),
            ends_on=D(2025, 12, 31),
            count=count,
            decision=decision,
        )

    def post(org, body, title, seats, central=False, plan=None):
        p = Post.objects.create(
            organization=org, body=body, title=title, per_central_guidance=central
        )
        PostQuota.objects.create(post=p, seats=seats, valid_from=START)
        if plan:
            SourcingPlan.objects.create(post=p, planned_on=D(2025, 9, 1), source=plan)
        return p

    def hold(p, n, prefix, kind="election"):
        for i in range(n):
            assignment_create(
                person=_person(f"{prefix} {i + 1}"),
                post=p,
                kind=kind,
                starts_on=START,
                decision=decision,
            )

    hold(post(t.a, Body.EXECUTIVE_COMMITTEE, "Ủy viên BCH", 5), 3, "Ủy viên A")
    hold(post(t.a, Body.STANDING_COMMITTEE, "Ủy viên BTV", 3), 2, "Thường vụ A")
    hold(post(t.b, Body.EXECUTIVE_COMMITTEE, "Ủy viên BCH", 4), 4, "Ủy viên Bê")
    post(t.a, Body.CIVIL_SERVICE, "Công chức tài chính", 2, True, SourcingPlan.Source.SELF)
    post(t.a, Body.CIVIL_SERVICE, "Công chức địa chính", 1, True)
    post(t.b, Body.CIVIL_SERVICE, "Công chức tài chính", 1, True, SourcingPlan.Source.REINFORCEMENT)
    office = post(t.a, Body.DEPARTMENT, "Chánh Văn phòng", 1)
    appointed = decision_cite(number="77-QĐ/ĐU", signed_on=D(2025, 10, 15), issuer="Đảng ủy xã")
    assignment_create(
        person=_person("Chánh Văn Phòng"),
        post=office,
        kind="appointment",
        starts_on=D(2025, 10, 15),
        decision=appointed,
    )
    department = organizations.organization_establish(
        code="SNV",
        name="Sở Nội vụ",
        kind=Kind.STATE_AGENCY,
        parent=t.p,
        established_on=START,
        decision=t.decision,
    )
    Move.objects.create(
        person=_person("Tăng Cường"),
        kind=MoveKind.REINFORCEMENT,
        origin=department,
        destination=t.a,
        starts_on=D(2025, 9, 1),
        decided_by=t.p,
        decision=decision,
    )
    Move.objects.create(
        person=_person("Điều Động"),
        kind=MoveKind.TRANSFER,
        origin=t.a,
        destination=t.b,
        starts_on=D(2025, 10, 5),
        decided_by=t.a,
        decision=decision,
    )
    return SimpleNamespace(tree=t, on=ON, department=department)
