"""The synthetic member generator: deterministic, rule-abiding, carried through the merger."""

import datetime as dt

import pytest

from tochuc.administrative_units.loader import load_admin_units
from tochuc.demo.generator import Generator
from tochuc.demo.names import GIVEN
from tochuc.members.models import MembershipEvent, MembershipSpan
from tochuc.members.selectors import member_counts
from tochuc.members.services import _replay_and_store, _valid_facts
from tochuc.organizations.builder import build_party_tree
from tochuc.organizations.models import Organization
from tochuc.people.models import Person

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 12, 4)


@pytest.fixture
def can_tho(db):
    load_admin_units(province="can_tho")
    build_party_tree(province="can_tho")


def test_same_seed_same_people(can_tho):
    first = Generator(province="can_tho", seed=5, today=TODAY)
    second = Generator(province="can_tho", seed=5, today=TODAY)
    assert [first.person().full_name for _ in range(50)] == [
        second.person().full_name for _ in range(50)
    ]


def test_names_match_sex(can_tho):
    generator = Generator(province="can_tho", seed=3, today=TODAY)
    female_given = {name for name, _ in GIVEN["female"]}
    for _ in range(200):
        person = generator.person()
        assert (person.full_name.split()[-1] in female_given) == (person.sex == "female")


def test_generated_members_obey_the_rules_and_are_counted_today(can_tho):
    report = Generator(province="can_tho", seed=1, today=TODAY).run(300)
    assert report.persons == Person.objects.count() == 300
    stored = sorted(MembershipSpan.objects.values_list("person_id", "valid_from", "status"))
    for person in Person.objects.all()[:50]:
        _replay_and_store(person, _valid_facts(person))  # replaying again changes nothing
    assert sorted(MembershipSpan.objects.values_list("person_id", "valid_from", "status")) == stored
    counts = member_counts(on=TODAY, root=Organization.objects.get(code="92"))
    assert 250 <= counts["total"] <= 300
    assert MembershipEvent.objects.filter(kind="card_exchange").exists()


def test_generated_seats_reconcile_and_fit_the_quotas(can_tho):
    from tochuc.cadres.models import Body, MoveKind
    from tochuc.cadres.selectors import moves, seat_fill, vacancy_register

    generator = Generator(province="can_tho", seed=2, today=TODAY)
    generator.run(3000)
    report = generator.seats()
    assert report.posts == 103 * 14 and report.moves > 0 and report.planned > 0
    assert generator.seats().posts == 0  # only once
    province = Organization.objects.get(code="92")
    bch = seat_fill(root=province, on=TODAY, body=Body.EXECUTIVE_COMMITTEE)
    assert 0 < bch.holdings <= bch.quota
    register = vacancy_register(root=province, on=TODAY)
    assert register.total > 0 and register.reconciles
    reinforced = moves(
        root=province, kind=MoveKind.REINFORCEMENT, since=dt.date(2025, 7, 1), on=TODAY,
        origin_level="province", destination_level="commune",
    )  # fmt: skip
    assert reinforced.count() > 0
