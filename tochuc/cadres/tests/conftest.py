"""The `seats` fixture: posts, quotas, holders and sourcing plans of communes A and B
(see the table in test_seats.py), all from 01/07/2025."""

import datetime as dt

import pytest

from tochuc.cadres.models import Body, Post, PostQuota, SourcingPlan
from tochuc.cadres.services import assignment_create
from tochuc.people.catalogs import Expertise
from tochuc.people.models import Person

D = dt.date
FINANCE, LAND = Expertise.FINANCE_ACCOUNTING, Expertise.LAND_CONSTRUCTION


def person(name):
    return Person.objects.create(full_name=name, sex="male", date_of_birth=D(1980, 1, 1))


@pytest.fixture
def seats(small_tree):
    t = small_tree
    start = D(2025, 7, 1)

    def post(org, body, title, seats, central=False, field=""):
        p = Post.objects.create(
            organization=org, body=body, title=title, per_central_guidance=central, field=field
        )
        PostQuota.objects.create(post=p, seats=seats, valid_from=start)
        return p

    posts = {
        "a_bch": post(t.a, Body.EXECUTIVE_COMMITTEE, "Ủy viên BCH", 5),
        "a_btv": post(t.a, Body.STANDING_COMMITTEE, "Ủy viên BTV", 3),
        "a_tc": post(t.a, Body.CIVIL_SERVICE, "Công chức tài chính", 2, True, FINANCE),
        "a_dc": post(t.a, Body.CIVIL_SERVICE, "Công chức địa chính", 2, True, LAND),
        "b_bch": post(t.b, Body.EXECUTIVE_COMMITTEE, "Ủy viên BCH", 4),
        "b_btv": post(t.b, Body.STANDING_COMMITTEE, "Ủy viên BTV", 2),
        "b_tc": post(t.b, Body.CIVIL_SERVICE, "Công chức tài chính", 1, True, FINANCE),
    }
    xs = [person(f"Cán bộ A {i}") for i in range(1, 6)]
    ys = [person(f"Cán bộ B {i}") for i in range(1, 5)]

    def assign(p, who, kind="election"):
        assignment_create(person=who, post=p, kind=kind, starts_on=start, decision=t.decision)

    for x in xs[:4]:
        assign(posts["a_bch"], x)
    for x in xs[:3]:
        assign(posts["a_btv"], x)
    assign(posts["a_tc"], xs[4], "appointment")
    for y in ys:
        assign(posts["b_bch"], y)
    assign(posts["b_btv"], ys[0])
    for key, day, source in [
        ("a_tc", D(2025, 9, 1), SourcingPlan.Source.REINFORCEMENT),
        ("a_tc", D(2025, 12, 10), SourcingPlan.Source.SELF),
        ("a_dc", D(2025, 10, 1), SourcingPlan.Source.SELF),
        ("b_btv", D(2025, 8, 1), SourcingPlan.Source.SELF),
    ]:
        SourcingPlan.objects.create(post=posts[key], planned_on=day, source=source)
    return posts, xs, ys
