"""What every ratings page needs: the chosen subtree and year, names, scopes, the person
picker and the redirect after a write."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from tochuc.core.scoping import CHANGE, VIEW
from tochuc.organizations.models import Organization
from tochuc.organizations.selectors import tree_roots
from tochuc.ratings.selectors import visible_persons


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


def chosen_year(request) -> int:
    """`?year=` when it is a plausible year, else the year of the date being read."""
    raw = (request.GET.get("year") or "").strip()
    if raw.isdigit() and 1900 < int(raw) < 3000:
        return int(raw)
    return request.as_of.year


def organization_name(organization: Organization, on: dt.date) -> str:
    """The name on `on`, else the last name it had, else its code."""
    period = organization.period_at(on) or organization.periods.order_by("valid_from").last()
    return period.name if period else organization.code


def change_scope(user):
    """Organizations a write may name (codes typed into forms)."""
    return Organization.objects.restrict(user, CHANGE)


def may_change_in(user, organization: Organization) -> bool:
    return change_scope(user).filter(pk=organization.pk).exists()


def changeable_persons(request):
    """Persons the user may rate, vote on or discipline, on the date being read."""
    return visible_persons(user=request.user, on=request.as_of, action=CHANGE)


def picked_person(form: forms.BaseForm, persons):
    """The person a form already names (initial or posted), if the user may choose them."""
    if "person" not in form.fields:
        return None
    raw = str(form["person"].value() or "").strip()
    return persons.filter(pk=int(raw)).first() if raw.isdigit() else None


def refused(form: forms.BaseForm, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


def errors_named(form: forms.BaseForm) -> list[str]:
    """Every error of a form, each prefixed by the label of its field."""
    found = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            found.append(f"{label}: {error}" if label and not error.startswith(label) else error)
    return found


def next_url(request, default: str) -> str:
    """Where to go after a write: the posted `next` when it is a page of this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
