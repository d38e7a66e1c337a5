"""Suggested people for a vacancy, hand-computed, and properties of the ranking.

Vacancy: A's «Công chức địa chính» (field land, 2 vacant) on 04/12/2025. Communes A and B
lie 10 km apart (same latitude, 0,0915° of longitude at 10° N). Points (WEIGHTS):
| person | facts | points |
|---|---|---|
| Quy Hoạch (new) | planned for the post, holds nothing | 40 + 10 = 50 |
| Cán bộ B 2 | specialty land, bachelor, 1 seat, 10 km | 25 + 10 + 5 = 40 |
| Cán bộ A 4 | specialty land, 1 seat, same place | 25 + 5 = 30 |
| Cán bộ A 5 | 1 seat, same place | 5 |
| Cán bộ B 3 | 1 seat, 10 km | 5 |
| Cán bộ B 4 | 1 seat, retires 01/10/2027 (61 years 9 months; < 5 years) | 5 − 10 = −5 |
| Cán bộ A 1–3 | BCH + BTV: 2 seats, same place | −20 |
| Cán bộ B 1 | BCH + BTV: 2 seats, 10 km | −20 |
"""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tochuc.administrative_units.models import AdministrativeUnit
from tochuc.cadres.suggestions import Facts, distance_km, rank, suggestions_for
from tochuc.core.dating import BEGINNING, END_OF_TIME
from tochuc.people.catalogs import Expertise, ProfessionalLevel
from tochuc.people.models import Person
from tochuc.planning.models import PlanEntry, PlanningTerm

D = dt.date
ON = D(2025, 12, 4)


def unit(code, longitude):
    return AdministrativeUnit.objects.create(
        generation="2025", level="commune", code=code, key=f"x_{code}", unit_type="Xã",
        name=f"Xã {code}", short_name=code, latitude=10.0, longitude=longitude,
        valid_from=BEGINNING, valid_to=END_OF_TIME,
    )  # fmt: skip


@pytest.fixture
def vacancy(small_tree, seats):
    t = small_tree
    posts, xs, ys = seats
    for org, code, longitude in ((t.a, "90001", 105.0), (t.b, "90002", 105.0915)):
        org.administrative_unit = unit(code, longitude)
        org.save(update_fields=["administrative_unit"])
    Person.objects.filter(pk__in=[xs[3].pk, ys[1].pk]).update(specialty=Expertise.LAND_CONSTRUCTION)
    Person.objects.filter(pk=ys[1].pk).update(professional_level=ProfessionalLevel.BACHELOR)
    Person.objects.filter(pk=ys[3].pk).update(date_of_birth=D(1966, 1, 1))
    planned = Person.objects.create(
        full_name="Quy Hoạch", sex="female", date_of_birth=D(1990, 5, 5)
    )
    term = PlanningTerm.objects.create(
        name="2025–2030", track="party", starts_on=D(2025, 1, 1), ends_on=D(2030, 12, 31)
    )
    PlanEntry.objects.create(
        term=term, post=posts["a_dc"], person=planned, added_on=D(2025, 8, 1), decision=t.decision
    )
    return posts["a_dc"]


@pytest.mark.django_db
def test_ranked_suggestions_for_the_province(small_tree, vacancy, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        found = suggestions_for(post=vacancy, on=ON, user=small_tree.users.province_admin, limit=20)
    assert [(s.person.full_name, s.score) for s in found] == [
        ("Quy Hoạch", 50),
        ("Cán bộ B 2", 40),
        ("Cán bộ A 4", 30),
        ("Cán bộ A 5", 5),
        ("Cán bộ B 3", 5),
        ("Cán bộ B 4", -5),
        ("Cán bộ A 1", -20),
        ("Cán bộ A 2", -20),
        ("Cán bộ A 3", -20),
        ("Cán bộ B 1", -20),
    ]
    b2 = found[1]
    assert b2.reasons == [
        "Chuyên ngành đào tạo phù hợp lĩnh vực",
        "Trình độ đại học trở lên",
        "Đang giữ 1 chức danh",
        "Cách đơn vị 10 km",
    ]
    assert "Còn dưới 5 năm công tác (nghỉ hưu 01/10/2027)" in found[5].reasons
    assert found[0].reasons == ["Trong quy hoạch chức danh này", "Chưa giữ chức danh nào"]
    assert found[6].reasons[-2:] == ["Đang giữ 2 chức danh", "Cùng địa bàn"]


@pytest.mark.django_db
def test_a_commune_user_is_offered_only_its_own_people(small_tree, vacancy):
    found = suggestions_for(post=vacancy, on=ON, user=small_tree.users.a_editor, limit=3)
    assert [s.person.full_name for s in found] == ["Quy Hoạch", "Cán bộ A 4", "Cán bộ A 5"]


def test_distance_between_points():
    assert distance_km((10.0, 105.0), (10.0, 105.0915)) == pytest.approx(10.0, abs=0.1)
    assert distance_km(None, (10.0, 105.0)) is None


facts = st.builds(
    Facts,
    person_id=st.integers(1, 10_000),
    name=st.text(max_size=5),
    planned=st.booleans(),
    specialty_matches=st.booleans(),
    same_field_posts=st.integers(0, 3),
    degree=st.booleans(),
    political_theory=st.booleans(),
    holdings=st.integers(0, 4),
    short_service=st.booleans(),
    distance_km=st.none() | st.floats(0, 500),
)


@given(st.lists(facts, max_size=12, unique_by=lambda f: f.person_id), st.booleans(), st.randoms())
def test_ranking_is_by_score_and_ignores_input_order(pool, party_body, random):
    ranked = rank(pool, party_body=party_body)
    scores = [s.score for s in ranked]
    assert scores == sorted(scores, reverse=True)
    shuffled = list(pool)
    random.shuffle(shuffled)
    assert [s.facts for s in rank(shuffled, party_body=party_body)] == [s.facts for s in ranked]


@given(facts, st.booleans())
def test_being_planned_never_lowers_the_rank(one, party_body):
    from dataclasses import replace

    planned = rank([replace(one, planned=True)], party_body=party_body)[0].score
    unplanned = rank([replace(one, planned=False)], party_body=party_body)[0].score
    assert planned > unplanned
