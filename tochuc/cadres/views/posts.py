"""A post's page (quota history, holders, sourcing plans, change log) and its writes: new
post, quota from a date, sourcing plan, assignment of a person, end of a holding."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tochuc.cadres import alerts, services
from tochuc.cadres.forms import (
    AssignForm,
    AssignmentEndForm,
    PostCreateForm,
    QuotaForm,
    SourcingPlanForm,
)
from tochuc.cadres.models import Assignment, AssignmentKind, Body, Post
from tochuc.cadres.suggestions import PARTY_BODIES, suggestions_for
from tochuc.cadres.views.common import SEAT_PHRASES
from tochuc.core.forms import errors_named, refused
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.organizations.pages import change_scope, may_change, organization_name
from tochuc.people.models import Person
from tochuc.people.services import person_create


def _post(request, pk: int, action: str) -> Post:
    posts = Post.objects.restrict(request.user, action).select_related("organization")
    return get_object_or_404(posts, pk=pk)


def _persons(request):
    """Persons the user may assign or move: those in the change scope on the date."""
    return Person.objects.restrict(request.user, CHANGE, on=request.as_of)


def _post_forms(request, post: Post, quota: int, bound: dict) -> dict:
    on = request.as_of
    kind = AssignmentKind.ELECTION if post.body in PARTY_BODIES else AssignmentKind.APPOINTMENT
    forms = {
        "quota": QuotaForm(
            initial={"seats": quota, "valid_from": on, "version": post.version}, auto_id="quota_%s"
        ),
        "plan": SourcingPlanForm(initial={"planned_on": on}, auto_id="plan_%s"),
        "assign": AssignForm(
            initial={"kind": kind, "starts_on": on}, persons=_persons(request), auto_id="assign_%s"
        ),
    }
    forms.update(bound)
    return forms


def _post_page(request, post: Post, bound: dict | None = None):
    """The post on the date; editors get the forms (`bound`: a refused form in place)."""
    on = request.as_of
    quotas = list(post.quotas.select_related("decision").order_by("valid_from", "id"))
    held = list(post.assignments.select_related("person", "decision").order_by("valid_from", "id"))
    plans = list(post.sourcing_plans.order_by("-planned_on", "-id"))
    current = [a for a in held if a.is_valid_at(on)]
    quota = sum(q.seats for q in quotas if q.is_valid_at(on))
    vacant = max(quota - len(current), 0)
    editable = may_change(request.user, post.organization_id)
    context = {
        "post": post,
        "organization_name": organization_name(post.organization, on),
        "body_label": Body(post.body).label,
        "quotas": quotas,
        "quota": quota,
        "current": current,
        "past": [a for a in held if a.valid_to < on],
        "future": [a for a in held if a.valid_from > on],
        "vacant": vacant,
        "plans": plans,
        "plan_now": next((p for p in plans if p.planned_on <= on), None),
        "may_change": editable,
        "history": history_entries(post, *quotas, *held, *plans),
    }
    if editable:
        context["forms"] = _post_forms(request, post, quota, bound or {})
        assign = context["forms"]["assign"]
        picked = getattr(assign, "cleaned_data", {}).get("person")
        context["picked"] = picked
        if vacant:
            suggested = suggestions_for(post=post, on=on, user=request.user)
            context["suggestions"] = suggested
            if picked and any(s.person.pk == picked.pk for s in suggested):
                context["picked"] = None
    return render(request, "cadres/post.html", context)


@login_required
def post_detail(request, pk: int):
    """Chức danh: quota history, holders on the date and before, plans, change log."""
    return _post_page(request, _post(request, pk, VIEW))


@login_required
def post_create(request):
    """Thêm chức danh for an organization in the user's change scope (`?org=`, `?body=`)."""
    if not request.user.may(CHANGE):
        raise Http404
    organizations = change_scope(request.user)
    initial = {"valid_from": request.as_of, "seats": 1, "body": request.GET.get("body")}
    raw = request.GET.get("org", "")
    if raw.isdigit():
        chosen = organizations.filter(pk=int(raw)).first()
        initial["organization"] = chosen.code if chosen else ""
    form = PostCreateForm(request.POST or None, organizations=organizations, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                post = services.post_create(
                    organization=data["organization"],
                    body=data["body"],
                    title=data["title"],
                    seats=data["seats"],
                    valid_from=data["valid_from"],
                    field=data["field"],
                    per_central_guidance=data["per_central_guidance"],
                    decision=form.decision(),
                )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, f"Đã thêm chức danh «{post.title}».")
            return redirect("cadres:post", pk=post.pk)
    context = {"form": form, "errors": errors_named(form) if form.is_bound else []}
    return render(request, "cadres/post_form.html", context)


@login_required
@require_POST
def post_quota(request, pk: int):
    """Định mức from a date; refused when another user changed the post meanwhile."""
    post = _post(request, pk, CHANGE)
    form = QuotaForm(request.POST, auto_id="quota_%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.quota_set(
                    post=post,
                    seats=data["seats"],
                    valid_from=data["valid_from"],
                    decision=form.decision(),
                    expected_version=data["version"],
                )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(
                request, f"Đã đặt định mức {data['seats']} từ ngày {data['valid_from']:%d/%m/%Y}."
            )
            return redirect("cadres:post", pk=post.pk)
    return _post_page(request, post, bound={"quota": form})


@login_required
@require_POST
def post_plan(request, pk: int):
    """Phương án bố trí for the post's vacancies from a date."""
    post = _post(request, pk, CHANGE)
    form = SourcingPlanForm(request.POST, auto_id="plan_%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.sourcing_plan_record(
                post=post, planned_on=data["planned_on"], source=data["source"], note=data["note"]
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã ghi nhận phương án bố trí.")
            return redirect("cadres:post", pk=post.pk)
    return _post_page(request, post, bound={"plan": form})


@login_required
@require_POST
def post_assign(request, pk: int):
    """Bố trí a person (chosen from the suggestions or a search) on a seat of the post."""
    post = _post(request, pk, CHANGE)
    form = AssignForm(request.POST, persons=_persons(request), auto_id="assign_%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                newcomer = form.newcomer()
                person = person_create(**newcomer) if newcomer else data["person"]
                held = services.assignment_create(
                    person=person,
                    post=post,
                    kind=data["kind"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    decision=form.decision(),
                )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(
                request,
                f"Đã bố trí {person.full_name} giữ chức danh {post.title} "
                f"({SEAT_PHRASES[post.body]}).",
            )
            for warning in alerts.assignment_warnings(held):
                messages.warning(request, warning)
            return redirect("cadres:post", pk=post.pk)
    return _post_page(request, post, bound={"assign": form})


@login_required
@require_POST
def assignment_end(request, pk: int):
    """Thôi giữ chức danh: the holding ends on the date entered."""
    held = get_object_or_404(Assignment.objects.restrict(request.user, CHANGE), pk=pk)
    form = AssignmentEndForm(request.POST)
    if not form.is_valid():
        for error in errors_named(form):
            messages.error(request, error)
        return redirect("cadres:post", pk=held.post_id)
    try:
        services.assignment_end(
            assignment=held,
            ends_on=form.cleaned_data["ends_on"],
            expected_version=form.cleaned_data["version"],
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, f"{form.fields['ends_on'].label}: {message}")
    else:
        messages.success(request, f"{held.person} thôi giữ chức danh {held.post}.")
    return redirect("cadres:post", pk=held.post_id)
