"""Pages of the member registry: list as of a date, add, member page, events, print."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from tochuc.core.dating import day_before
from tochuc.core.formatting import vn_date, vn_int
from tochuc.core.forms import refused
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.core.tabular import export_format, table_response
from tochuc.members import selectors, services, tables
from tochuc.members.filtersets import MemberFilterSet
from tochuc.members.forms import (
    FIRST_KINDS,
    RECORDABLE,
    ConfirmForm,
    CorrectionForm,
    EventForm,
)
from tochuc.members.models import MembershipEvent
from tochuc.members.replay import ENDINGS
from tochuc.organizations.models import Organization
from tochuc.organizations.selectors import children_of
from tochuc.people.forms import PersonForm
from tochuc.people.models import Person
from tochuc.people.sensitive import sensitive_values

PAGE_SIZE = 100


def _root(request) -> Organization | None:
    """The organization of the list: `?org=` in the user's scope, else the user's own."""
    raw = request.GET.get("org")
    if not raw:
        return request.user.organization
    if not raw.isdigit():
        raise Http404("Mã tổ chức không hợp lệ.")
    return get_object_or_404(Organization.objects.restrict(request.user), pk=int(raw))


def _person(request, pk: int, action: str = VIEW) -> Person:
    """A person in the user's scope on the page's date (404 otherwise)."""
    people = Person.objects.restrict(request.user, action, on=request.as_of)
    return get_object_or_404(people.select_related("hometown", "residence"), pk=pk)


def _querystring(request, **changes) -> str:
    query = request.GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value:
            query[key] = value
    return query.urlencode()


def total_text(totals: dict[str, int]) -> str:
    """'Tổng số: 3 đảng viên (chính thức 1, dự bị 2)'."""
    return (
        f"Tổng số: {vn_int(totals['total'])} đảng viên (chính thức {vn_int(totals['full'])}, "
        f"dự bị {vn_int(totals['probationary'])})"
    )


@login_required
def member_list(request):
    """Danh sách đảng viên of a subtree as of the chosen date, filtered, 100 a page; the
    whole list as a file with `?xuat=xlsx|csv`."""
    on = request.as_of
    root = _root(request)
    filterset = MemberFilterSet(
        request.GET or None,
        queryset=selectors.members_at(on=on, root=root, user=request.user),
        on=on,
    )
    hosted_tab = request.GET.get("tab") == "hosted"
    if hosted_tab:
        spans = selectors.hosted_at(on=on, root=root) if root else filterset.qs.none()
    else:
        spans = filterset.qs
    period = root.period_at(on) if root else None
    rows = selectors.member_rows(spans, on=on)
    if export_format(request):
        name = period.name if period else getattr(root, "code", "")
        title = "Đảng viên sinh hoạt tạm thời tại" if hosted_tab else "Danh sách đảng viên —"
        return table_response(
            request,
            name="dang-vien-tam-thoi" if hosted_tab else "dang-vien",
            title=f"{title} {name}, ngày {vn_date(on)}",
            columns=tables.HOSTED if hosted_tab else tables.MEMBERS,
            rows=rows,
        )
    totals = selectors.member_totals(filterset.qs)
    paginator = Paginator(rows, PAGE_SIZE)
    if not hosted_tab:
        paginator.count = totals["total"]  # already counted: spare a second scan
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "root": root,
        "period": period,
        "children": children_of(organization=root, on=on, user=request.user) if root else [],
        "filterset": filterset,
        "total_text": total_text(totals),
        "hosted_tab": hosted_tab,
        "page": page,
        "page_query": _querystring(request, page=None),
        "members_query": _querystring(request, tab=None, page=None),
        "hosted_query": _querystring(request, tab="hosted", page=None),
        "may_change": request.user.may(CHANGE),
    }
    return render(request, "members/list.html", context)


def _event_form_page(request, *, form, title: str, person=None, action):
    """A form page: on a valid POST run `action()`, which returns where to go next; a refusal
    of the service shows its Vietnamese message and nothing is written."""
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                target = action()
        except ValidationError as exc:
            refused(form, exc)
        else:
            return target
    return render(request, "members/form.html", {"forms": [form], "title": title, "person": person})


def _after_write(request, event: MembershipEvent, done: str):
    """Back to the member page on a date the member is shown: the event's date when it lies
    after the page's date, the eve of an ending (death, transfer out…) on or before it."""
    messages.success(request, done)
    url = reverse("members:detail", args=[event.person_id])
    if event.kind in ENDINGS and event.effective_on <= request.as_of:
        url += f"?as_of={day_before(event.effective_on):%d/%m/%Y}"
    elif event.kind not in ENDINGS and event.effective_on > request.as_of:
        url += f"?as_of={event.effective_on:%d/%m/%Y}"
    return redirect(url)


