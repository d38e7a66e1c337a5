"""Progress of the card exchange as of two dates, hand-computed (table in conftest.py)."""

import pytest

from tochuc.cards.selectors import card_exchange_board, card_exchange_progress
from tochuc.cards.tests.conftest import EARLY, LATE

pytestmark = pytest.mark.django_db


def names(queryset) -> set[str]:
    return {span.person.full_name for span in queryset}


def test_commune_at_the_end_of_the_year(small_tree, campaign):
    progress = card_exchange_progress(root=small_tree.a, on=LATE)
    assert (progress.eligible, progress.done, progress.percent) == (4, 3, "75,00%")
    assert names(progress.eligible_members) == {"Thẻ Một", "Thẻ Hai", "Thẻ Ba", "Thẻ Bốn"}
    assert names(progress.done_members) == {"Thẻ Một", "Thẻ Hai", "Thẻ Ba"}
    assert progress.steps == {
        "declared": 4, "photographed": 3, "verified": 3, "signed": 3, "sent": 3, "received": 3,
    }  # fmt: skip
    assert progress.not_declared == 0


def test_commune_earlier_counts_the_dead_and_the_transferred(small_tree, campaign):
    progress = card_exchange_progress(root=small_tree.a, on=EARLY)
    assert (progress.eligible, progress.done, progress.percent) == (6, 2, "33,33%")
    assert names(progress.members["not_declared"]) == {"Thẻ Bảy"}
    assert progress.not_declared == 1
    assert progress.steps["declared"] == 5 and progress.steps["received"] == 2


def test_probationary_and_new_series_holders_are_not_eligible(small_tree, campaign):
    eligible = names(card_exchange_progress(root=small_tree.a, on=LATE).eligible_members)
    assert "Thẻ Năm" not in eligible and "Thẻ Tám" not in eligible


def test_member_transferred_out_counts_in_the_new_place(small_tree, campaign):
    early = card_exchange_progress(root=small_tree.b, on=EARLY)
    late = card_exchange_progress(root=small_tree.b, on=LATE)
    assert (early.eligible, late.eligible, late.done, late.percent) == (0, 1, 0, "0,00%")


def test_no_eligible_member_shows_a_dash(small_tree):
    assert card_exchange_progress(root=small_tree.a, on=LATE).percent == "—"


def test_scope_keeps_only_the_users_members(small_tree, campaign):
    t = small_tree
    progress = card_exchange_progress(root=t.p, on=LATE, user=t.users.b_editor)
    assert (progress.eligible, progress.done) == (1, 0)


def test_board_rows_per_child_and_direct_members(small_tree, campaign):
    t = small_tree
    rows, total = card_exchange_board(root=t.p, on=LATE)
    figures = {row.name: (row.progress.eligible, row.progress.done) for row in rows}
    assert figures == {"Đảng bộ xã An Mới": (4, 3), "Đảng bộ xã Bí Mật Bê": (1, 0)}
    assert (total.eligible, total.done, total.percent) == (5, 3, "60,00%")
    rows, total = card_exchange_board(root=t.a, on=LATE)
    figures = {(row.name, row.direct): (row.progress.eligible, row.progress.done) for row in rows}
    assert figures == {
        ("Chi bộ ấp An Một", False): (3, 2),
        ("Đảng viên sinh hoạt trực tiếp", True): (1, 1),
    }
    assert total.percent == "75,00%"


def test_board_and_progress_are_a_fixed_number_of_queries(
    small_tree, campaign, django_assert_num_queries
):
    t = small_tree
    with django_assert_num_queries(1):
        card_exchange_progress(root=t.p, on=LATE)
    with django_assert_num_queries(4):
        card_exchange_board(root=t.p, on=LATE)


def test_before_the_merger_the_old_communes_hold_nobody_exchanging(small_tree, campaign):
    progress = card_exchange_progress(root=small_tree.la, on=LATE)
    assert progress.eligible == 0
