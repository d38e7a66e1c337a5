"""Pages of đại hội: the list of a subtree's congresses with their figures, a congress's page
(delegates, committee with vacancies, leadership, targets and progress), and the forms that
create a congress, list delegates, set the committee's sizes, record the election and the
targets. Thin: parse, call a service or selector, render."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tochuc.congresses import selectors, services, tables
from tochuc.congresses.eligibility import age_check, previous_committee_seats
from tochuc.congresses.filtersets import CongressFilterSet
from tochuc.congresses.forms import (
    CongressEditForm,
    CongressForm,
    DelegateForm,
    ElectionForm,
    MemberRemoveForm,
    ProgressForm,
    SizesForm,
    TargetForm,
)
from tochuc.congresses.models import (
    LEADERSHIP,
    CommitteeMember,
    Congress,
    Delegate,
    DelegateKind,
    ResolutionTarget,
    Role,
)
from tochuc.core.formatting import vn_date
from tochuc.core.forms import bootstrap, errors_named, refused
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.core.tabular import export_format, table_response
from tochuc.organizations.pages import (
    change_scope,
    chosen_organization,
    may_change,
    organization_name,
)
from tochuc.people.models import Person
from tochuc.people.selectors import search_persons


def _congress(request, pk: int, action: str = VIEW) -> Congress:
    congresses = Congress.objects.restrict(request.user, action).select_related(
        "organization", "vote_record"
    )
    return get_object_or_404(congresses, pk=pk)


def _persons(request, on: dt.date):
    """Persons the user may put on a list or a seat: those in the change scope on `on`."""
    return Person.objects.restrict(request.user, CHANGE, on=on)


@login_required
def congress_list(request):
    """Đại hội of a subtree (as it stands on the chosen date), by term, kind and period, with
    the figures of the report line and one row per congress (the drill-down)."""
    root, on = chosen_organization(request), request.as_of
    found = selectors.congresses_in(root=root, on=on).restrict(request.user)
    filterset = CongressFilterSet(request.GET, queryset=found)
    bootstrap(filterset.form)
    congresses = filterset.qs
    rows = selectors.congress_rows(congresses).order_by("-opened_on", "organization_name", "id")
    if export_format(request):
        return table_response(
            request,
            name="dai-hoi",
            title=f"Đại hội đảng bộ — {organization_name(root, on)}, ngày {vn_date(on)}",
            columns=tables.congress_columns(selectors.seat_figures(congresses)),
            rows=rows,
        )
    totals = selectors.congress_totals(congresses)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    shown = Congress.objects.filter(pk__in=[c.pk for c in page])
    seats = selectors.seat_figures(shown)
    for congress in page:
        congress.seat_figures = seats.get(congress.pk, {})
    context = {
        "root": root,
        "root_name": organization_name(root, on),
        "filterset": filterset,
        "totals": totals,
        "page": page,
        "may_change": request.user.may(CHANGE),
        "query": request.GET.urlencode(),
    }
    return render(request, "congresses/list.html", context)


@login_required
def congress_create(request):
    """Ghi nhận đại hội of an organization in the user's change scope."""
    if not request.user.may(CHANGE):
        raise Http404
    organizations = change_scope(request.user)
    initial = {"term": request.GET.get("term", "2025-2030"), "kind": "regular"}
    raw = request.GET.get("org", "")
    if raw.isdigit():
        chosen = organizations.filter(pk=int(raw)).first()
        initial["organization"] = chosen.code if chosen else ""
    form = CongressForm(request.POST or None, organizations=organizations, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            congress = services.congress_create(**form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã ghi nhận đại hội.")
            return redirect("congresses:detail", pk=congress.pk)
    return render(request, "congresses/form.html", {"form": form, "title": "Ghi nhận đại hội"})


def _heading(congress: Congress) -> str:
    return f"{organization_name(congress.organization, congress.opened_on)} — {congress}"


@login_required
def congress_detail(request, pk: int):
    """Đại hội: the report line, delegates, the committee and its vacancies on the closing day
    and on the chosen date, leadership, members with the age rule, targets and progress."""
    congress, on = _congress(request, pk), request.as_of
    period = congress.organization.period_at(congress.opened_on)
    kind = period.kind if period else ""
    at_closing = selectors.committee_at(congress, congress.closed_on)
    seats = {body.body: body.figure for body in at_closing}
    organizations = selectors.organization_counts(
        root=congress.organization_id, on=congress.opened_on
    )
    members = selectors.members_represented(congress)
    rows = selectors.committee_members(congress, on=on, kind=kind)
    targets = list(selectors.targets_at([congress.pk], on))
    for target in targets:
        target.figures = selectors.target_progress(target)
    context = {
        "congress": congress,
        "heading": _heading(congress),
        "organization_name": period.name if period else congress.organization.code,
        "sentence": selectors.report_sentence(
            delegates=congress.delegates_summoned,
            members=members,
            organizations=organizations,
            seats=seats,
        ),
        "members": members,
        "members_entered": congress.members_represented is not None,
        "organizations": organizations,
        "delegates": selectors.delegates_by_kind(congress),
        "delegate_kinds": DelegateKind.choices,
        "at_closing": at_closing,
        "at_date": (
            selectors.committee_at(congress, on)
            if on != congress.closed_on and congress.organization.period_at(on)
            else None
        ),
        "leaders": [r for r in rows if r.member.role in LEADERSHIP],
        "rows": rows,
        "flagged": sum(1 for r in rows if r.check and r.check.flag),
        "targets": targets,
        "may_change": may_change(request.user, congress.organization_id),
        "history": history_entries(congress),
    }
    return render(request, "congresses/detail.html", context)


@login_required
def congress_edit(request, pk: int):
    """Sửa đại hội: counts, dates (before the committee's seats are set), notes."""
    congress = _congress(request, pk, CHANGE)
    names = [n for n in CongressEditForm.base_fields if n != "version"]
    initial = {name: getattr(congress, name) for name in names} | {"version": congress.version}
    form = CongressEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.congress_update(congress=congress, expected_version=version, **data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã sửa đại hội.")
            return redirect("congresses:detail", pk=congress.pk)
    title = f"Sửa đại hội — {_heading(congress)}"
    return render(
        request, "congresses/form.html", {"form": form, "title": title, "congress": congress}
    )


@login_required
def delegates(request, pk: int):
    """Danh sách đại biểu (by kind); editors add delegates from a search."""
    congress = _congress(request, pk)
    editable = may_change(request.user, congress.organization_id)
    form = None
    if editable:
        form = DelegateForm(
            request.POST or None,
            persons=_persons(request, congress.opened_on),
            initial={"kind": DelegateKind.ELECTED},
        )
    if request.method == "POST":
        if not editable:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.delegate_add(
                    congress=congress, person=data["person"], kind=data["kind"], note=data["note"]
                )
            except ValidationError as exc:
                refused(form, exc)
            else:
                messages.success(request, f"Đã thêm đại biểu {data['person'].full_name}.")
                return redirect("congresses:delegates", pk=congress.pk)
    listed = congress.delegates.select_related("person").order_by("person__name_folded", "id")
    kind = request.GET.get("kind", "")
    if kind in DelegateKind.values:
        listed = listed.filter(kind=kind)
    heading = _heading(congress)
    if export_format(request):
        return table_response(
            request,
            name="dai-bieu",
            title=f"Danh sách đại biểu — {heading}",
            columns=tables.DELEGATES,
            rows=listed,
        )
    context = {
        "congress": congress,
        "heading": heading,
        "delegates": listed,
        "counts": selectors.delegates_by_kind(congress),
        "kind": kind,
        "kinds": DelegateKind.choices,
        "form": form,
        "may_change": editable,
        "search_on": congress.opened_on,
    }
    return render(request, "congresses/delegates.html", context)


@login_required
@require_POST
def delegate_remove(request, pk: int):
    """Take a delegate off the list (a correction of the list)."""
    delegate = get_object_or_404(
        Delegate.objects.restrict(request.user, CHANGE).select_related("person"), pk=pk
    )
    congress_id = delegate.congress_id
    services.delegate_remove(delegate=delegate)
    messages.success(request, f"Đã bỏ {delegate.person.full_name} khỏi danh sách đại biểu.")
    return redirect("congresses:delegates", pk=congress_id)


@login_required
@require_POST
def member_remove(request, pk: int):
    """Bỏ người trúng cử ghi nhầm: the record and its cadres holding, with the reason."""
    member = get_object_or_404(
        CommitteeMember.objects.restrict(request.user, CHANGE).select_related("person"), pk=pk
    )
    form = MemberRemoveForm(request.POST)
    if not form.is_valid():
        for error in errors_named(form):
            messages.error(request, error)
    else:
        try:
            services.committee_member_remove(
                member=member,
                reason=form.cleaned_data["reason"],
                removed_on=form.cleaned_data["removed_on"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                f"Đã bỏ {member.person.full_name} ({member.get_role_display()}) khỏi kết quả "
                "bầu cử.",
            )
    return redirect("congresses:detail", pk=member.congress_id)


@login_required
def sizes(request, pk: int):
    """Số lượng cấp ủy: the approved sizes become the quotas of the organization's posts."""
    congress = _congress(request, pk, CHANGE)
    initial = {
        "executive_size": congress.executive_size,
        "standing_size": congress.standing_size,
        "deputy_secretaries": congress.deputy_secretaries,
        "inspection_size": congress.inspection_size,
        "designated": congress.committee_designated,
        "version": congress.version,
    }
    form = SizesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.committee_sizes_set(
                congress=congress,
                executive_size=data["executive_size"],
                standing_size=data["standing_size"],
                inspection_size=data["inspection_size"],
                deputy_secretaries=data["deputy_secretaries"],
                designated=data["designated"],
                decision=form.decision(),
                expected_version=data["version"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã ghi nhận số lượng cấp ủy.")
            return redirect("congresses:election", pk=congress.pk)
    title = f"Số lượng cấp ủy — {_heading(congress)}"
    context = {"form": form, "title": title, "congress": congress}
    return render(request, "congresses/form.html", context)


@login_required
def election(request, pk: int):
    """Kết quả bầu cử: one person per submission; a person the age rule flags is refused
    unless the special case is cited, and the flag is shown."""
    congress = _congress(request, pk, CHANGE)
    if not congress.sizes_set:
        messages.info(request, "Hãy nhập số lượng cấp ủy trước khi ghi nhận kết quả bầu cử.")
        return redirect("congresses:sizes", pk=congress.pk)
    form = ElectionForm(
        request.POST or None,
        persons=_persons(request, congress.closed_on),
        needs_record=congress.vote_record is None,
        initial={"role": request.GET.get("role", Role.EXECUTIVE_MEMBER)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = services.election_record(
                congress=congress,
                role=data["role"],
                person=data["person"],
                exception=data["exception"],
                vote_record=form.decision(),
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(
                request, f"Đã ghi nhận {member.person.full_name}: {member.get_role_display()}."
            )
            return redirect(f"{request.path}?role={member.role}")
    picked = getattr(form, "cleaned_data", {}).get("person")
    context = {
        "congress": congress,
        "heading": _heading(congress),
        "form": form,
        "picked": picked,
        "committee": selectors.committee_at(congress, congress.closed_on),
        "search_on": congress.closed_on,
    }
    return render(request, "congresses/election.html", context)


@login_required
def person_search(request, pk: int):
    """htmx: persons in scope whose name matches `q`, as radio choices; for the executive
    committee each shows first time or re-elected and the age rule's flag."""
    congress = _congress(request, pk)
    text = request.GET.get("q", "").strip()
    purpose = request.GET.get("purpose", "")
    on = congress.closed_on if purpose == "election" else congress.opened_on
    found = search_persons(user=request.user, on=on, text=text, limit=20) if len(text) >= 2 else []
    choices = []
    for person in found:
        check = None
        if purpose == "election" and request.GET.get("role") == Role.EXECUTIVE_MEMBER:
            re_elected = previous_committee_seats(person, congress).exists()
            check = age_check(person=person, congress=congress, re_elected=re_elected)
        choices.append((person, check))
    context = {"choices": choices, "query": text}
    return render(request, "congresses/_person_choices.html", context)


@login_required
def target_create(request, pk: int):
    """Thêm chỉ tiêu nghị quyết of a congress."""
    congress = _congress(request, pk, CHANGE)
    form = TargetForm(request.POST or None, initial={"direction": "at_least"})
    if request.method == "POST" and form.is_valid():
        try:
            target = services.target_create(congress=congress, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, f"Đã thêm chỉ tiêu «{target.name}».")
            return redirect("congresses:detail", pk=congress.pk)
    title = f"Thêm chỉ tiêu nghị quyết — {_heading(congress)}"
    context = {"form": form, "title": title, "congress": congress}
    return render(request, "congresses/form.html", context)


def _target(request, pk: int, action: str) -> ResolutionTarget:
    targets = ResolutionTarget.objects.restrict(request.user, action).select_related(
        "congress__organization"
    )
    return get_object_or_404(targets, pk=pk)


def _target_page(request, target: ResolutionTarget, form=None):
    on = request.as_of
    shown = selectors.targets_at([target.congress_id], on).get(pk=target.pk)
    editable = may_change(request.user, target.congress.organization_id)
    if editable and form is None:
        form = ProgressForm(initial={"on": on})
    context = {
        "target": shown,
        "congress": target.congress,
        "heading": _heading(target.congress),
        "figures": selectors.target_progress(shown),
        "entries": target.progress.order_by("-on", "-id"),
        "form": form if editable else None,
        "history": history_entries(target, *target.progress.all()),
    }
    return render(request, "congresses/target.html", context)


@login_required
def target_detail(request, pk: int):
    """A target of the resolution: its progress entries and the figure on the chosen date."""
    return _target_page(request, _target(request, pk, VIEW))


@login_required
@require_POST
def progress(request, pk: int):
    """Ghi nhận kết quả thực hiện chỉ tiêu đến một ngày."""
    target = _target(request, pk, CHANGE)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            services.progress_record(target=target, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã ghi nhận kết quả thực hiện.")
            return redirect("congresses:target", pk=target.pk)
    return _target_page(request, target, form)