@login_required
def member_add(request):
    """Thêm đảng viên: the profile and the first event (admission or transfer in) together."""
    if not request.user.may(CHANGE):
        raise Http404
    kind = request.POST.get("kind") or request.GET.get("kind")
    kind = kind if kind in dict(FIRST_KINDS) else FIRST_KINDS[0][0]
    data = request.POST if request.method == "POST" else None
    profile = PersonForm(data, prefix="person")
    event = EventForm(
        data,
        kind=kind,
        user=request.user,
        initial={"effective_on": request.as_of},
    )
    if request.method == "POST" and profile.is_valid() and event.is_valid():
        try:
            with transaction.atomic():
                recorded = services.member_register(
                    profile=profile.profile(),
                    decision=event.decision(),
                    recorded_by=request.user,
                    **event.event_details(),
                )
        except ValidationError as exc:
            for message in exc.messages:
                event.add_error(None, message)
        else:
            for note in profile.conversions:
                messages.info(request, note)
            return _after_write(
                request, recorded, f"Đã thêm đảng viên {recorded.person.full_name}."
            )
    context = {
        "forms": [profile, event],
        "title": "Thêm đảng viên",
        "kinds": FIRST_KINDS,
        "kind": kind,
    }
    return render(request, "members/form.html", context)


@login_required
def member_detail(request, pk: int):
    """Trang đảng viên: profile, status on the date, timeline with corrections, history."""
    person = _person(request, pk)
    context = {
        "person": person,
        "sensitive": sensitive_values(person, request.user, purpose="trang đảng viên"),
        "span": selectors.member_span_at(person, request.as_of),
        "events": selectors.timeline(person),
        "history": history_entries(person),
        "may_change": request.user.may(CHANGE),
        "kinds": RECORDABLE,
    }
    return render(request, "members/detail.html", context)


@login_required
def member_print(request, pk: int):
    """Bản in lý lịch: a clean print layout, sensitive fields masked by role."""
    person = _person(request, pk)
    context = {
        "person": person,
        "sensitive": sensitive_values(person, request.user, purpose="bản in lý lịch"),
        "span": selectors.member_span_at(person, request.as_of),
        "events": selectors.timeline(person).filter(is_void=False),
    }
    return render(request, "members/print.html", context)


@login_required
def event_add(request, pk: int):
    """Ghi nhận sự kiện of one kind (`?kind=`), checked against the whole history."""
    person = _person(request, pk, CHANGE)
    kind = request.POST.get("kind") or request.GET.get("kind")
    if kind not in dict(RECORDABLE):
        raise Http404("Loại sự kiện không hợp lệ.")
    form = EventForm(
        request.POST or None, kind=kind, user=request.user, initial={"effective_on": request.as_of}
    )

    def action():
        event = services.event_record(
            person=person,
            decision=form.decision(),
            recorded_by=request.user,
            **form.event_details(),
        )
        return _after_write(request, event, f"Đã ghi nhận {event.get_kind_display()}.")

    title = f"{dict(RECORDABLE)[kind]} — {person.full_name}"
    return _event_form_page(request, form=form, title=title, person=person, action=action)


@login_required
def member_confirm(request, pk: int):
    """Chuyển đảng chính thức, dated at the end of the 12-month probation."""
    person = _person(request, pk, CHANGE)
    form = ConfirmForm(request.POST or None)

    def action():
        event = services.member_confirm(
            person=person, decision=form.decision(), recorded_by=request.user
        )
        return _after_write(
            request,
            event,
            f"Đã ghi nhận chuyển đảng chính thức từ ngày {event.effective_on:%d/%m/%Y}.",
        )

    title = f"Chuyển đảng chính thức — {person.full_name}"
    return _event_form_page(request, form=form, title=title, person=person, action=action)


@login_required
def event_correct(request, pk: int, event_id: int):
    """Đính chính: void an event with a reason, optionally recording its replacement."""
    person = _person(request, pk, CHANGE)
    event = get_object_or_404(
        MembershipEvent.objects.select_related("organization", "decision"),
        pk=event_id,
        person=person,
        is_void=False,
    )
    data = request.POST or None
    correction = CorrectionForm(data)
    initial = {
        "effective_on": event.effective_on,
        "organization_code": event.organization.code if event.organization else "",
        "status": event.status,
        "admitted_on": event.admitted_on,
        "card_number": event.card_number,
        "card_series": event.card_series,
        "provincial_approval": event.provincial_approval,
    }
    if event.decision:
        initial.update(
            decision_number=event.decision.number,
            decision_signed_on=event.decision.signed_on,
            decision_issuer=event.decision.issuer,
        )
    replacement = EventForm(
        data, kind=event.kind, user=request.user, initial=initial, prefix="replacement"
    )
    if request.method == "POST" and correction.is_valid():
        replace = correction.cleaned_data["replace"]
        if not replace or replacement.is_valid():
            try:
                with transaction.atomic():
                    services.event_correct(
                        event=event,
                        reason=correction.cleaned_data["reason"],
                        replacement=(
                            {**replacement.event_details(), "decision": replacement.decision()}
                            if replace
                            else None
                        ),
                        recorded_by=request.user,
                    )
            except ValidationError as exc:
                for message in exc.messages:
                    correction.add_error(None, message)
            else:
                messages.success(request, f"Đã đính chính {event}.")
                visible = Person.objects.restrict(request.user, on=request.as_of)
                if visible.filter(pk=person.pk).exists():
                    return redirect("members:detail", pk=person.pk)
                return redirect("members:list")
    context = {
        "forms": [correction, replacement],
        "title": f"Đính chính {event} — {person.full_name}",
        "person": person,
    }
    return render(request, "members/form.html", context)
