"""Mobility: the cumulative register of moves into a subtree, recording a move, its page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tochuc.cadres import selectors, services, tables
from tochuc.cadres.forms import MOBILITY_START, MoveEndForm, MoveFilterForm, MoveForm
from tochuc.cadres.models import Move, MoveKind
from tochuc.core.formatting import vn_date
from tochuc.core.forms import errors_named, refused
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.core.tabular import export_format, table_response
from tochuc.organizations.pages import change_scope, chosen_organization, organization_name
from tochuc.people.models import Person


@login_required
def move_list(request):
    """Điều động, luân chuyển into a subtree, cumulative from `since` (default 01/07/2025)
    to the date: «tăng cường … về cấp xã 804 trường hợp (lũy kế đến 2-12-2025)»."""
    root = chosen_organization(request)
    on = request.as_of
    filters = request.GET.copy()
    filters.setdefault("since", f"{MOBILITY_START:%d/%m/%Y}")
    form = MoveFilterForm(filters)
    data = form.cleaned_data if form.is_valid() else {}
    since = data.get("since") or MOBILITY_START
    decided = {"1": True, "0": False}.get(data.get("commune_decided") or "")
    found = selectors.moves(
        root=root,
        kind=data.get("kind") or None,
        since=since,
        on=on,
        origin_level=data.get("origin_level") or None,
        destination_level=data.get("destination_level") or None,
        decided_at_commune_level=decided,
    )
    rows = selectors.move_rows(found)
    heading = organization_name(root, on)
    if export_format(request):
        kind = f" ({MoveKind(data['kind']).label.lower()})" if data.get("kind") else ""
        return table_response(
            request,
            name="dieu-dong",
            title=f"Tăng cường, biệt phái, điều động, luân chuyển — {heading}{kind}, "
            f"từ {vn_date(since)} đến {vn_date(on)}",
            columns=tables.MOVES,
            rows=rows,
        )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "root": root,
        "heading": heading,
        "form": form,
        "since": since,
        "kind_label": MoveKind(data["kind"]).label if data.get("kind") else "",
        "count": page.paginator.count,
        "page": page,
        "query": query.urlencode(),
        "may_change": request.user.may(CHANGE),
    }
    return render(request, "cadres/moves.html", context)


def _chosen(persons, raw: str | None):
    """The person picked so far (kept checked when the form comes back refused)."""
    return persons.filter(pk=int(raw)).first() if raw and raw.isdigit() else None


@login_required
def move_create(request):
    """Ghi nhận điều động: units by code in the user's change scope, the person by search."""
    if not request.user.may(CHANGE):
        raise Http404
    persons = Person.objects.restrict(request.user, CHANGE, on=request.as_of)
    organizations = change_scope(request.user)
    initial = {"starts_on": request.as_of}
    if request.user.organization_id:
        initial["decided_by"] = request.user.organization.code
    chosen = _chosen(persons, request.GET.get("person"))
    initial["person"] = chosen.pk if chosen else None
    form = MoveForm(
        request.POST or None, persons=persons, organizations=organizations, initial=initial
    )
    if request.method == "POST":
        chosen = _chosen(persons, request.POST.get("person"))
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    move = services.move_record(
                        person=data["person"],
                        kind=data["kind"],
                        origin=data["origin"],
                        destination=data["destination"],
                        starts_on=data["starts_on"],
                        decided_by=data["decided_by"],
                        decision=form.decision(),
                        planned_end=data["planned_end"],
                        purpose=data["purpose"],
                        special_case=data["special_case"],
                    )
            except ValidationError as exc:
                refused(form, exc)
            else:
                messages.success(request, f"Đã ghi nhận {move}.")
                return redirect("cadres:move", pk=move.pk)
    context = {
        "form": form,
        "chosen": chosen,
        "errors": errors_named(form) if form.is_bound else [],
    }
    return render(request, "cadres/move_form.html", context)


@login_required
def move_detail(request, pk: int):
    """A move with its units as named on its start date, its change log and the end form."""
    moves = Move.objects.restrict(request.user, VIEW).filter(pk=pk)
    move = selectors.move_rows(moves).first()
    if move is None:
        raise Http404
    editable = (
        move.ended_on is None
        and Move.objects.restrict(request.user, CHANGE).filter(pk=move.pk).exists()
    )
    context = {
        "move": move,
        "history": history_entries(move),
        "end_form": MoveEndForm(initial={"ended_on": request.as_of, "version": move.version})
        if editable
        else None,
    }
    return render(request, "cadres/move.html", context)


@login_required
@require_POST
def move_end(request, pk: int):
    """The person came back (or the move stopped) on the date entered."""
    move = get_object_or_404(Move.objects.restrict(request.user, CHANGE), pk=pk)
    form = MoveEndForm(request.POST)
    if not form.is_valid():
        for error in errors_named(form):
            messages.error(request, error)
        return redirect("cadres:move", pk=move.pk)
    try:
        services.move_end(
            move=move,
            ended_on=form.cleaned_data["ended_on"],
            expected_version=form.cleaned_data["version"],
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, f"{form.fields['ended_on'].label}: {message}")
    else:
        messages.success(request, "Đã ghi nhận ngày kết thúc.")
    return redirect("cadres:move", pk=move.pk)
