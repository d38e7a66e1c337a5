"""A small tree with history, built through the services, shared by tests of every app.

Before 1 July 2025: old province LP → district LD → old communes LA and LB.
From 1 July 2025: province P → commune A (from LA) and commune B (from LB), each with a
cell. Everything of commune B carries the marker «Bí Mật Bê» / code prefix «BSECRET» so
that scope tests can look for leaks in any response.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from tochuc.accounts.models import Role
from tochuc.accounts.services import user_create
from tochuc.core.services import decision_cite
from tochuc.organizations import services
from tochuc.organizations.kinds import Kind

REFORM = dt.date(2025, 7, 1)
B_MARKERS = ("Bí Mật Bê", "BSECRET")
PASSWORD = "Mat-khau-thu-nghiem-2025"


def build_small_tree() -> SimpleNamespace:
    decision = decision_cite(
        number="01-QĐ/TU", signed_on=dt.date(2020, 1, 2), issuer="Tỉnh ủy thử nghiệm"
    )
    reform = decision_cite(
        number="99-QĐ/TU", signed_on=dt.date(2025, 6, 20), issuer="Thành ủy thử nghiệm"
    )
    est = services.organization_establish
    lp = est(
        code="LP",
        name="Đảng bộ tỉnh Cũ",
        kind=Kind.PROVINCIAL_COMMITTEE,
        parent=None,
        established_on=dt.date(2020, 1, 10),
        decision=decision,
    )
    ld = est(
        code="LD",
        name="Đảng bộ huyện Cũ",
        kind=Kind.DISTRICT_COMMITTEE,
        parent=lp,
        established_on=dt.date(2020, 1, 10),
        decision=decision,
    )
    la = est(
        code="LA",
        name="Đảng bộ xã An Cũ",
        kind=Kind.GRASSROOTS_COMMITTEE,
        parent=ld,
        established_on=dt.date(2020, 1, 10),
        decision=decision,
    )
    lb = est(
        code="LBSECRET",
        name="Đảng bộ xã Bí Mật Bê Cũ",
        kind=Kind.GRASSROOTS_COMMITTEE,
        parent=ld,
        established_on=dt.date(2020, 1, 10),
        decision=decision,
    )
    p = est(
        code="P",
        name="Đảng bộ thành phố Mới",
        kind=Kind.PROVINCIAL_COMMITTEE,
        parent=None,
        established_on=REFORM,
        decision=reform,
    )
    a = est(
        code="A",
        name="Đảng bộ xã An Mới",
        kind=Kind.COMMUNE_COMMITTEE,
        parent=p,
        established_on=REFORM,
        decision=reform,
    )
    b = est(
        code="BSECRET",
        name="Đảng bộ xã Bí Mật Bê",
        kind=Kind.COMMUNE_COMMITTEE,
        parent=p,
        established_on=REFORM,
        decision=reform,
    )
    a1 = est(
        code="A1",
        name="Chi bộ ấp An Một",
        kind=Kind.GRASSROOTS_CELL,
        parent=a,
        established_on=dt.date(2025, 8, 1),
        decision=reform,
    )
    b1 = est(
        code="BSECRET1",
        name="Chi bộ ấp Bí Mật Bê Một",
        kind=Kind.GRASSROOTS_CELL,
        parent=b,
        established_on=dt.date(2025, 8, 1),
        decision=reform,
    )
    services.organizations_merge(
        predecessors=[la], successor=a, effective_on=REFORM, decision=reform
    )
    services.organizations_merge(
        predecessors=[lb], successor=b, effective_on=REFORM, decision=reform
    )
    services.organization_dissolve(organization=ld, effective_on=REFORM, decision=reform)
    services.organizations_merge(
        predecessors=[lp], successor=p, effective_on=REFORM, decision=reform
    )
    users = SimpleNamespace(
        province_admin=user_create(
            username="tinh", password=PASSWORD, organization=p, role=Role.ADMINISTRATOR
        ),
        a_viewer=user_create(username="xa_a_xem", password=PASSWORD, organization=a),
        a_editor=user_create(
            username="xa_a_sua", password=PASSWORD, organization=a, role=Role.EDITOR
        ),
        b_editor=user_create(
            username="xa_b_sua",
            password=PASSWORD,
            organization=b,
            role=Role.EDITOR,
            full_name="Cán bộ Bí Mật Bê",
        ),
        a_admin=user_create(
            username="xa_a_quantri", password=PASSWORD, organization=a, role=Role.ADMINISTRATOR
        ),
    )
    return SimpleNamespace(
        lp=lp, ld=ld, la=la, lb=lb, p=p, a=a, b=b, a1=a1, b1=b1, decision=reform, users=users
    )


@pytest.fixture
def small_tree(db) -> SimpleNamespace:
    return build_small_tree()
