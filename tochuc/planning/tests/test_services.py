"""Writes: additions refused for reasons of their own, dated removals that keep the entry,
terms and structure targets."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tochuc.core.services import StaleEdit, decision_cite
from tochuc.planning import services
from tochuc.planning.models import PlanEntry, PlanningTerm, StructureTarget
from tochuc.planning.tests.conftest import person

D = dt.date
pytestmark = pytest.mark.django_db


def messages_of(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return " ".join(caught.value.messages)


def test_addition_refused_when_the_term_is_over_or_the_unit_does_not_exist(planning):
    message = messages_of(
        lambda: services.plan_add(
            term=planning.party_old,
            post=planning.posts.a_bt,
            person=person("Muộn"),
            added_on=D(2025, 11, 1),
            decision=planning.decision,
        )
    )
    assert "nhiệm kỳ Cấp ủy 2020–2025 đã kết thúc ngày 30/09/2025" in message
    message = messages_of(
        lambda: services.plan_add(
            term=planning.party,
            post=planning.posts.a_bt,
            person=person("Sớm"),
            added_on=D(2025, 6, 1),
            decision=planning.old_decision,
        )
    )
    assert "không tồn tại vào ngày 01/06/2025" in message


def test_addition_refused_twice_for_the_same_post_and_before_its_decision(planning, add):
    who = person("Hai lần")
    add(planning.posts.a_bt, who, D(2025, 11, 1))
    message = messages_of(lambda: add(planning.posts.a_bt, who, D(2026, 1, 1)))
    assert "đã có trong quy hoạch chức danh «Bí thư Đảng ủy»" in message
    message = messages_of(
        lambda: services.plan_add(
            term=planning.party,
            post=planning.posts.a_pbt,
            person=who,
            added_on=D(2025, 8, 1),
            decision=planning.decision,
        )
    )
    assert "không thể trước ngày ban hành quyết định" in message


def test_removal_is_dated_with_its_reason_and_the_entry_is_kept(planning, add):
    entry = add(planning.posts.a_bt, person("Ra"), D(2025, 11, 1))
    decision = decision_cite(number="9-QĐ/ĐU", signed_on=D(2026, 2, 1), issuer="Đảng ủy xã")
    services.plan_remove(
        entry=entry,
        removed_on=D(2026, 2, 1),
        reason=" Không hoàn thành nhiệm vụ ",
        decision=decision,
        expected_version=1,
    )
    entry.refresh_from_db()
    assert (entry.removed_on, entry.removal_reason) == (D(2026, 2, 1), "Không hoàn thành nhiệm vụ")
    assert entry.removal_decision == decision and entry.version == 2
    assert entry.is_active_on(D(2026, 1, 31)) and not entry.is_active_on(D(2026, 2, 1))
    assert list(PlanEntry.objects.active_on(D(2026, 1, 31))) == [entry]
    assert not PlanEntry.objects.active_on(D(2026, 2, 1)).exists()
    assert entry.history.count() == 2


def test_removal_refusals(planning, add):
    entry = add(planning.posts.a_bt, person("Ra"), D(2025, 11, 1))
    message = messages_of(
        lambda: services.plan_remove(entry=entry, removed_on=D(2025, 11, 1), reason="")
    )
    assert "phải sau ngày phê duyệt 01/11/2025" in message and "Lý do" in message
    with pytest.raises(StaleEdit):
        services.plan_remove(entry=entry, removed_on=D(2026, 1, 1), reason="x", expected_version=7)
    services.plan_remove(entry=entry, removed_on=D(2026, 1, 1), reason="Nghỉ hưu")
    message = messages_of(
        lambda: services.plan_remove(entry=entry, removed_on=D(2026, 3, 1), reason="Lại")
    )
    assert "đã được đưa ra khỏi quy hoạch ngày 01/01/2026" in message


def test_terms_seed_is_idempotent_and_term_create_validates(db):
    first = services.terms_seed()
    assert [str(t) for t in first] == [
        "Cấp ủy 2020–2025",
        "Cấp ủy 2025–2030",
        "Chính quyền 2021–2026",
        "Chính quyền 2026–2031",
    ]
    assert services.terms_seed() == first and PlanningTerm.objects.count() == 4
    message = messages_of(
        lambda: services.term_create(
            name="2025–2030", track="party", starts_on=D(2030, 1, 1), ends_on=D(2029, 1, 1)
        )
    )
    assert "phải sau ngày bắt đầu" in message and "đã có nhiệm kỳ 2025–2030" in message
    term = services.term_create(
        name="2030–2035",
        track="party",
        starts_on=D(2030, 10, 1),
        ends_on=D(2035, 9, 30),
        counting_on=D(2030, 9, 1),
    )
    assert term.counting_date == D(2030, 9, 1)


def test_target_set_creates_then_replaces(planning):
    t = planning.tree
    target = services.target_set(
        organization=t.p,
        term=planning.party,
        category="young",
        level="commune",
        minimum_share=Decimal("15"),
        young_age=35,
    )
    again = services.target_set(
        organization=t.p,
        term=planning.party,
        category="young",
        level="commune",
        minimum_share=Decimal("20"),
        young_age=36,
        expected_version=1,
    )
    assert again.pk == target.pk and (again.minimum_share, again.young_age) == (20, 36)
    assert StructureTarget.objects.count() == 1
    with pytest.raises(StaleEdit):
        services.target_set(
            organization=t.p,
            term=planning.party,
            category="young",
            level="commune",
            minimum_share=Decimal("20"),
            young_age=36,
            expected_version=1,
        )
    message = messages_of(
        lambda: services.target_set(
            organization=t.p,
            term=planning.party,
            category="young",
            level="commune",
            minimum_share=Decimal("120"),
        )
    )
    assert "từ 0 đến 100" in message and "dưới … tuổi" in message
    women = services.target_set(
        organization=t.p,
        term=planning.party,
        category="women",
        level="commune",
        minimum_share=Decimal("25"),
        young_age=40,
    )
    assert women.young_age is None


def test_planning_terms_command(db, capsys):
    from django.core.management import call_command

    call_command("planning_terms")
    call_command("planning_terms")
    assert PlanningTerm.objects.count() == 4
    assert "Cấp ủy 2025–2030: 01/10/2025–30/09/2030" in capsys.readouterr().out
