"""Seats of a subtree: the overview, a body's seat board, the vacancy register, the flags."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from tochuc.cadres import alerts, selectors
from tochuc.cadres.forms import VacancyFilterForm
from tochuc.cadres.models import Body
from tochuc.cadres.views.common import BODY_SHORT, SEAT_PHRASES, shown_bodies
from tochuc.core.rules import RuleNotInForce, rule_in_force
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.organizations.models import Organization, OrganizationPeriod
from tochuc.organizations.pages import (
    chosen_organization,
    may_change,
    organization_name,
    organization_names,
)


@login_required
def overview(request):
    """Cán bộ of a subtree: fill per body, per child organization, vacancies, flags."""
    root = chosen_organization(request)
    on = request.as_of
    rows, total = selectors.seat_fill_by_child(root=root, on=on)
    bodies = shown_bodies(total)
    fill_lines = [
        {
            "body": body,
            "label": label,
            "phrase": SEAT_PHRASES[body],
            "fill": total.get(body) or selectors.SeatFill(0, 0, 0),
        }
        for body, label in bodies
    ]
    context = {
        "root": root,
        "heading": organization_name(root, on),
        "fill_lines": fill_lines,
        "columns": [(body, BODY_SHORT[body]) for body, _ in bodies],
        "rows": rows,
        "register": selectors.vacancy_register(root=root, on=on),
        "central": selectors.vacancy_register(root=root, on=on, per_central_guidance=True),
        "flags": {
            "reappointment": alerts.reappointment_due(root=root, on=on).count(),
            "retirement": len(alerts.outliving_retirement(root=root, on=on)),
            "local": alerts.local_secretaries(root=root, on=on).count(),
        },
        "may_change": request.user.may(CHANGE),
    }
    return render(request, "cadres/overview.html", context)


@login_required
def board(request, org_id: int):
    """Bộ máy: each post of one body of an organization with its seats (`?body=`)."""
    organization = get_object_or_404(Organization.objects.restrict(request.user, VIEW), pk=org_id)
    body = request.GET.get("body") or Body.EXECUTIVE_COMMITTEE
    if body not in Body.values:
        raise Http404("Cơ quan không có trong danh mục.")
    rows = selectors.board(organization=organization, body=body, on=request.as_of)
    quota = sum(row["post"].quota for row in rows)
    held = sum(1 for row in rows for seat in row["seats"] if seat is not None)
    context = {
        "organization": organization,
        "heading": organization_name(organization, request.as_of),
        "body": body,
        "body_label": Body(body).label,
        "bodies": Body.choices,
        "rows": rows,
        "held": held,
        "quota": quota,
        "phrase": SEAT_PHRASES[body],
        "may_change": may_change(request.user, organization),
    }
    return render(request, "cadres/board.html", context)


@login_required
def vacancies(request):
    """Thiếu khuyết of a subtree on the date, filtered, with the reconciled totals."""
    root = chosen_organization(request)
    on = request.as_of
    communes = list(root.children_at(on).order_by("name"))
    form = VacancyFilterForm(request.GET or None, communes=communes)
    data = form.cleaned_data if form.is_valid() else {}
    subtree = root
    if data.get("commune"):
        subtree = Organization.objects.get(pk=data["commune"])
    central = {"1": True, "0": False}.get(data.get("central") or "")
    register = selectors.vacancy_register(
        root=subtree,
        on=on,
        field=data.get("field") or None,
        plan=data.get("plan") or None,
        per_central_guidance=central,
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "root": root,
        "heading": organization_name(root, on),
        "subtree_name": organization_name(subtree, on) if subtree != root else "",
        "form": form,
        "register": register,
        "page": Paginator(register.posts, 50).get_page(request.GET.get("page")),
        "query": query.urlencode(),
    }
    return render(request, "cadres/vacancies.html", context)


def _rule(code: str, on):
    try:
        return rule_in_force(code, on)
    except RuleNotInForce:
        return None


def _with_organization_name(assignments, on):
    name = OrganizationPeriod.objects.valid_at(on).filter(
        organization=OuterRef("post__organization_id")
    )
    return assignments.annotate(organization_name=Subquery(name.values("name")[:1]))


@login_required
def alert_lists(request):
    """Cảnh báo of a subtree on the date: reappointments due, holdings outliving retirement,
    local party secretaries; each list with the rule it applies."""
    root = chosen_organization(request)
    on = request.as_of
    outliving = alerts.outliving_retirement(root=root, on=on)
    names = organization_names((held.post.organization_id for held, _ in outliving), on)
    context = {
        "root": root,
        "heading": organization_name(root, on),
        "reappointment": _with_organization_name(
            alerts.reappointment_due(root=root, on=on).select_related("decision"), on
        ).order_by("valid_to", "id"),
        "reappointment_rule": _rule("appointment_term", on),
        "outliving": [
            (held, retires, names.get(held.post.organization_id, "")) for held, retires in outliving
        ],
        "retirement_rule": _rule("retirement_age", on),
        "local_rule": _rule("secretary_not_local", on),
        "local": _with_organization_name(alerts.local_secretaries(root=root, on=on), on).order_by(
            "organization_name", "id"
        ),
    }
    return render(request, "cadres/alerts.html", context)
