"""What the pages of every app need about organizations: the chosen one, names as of a date,
the scope a write may name."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.shortcuts import get_object_or_404

from tochuc.core.scoping import CHANGE, VIEW
from tochuc.organizations.models import Organization, OrganizationPeriod
from tochuc.organizations.selectors import tree_roots


def chosen_organization(request, action: str = VIEW) -> Organization:
    """The organization of `?ma=<code>` or `?org=<id>`, by default the user's own (for a user
    without one, the first tree root on `request.as_of`), within the user's scope for
    `action`; 404 outside it or when malformed."""
    allowed = Organization.objects.restrict(request.user, action)
    code = (request.GET.get("ma") or "").strip()
    if code:
        return get_object_or_404(allowed, code=code)
    raw = (request.GET.get("org") or "").strip() or request.user.organization_id
    if raw is None:
        roots = tree_roots(user=request.user, on=request.as_of)
        if action != VIEW:
            roots = roots.filter(organization__in=allowed)
        top = roots.first()
        if top is None:
            raise Http404("Không có tổ chức nào vào ngày đang xem.")
        return top.organization
    try:
        return get_object_or_404(allowed, pk=int(raw))
    except ValueError as exc:
        raise Http404("Mã tổ chức không hợp lệ.") from exc


def organization_name(organization: Organization, on: dt.date) -> str:
    """The name on `on`, else the last name it had, else its code."""
    period = organization.period_at(on) or organization.periods.order_by("valid_from").last()
    return period.name if period else organization.code


def organization_names(ids, on: dt.date) -> dict[int, str]:
    """Names on `on` of these organizations (those that exist then), in one query."""
    return dict(
        OrganizationPeriod.objects.valid_at(on)
        .filter(organization_id__in=set(ids))
        .values_list("organization_id", "name")
    )


def change_scope(user):
    """Organizations the user may change records of (and so name in a write's form)."""
    return Organization.objects.restrict(user, CHANGE)


def may_change(user, organization: Organization | int) -> bool:
    """Whether the user may change records of this organization (given or by its id)."""
    pk = getattr(organization, "pk", organization)
    return change_scope(user).filter(pk=pk).exists()
