"""Reads: the plan of a subtree, posts with their counts, appointment warnings and removal
candidates, each hand-computed, with the rule's version of the date."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tochuc.cadres.models import Post
from tochuc.core.services import decision_cite
from tochuc.planning import selectors, services
from tochuc.planning.models import PlanEntry
from tochuc.planning.tests.conftest import person
from tochuc.ratings.models import ConfidenceVote, Discipline

D = dt.date
ON = D(2026, 6, 1)
pytestmark = pytest.mark.django_db


# --- The plan of a subtree ---------------------------------------------------------------------


def test_plan_entries_and_post_counts_in_scope(planning, add, django_assert_max_num_queries):
    t, p = planning.tree, planning.posts
    x, y = person("Xuân"), person("Yến", sex="female")
    add(p.a_bt, x, D(2025, 11, 1))
    add(p.a_pbt, x, D(2025, 11, 1))
    add(p.a1_bt, y, D(2025, 11, 1))
    add(p.b_bt, person("Bê"), D(2025, 11, 1))
    gone = add(p.a_ct, y, D(2025, 11, 1))
    services.plan_remove(entry=gone, removed_on=D(2026, 1, 1), reason="Chuyển công tác")
    user = t.users.a_viewer
    with django_assert_max_num_queries(3):  # the entries; 2 for the user's scope
        rows = list(selectors.plan_entries(root=t.a, on=ON, user=user, term=planning.party))
    assert sorted((e.person.full_name, e.post.title) for e in rows) == [
        ("Xuân", "Bí thư Đảng ủy"),
        ("Xuân", "Phó Bí thư Đảng ủy"),
        ("Yến", "Bí thư Chi bộ"),
    ]  # records: Xuân counts twice; B's entry and the removed one are not there
    assert {e.organization_name for e in rows} == {"Đảng bộ xã An Mới", "Chi bộ ấp An Một"}
    assert all(e.commune for e in rows)
    before = selectors.plan_entries(root=t.a, on=D(2025, 12, 31), user=user)
    assert before.count() == 4
    posts = {
        post.title: post.planned
        for post in selectors.posts_with_plans(root=t.a, on=ON, user=user, term=planning.party)
    }
    assert posts["Bí thư Đảng ủy"] == 1 and posts["Chủ tịch UBND"] == 0
    assert "Bí thư Chi bộ" in posts and len(posts) == 6
    everything = selectors.plan_entries(root=t.p, on=ON, user=t.users.province_admin)
    assert everything.count() == 4


def test_default_term(planning):
    assert selectors.default_term(D(2026, 6, 1)) == planning.party
    assert str(selectors.default_term(D(2026, 6, 1), track="party")) == "Cấp ủy 2025–2030"
    assert str(selectors.default_term(D(2026, 8, 1), track="government")) == "Chính quyền 2026–2031"
    assert str(selectors.default_term(D(2019, 1, 1), track="party")) == "Cấp ủy 2020–2025"


# --- Appointment warnings ----------------------------------------------------------------------


def test_appointment_warnings(planning, add):
    p = planning.posts
    x, nobody = person("Xuân"), person("Vũ")
    add(p.a_bt, x, D(2025, 11, 1))
    warn = selectors.appointment_warnings
    assert warn(person=x, post=p.a_bt, on=ON) == []
    assert warn(person=x, post=p.b_bt, on=ON) == []  # same title, same (commune) level
    [message] = warn(person=x, post=p.p_bt, on=ON)  # same title, province level
    assert "chức danh «Bí thư Đảng ủy» hoặc chức danh tương đương" in message
    assert warn(person=x, post=p.a_pbt, on=ON)
    [message] = warn(person=nobody, post=p.a_bt, on=ON)
    assert message.startswith("Vũ chưa được quy hoạch chức danh «Bí thư Đảng ủy»")
    assert "vào ngày 01/06/2026" in message and "Quy định 377-QĐ/TW" in message
    assert warn(person=x, post=p.a_bt, on=D(2025, 10, 31))  # approved the day after


def test_appointment_warnings_before_50_under_50_and_after_removal(planning, add):
    post, term = planning.posts.la[0], planning.party_old
    entry = add(post, person("Đã quy hoạch"), D(2021, 6, 1), term=term)
    nobody = person("Không quy hoạch")
    warn = selectors.appointment_warnings
    assert warn(person=nobody, post=post, on=D(2021, 6, 1)) == []  # no rule yet
    [message] = warn(person=nobody, post=post, on=D(2022, 3, 1))
    assert "Quy định 50-QĐ/TW" in message
    services.plan_remove(entry=entry, removed_on=D(2022, 1, 1), reason="Chuyển công tác")
    assert warn(person=entry.person, post=post, on=D(2021, 12, 31)) == []
    assert warn(person=entry.person, post=post, on=D(2022, 1, 1))


# --- Removal candidates ------------------------------------------------------------------------

QD_377 = "Quy định 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị"
QD_96 = "Quy định 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị"
LEAVE_POST = (
    "đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét cho thôi giữ chức vụ, bố trí công tác khác "
    "hoặc cho từ chức"
)
DISMISSAL = "miễn nhiệm chức vụ đang đảm nhiệm, bố trí công tác khác thấp hơn"


def _discipline(who, form, on, planning, *, organization=None, decision=None):
    return Discipline.objects.create(
        person=who,
        organization=organization or planning.tree.a,
        form=form,
        decided_on=on,
        decision=decision or planning.old_decision,
    )


def _vote(
    who, on, planning, *, summoned=30, present=25, low=0, invalid=0, post=None, organization=None
):
    """Every present person returns a ballot: `low`, `invalid`, the rest «tín nhiệm»."""
    return ConfidenceVote.objects.create(
        person=who,
        organization=organization or planning.tree.a,
        post=post,
        held_on=on,
        summoned=summoned,
        present=present,
        high=0,
        confidence=present - low - invalid,
        low=low,
        invalid=invalid,
    )


@pytest.fixture
def flagged(planning, add):
    """Twelve people planned for commune A's posts from 15/09/2025 («Bình thường» has no
    record), «Quá tuổi» recorded directly, and one in B. Records are judged by the rules of
    `tochuc.ratings`:

    - a discipline by `discipline_reconsideration` in force on the day checked: Luật Cán bộ,
      công chức (2019) Điều 82 until 07/10/2025 (reprimand, warning 12 months, removal 24),
      Quy định 377-QĐ/TW from 08/10/2025 (24, 36, 60 months); dismissal has no period;
    - a vote by `confidence_vote` in force on the day it was held (01/03/2026: Quy định
      96-QĐ/TW): valid when present ≥ 2/3 of the 30 summoned (20); low share = low ÷ ballots
      collected (high + confidence + low + invalid = present here), not ÷ summoned; over 1/2:
      leave_post (out of planning, leave post), 2/3 or more: dismissal.

    | person | record | 01/10/2025 (law) | 08/10/2025 (377) | 01/06/2026 (377) |
    |---|---|---|---|---|
    | Khiển trách | reprimand 01/09/2024 | – (to 01/09/2025) | until 01/09/2026 | same |
    | Cảnh cáo | warning 01/09/2023 | – (to 01/09/2024) | until 01/09/2026 | same |
    | Cách chức | removal 01/08/2021 | – (to 01/08/2023) | until 01/08/2026 | same |
    | Khiển trách cũ | reprimand 01/01/2024 | – (to 01/01/2025) | until 01/01/2026 | – |
    | Buộc thôi việc | dismissal 01/01/2015 | flagged | flagged | flagged |
    | Quá tuổi | born 10/06/1968 (retires 10/06/2030) | age | age | age |

    Votes of 01/03/2026 (none is counted before it is held, so only 01/06/2026 sees them):

    | person | present | low | invalid | ballots | low share | 01/06/2026 |
    |---|---|---|---|---|---|---|
    | Tín nhiệm thấp | 25 | 16 | 0 | 25 | 64,00% | leave_post |
    | Nửa triệu tập | 25 | 15 | 0 | 25 | 60,00% | leave_post (15 is half of 30 summoned) |
    | Nửa phiếu | 24 | 12 | 0 | 24 | 50,00% | – (not over 1/2) |
    | Phiếu hỏng | 24 | 12 | 2 | 24 | 50,00% | – (12/22 if invalid were left out) |
    | Vắng | 19 | 18 | 0 | 19 | – | – (no quorum: 19 < 20) |
    | Miễn nhiệm | 28 | 20 | 0 | 28 | 71,43% | dismissal (≥ 2/3) |

    So on 01/06/2026, A: Buộc thôi việc, Cách chức, Cảnh cáo, Khiển trách, Miễn nhiệm, Nửa
    triệu tập, Quá tuổi, Tín nhiệm thấp (8; confidence: 3); P adds «Bê kỷ luật» (B, reprimand
    01/09/2024, until 01/09/2026): 9. On 01/10/2025: Buộc thôi việc, Quá tuổi; on 08/10/2025
    also Cách chức, Cảnh cáo, Khiển trách, Khiển trách cũ.
    """
    p = planning.posts
    people = {}
    posts = [p.a_bch, p.a_bt, p.a_pbt, p.a_ct, p.a_pct, p.a1_bt] * 2  # ≤ 3 per post
    names = [
        "Khiển trách", "Cảnh cáo", "Cách chức", "Khiển trách cũ", "Buộc thôi việc",
        "Tín nhiệm thấp", "Nửa triệu tập", "Nửa phiếu", "Phiếu hỏng", "Vắng", "Miễn nhiệm",
        "Bình thường",
    ]  # fmt: skip
    for name, post in zip(names, posts, strict=True):
        people[name] = person(name)
        add(post, people[name], D(2025, 9, 15))
    old = people["Quá tuổi"] = person("Quá tuổi", birth=D(1968, 6, 10))
    PlanEntry.objects.create(
        term=planning.party,
        post=p.a_pct,
        person=old,
        added_on=D(2025, 9, 15),
        decision=planning.decision,
    )  # recorded as it was decided, without the checks
    for name, form, on in [
        ("Khiển trách", "reprimand", D(2024, 9, 1)),
        ("Cảnh cáo", "warning", D(2023, 9, 1)),
        ("Cách chức", "removal", D(2021, 8, 1)),
        ("Khiển trách cũ", "reprimand", D(2024, 1, 1)),
        ("Buộc thôi việc", "dismissal", D(2015, 1, 1)),
    ]:
        _discipline(people[name], form, on, planning)
    march = D(2026, 3, 1)
    _vote(people["Tín nhiệm thấp"], march, planning, low=16)
    _vote(people["Nửa triệu tập"], march, planning, low=15)
    _vote(people["Nửa phiếu"], march, planning, present=24, low=12)
    _vote(people["Phiếu hỏng"], march, planning, present=24, low=12, invalid=2)
    _vote(people["Vắng"], march, planning, present=19, low=18)
    _vote(people["Miễn nhiệm"], march, planning, present=28, low=20)
    b = person("Bê kỷ luật")
    add(p.b_bt, b, D(2025, 9, 15))
    _discipline(b, "reprimand", D(2024, 9, 1), planning)
    return people


def _names(found):
    return sorted(c.entry.person.full_name for c in found)


def _reasons(found):
    return {c.entry.person.full_name: c.reasons for c in found}


def test_removal_candidates_under_377(planning, flagged, django_assert_max_num_queries):
    t = planning.tree
    with django_assert_max_num_queries(5):  # entries, votes, disciplines; 2 for the scope
        found = selectors.removal_candidates(root=t.a, on=ON, user=t.users.a_viewer)
    assert _names(found) == [
        "Buộc thôi việc", "Cách chức", "Cảnh cáo", "Khiển trách", "Miễn nhiệm", "Nửa triệu tập",
        "Quá tuổi", "Tín nhiệm thấp",
    ]  # fmt: skip
    reasons = _reasons(found)
    assert reasons["Khiển trách"] == [
        "Kỷ luật khiển trách ngày 01/09/2024: xem xét quy hoạch, bổ nhiệm lại từ 01/09/2026 "
        f"(24 tháng, theo {QD_377})."
    ]
    assert reasons["Cảnh cáo"] == [
        "Kỷ luật cảnh cáo ngày 01/09/2023: xem xét quy hoạch, bổ nhiệm lại từ 01/09/2026 "
        f"(36 tháng, theo {QD_377})."
    ]
    assert reasons["Cách chức"] == [
        "Kỷ luật cách chức ngày 01/08/2021: xem xét quy hoạch, bổ nhiệm lại từ 01/08/2026 "
        f"(60 tháng, theo {QD_377})."
    ]
    assert reasons["Buộc thôi việc"] == [
        f"Kỷ luật buộc thôi việc ngày 01/01/2015: không có thời hạn xem xét lại ({QD_377})."
    ]
    assert reasons["Tín nhiệm thấp"] == [
        "Lấy phiếu tín nhiệm ngày 01/03/2026: 16/25 phiếu tín nhiệm thấp (64,00% số phiếu thu "
        f"về) → {LEAVE_POST} ({QD_96})."
    ]
    assert reasons["Nửa triệu tập"] == [
        "Lấy phiếu tín nhiệm ngày 01/03/2026: 15/25 phiếu tín nhiệm thấp (60,00% số phiếu thu "
        f"về) → {LEAVE_POST} ({QD_96})."
    ]
    assert reasons["Miễn nhiệm"] == [
        "Lấy phiếu tín nhiệm ngày 01/03/2026: 20/28 phiếu tín nhiệm thấp (71,43% số phiếu thu "
        f"về) → {DISMISSAL} ({QD_96})."
    ]
    [age] = reasons["Quá tuổi"]
    assert "nghỉ hưu ngày 10/06/2030" in age and "không còn đủ 60 tháng" in age
    kinds = {c.entry.person.full_name: c.kinds for c in found}
    assert kinds["Khiển trách"] == {"discipline"} and kinds["Miễn nhiệm"] == {"confidence"}
    assert kinds["Quá tuổi"] == {"age"}
    every = " ".join(" ".join(r) for r in reasons.values())
    for secret in ("3-QĐ/HU", "Huyện ủy Cũ", "Đảng bộ xã An Mới"):  # decision, disciplining org
        assert secret not in every
    only = selectors.removal_candidates(root=t.a, on=ON, user=t.users.a_viewer, kind="confidence")
    assert _names(only) == ["Miễn nhiệm", "Nửa triệu tập", "Tín nhiệm thấp"]
    only = selectors.removal_candidates(root=t.a, on=ON, user=t.users.a_viewer, kind="discipline")
    assert _names(only) == ["Buộc thôi việc", "Cách chức", "Cảnh cáo", "Khiển trách"]
    province = selectors.removal_candidates(root=t.p, on=ON, user=t.users.province_admin)
    assert "Bê kỷ luật" in _names(province) and len(province) == 9


def test_removal_candidates_queries_do_not_grow_with_the_entries(planning, flagged, add):
    t = planning.tree

    def queries() -> int:
        user = type(t.users.a_viewer).objects.get(pk=t.users.a_viewer.pk)  # scope not cached
        with CaptureQueriesContext(connection) as captured:
            selectors.removal_candidates(root=t.a, on=ON, user=user)
        return len(captured)

    before = queries()
    p = planning.posts
    for i, post in enumerate([p.a_bch, p.a_bt, p.a_pbt, p.a_ct, p.a1_bt]):  # third of each
        who = person(f"Thêm {i}")
        add(post, who, D(2025, 9, 15))
        _discipline(who, "warning", D(2025, 1, 1), planning)
        _vote(who, D(2026, 3, 1), planning, low=20)
    assert before <= 5 and queries() == before
    found = selectors.removal_candidates(root=t.a, on=ON, user=t.users.a_viewer)
    assert len(found) == 8 + 5


def test_the_same_people_judged_under_the_law_then_377(planning, flagged):
    t = planning.tree
    user = t.users.a_viewer
    under_law = selectors.removal_candidates(root=t.a, on=D(2025, 10, 1), user=user)
    assert _names(under_law) == ["Buộc thôi việc", "Quá tuổi"]
    last_day_of_the_law = selectors.removal_candidates(root=t.a, on=D(2025, 10, 7), user=user)
    assert _names(last_day_of_the_law) == ["Buộc thôi việc", "Quá tuổi"]
    under_377 = selectors.removal_candidates(root=t.a, on=D(2025, 10, 8), user=user)
    assert _names(under_377) == [
        "Buộc thôi việc", "Cách chức", "Cảnh cáo", "Khiển trách", "Khiển trách cũ", "Quá tuổi",
    ]  # fmt: skip
    assert _reasons(under_377)["Khiển trách"] == [
        "Kỷ luật khiển trách ngày 01/09/2024: xem xét quy hoạch, bổ nhiệm lại từ 01/09/2026 "
        f"(24 tháng, theo {QD_377})."
    ]
    assert _reasons(under_law)["Buộc thôi việc"] == [
        "Kỷ luật buộc thôi việc ngày 01/01/2015: không có thời hạn xem xét lại (Luật Cán bộ, "
        "công chức (sửa đổi năm 2019), Điều 82 khoản 2, 3)."
    ]


def test_a_vote_is_judged_by_the_rule_of_its_day_262_then_96(planning, add):
    """Two votes for LA's post with the same figures, 16 low of 25 ballots (64,00%): held on
    01/11/2022, Quy định 262-QĐ/TW (over 1/2: higher_planning_review); the re-vote of
    01/03/2023, Quy định 96-QĐ/TW (over 1/2, under 2/3: leave_post), replaces it."""
    t, post = planning.tree, planning.posts.la[2]
    who = person("Hai lần lấy phiếu")
    add(post, who, D(2021, 6, 1), term=planning.party_old)
    _vote(who, D(2022, 11, 1), planning, low=16, post=post, organization=t.la)

    def reasons(on):
        found = selectors.removal_candidates(root=t.lp, on=on, user=t.users.province_admin)
        return _reasons(found).get("Hai lần lấy phiếu")

    assert reasons(D(2022, 10, 31)) is None
    under_262 = (
        "Lấy phiếu tín nhiệm ngày 01/11/2022: 16/25 phiếu tín nhiệm thấp (64,00% số phiếu thu "
        "về) → xem xét, không đưa vào quy hoạch chức vụ cao hơn (Quy định 262-QĐ/TW ngày "
        "08/10/2014 của Bộ Chính trị)."
    )
    assert reasons(D(2023, 1, 15)) == [under_262]
    assert reasons(D(2023, 6, 1)) == [under_262]  # still judged by the rule of its day
    _vote(who, D(2023, 3, 1), planning, low=16, post=post, organization=t.la)
    assert reasons(D(2023, 1, 15)) == [under_262]
    assert reasons(D(2023, 6, 1)) == [
        "Lấy phiếu tín nhiệm ngày 01/03/2023: 16/25 phiếu tín nhiệm thấp (64,00% số phiếu thu "
        f"về) → {LEAVE_POST} ({QD_96})."
    ]


def test_records_out_of_the_users_scope_flag_without_naming_them(planning, add):
    """A person planned in A, disciplined by the province and voted on for B's post: the
    commune A viewer sees both flags, without the organization, post or decision."""
    t, p = planning.tree, planning.posts
    who = person("Ngoài phạm vi")
    add(p.a_bt, who, D(2025, 9, 15))
    secret = decision_cite(
        number="99-QĐ/UBKTTU", signed_on=D(2025, 11, 1), issuer="Ủy ban Kiểm tra Thành ủy"
    )
    _discipline(who, "warning", D(2025, 11, 1), planning, organization=t.p, decision=secret)
    b_post = Post.objects.create(organization=t.b, title="Phó Bí thư Bí Mật Bê")
    _vote(who, D(2026, 3, 1), planning, present=30, low=21, post=b_post, organization=t.b)
    [found] = selectors.removal_candidates(root=t.a, on=ON, user=t.users.a_viewer)
    assert found.kinds == {"discipline", "confidence"}
    assert found.reasons == [
        "Kỷ luật cảnh cáo ngày 01/11/2025: xem xét quy hoạch, bổ nhiệm lại từ 01/11/2028 "
        f"(36 tháng, theo {QD_377}).",
        "Lấy phiếu tín nhiệm ngày 01/03/2026: 21/30 phiếu tín nhiệm thấp (70,00% số phiếu thu "
        f"về) → {DISMISSAL} ({QD_96}).",
    ]
    text = " ".join(found.reasons)
    for hidden in ("99-QĐ", "Thành ủy", "Thành phố", "Bí Mật Bê"):
        assert hidden.lower() not in text.lower()


def test_two_years_not_completed_is_a_removal_reason(planning, add):
    """Rated «không hoàn thành nhiệm vụ» for 2023 and 2024 (each counted from 31/12 of its
    year): a reason to take the person out of the plan on 01/06/2026."""
    from tochuc.ratings.services import person_rating_record

    p, t = planning.posts, planning.tree
    weak = person("Hai năm không hoàn thành")
    add(p.a_pct, weak, D(2025, 9, 15))
    for year in (2023, 2024):
        person_rating_record(person=weak, organization=t.a, year=year, category="not_completed")
    found = selectors.removal_candidates(root=t.a, on=ON, user=t.users.a_viewer, kind="rating")
    assert _names(found) == ["Hai năm không hoàn thành"]
    assert found[0].kinds == {"rating"}
