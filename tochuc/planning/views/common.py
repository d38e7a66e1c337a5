"""What planning pages need beyond the shared page helpers (tochuc.organizations.pages): the
chosen term, who may set targets and terms."""

from __future__ import annotations

import datetime as dt

from tochuc.core.scoping import MANAGE
from tochuc.organizations.models import Organization, OrganizationPeriod
from tochuc.planning.models import PlanningTerm


def chosen_term(request) -> PlanningTerm | None:
    """The term of `?term=` (an id), or None (every open term)."""
    raw = (request.GET.get("term") or "").strip()
    if not raw.isdigit():
        return None
    return PlanningTerm.objects.filter(pk=int(raw)).first()


def manage_scope(user):
    """Organizations whose structure targets the user may set (department administrators)."""
    return Organization.objects.restrict(user, MANAGE)


def may_manage_terms(user, on: dt.date) -> bool:
    """Terms are shared by every organization: only a department administrator of a
    top-level organization (a province) may create them."""
    if user.is_superuser:
        return True
    if not (user.may(MANAGE) and user.organization_id):
        return False
    period = (
        OrganizationPeriod.objects.filter(organization_id=user.organization_id)
        .filter(valid_from__lte=on, valid_to__gte=on)
        .first()
    )
    return period is not None and period.parent_id is None
