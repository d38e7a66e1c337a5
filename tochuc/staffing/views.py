"""Pages of biên chế: the headcount table of a subtree and year with its forms, the staff
reduction against a baseline year with its drill-downs, and surplus and shortage per unit.
Thin: parse, call, render."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from tochuc.core.forms import refused
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE
from tochuc.core.tabular import export_format, table_response
from tochuc.organizations.pages import change_scope, chosen_organization
from tochuc.staffing import selectors, services, tables
from tochuc.staffing.forms import HeadcountEditForm, HeadcountForm
from tochuc.staffing.models import BASELINE_YEAR, Category, Headcount


def _year(request, name: str, default: int) -> int:
    raw = (request.GET.get(name) or "").strip()
    return int(raw) if raw.isdigit() and 1990 <= int(raw) <= 2100 else default


def _params(request) -> dict:
    """The subtree, date, year, baseline year and category a figure page shows."""
    root = chosen_organization(request)
    on: dt.date = request.as_of
    category = request.GET.get("category", "")
    names = selectors.names_on([root.pk], on)
    return {
        "root": root,
        "root_name": names.get(root.pk) or root.code,
        "on": on,
        "year": _year(request, "year", on.year),
        "baseline_year": _year(request, "baseline", BASELINE_YEAR),
        "category": category if category in Category.values else "",
        "categories": Category.choices,
    }


@login_required
def headcounts(request):
    """Biên chế của cây tổ chức trong một năm: each unit's approved and actual headcount
    (units merged away shown under the unit they count for today), with edit links."""
    context = _params(request)
    found = selectors.headcount_rows(
        root=context["root"],
        on=context["on"],
        years=[context["year"]],
        user=request.user,
        category=context["category"],
    )
    if export_format(request):
        return table_response(
            request,
            name="bien-che",
            title=f"Biên chế năm {context['year']} — {context['root_name']}",
            columns=tables.HEADCOUNTS,
            rows=found,
        )
    rows = list(found)
    editable = set()
    if request.user.may(CHANGE):
        editable = set(
            Headcount.objects.restrict(request.user, CHANGE)
            .filter(id__in=[r.pk for r in rows])
            .values_list("id", flat=True)
        )
    known = [r for r in rows if r.actual is not None]
    context |= {
        "rows": rows,
        "editable": editable,
        "approved_total": sum(r.approved for r in rows),
        "actual_total": sum(r.actual for r in known),
        "actual_missing": len(rows) - len(known),
        "may_change": request.user.may(CHANGE),
    }
    return render(request, "staffing/headcounts.html", context)


def _table_url(headcount: Headcount) -> str:
    return f"{reverse('staffing:headcounts')}?year={headcount.year}"


@login_required
def headcount_create(request):
    """Giao biên chế for a unit in change scope."""
    if not request.user.may(CHANGE):
        raise Http404
    form = HeadcountForm(
        request.POST or None,
        organizations=change_scope(request.user),
        initial={"year": request.as_of.year},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            headcount = services.headcount_set(
                organization=data["organization"],
                year=data["year"],
                category=data["category"],
                approved=data["approved"],
                actual=data["actual"],
                decision=form.decision(),
                note=data["note"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã ghi nhận biên chế.")
            return redirect(_table_url(headcount))
    context = {"form": form, "title": "Giao biên chế"}
    return render(request, "staffing/form.html", context)


@login_required
def headcount_edit(request, pk: int):
    """Sửa biên chế được giao, số có mặt of a unit in change scope."""
    headcount = get_object_or_404(
        Headcount.objects.restrict(request.user, CHANGE).select_related("decision"), pk=pk
    )
    form = HeadcountEditForm(request.POST or None, initial=HeadcountEditForm.initial_for(headcount))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.headcount_update(
                headcount=headcount,
                approved=data["approved"],
                actual=data["actual"],
                decision=form.decision(),
                note=data["note"],
                expected_version=data["version"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã sửa biên chế.")
            return redirect(_table_url(headcount))
    title = (
        f"Sửa biên chế {headcount.get_category_display().lower()} năm {headcount.year} — "
        f"{headcount.organization.code}"
    )
    context = {"form": form, "title": title, "history": history_entries(headcount)}
    return render(request, "staffing/form.html", context)


@login_required
def reduction(request):
    """Tinh giản biên chế of a subtree: «tinh giản N biên chế, đạt P% so với năm 2015», per
    unit directly under it, and the reduction target in force on the viewed date."""
    context = _params(request)
    figure = selectors.staff_reduction(
        root=context["root"],
        on=context["on"],
        year=context["year"],
        baseline_year=context["baseline_year"],
        user=request.user,
        category=context["category"],
    )
    target = selectors.reduction_target_check(
        root=context["root"], on=context["on"], year=context["year"], user=request.user
    )
    context |= {"figure": figure, "target": target}
    return render(request, "staffing/reduction.html", context)


@login_required
def reduction_records(request):
    """The headcount records behind a reduction figure (baseline year and year)."""
    context = _params(request)
    context["rows"] = selectors.headcount_rows(
        root=context["root"],
        on=context["on"],
        years=sorted({context["baseline_year"], context["year"]}),
        user=request.user,
        category=context["category"],
    )
    if export_format(request):
        return table_response(
            request,
            name="ban-ghi-bien-che",
            title=f"Bản ghi biên chế năm {context['baseline_year']} và {context['year']} — "
            f"{context['root_name']}",
            columns=tables.record_columns(context["on"]),
            rows=context["rows"],
        )
    return render(request, "staffing/reduction_records.html", context)


@login_required
def balance(request):
    """Cán bộ dôi dư, thiếu per unit for a year (after the 2025 reorganization)."""
    context = _params(request)
    context["balance"] = selectors.staff_balance(
        root=context["root"],
        on=context["on"],
        year=context["year"],
        user=request.user,
        category=context["category"],
    )
    if export_format(request):
        return table_response(
            request,
            name="doi-du-thieu",
            title=f"Dôi dư, thiếu biên chế năm {context['year']} — {context['root_name']}",
            columns=tables.BALANCE,
            rows=tables.balance_rows(context["balance"]),
        )
    return render(request, "staffing/balance.html", context)
