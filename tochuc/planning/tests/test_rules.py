"""Each rule of rules.py through `plan_add`: a passing case, a refused case naming the source,
and the same case judged differently before and after the rule changed (none before Quy định
50-QĐ/TW of 27/12/2021; Quy định 50 until 07/10/2025; Quy định 377-QĐ/TW from 08/10/2025)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.core.rules import RULES, rule_in_force, rules_in_force
from tochuc.planning.models import PlanEntry
from tochuc.planning.tests.conftest import person

D = dt.date
pytestmark = pytest.mark.django_db


def refusal(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return " ".join(caught.value.messages)


def test_rules_are_registered_with_their_editions():
    assert "Quy định 50-QĐ/TW" in rule_in_force("planning_per_post", D(2024, 1, 1)).source
    assert "Quy định 377-QĐ/TW" in rule_in_force("planning_per_post", D(2025, 10, 8)).source
    assert "Quy định 50-QĐ/TW" in rule_in_force("planning_per_post", D(2025, 10, 7)).source
    codes = [r.code for r in rules_in_force(D(2026, 1, 1))]
    assert {
        "planning_per_post",
        "planning_posts_per_person",
        "planning_age",
        "planning_appointee_planned",
        "discipline_reconsideration",  # discipline and votes: the rules of tochuc.ratings
        "confidence_vote",
    } <= set(codes)
    assert len(codes) == len(set(codes))
    assert not [r for r in RULES if r.code in ("planning_discipline", "planning_low_confidence")]
    assert "planning_per_post" not in {r.code for r in rules_in_force(D(2021, 12, 26))}


def test_rules_page_lists_the_discipline_and_vote_rules_once(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    html = client.get("/quy-dinh/?as_of=01/06/2026").content.decode()
    assert html.count("<code>discipline_reconsideration</code>") == 1
    assert html.count("<code>confidence_vote</code>") == 1
    assert "planning_discipline" not in html and "planning_low_confidence" not in html
    assert html.count("Quy định 96-QĐ/TW") == 1
    assert html.count("24 tháng (khiển trách), 36 tháng (cảnh cáo), 60 tháng (cách chức)") == 1


# --- At most 3 people per post ------------------------------------------------------------------


def test_a_fourth_person_for_a_post_is_refused_citing_377(planning, add):
    post = planning.posts.a_bt
    for i in range(3):
        add(post, person(f"Người {i}"), D(2025, 11, 1))
    fourth = person("Người thứ tư")
    message = refusal(lambda: add(post, fourth, D(2025, 11, 1)))
    assert "đã có 3 người" in message
    assert "không quá 3 người" in message and "Quy định 377-QĐ/TW" in message
    assert not PlanEntry.objects.filter(person=fourth).exists()


def test_a_removal_frees_the_place_from_its_date(planning, add):
    from tochuc.planning.services import plan_remove

    post = planning.posts.a_bt
    first, *_ = [add(post, person(f"Người {i}"), D(2025, 11, 1)) for i in range(3)]
    plan_remove(entry=first, removed_on=D(2025, 12, 1), reason="Chuyển công tác")
    refusal(lambda: add(post, person("Sớm"), D(2025, 11, 30)))
    assert add(post, person("Đúng ngày"), D(2025, 12, 1)).is_active_on(D(2025, 12, 1))


def test_people_approved_for_later_count_too(planning, add):
    post = planning.posts.a_bt
    for i in range(3):
        add(post, person(f"Sau {i}"), D(2026, 1, 1))
    message = refusal(lambda: add(post, person("Trước"), D(2025, 11, 1)))
    assert "đã có 3 người" in message


def test_the_limit_is_per_term(planning, add):
    post = planning.posts.a_ct
    for i in range(3):
        add(post, person(f"Cấp ủy {i}"), D(2025, 11, 1))
    assert add(post, person("Chính quyền"), D(2025, 11, 1), term=planning.government)


def test_per_post_before_50_under_50_and_under_377(planning, add):
    post = planning.posts.la[0]
    term = planning.party_old
    for i in range(4):  # 2021: no rule in force yet, the fourth is accepted
        add(post, person(f"LA {i}"), D(2021, 6, 1), term=term)
    assert PlanEntry.objects.filter(post=post).count() == 4
    message = refusal(lambda: add(post, person("LA 5"), D(2022, 3, 1), term=term))
    assert "đã có 4 người" in message and "Quy định 50-QĐ/TW" in message
    assert "377" not in message


# --- At most 3 posts per person at one level ----------------------------------------------------


def test_a_fourth_post_at_commune_level_is_refused_but_province_level_is_not(planning, add):
    p = planning.posts
    who = person("Nhiều chức danh")
    for post in (p.a_bt, p.a_pbt, p.a1_bt):
        add(post, who, D(2025, 11, 1))
    message = refusal(lambda: add(p.a_ct, who, D(2025, 11, 1)))
    assert "đã được quy hoạch 3 chức danh cấp xã" in message
    assert "không quá 3 chức danh cùng cấp" in message and "Quy định 377-QĐ/TW" in message
    assert add(p.p_gd, who, D(2025, 11, 1))  # province level: a separate count
    assert add(p.a_ct, who, D(2025, 11, 1), term=planning.government)  # another term


def test_per_person_before_50_and_under_50(planning, add):
    who = person("Cán bộ huyện cũ")
    term = planning.party_old
    for post in planning.posts.la[:4]:  # 2021: accepted, no rule yet
        add(post, who, D(2021, 6, 1), term=term)
    message = refusal(lambda: add(planning.posts.la[4], who, D(2022, 3, 1), term=term))
    assert "đã được quy hoạch 4 chức danh cấp tỉnh" in message
    assert "Quy định 50-QĐ/TW" in message


# --- Age: a full term (60 months) from the counting date before retirement ----------------------


def test_too_old_for_a_full_term_is_refused_with_the_dates(planning, add):
    # Man born 10/06/1968 retires at 62 on 10/06/2030 (Nghị định 135/2020), before
    # 01/10/2025 + 60 months = 01/10/2030.
    old = person("Sắp hưu", birth=D(1968, 6, 10))
    message = refusal(lambda: add(planning.posts.a_bt, old, D(2025, 11, 1)))
    assert "nghỉ hưu ngày 10/06/2030" in message
    assert "không còn đủ 60 tháng" in message and "01/10/2025" in message
    assert "Quy định 377-QĐ/TW" in message


def test_retiring_exactly_at_the_end_of_the_term_passes(planning, add):
    # Born 01/10/1968: retires 01/10/2030 = counting date + 60 months.
    assert add(planning.posts.a_bt, person("Vừa đủ", birth=D(1968, 10, 1)), D(2025, 11, 1))


def test_a_woman_retires_earlier_by_her_roadmap(planning, add):
    # Woman born 01/01/1972: 55 in 2027 when the age is 57y4m (688 months) → 01/05/2029;
    # in 2029 it is 58y → 01/01/2030; in 2030 58y4m → retires 01/05/2030 < 01/10/2030.
    woman = person("Nữ", sex="female", birth=D(1972, 1, 1))
    message = refusal(lambda: add(planning.posts.a_bt, woman, D(2025, 11, 1)))
    assert "nghỉ hưu ngày 01/05/2030" in message


def test_the_counting_date_of_the_term_is_used(planning, add):
    planning.party.counting_on = D(2025, 6, 1)
    planning.party.save()
    assert add(planning.posts.a_bt, person("Tính sớm", birth=D(1968, 6, 10)), D(2025, 11, 1))


def test_age_before_50_and_under_50(planning, add):
    post, term = planning.posts.la[1], planning.party
    assert add(post, person("Năm 2021", birth=D(1968, 6, 10)), D(2021, 6, 1), term=term)
    message = refusal(
        lambda: add(post, person("Năm 2022", birth=D(1968, 6, 10)), D(2022, 3, 1), term=term)
    )
    assert "Quy định 50-QĐ/TW" in message


def test_every_refusal_is_reported_at_once(planning, add):
    for i in range(3):
        add(planning.posts.a_bt, person(f"Khác {i}"), D(2025, 11, 1))
    with pytest.raises(ValidationError) as caught:
        add(planning.posts.a_bt, person("Hai lý do", birth=D(1960, 1, 1)), D(2025, 11, 1))
    assert len(caught.value.messages) == 2
    assert "đã có 3 người" in caught.value.messages[0]
    assert "nghỉ hưu ngày 01/01/2020" in caught.value.messages[1]
