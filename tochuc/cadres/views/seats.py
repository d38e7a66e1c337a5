"""Seats of a subtree: the overview, a body's seat board, the vacancy register, the flags."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from tochuc.cadres import alerts, selectors, tables
from tochuc.cadres.forms import VacancyFilterForm
from tochuc.cadres.models import Body
from tochuc.cadres.views.common import BODY_SHORT, SEAT_PHRASES, shown_bodies
from tochuc.core.formatting import vn_date
from tochuc.core.rules import RuleNotInForce, rule_in_force
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.core.tabular import export_format, table_response
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
    heading = organization_name(organization, request.as_of)
    if export_format(request):
        return table_response(
            request,
            name="bo-may",
            title=f"{Body(body).label} — {heading}, ngày {vn_date(request.as_of)}",
            columns=tables.SEATS,
            rows=tables.seat_rows(rows),
        )
    quota = sum(row["post"].quota for row in rows)
    held = sum(1 for row in rows for seat in row["seats"] if seat is not None)
    context = {
        "organization": organization,
        "heading": heading,
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
    heading = organization_name(root, on)
    subtree_name = organization_name(subtree, on) if subtree != root else ""
    if export_format(request):
        return table_response(
            request,
            name="thieu-khuyet",
            title=f"Thiếu khuyết — {subtree_name or heading}, ngày {vn_date(on)}",
            columns=tables.VACANCIES,
            rows=register.posts,
        )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "root": root,
        "heading": heading,
        "subtree_name": subtree_name,
        "form": form,
        "register": register,
        "page": Paginator(register.posts, 50).get_page(request.GET.get("page")),
        "query": query.urlencode(),
    }
    return render(request, "cadres/vacancies.html", context)


ALERT_LISTS = {
    "bo-nhiem-lai": ("Đến hạn xem xét bổ nhiệm lại", tables.REAPPOINTMENT),
    "nghi-huu": ("Thời hạn giữ chức danh quá ngày nghỉ hưu", tables.RETIREMENT),
    "bi-thu-dia-phuong": ("Bí thư là người địa phương", tables.LOCAL),
}
"""The lists of the alerts page by their `?bang=` (exports): heading and columns."""


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


def _alert_rows(name: str, root, on):
    """The rows of one list of the alerts page (a key of `ALERT_LISTS`)."""
    if name == "nghi-huu":
        outliving = alerts.outliving_retirement(root=root, on=on)
        names = organization_names((held.post.organization_id for held, _ in outliving), on)
        return [
            (held, retires, names.get(held.post.organization_id, "")) for held, retires in outliving
        ]
    if name == "bo-nhiem-lai":
        due = alerts.reappointment_due(root=root, on=on).select_related("decision")
        return _with_organization_name(due, on).order_by("valid_to", "id")
    local = alerts.local_secretaries(root=root, on=on)
    return _with_organization_name(local, on).order_by("organization_name", "id")


@login_required
def alert_lists(request):
    """Cảnh báo of a subtree on the date: reappointments due, holdings outliving retirement,
    local party secretaries; each list with the rule it applies, and as a file with
    `?xuat=xlsx|csv&bang=<list>`."""
    root = chosen_organization(request)
    on = request.as_of
    heading = organization_name(root, on)
    if export_format(request):
        chosen = request.GET.get("bang", "")
        if chosen not in ALERT_LISTS:
            raise Http404("Danh sách cảnh báo không xác định.")
        label, columns = ALERT_LISTS[chosen]
        return table_response(
            request,
            name=f"canh-bao-{chosen}",
            title=f"{label} — {heading}, ngày {vn_date(on)}",
            columns=columns,
            rows=_alert_rows(chosen, root, on),
        )
    context = {
        "root": root,
        "heading": heading,
        "reappointment": _alert_rows("bo-nhiem-lai", root, on),
        "reappointment_rule": _rule("appointment_term", on),
        "outliving": _alert_rows("nghi-huu", root, on),
        "retirement_rule": _rule("retirement_age", on),
        "local_rule": _rule("secretary_not_local", on),
        "local": _alert_rows("bi-thu-dia-phuong", root, on),
    }
    return render(request, "cadres/alerts.html", context)
