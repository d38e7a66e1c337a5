"""Headcounts in the small tree, hand-written so that every figure can be hand-computed.

The small tree begins in 2020; three older units (2010) precede it so that 2015 has a
baseline: LQ (province) → LP, LQA → LA, LQBSECRET → LBSECRET, merged on 10/01/2020. On
01/07/2025 LA → A, LB → B, LP → P and the district LD is dissolved without a successor.

Approved (actual) headcount, civil servants unless marked «public»:

| year | LQ/LP | LD | LQA/LA | LQB/LB | A | A1 | B | P | public (LQA/LA/A) |
|---|---|---|---|---|---|---|---|---|---|
| 2015 | 40 | | 100 | 80 | | | | | 50 |
| 2020 | 30 | 20 | 90 | 70 | | | | | 48 |
| 2021 | 30 | 20 | 85 | 70 | | | | | 47 |
| 2022 | 28 | 18 | 82 | 68 | | | | | 45 |
| 2025 | | | 80 (replaced by A's) | | 75 (78) | 5 (4) | 60 (55) | 25 (25) | A 42 (no actual) |

Restated onto the tree of 31/12/2025: LQ, LP, LD → P (LD through its parent LP); LQA, LA → A;
LQB, LB → B.

| P, 2025 vs 2015 | baseline | 2025 | reduction | percent |
|---|---|---|---|---|
| P's own units | 40 | 25 | 15 | 37,5% |
| A | 100 + 50 = 150 | 75 + 5 + 42 = 122 | 28 | 18,7% |
| B | 80 | 60 | 20 | 25,0% |
| total | 270 | 207 | 63 | 23,3% |
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from tochuc.core.services import decision_cite
from tochuc.organizations import services as org_services
from tochuc.organizations.kinds import Kind
from tochuc.staffing.models import Category
from tochuc.staffing.services import headcount_set

D = dt.date
CIVIL, PUBLIC = Category.CIVIL_SERVANTS, Category.PUBLIC_EMPLOYEES
END_2025 = D(2025, 12, 31)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The shared tree creates five users; Argon2 would dominate these tests' run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def allotment(year: int):
    """The province's document allotting `year`'s headcount (signed the December before)."""
    return decision_cite(
        number=f"{year - 2000}/QĐ-UBND", signed_on=D(year - 1, 12, 20), issuer="UBND tỉnh thử"
    )


def old_units(t) -> SimpleNamespace:
    """LQ, LQA, LQBSECRET (2010) merged into LP, LA, LBSECRET on 10/01/2020."""
    founding = decision_cite(number="1-QĐ/TU", signed_on=D(2010, 1, 1), issuer="Tỉnh ủy cũ")
    est = org_services.organization_establish
    lq = est(
        code="LQ",
        name="Đảng bộ tỉnh Trước",
        kind=Kind.PROVINCIAL_COMMITTEE,
        parent=None,
        established_on=D(2010, 1, 1),
        decision=founding,
    )
    lqa = est(
        code="LQA",
        name="Đảng bộ xã An Trước",
        kind=Kind.GRASSROOTS_COMMITTEE,
        parent=lq,
        established_on=D(2010, 1, 1),
        decision=founding,
    )
    lqb = est(
        code="LQBSECRET",
        name="Đảng bộ xã Bí Mật Bê Trước",
        kind=Kind.GRASSROOTS_COMMITTEE,
        parent=lq,
        established_on=D(2010, 1, 1),
        decision=founding,
    )
    merge = org_services.organizations_merge
    for old, new in ((lqa, t.la), (lqb, t.lb), (lq, t.lp)):
        merge(predecessors=[old], successor=new, effective_on=D(2020, 1, 10), decision=t.decision)
    return SimpleNamespace(lq=lq, lqa=lqa, lqb=lqb)


@pytest.fixture
def headcounts(small_tree):
    t = small_tree
    old = old_units(t)
    rows = {}

    def put(key, organization, year, approved, actual=None, category=CIVIL):
        rows[key] = headcount_set(
            organization=organization,
            year=year,
            category=category,
            approved=approved,
            actual=actual,
            decision=allotment(year),
        )

    put("lq15", old.lq, 2015, 40)
    put("lqa15", old.lqa, 2015, 100)
    put("lqb15", old.lqb, 2015, 80)
    put("lqa15p", old.lqa, 2015, 50, category=PUBLIC)
    for year, (lp, ld, la, lb, public) in {
        2020: (30, 20, 90, 70, 48),
        2021: (30, 20, 85, 70, 47),
        2022: (28, 18, 82, 68, 45),
    }.items():
        short = year - 2000
        put(f"lp{short}", t.lp, year, lp)
        put(f"ld{short}", t.ld, year, ld)
        put(f"la{short}", t.la, year, la)
        put(f"lb{short}", t.lb, year, lb)
        put(f"la{short}p", t.la, year, public, category=PUBLIC)
    put("la25", t.la, 2025, 80)
    put("a25", t.a, 2025, 75, 78)
    put("a1_25", t.a1, 2025, 5, 4)
    put("b25", t.b, 2025, 60, 55)
    put("p25", t.p, 2025, 25, 25)
    put("a25p", t.a, 2025, 42, category=PUBLIC)
    return SimpleNamespace(**rows, old=old)
