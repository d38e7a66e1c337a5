"""Structure of a plan and of a committee against the configured targets, hand-computed.

Plan of party term 2025–2030 on 01/06/2026 (ages on the counting date 01/10/2025):

| person | sex | born | age | ethnicity | planned for |
|---|---|---|---|---|---|
| Nữ Kinh | F | 01/10/1990 | 35 | Kinh | A: Bí thư |
| Nữ Khmer | F | 01/01/1980 | 45 | Khmer | A: Phó Bí thư |
| Nam Trẻ | M | 02/10/1992 | 32 | Kinh | A: Bí thư, Phó Bí thư (counted once) |
| Nam Lớn | M | 01/01/1975 | 50 | Kinh | A1: Bí thư Chi bộ |
| Nam Khmer | M | 01/01/1985 | 40 | Khmer | A: Chủ tịch UBND |
| Nữ Ra | F | 01/01/1990 | | Kinh | A: removed 01/01/2026 — not counted |
| Nữ Chính quyền | F | 01/01/1991 | | Kinh | A: government term — not counted |
| Tỉnh | M | 01/01/1984 | 41 | Kinh | P: Giám đốc Sở (province level) |
| Nữ Bê | F | 01/01/1993 | 32 | Kinh | B: Bí thư |

Targets, party 2025–2030: P, commune level: women ≥ 30%, young (under 35) ≥ 25%, ethnic
minority ≥ 40%; P, province level: young (under 45) ≥ 10%; A, commune level: women ≥ 45%.

| report | people | women | young | ethnic minority |
|---|---|---|---|---|
| A, commune | 5 | 2 = 40,00% < 45% (A's) | 1 = 20,00% < 25% | 2 = 40,00% ≥ 40% (exactly) |
| P, commune | 6 | 3 = 50,00% ≥ 30% | 2 = 33,33% ≥ 25% | 2 = 33,33% < 40% |
| P, province | 1 | 0 | 1 = 100,00% ≥ 10% (under 45) | 0 |
"""

import datetime as dt
from decimal import Decimal

import pytest

from tochuc.cadres.services import assignment_create, assignment_end
from tochuc.planning import services
from tochuc.planning.structure import age_on, committee_structure, plan_structure
from tochuc.planning.tests.conftest import person

D = dt.date
ON = D(2026, 6, 1)
pytestmark = pytest.mark.django_db


@pytest.fixture
def structure(planning, add):
    t, p = planning.tree, planning.posts
    people = {
        "Nữ Kinh": person("Nữ Kinh", sex="female", birth=D(1990, 10, 1)),
        "Nữ Khmer": person("Nữ Khmer", sex="female", birth=D(1980, 1, 1), ethnicity="05"),
        "Nam Trẻ": person("Nam Trẻ", birth=D(1992, 10, 2)),
        "Nam Lớn": person("Nam Lớn", birth=D(1975, 1, 1)),
        "Nam Khmer": person("Nam Khmer", birth=D(1985, 1, 1), ethnicity="05"),
    }
    add(p.a_bt, people["Nữ Kinh"], D(2025, 11, 1))
    add(p.a_pbt, people["Nữ Khmer"], D(2025, 11, 1))
    add(p.a_bt, people["Nam Trẻ"], D(2025, 11, 1))
    add(p.a_pbt, people["Nam Trẻ"], D(2025, 11, 1))
    add(p.a1_bt, people["Nam Lớn"], D(2025, 11, 1))
    add(p.a_ct, people["Nam Khmer"], D(2025, 11, 1))
    gone = add(p.a_ct, person("Nữ Ra", sex="female", birth=D(1990, 1, 1)), D(2025, 11, 1))
    services.plan_remove(entry=gone, removed_on=D(2026, 1, 1), reason="Chuyển công tác")
    add(
        p.a_pct,
        person("Nữ Chính quyền", sex="female", birth=D(1991, 1, 1)),
        D(2025, 11, 1),
        term=planning.government,
    )
    add(p.p_gd, person("Tỉnh", birth=D(1984, 1, 1)), D(2025, 11, 1))
    add(p.b_bt, person("Nữ Bê", sex="female", birth=D(1993, 1, 1)), D(2025, 11, 1))
    for org, category, level, share, young in [
        (t.p, "women", "commune", "30", None),
        (t.p, "young", "commune", "25", 35),
        (t.p, "ethnic_minority", "commune", "40", None),
        (t.p, "young", "province", "10", 45),
        (t.a, "women", "commune", "45", None),
    ]:
        services.target_set(
            organization=org,
            term=planning.party,
            category=category,
            level=level,
            minimum_share=Decimal(share),
            young_age=young,
        )
    return people


