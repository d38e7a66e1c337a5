"""Flags on assignments, hand-computed."""

import datetime as dt

import pytest

from tochuc.administrative_units.models import AdministrativeUnit
from tochuc.cadres.alerts import local_secretaries, outliving_retirement, reappointment_due
from tochuc.cadres.models import Assignment, Body, Post, PostQuota
from tochuc.cadres.services import assignment_create
from tochuc.core.dating import BEGINNING, END_OF_TIME
from tochuc.people.models import Person

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(small_tree):
    def post(title, body=Body.PEOPLES_COMMITTEE):
        p = Post.objects.create(organization=small_tree.a, body=body, title=title)
        PostQuota.objects.create(post=p, seats=1, valid_from=D(2025, 7, 1))
        return p

    return {
        "chairman": post("Chủ tịch UBND"),
        "secretary": post("Bí thư", Body.STANDING_COMMITTEE),
        "deputy": post("Phó Chủ tịch UBND"),
    }


def person(name, birth, sex="male", hometown=None):
    return Person.objects.create(full_name=name, sex=sex, date_of_birth=birth, hometown=hometown)


def test_reappointment_due_90_working_days_before_the_term_ends(small_tree, posts):
    chairman = person("Chủ tịch", D(1975, 1, 1))
    assignment_create(
        person=chairman,
        post=posts["chairman"],
        kind="appointment",
        starts_on=D(2025, 7, 1),
        decision=small_tree.decision,
    )
    # Term 01/07/2025 – Sunday 30/06/2030. Counting back 90 working days (Friday 28/06 is
    # the 1st, 18 weeks of 5 days) lands on Monday 25/02/2030: due from that day.
    assert not reappointment_due(root=small_tree.a, on=D(2030, 2, 24)).exists()
    assert reappointment_due(root=small_tree.a, on=D(2030, 2, 25)).exists()


def test_assignment_outliving_retirement_is_flagged(small_tree, posts):
    older = person("Sắp nghỉ hưu", D(1966, 6, 1))  # retires 01/06/2028 (62 years)
    assignment_create(
        person=older,
        post=posts["chairman"],
        kind="appointment",
        starts_on=D(2025, 7, 1),
        decision=small_tree.decision,
    )
    younger = person("Còn trẻ", D(1985, 1, 1))
    assignment_create(
        person=younger,
        post=posts["deputy"],
        kind="appointment",
        starts_on=D(2025, 7, 1),
        decision=small_tree.decision,
    )
    elected = person("Bầu, nghỉ hưu giữa nhiệm kỳ", D(1968, 1, 1))  # 01/01/2030
    assignment_create(
        person=elected, post=posts["secretary"], kind="election", starts_on=D(2025, 7, 1),
        decision=small_tree.decision,
    )  # fmt: skip
    flagged = outliving_retirement(root=small_tree.a, on=D(2025, 12, 4))
    assert [(a.person.full_name, retires) for a, retires in flagged] == [
        ("Sắp nghỉ hưu", D(2028, 6, 1)),
        ("Bầu, nghỉ hưu giữa nhiệm kỳ", D(2030, 1, 1)),
    ]


def test_local_party_secretary_is_flagged(small_tree, posts):
    commune = AdministrativeUnit.objects.create(
        generation="2025",
        level="commune",
        code="99999",
        key="x_test",
        unit_type="Xã",
        name="Xã Thử",
        short_name="Thử",
        valid_from=BEGINNING,
        valid_to=END_OF_TIME,
    )
    small_tree.a.administrative_unit = commune
    small_tree.a.save(update_fields=["administrative_unit"])
    local = person("Người địa phương", D(1980, 1, 1), hometown=commune)
    assignment_create(
        person=local,
        post=posts["secretary"],
        kind="election",
        starts_on=D(2025, 7, 1),
        decision=small_tree.decision,
    )
    assert [
        a.person.full_name for a in local_secretaries(root=small_tree.p, on=D(2025, 12, 4))
    ] == ["Người địa phương"]


def test_warnings_shown_when_a_holding_is_decided(small_tree, posts):
    from tochuc.cadres.alerts import assignment_warnings
    from tochuc.planning.models import PlanningTerm
    from tochuc.planning.services import plan_add

    t = small_tree
    term = PlanningTerm.objects.create(
        name="2025–2030", track="party", starts_on=D(2025, 10, 1), ends_on=D(2030, 9, 30)
    )
    planned = person("Trong quy hoạch", D(1985, 1, 1))
    plan_add(term=term, post=posts["chairman"], person=planned, added_on=D(2025, 10, 10),
             decision=t.decision)  # fmt: skip
    held = assignment_create(person=planned, post=posts["chairman"], kind="appointment",
                             starts_on=D(2025, 12, 1), decision=t.decision)  # fmt: skip
    assert assignment_warnings(held) == []
    outsider = person("Ngoài quy hoạch", D(1966, 6, 1))  # retires 01/06/2028
    held = assignment_create(person=outsider, post=posts["deputy"], kind="appointment",
                             starts_on=D(2025, 12, 1), decision=t.decision)  # fmt: skip
    warnings = assignment_warnings(held)
    assert "chưa được quy hoạch chức danh «Phó Chủ tịch UBND»" in warnings[0]
    assert "Quy định 377-QĐ/TW" in warnings[0]
    assert warnings[1].startswith("Ngoài quy hoạch nghỉ hưu ngày 01/06/2028")
    # Before the planning rules were in force (27/12/2021) nobody is warned about planning.
    assert all("quy hoạch" not in w for w in assignment_warnings(
        Assignment(person=outsider, post=posts["deputy"], kind="appointment",
                   valid_from=D(2021, 6, 1), valid_to=D(2026, 5, 31))
    ))  # fmt: skip
