"""Pages of the card exchange: progress board, drill-down lists, a member's exchange."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tochuc.cards import selectors, services, tables
from tochuc.cards.campaign import STEP_LABELS, STEPS, campaign_series, campaign_source
from tochuc.cards.forms import DeclareForm, StepForm
from tochuc.cards.models import CardExchange
from tochuc.core.formatting import vn_date
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.core.tabular import export_format, table_response
from tochuc.members.selectors import members_at
from tochuc.organizations.models import Organization
from tochuc.organizations.pages import chosen_organization


def _heading(root: Organization, on) -> str:
    period = root.period_at(on)
    return period.name if period else f"{root.code} (không tồn tại vào ngày đang xem)"


@login_required
def board(request):
    """Tiến độ đổi thẻ: one row per organization directly under the chosen one."""
    root = chosen_organization(request)
    rows, total = selectors.card_exchange_board(root=root, on=request.as_of, user=request.user)
    context = {
        "root": root,
        "heading": _heading(root, request.as_of),
        "rows": rows,
        "total": total,
        "steps": STEPS,
        "source": campaign_source(request.as_of),
        "series": campaign_series(request.as_of),
    }
    return render(request, "cards/board.html", context)


def _member_list(request, figure: str):
    if figure not in selectors.FIGURES:
        raise Http404("Chỉ tiêu không xác định.")
    root = chosen_organization(request)
    direct = request.GET.get("direct") == "1"
    spans = selectors.card_exchange_members(
        root=root, on=request.as_of, figure=figure, user=request.user, direct=direct
    )
    heading = _heading(root, request.as_of)
    if export_format(request):
        scope = " (sinh hoạt trực tiếp)" if direct else ""
        return table_response(
            request,
            name="doi-the",
            title=f"{selectors.FIGURES[figure]} — {heading}{scope}, ngày {vn_date(request.as_of)}",
            columns=tables.MEMBERS,
            rows=spans,
        )
    context = {
        "root": root,
        "heading": heading,
        "figure": figure,
        "figure_label": selectors.FIGURES[figure],
        "direct": direct,
        "page": Paginator(spans, 100).get_page(request.GET.get("page")),
        "steps": STEPS,
    }
    return render(request, "cards/members.html", context)


@login_required
def members(request):
    """The members behind one figure of the board (`?org=&figure=&direct=1`)."""
    return _member_list(request, request.GET.get("figure", "eligible"))


@login_required
def not_declared(request):
    """Đảng viên thuộc diện đổi thẻ chưa kê khai."""
    return _member_list(request, "not_declared")


def _person(request, pk: int, action: str):
    persons = selectors.visible_persons(user=request.user, on=request.as_of, action=action)
    return get_object_or_404(persons, pk=pk)


def _exchange(request, person, action: str) -> CardExchange | None:
    return (
        CardExchange.objects.restrict(request.user, action)
        .filter(person=person, series=campaign_series(request.as_of))
        .select_related("organization", "verified_by")
        .first()
    )


@login_required
def member(request, pk: int):
    """A member's card exchange: the steps so far and the form for the next one."""
    person = _person(request, pk, VIEW)
    exchange = _exchange(request, person, VIEW)
    may_change = request.user.may(CHANGE)
    next_step = exchange.next_step if exchange else None
    context = {
        "person": person,
        "span": selectors.card_of(person=person, on=request.as_of),
        "exchange": exchange,
        "organization": exchange.organization.period_at(request.as_of) if exchange else None,
        "steps": [(s, label, exchange.step_on(s) if exchange else None) for s, label in STEPS],
        "next_step": next_step,
        "next_label": STEP_LABELS.get(next_step, ""),
        "has_citizen_id": bool(person.citizen_id),
        "series": campaign_series(request.as_of),
        "may_change": may_change,
        "history": history_entries(exchange) if exchange else [],
    }
    if may_change and exchange is None:
        context["declare_form"] = DeclareForm(initial={"declared_on": request.as_of})
    if may_change and next_step:
        context["step_form"] = StepForm(
            step=next_step,
            initial={"step": next_step, "on": request.as_of, "version": exchange.version},
        )
    return render(request, "cards/member.html", context)


@login_required
@require_POST
def declare(request, pk: int):
    """Kê khai đổi thẻ for a member counted in the user's scope on the declaration date."""
    person = _person(request, pk, CHANGE)
    form = DeclareForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("cards:member", pk=person.pk)
    on = form.cleaned_data["declared_on"]
    if not members_at(on=on, user=request.user).filter(person=person).exists():
        messages.error(request, "Đảng viên không sinh hoạt trong phạm vi của anh/chị vào ngày đó.")
        return redirect("cards:member", pk=person.pk)
    try:
        services.card_exchange_declare(person=person, declared_on=on, recorded_by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Đã ghi nhận kê khai đổi thẻ.")
    return redirect("cards:member", pk=person.pk)


@login_required
@require_POST
def step(request, pk: int):
    """Record the next step of a member's exchange (CHANGE, scoped)."""
    person = _person(request, pk, CHANGE)
    exchange = _exchange(request, person, CHANGE)
    if exchange is None:
        raise Http404("Đảng viên chưa kê khai đổi thẻ.")
    form = StepForm(request.POST, step=request.POST.get("step"))
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("cards:member", pk=person.pk)
    data = form.cleaned_data
    try:
        services.card_exchange_step(
            exchange=exchange,
            step=data["step"],
            on=data["on"],
            recorded_by=request.user,
            expected_version=data["version"],
            card_number=data.get("card_number") or "",
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã ghi nhận «{STEP_LABELS[data['step']]}».")
    return redirect("cards:member", pk=person.pk)
