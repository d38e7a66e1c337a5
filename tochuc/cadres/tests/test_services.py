"""Writes on posts, quotas, holdings and moves: what passes, what is refused and why."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.cadres.models import Body, MoveKind, MovePurpose, PostQuota
from tochuc.cadres.selectors import career, seat_fill
from tochuc.cadres.services import (
    assignment_create,
    assignment_end,
    move_end,
    move_record,
    post_create,
    quota_set,
    remaining_service_check,
)
from tochuc.cadres.tests.conftest import person
from tochuc.core.services import StaleEdit
from tochuc.people.models import Person

D = dt.date
ON = D(2025, 12, 4)
pytestmark = pytest.mark.django_db


def test_post_create_needs_an_existing_organization(small_tree):
    t = small_tree
    with pytest.raises(ValidationError, match="không tồn tại vào ngày 30/06/2025"):
        post_create(
            organization=t.a, body=Body.EXECUTIVE_COMMITTEE, title="Ủy viên BCH", seats=5,
            valid_from=D(2025, 6, 30),
        )  # fmt: skip
    post = post_create(
        organization=t.a, body=Body.EXECUTIVE_COMMITTEE, title="Ủy viên BCH", seats=5,
        valid_from=D(2025, 7, 1),
    )  # fmt: skip
    assert seat_fill(root=t.a, on=ON, body=Body.EXECUTIVE_COMMITTEE).quota == 5
    assert post.quotas.get().valid_from == D(2025, 7, 1)


def test_quota_change_is_dated_and_never_below_the_holders(small_tree, seats):
    posts, _, _ = seats
    post = posts["a_bch"]  # quota 5, 4 holders
    with pytest.raises(ValidationError, match="có 4 người giữ"):
        quota_set(post=post, seats=3, valid_from=D(2026, 1, 1))
    quota_set(post=post, seats=7, valid_from=D(2026, 1, 1))
    first = PostQuota.objects.filter(post=post).order_by("valid_from").first()
    assert (first.seats, first.valid_to) == (5, D(2025, 12, 31))
    assert seat_fill(root=small_tree.a, on=ON, body=Body.EXECUTIVE_COMMITTEE).quota == 5
    assert seat_fill(root=small_tree.a, on=D(2026, 1, 1), body=Body.EXECUTIVE_COMMITTEE).quota == 7
    with pytest.raises(ValidationError, match="Đã có định mức từ ngày 01/01/2026"):
        quota_set(post=post, seats=6, valid_from=D(2025, 12, 1))
    with pytest.raises(StaleEdit):
        quota_set(post=post, seats=8, valid_from=D(2026, 3, 1), expected_version=1)


def test_ending_a_holding_frees_the_seat_from_the_next_day(small_tree, seats):
    posts, xs, _ = seats
    held = posts["a_bch"].assignments.get(person=xs[0])
    assignment_end(assignment=held, ends_on=D(2025, 12, 4), expected_version=held.version)
    assert seat_fill(root=small_tree.a, on=ON, body=Body.EXECUTIVE_COMMITTEE).holdings == 4
    after = seat_fill(root=small_tree.a, on=D(2025, 12, 5), body=Body.EXECUTIVE_COMMITTEE)
    assert after.holdings == 3
    with pytest.raises(StaleEdit):
        assignment_end(assignment=held, ends_on=D(2025, 12, 3), expected_version=held.version)
    with pytest.raises(ValidationError, match="không thể trước ngày bắt đầu 01/07/2025"):
        assignment_end(assignment=held, ends_on=D(2025, 6, 1))


def test_future_dated_assignment_counts_from_its_start(small_tree, seats):
    posts, _, _ = seats
    newcomer = person("Người đến sau")
    assignment_create(
        person=newcomer, post=posts["b_btv"], kind="designation", starts_on=D(2026, 2, 1),
        decision=small_tree.decision,
    )  # fmt: skip
    assert seat_fill(root=small_tree.b, on=ON, body=Body.STANDING_COMMITTEE).holdings == 1
    later = seat_fill(root=small_tree.b, on=D(2026, 2, 1), body=Body.STANDING_COMMITTEE)
    assert later.holdings == 2


def _rotate(tree, who, starts_on, **kw):
    return move_record(
        person=who, kind=MoveKind.ROTATION, origin=tree.a, destination=tree.b,
        starts_on=starts_on, decided_by=tree.p, decision=tree.decision, **kw,
    )  # fmt: skip


def test_rotation_needs_ten_years_of_service_left(small_tree):
    t = small_tree
    # Born 01/01/1970, a man reaches 62 (the 2028 cap) on 01/01/2032.
    senior = Person.objects.create(full_name="Luân Chuyển", sex="male", date_of_birth=D(1970, 1, 1))
    with pytest.raises(ValidationError, match="Quy định 65-QĐ/TW") as refused:
        _rotate(t, senior, D(2025, 9, 1))
    assert "nghỉ hưu ngày 01/01/2032" in refused.value.messages[0]
    # Rotated so that he is not a local: one full term (5 years) is enough.
    move = _rotate(t, senior, D(2025, 9, 1), purpose=MovePurpose.NON_LOCAL)
    assert move.pk
    # A special case decided by the competent level is recorded with its ground.
    _rotate(t, senior, D(2025, 10, 1), special_case="Ban Thường vụ quyết định ngày 20/09/2025")
    # Transfers and reinforcements are not rotations: no remaining-service rule.
    move_record(
        person=senior, kind=MoveKind.REINFORCEMENT, origin=t.a, destination=t.b,
        starts_on=D(2025, 11, 1), decided_by=t.p, decision=t.decision,
    )  # fmt: skip


def test_same_rotation_judged_by_the_rule_of_its_date():
    """Born 1962, a man retires on 01/07/2022 (60 years 6 months, Nghị định 135/2020).
    Before 07/10/2017 no remaining-service rule was in force; then Quy định 98, and from
    28/04/2022 Quy định 65."""
    old = Person(full_name="Cán bộ Lão", sex="male", date_of_birth=D(1962, 1, 1))
    development = MovePurpose.DEVELOPMENT
    assert remaining_service_check(person=old, starts_on=D(2016, 6, 1), purpose=development) is None
    in_2020 = remaining_service_check(person=old, starts_on=D(2020, 3, 1), purpose=development)
    assert "Quy định 98-QĐ/TW" in in_2020 and "01/07/2022" in in_2020
    in_2022 = remaining_service_check(person=old, starts_on=D(2022, 5, 1), purpose=development)
    assert "Quy định 65-QĐ/TW" in in_2022


def test_move_checks_units_and_dates(small_tree):
    t = small_tree
    who = person("Điều Động")
    with pytest.raises(ValidationError, match="phải khác nhau"):
        move_record(
            person=who, kind=MoveKind.TRANSFER, origin=t.a, destination=t.a,
            starts_on=ON, decided_by=t.p, decision=t.decision,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="Đơn vị đến «A» không tồn tại vào ngày 01/03/2025"):
        move_record(
            person=who, kind=MoveKind.TRANSFER, origin=t.la, destination=t.a,
            starts_on=D(2025, 3, 1), decided_by=t.lp, decision=t.decision,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="dự kiến kết thúc không thể trước"):
        move_record(
            person=who, kind=MoveKind.SECONDMENT, origin=t.a, destination=t.b,
            starts_on=ON, planned_end=D(2025, 12, 1), decided_by=t.p, decision=t.decision,
        )  # fmt: skip
    move = move_record(
        person=who, kind=MoveKind.SECONDMENT, origin=t.a, destination=t.b,
        starts_on=ON, planned_end=D(2026, 12, 3), decided_by=t.p, decision=t.decision,
    )  # fmt: skip
    move = move_end(move=move, ended_on=D(2026, 6, 30), expected_version=move.version)
    assert move.ended_on == D(2026, 6, 30)
    with pytest.raises(StaleEdit):
        move_end(move=move, ended_on=D(2026, 7, 1), expected_version=1)


def test_career_lists_holdings_and_moves_with_names_of_then(small_tree, seats):
    t = small_tree
    _, xs, _ = seats
    move_record(
        person=xs[0], kind=MoveKind.REINFORCEMENT, origin=t.la, destination=t.lb,
        starts_on=D(2024, 5, 1), decided_by=t.lp, decision=t.decision,
    )  # fmt: skip
    entries = career(xs[0])
    assert [e["kind"] for e in entries] == ["move", "assignment", "assignment"]
    assert entries[0]["record"].destination_name == "Đảng bộ xã Bí Mật Bê Cũ"
    assert {e["record"].organization_name for e in entries[1:]} == {"Đảng bộ xã An Mới"}


def test_cadres_are_visible_persons_in_scope(small_tree, seats):
    t = small_tree
    _, xs, ys = seats
    visible = set(Person.objects.restrict(t.users.a_viewer, on=ON).values_list("pk", flat=True))
    assert xs[0].pk in visible and ys[0].pk not in visible
    assert xs[0].pk not in set(
        Person.objects.restrict(t.users.a_viewer, on=D(2025, 6, 30)).values_list("pk", flat=True)
    )
