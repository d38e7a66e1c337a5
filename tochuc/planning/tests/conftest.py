"""The `planning` fixture: the standard terms, posts of commune A, province P and commune B,
and a helper to create persons.

| post | organization | level after the reform |
|---|---|---|
| a_bt «Bí thư Đảng ủy», a_pbt «Phó Bí thư Đảng ủy» | A | commune |
| a_ct «Chủ tịch UBND», a_pct «Phó Chủ tịch UBND» | A | commune |
| a_bch «Ủy viên Ban Chấp hành» (5 seats) | A | commune |
| a1_bt «Bí thư Chi bộ» | A1 (under A) | commune |
| p_bt «Bí thư Đảng ủy», p_gd «Giám đốc Sở» | P | province |
| b_bt «Bí thư Đảng ủy» | B | commune |
| la[0..4] «Chức danh LA 1…5» | LA (until 30/06/2025) | province (no commune committee) |

Terms (services.STANDARD_TERMS): party 2020–2025 from 01/10/2020, party 2025–2030 from
01/10/2025 (ages counted on 01/10/2025), government 2021–2026, 2026–2031.
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from tochuc.cadres.models import Body, Post, PostQuota
from tochuc.core.services import decision_cite
from tochuc.people.models import Person
from tochuc.planning import services
from tochuc.planning.models import PlanningTerm

D = dt.date
REFORM = D(2025, 7, 1)


BORN = D(1985, 5, 5)


def person(name: str, *, sex: str = "male", birth: dt.date = BORN, ethnicity: str = "01"):
    return Person.objects.create(full_name=name, sex=sex, date_of_birth=birth, ethnicity=ethnicity)


def make_post(org, title: str, body=Body.STANDING_COMMITTEE, seats: int = 1, start=REFORM):
    post = Post.objects.create(organization=org, body=body, title=title)
    PostQuota.objects.create(post=post, seats=seats, valid_from=start)
    return post


@pytest.fixture
def planning(small_tree):
    t = small_tree
    terms = {(x.track, x.name): x for x in services.terms_seed()}
    old = D(2020, 2, 1)
    posts = SimpleNamespace(
        a_bt=make_post(t.a, "Bí thư Đảng ủy"),
        a_pbt=make_post(t.a, "Phó Bí thư Đảng ủy"),
        a_ct=make_post(t.a, "Chủ tịch UBND", Body.PEOPLES_COMMITTEE),
        a_pct=make_post(t.a, "Phó Chủ tịch UBND", Body.PEOPLES_COMMITTEE),
        a_bch=make_post(t.a, "Ủy viên Ban Chấp hành", Body.EXECUTIVE_COMMITTEE, seats=5),
        a1_bt=make_post(t.a1, "Bí thư Chi bộ", start=D(2025, 8, 1)),
        p_bt=make_post(t.p, "Bí thư Đảng ủy"),
        p_gd=make_post(t.p, "Giám đốc Sở", Body.DEPARTMENT),
        b_bt=make_post(t.b, "Bí thư Đảng ủy"),
        la=[make_post(t.la, f"Chức danh LA {i}", start=old) for i in range(1, 6)],
    )
    return SimpleNamespace(
        tree=t,
        posts=posts,
        party=terms[(PlanningTerm.Track.PARTY, "2025–2030")],
        party_old=terms[(PlanningTerm.Track.PARTY, "2020–2025")],
        government=terms[(PlanningTerm.Track.GOVERNMENT, "2026–2031")],
        decision=decision_cite(
            number="5-QĐ/ĐU", signed_on=D(2025, 9, 1), issuer="Đảng ủy xã An Mới"
        ),
        old_decision=decision_cite(number="3-QĐ/HU", signed_on=D(2021, 1, 5), issuer="Huyện ủy Cũ"),
    )


@pytest.fixture
def add(planning):
    """plan_add with the fixture's decisions (the 2021 one before the reform)."""

    def add(post, who, on, term=None):
        decision = planning.decision if on >= planning.decision.signed_on else planning.old_decision
        return services.plan_add(
            term=term or planning.party, post=post, person=who, added_on=on, decision=decision
        )

    return add
