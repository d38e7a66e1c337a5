"""What every cadres page needs: the chosen subtree, names as of a date, body labels."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404

from tochuc.cadres.models import Body
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.organizations.models import Organization, OrganizationPeriod
from tochuc.organizations.selectors import tree_roots

SEAT_PHRASES = {
    Body.EXECUTIVE_COMMITTEE: "ủy viên BCH",
    Body.STANDING_COMMITTEE: "ủy viên BTV",
    Body.INSPECTION_COMMITTEE: "ủy viên UBKT",
    Body.PEOPLES_COMMITTEE: "thành viên UBND",
    Body.PEOPLES_COUNCIL: "HĐND",
    Body.DEPARTMENT: "lãnh đạo cơ quan chuyên môn",
    Body.CIVIL_SERVICE: "công chức cấp xã",
}
"""How the report names the seats of each body: «bố trí 8/9 chức danh ủy viên BCH»."""

BODY_SHORT = {
    Body.EXECUTIVE_COMMITTEE: "BCH",
    Body.STANDING_COMMITTEE: "BTV",
    Body.INSPECTION_COMMITTEE: "UBKT",
    Body.PEOPLES_COMMITTEE: "UBND",
    Body.PEOPLES_COUNCIL: "HĐND",
    Body.DEPARTMENT: "CQCM",
    Body.CIVIL_SERVICE: "Công chức",
}
ALWAYS_SHOWN = (Body.EXECUTIVE_COMMITTEE, Body.STANDING_COMMITTEE)
"""Bodies the overview shows even where no post exists yet."""


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


def organization_names(ids, on: dt.date) -> dict[int, str]:
    """Names on `on` of these organizations, in one query."""
    return dict(
        OrganizationPeriod.objects.valid_at(on)
        .filter(organization_id__in=set(ids))
        .values_list("organization_id", "name")
    )


def may_change(user, organization: Organization | int) -> bool:
    """Whether the user may change records of this organization."""
    pk = getattr(organization, "pk", organization)
    return Organization.objects.restrict(user, CHANGE).filter(pk=pk).exists()


def change_scope(user):
    """Organizations a write may name (codes typed into forms)."""
    return Organization.objects.restrict(user, CHANGE)


def errors_named(form: forms.BaseForm) -> list[str]:
    """Every error of a form, each prefixed by the label of its field."""
    found = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            found.append(f"{label}: {error}" if label and not error.startswith(label) else error)
    return found


def shown_bodies(figures: dict) -> list[tuple[str, str]]:
    """(body, label) of the bodies worth a column: BCH and BTV always, others with seats."""
    return [
        (body, label)
        for body, label in Body.choices
        if body in ALWAYS_SHOWN
        or (body in figures and (figures[body].quota or figures[body].holdings))
    ]
