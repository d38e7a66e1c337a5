"""What every planning page needs: the chosen subtree and term, names as of a date."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404

from tochuc.core.scoping import CHANGE, MANAGE, VIEW
from tochuc.organizations.models import Organization, OrganizationPeriod
from tochuc.organizations.selectors import tree_roots
from tochuc.planning.models import PlanningTerm


def root_organization(request) -> Organization:
    """The organization of `?org=` (default: the user's own), within the user's scope."""
    allowed = Organization.objects.restrict(request.user, VIEW)
    raw = (request.GET.get("org") or "").strip() or request.user.organization_id
    if raw is None:
        top = tree_roots(user=request.user, on=request.as_of).first()
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


def chosen_term(request) -> PlanningTerm | None:
    """The term of `?term=` (an id), or None (every open term)."""
    raw = (request.GET.get("term") or "").strip()
    if not raw.isdigit():
        return None
    return PlanningTerm.objects.filter(pk=int(raw)).first()


def may_change(user, organization_id: int) -> bool:
    return Organization.objects.restrict(user, CHANGE).filter(pk=organization_id).exists()


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


def errors_named(form: forms.BaseForm) -> list[str]:
    """Every error of a form, each prefixed by the label of its field."""
    found = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            found.append(f"{label}: {error}" if label and not error.startswith(label) else error)
    return found
