"""Seats by child organization and the filtered vacancy register, hand-computed from the
`seats` fixture (table in test_seats.py), on 04/12/2025:
| child | BCH | BTV | công chức | vacant |
|---|---|---|---|---|
| A | 4/5 (4 người) | 3/3 | 1/4 | 1 + 0 + 1 + 2 = 4 |
| B | 4/4 | 1/2 | 0/1 | 0 + 1 + 1 = 2 |
| total P | 8/9 (8 người) | 4/5 | 1/5 | 6 |
"""

import datetime as dt

import pytest

from tochuc.cadres.models import Body, Post, PostQuota
from tochuc.cadres.selectors import (
    SeatFill,
    seat_fill_by_child,
    vacancy_register,
)
from tochuc.organizations import services as org_services
from tochuc.organizations.kinds import Kind
from tochuc.people.catalogs import Expertise

D = dt.date
ON = D(2025, 12, 4)
BCH, BTV, CIVIL = Body.EXECUTIVE_COMMITTEE, Body.STANDING_COMMITTEE, Body.CIVIL_SERVICE
pytestmark = pytest.mark.django_db


def test_fill_by_child_and_total(small_tree, seats):
    t = small_tree
    rows, total = seat_fill_by_child(root=t.p, on=ON)
    assert [(r.organization_id, r.name, r.vacant, r.direct) for r in rows] == [
        (t.a.pk, "Đảng bộ xã An Mới", 4, False),
        (t.b.pk, "Đảng bộ xã Bí Mật Bê", 2, False),
    ]
    a, b = rows
    assert a.fills[BCH] == SeatFill(holdings=4, people=4, quota=5)
    assert a.fills[BTV] == SeatFill(holdings=3, people=3, quota=3)
    assert a.fills[CIVIL] == SeatFill(holdings=1, people=1, quota=4)
    assert b.fills[BCH] == SeatFill(holdings=4, people=4, quota=4)
    assert b.fills[BTV] == SeatFill(holdings=1, people=1, quota=2)
    assert b.fills[CIVIL] == SeatFill(holdings=0, people=0, quota=1)
    assert total[BCH] == SeatFill(holdings=8, people=8, quota=9)
    assert total[BTV] == SeatFill(holdings=4, people=4, quota=5)
    assert total[CIVIL] == SeatFill(holdings=1, people=1, quota=5)


def test_own_posts_of_the_root_form_a_direct_row(small_tree, seats):
    t = small_tree
    post = Post.objects.create(organization=t.p, body=BTV, title="Bí thư Thành ủy")
    PostQuota.objects.create(post=post, seats=1, valid_from=D(2025, 7, 1))
    rows, total = seat_fill_by_child(root=t.p, on=ON)
    assert rows[0].direct and rows[0].organization_id == t.p.pk and rows[0].vacant == 1
    assert rows[0].fills == {BTV: SeatFill(holdings=0, people=0, quota=1)}
    assert total[BTV] == SeatFill(holdings=4, people=4, quota=6)
    # A commune's own posts are its direct row; cells under it have none.
    rows, _ = seat_fill_by_child(root=t.a, on=ON)
    assert [r.direct for r in rows] == [True, False]
    assert rows[0].vacant == 4 and rows[1].fills == {}


def test_fill_by_child_takes_five_queries_whatever_the_children(
    small_tree, seats, django_assert_num_queries
):
    t = small_tree
    for i in range(3):
        commune = org_services.organization_establish(
            code=f"X{i}",
            name=f"Đảng bộ xã Thêm {i}",
            kind=Kind.COMMUNE_COMMITTEE,
            parent=t.p,
            established_on=D(2025, 7, 1),
            decision=t.decision,
        )
        post = Post.objects.create(organization=commune, body=BCH, title="Ủy viên BCH")
        PostQuota.objects.create(post=post, seats=3, valid_from=D(2025, 7, 1))
    with django_assert_num_queries(5):
        rows, total = seat_fill_by_child(root=t.p, on=ON)
    assert len(rows) == 5 and total[BCH].quota == 18


def test_filtered_register_reconciles(small_tree, seats):
    t = small_tree
    posts, _, _ = seats

    def figures(**kw):
        r = vacancy_register(root=t.p, on=ON, **kw)
        return (r.total, r.self_sourced, r.needs_support, r.unplanned)

    plain = vacancy_register(root=t.p, on=ON)
    assert figures() == (plain.total, plain.self_sourced, plain.needs_support, plain.unplanned)
    assert figures() == (6, 3, 1, 2)
    assert figures(field=Expertise.FINANCE_ACCOUNTING) == (2, 0, 1, 1)
    assert figures(plan="self") == (3, 3, 0, 0)
    assert figures(plan="support") == (1, 0, 1, 0)
    assert figures(plan="none") == (2, 0, 0, 2)
    assert figures(per_central_guidance=True) == (4, 2, 1, 1)
    assert figures(per_central_guidance=False) == (2, 1, 0, 1)
    rows = vacancy_register(root=t.p, on=ON).posts
    assert [(p.pk, p.organization_name, p.vacant) for p in rows] == [
        (posts["a_tc"].pk, "Đảng bộ xã An Mới", 1),  # «t» sorts before «đ» (code points)
        (posts["a_dc"].pk, "Đảng bộ xã An Mới", 2),
        (posts["a_bch"].pk, "Đảng bộ xã An Mới", 1),
        (posts["b_tc"].pk, "Đảng bộ xã Bí Mật Bê", 1),
        (posts["b_btv"].pk, "Đảng bộ xã Bí Mật Bê", 1),
    ]
    assert vacancy_register(root=t.b, on=ON, plan="none").total == 1
