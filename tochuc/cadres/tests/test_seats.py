"""Seats, vacancies with their reconciliation, and mobility, hand-computed.

On 04/12/2025 (posts from 01/07/2025):
| post | quota | holders | vacant | latest plan on 04/12 |
|---|---|---|---|---|
| A BCH | 5 | x1–x4 | 1 | – |
| A BTV | 3 | x1–x3 | 0 | – |
| A công chức tài chính (TW) | 2 | x5 | 1 | tăng cường (01/09); tự đảm bảo only from 10/12 |
| A công chức địa chính (TW) | 2 | – | 2 | tự đảm bảo (01/10) |
| B BCH | 4 | y1–y4 | 0 | – |
| B BTV | 2 | y1 | 1 | tự đảm bảo (01/08) |
| B công chức tài chính (TW) | 1 | – | 1 | – |
Province: BCH 8/9, BTV 4/5; vacancies 6 = 3 self + 1 support + 2 unplanned.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.cadres.models import Body, Move, MoveKind
from tochuc.cadres.selectors import moves, seat_fill, vacancy_register
from tochuc.cadres.services import assignment_create
from tochuc.cadres.tests.conftest import person
from tochuc.organizations import services as org_services
from tochuc.organizations.kinds import Kind

D = dt.date
ON = D(2025, 12, 4)
pytestmark = pytest.mark.django_db


def test_fill_rate_counts_holdings_people_and_quota(small_tree, seats):
    t = small_tree
    bch = seat_fill(root=t.p, on=ON, body=Body.EXECUTIVE_COMMITTEE)
    assert (bch.holdings, bch.people, bch.quota) == (8, 8, 9)
    btv = seat_fill(root=t.p, on=ON, body=Body.STANDING_COMMITTEE)
    assert (btv.holdings, btv.quota) == (4, 5)
    assert seat_fill(root=t.a, on=ON, body=Body.STANDING_COMMITTEE).quota == 3
    assert seat_fill(root=t.p, on=D(2025, 6, 30), body=Body.EXECUTIVE_COMMITTEE).quota == 0


def test_vacancies_reconcile_with_sourcing_plans(small_tree, seats):
    t = small_tree
    register = vacancy_register(root=t.p, on=ON)
    assert (register.total, register.self_sourced, register.needs_support, register.unplanned) == (
        6,
        3,
        1,
        2,
    )
    assert register.reconciles
    later = vacancy_register(root=t.p, on=D(2025, 12, 15))
    assert (later.self_sourced, later.needs_support, later.unplanned) == (4, 0, 2)
    central = vacancy_register(root=t.p, on=ON, per_central_guidance=True)
    assert (central.total, central.self_sourced, central.needs_support, central.unplanned) == (
        4,
        2,
        1,
        1,
    )
    assert vacancy_register(root=t.a, on=ON).total == 4


def test_vacancy_drill_down_lists_the_posts(small_tree, seats):
    posts, _, _ = seats
    register = vacancy_register(root=small_tree.b, on=ON)
    assert {p.pk: p.vacant for p in register.posts} == {posts["b_btv"].pk: 1, posts["b_tc"].pk: 1}


def test_quota_is_not_exceeded(small_tree, seats):
    posts, _, _ = seats
    with pytest.raises(ValidationError, match="chỉ có 4 chỗ"):
        assignment_create(
            person=person("Thừa"),
            post=posts["b_bch"],
            kind="designation",
            starts_on=D(2025, 12, 1),
            decision=small_tree.decision,
        )
    assignment_create(
        person=person("Thay"),
        post=posts["b_btv"],
        kind="designation",
        starts_on=D(2025, 12, 1),
        decision=small_tree.decision,
    )


def test_appointments_run_five_years(small_tree, seats):
    posts, xs, _ = seats
    held = posts["a_tc"].assignments.get(person=xs[4])
    assert held.valid_to == D(2030, 6, 30)


def test_mobility_cumulative_and_decided_by_communes(small_tree, seats):
    t = small_tree
    department = org_services.organization_establish(
        code="SNV",
        name="Sở Nội vụ",
        kind=Kind.STATE_AGENCY,
        parent=t.p,
        established_on=D(2025, 7, 1),
        decision=t.decision,
    )

    def move(kind, origin, destination, start, decided_by):
        Move.objects.create(
            person=person(f"Điều động {start}"),
            kind=kind,
            origin=origin,
            destination=destination,
            starts_on=start,
            decided_by=decided_by,
            decision=t.decision,
        )

    move(MoveKind.REINFORCEMENT, department, t.a, D(2025, 7, 15), t.p)
    move(MoveKind.REINFORCEMENT, department, t.b1, D(2025, 11, 1), t.p)
    move(MoveKind.REINFORCEMENT, department, t.a, D(2025, 12, 10), t.p)
    move(MoveKind.TRANSFER, t.a, t.b, D(2025, 8, 1), t.a)

    def count(on, root=t.p, **kw):
        return moves(
            root=root,
            kind=MoveKind.REINFORCEMENT,
            since=D(2025, 7, 1),
            on=on,
            origin_level="province",
            destination_level="commune",
            **kw,
        ).count()

    assert count(D(2025, 12, 2)) == 2
    assert count(D(2025, 12, 31)) == 3
    assert count(D(2025, 12, 31), root=t.a) == 2
    decided_by_communes = moves(
        root=t.p, kind=MoveKind.TRANSFER, since=D(2025, 7, 1), on=ON, decided_at_commune_level=True
    )
    assert decided_by_communes.count() == 1
