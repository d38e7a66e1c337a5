"""Scope-walk hook (tests/test_scope_routes.py): commune B's headcount for 2025 (its unit is
named «Bí Mật Bê»), and one for the old commune LBSECRET in 2024.

`target` returns route-name prefix → id: the edit page and the API take B's 2025 row; pages
by organization ("") take commune B itself.
"""

import datetime as dt

from tochuc.core.services import decision_cite
from tochuc.staffing.models import Headcount
from tochuc.staffing.services import headcount_set


def target(tree) -> dict[str, int]:
    decision = decision_cite(
        number="7/QĐ-BSECRET", signed_on=dt.date(2024, 12, 1), issuer="UBND xã Bí Mật Bê"
    )
    row = headcount_set(
        organization=tree.b, year=2025, approved=12, actual=13, decision=decision, note="Bí Mật Bê"
    )
    headcount_set(organization=tree.lb, year=2024, approved=15, decision=decision)
    return {"": tree.b.pk, "staffing:headcount_edit": row.pk, "staffing-headcount-": row.pk}


def snapshot(tree):
    return list(
        Headcount.objects.filter(organization__in=[tree.b, tree.lb]).order_by("id").values()
    )