def figures(report):
    return {s.category: (s.count, s.percent, s.target_label, s.meets) for s in report.shares}


def test_age_in_full_years():
    assert age_on(D(1990, 10, 1), D(2025, 10, 1)) == 35
    assert age_on(D(1990, 10, 2), D(2025, 10, 1)) == 34
    assert age_on(D(2000, 2, 29), D(2025, 2, 28)) == 24


def test_structure_of_commune_a(planning, structure, django_assert_max_num_queries):
    t = planning.tree
    with django_assert_max_num_queries(5):  # level, entries, targets; 2 for the scope
        report = plan_structure(root=t.a, term=planning.party, on=ON, user=t.users.a_viewer)
    assert (report.total, report.level, report.counting_on) == (5, "commune", D(2025, 10, 1))
    assert figures(report) == {
        "women": (2, "40,00%", "≥ 45,00%", False),
        "young": (1, "20,00%", "≥ 25,00%", False),
        "ethnic_minority": (2, "40,00%", "≥ 40,00%", True),
    }
    assert report.share("young").label == "Trẻ tuổi (dưới 35 tuổi)"
    assert [p.full_name for p in report.share("women").persons] == ["Nữ Khmer", "Nữ Kinh"]
    assert [p.full_name for p in report.share("young").persons] == ["Nam Trẻ"]
    assert [p.full_name for p in report.share("ethnic_minority").persons] == [
        "Nam Khmer",
        "Nữ Khmer",
    ]


def test_structure_of_the_province_by_level(planning, structure):
    t = planning.tree
    user = t.users.province_admin
    commune = plan_structure(root=t.p, term=planning.party, on=ON, user=user, level="commune")
    assert commune.total == 6
    assert figures(commune) == {
        "women": (3, "50,00%", "≥ 30,00%", True),
        "young": (2, "33,33%", "≥ 25,00%", True),
        "ethnic_minority": (2, "33,33%", "≥ 40,00%", False),
    }
    province = plan_structure(root=t.p, term=planning.party, on=ON, user=user)
    assert province.level == "province" and province.total == 1
    assert figures(province) == {
        "women": (0, "0,00%", "chưa có mục tiêu", None),
        "young": (1, "100,00%", "≥ 10,00%", True),
        "ethnic_minority": (0, "0,00%", "chưa có mục tiêu", None),
    }
    # A commune user asking for the province sees nothing outside commune A.
    assert plan_structure(root=t.a, term=planning.party, on=ON, user=t.users.a_viewer).total == 5


def test_structure_before_the_plan_was_approved(planning, structure):
    t = planning.tree
    report = plan_structure(
        root=t.a, term=planning.party, on=D(2025, 10, 31), user=t.users.a_viewer
    )
    assert report.total == 0
    assert figures(report)["women"] == (0, "—", "≥ 45,00%", None)


def test_structure_of_the_executive_committee(planning, structure):
    """BCH of A on 01/06/2026 (ages on that date): Nữ Kinh 35, Nam Lớn 51, Nam Khmer 41,
    Nữ Trẻ 28; Nam Trẻ's seat ended 31/12/2025. Women 2/4 = 50,00% ≥ 45% (A's target);
    young 1/4 = 25,00% ≥ 25% (exactly); ethnic minority 1/4 = 25,00% < 40%."""
    t, people = planning.tree, structure
    post = planning.posts.a_bch
    young = person("Nữ Trẻ", sex="female", birth=D(1998, 3, 3))
    for who in (people["Nữ Kinh"], people["Nam Lớn"], people["Nam Khmer"], young):
        assignment_create(
            person=who, post=post, kind="election", starts_on=D(2025, 8, 1), decision=t.decision
        )
    ended = assignment_create(
        person=people["Nam Trẻ"],
        post=post,
        kind="election",
        starts_on=D(2025, 8, 1),
        decision=t.decision,
    )
    assignment_end(assignment=ended, ends_on=D(2025, 12, 31))
    report = committee_structure(organization=t.a, on=ON, user=t.users.a_viewer)
    assert report.term == planning.party and report.counting_on == ON
    assert report.total == 4
    assert figures(report) == {
        "women": (2, "50,00%", "≥ 45,00%", True),
        "young": (1, "25,00%", "≥ 25,00%", True),
        "ethnic_minority": (1, "25,00%", "≥ 40,00%", False),
    }
    assert [p.full_name for p in report.share("young").persons] == ["Nữ Trẻ"]
    before = committee_structure(organization=t.a, on=D(2025, 12, 31), user=t.users.a_viewer)
    assert before.total == 5
