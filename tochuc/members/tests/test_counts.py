"""Members counted in a subtree as of dates, hand-computed.

P1 admitted in LA 15/03/2024, full 15/03/2025; LA merges into A on 01/07/2025.
P2 admitted in LB 01/06/2024, transferred to LA 10/01/2025, never confirmed (still prob).
P3 admitted in A1 01/09/2025, temporarily hosted by B1 from 01/10/2025 (counted in A1).
P4 admitted in B 15/07/2025, died 20/11/2025 (last counted day 19/11/2025).
P5 transferred in to B1 10/08/2025 as a full member.
P6 admitted in A 20/07/2025, transferred to B 01/12/2025.

| date | LA | LB | A | B |
|---|---|---|---|---|
| 31/12/2024 | P1 prob | P2 prob | – | – |
| 30/06/2025 | P1 full, P2 prob | – | – | – |
| 19/11/2025 | – | – | P1 full; P2, P3, P6 prob | P5 full; P4 prob |
| 20/11/2025 | – | – | same | P5 full |
| 04/12/2025 | – | – | P1 full; P2, P3 prob | P5 full; P6 prob |
"""

import datetime as dt

import pytest

from tochuc.members.selectors import hosted_at, member_counts, members_at

D = dt.date
pytestmark = pytest.mark.django_db


def counts(root, on):
    c = member_counts(on=on, root=root)
    return c["full"], c["probationary"]


@pytest.mark.parametrize(
    ("org", "on", "full", "probationary"),
    [
        ("la", D(2024, 12, 31), 0, 1),
        ("lb", D(2024, 12, 31), 0, 1),
        ("lp", D(2024, 12, 31), 0, 2),
        ("la", D(2025, 6, 30), 1, 1),
        ("lb", D(2025, 6, 30), 0, 0),
        ("a", D(2025, 11, 19), 1, 3),
        ("b", D(2025, 11, 19), 1, 1),
        ("b", D(2025, 11, 20), 1, 0),
        ("a", D(2025, 12, 4), 1, 2),
        ("b", D(2025, 12, 4), 1, 1),
        ("p", D(2025, 12, 4), 2, 3),
        ("a1", D(2025, 12, 4), 0, 1),
        ("b1", D(2025, 12, 4), 1, 0),
    ],
)
def test_counts_by_status(small_tree, members, org, on, full, probationary):
    assert counts(getattr(small_tree, org), on) == (full, probationary)


def test_old_organizations_count_nobody_after_the_merger(small_tree, members):
    assert counts(small_tree.la, D(2025, 12, 4)) == (0, 0)
    assert counts(small_tree.lp, D(2025, 12, 4)) == (0, 0)


def test_temporary_host_lists_but_does_not_count(small_tree, members):
    hosted = hosted_at(on=D(2025, 12, 4), root=small_tree.b)
    assert [s.person_id for s in hosted] == [members.p3.pk]
    counted_in_b = members_at(on=D(2025, 12, 4), root=small_tree.b)
    assert members.p3.pk not in {s.person_id for s in counted_in_b}


def test_count_is_a_fixed_number_of_queries(small_tree, members, django_assert_num_queries):
    with django_assert_num_queries(1):
        member_counts(on=D(2025, 12, 4), root=small_tree.p)


def test_commune_user_scope_on_members(small_tree, members):
    a_user = small_tree.users.a_viewer
    names = {s.person.full_name for s in members_at(on=D(2025, 12, 4), user=a_user)}
    assert names == {"Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba"}
    before_move = {s.person.full_name for s in members_at(on=D(2025, 11, 30), user=a_user)}
    assert "Võ Văn Sáu" in before_move
