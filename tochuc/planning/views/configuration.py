"""Configuration by the department: structure targets per term (role MANAGE, for the
organizations in the user's scope) and the planning terms (administrators of a province)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tochuc.core.dating import valid_at_q
from tochuc.core.forms import errors_named, refused
from tochuc.core.scoping import MANAGE
from tochuc.organizations.models import OrganizationClosure
from tochuc.organizations.pages import chosen_organization, organization_name
from tochuc.planning import services
from tochuc.planning.forms import TargetEditForm, TargetForm, TermEditForm, TermForm
from tochuc.planning.levels import level_of
from tochuc.planning.models import PlanningTerm, StructureTarget
from tochuc.planning.selectors import default_term
from tochuc.planning.views.common import manage_scope, may_manage_terms


def _targets_page(request, form=None):
    """Targets that apply to the chosen organization (set by it or above it), and those set
    inside the user's scope; administrators get the form."""
    root = chosen_organization(request)
    on = request.as_of
    above = OrganizationClosure.objects.filter(valid_at_q(on), descendant=root).values(
        "ancestor_id"
    )
    in_scope = StructureTarget.objects.restrict(request.user).values("pk")
    targets = StructureTarget.objects.filter(
        Q(organization_id__in=above) | Q(pk__in=in_scope)
    ).select_related("organization", "term", "decision")
    may_manage = request.user.may(MANAGE)
    if may_manage and form is None:
        form = TargetForm(
            initial={
                "organization": root.code,
                "term": default_term(on),
                "level": level_of(root.pk, on),
            },
            organizations=manage_scope(request.user),
        )
    editable = set(
        StructureTarget.objects.restrict(request.user, MANAGE).values_list("pk", flat=True)
    )
    context = {
        "root": root,
        "root_name": organization_name(root, on),
        "active": "targets",
        "targets": targets.order_by("term__starts_on", "term__track", "category", "level"),
        "editable": editable,
        "form": form if may_manage else None,
        "errors": errors_named(form) if form is not None and form.is_bound else [],
    }
    return render(request, "planning/targets.html", context)


@login_required
def targets(request):
    """Mục tiêu cơ cấu: shares of women, young and ethnic-minority people per term and level."""
    if request.method != "POST":
        return _targets_page(request)
    if not request.user.may(MANAGE):
        raise Http404
    form = TargetForm(request.POST, organizations=manage_scope(request.user))
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                target = services.target_set(
                    organization=data["organization"],
                    term=data["term"],
                    category=data["category"],
                    level=data["level"],
                    minimum_share=data["minimum_share"],
                    young_age=data["young_age"],
                    decision=form.decision(),
                    expected_version=data.get("version"),
                )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, f"Đã ghi nhận mục tiêu cơ cấu: {target}.")
            return redirect(f"{reverse('planning:targets')}?org={target.organization_id}")
    return _targets_page(request, form)


@login_required
def target_edit(request, pk: int):
    """Change a target's share (and young age) — administrators within their scope."""
    target = get_object_or_404(
        StructureTarget.objects.restrict(request.user, MANAGE).select_related(
            "organization", "term", "decision"
        ),
        pk=pk,
    )
    decision = target.decision
    form = TargetEditForm(
        request.POST or None,
        initial={
            "minimum_share": target.minimum_share,
            "young_age": target.young_age,
            "version": target.version,
            "decision_number": decision.number if decision else "",
            "decision_signed_on": decision.signed_on if decision else None,
            "decision_issuer": decision.issuer if decision else "",
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.target_set(
                    organization=target.organization,
                    term=target.term,
                    category=target.category,
                    level=target.level,
                    minimum_share=data["minimum_share"],
                    young_age=data["young_age"],
                    decision=form.decision(),
                    expected_version=data["version"],
                )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã sửa mục tiêu cơ cấu.")
            return redirect(f"{reverse('planning:targets')}?org={target.organization_id}")
    context = {
        "target": target,
        "organization_name": organization_name(target.organization, request.as_of),
        "form": form,
        "errors": errors_named(form) if form.is_bound else [],
    }
    return render(request, "planning/target_form.html", context)


def _terms_page(request, form=None):
    allowed = may_manage_terms(request.user, request.as_of)
    context = {
        "terms": PlanningTerm.objects.all(),
        "may_manage": allowed,
        "form": (form or TermForm()) if allowed else None,
        "errors": errors_named(form) if form is not None and form.is_bound else [],
        "standard": services.STANDARD_TERMS,
    }
    return render(request, "planning/terms.html", context)


@login_required
def terms(request):
    """Nhiệm kỳ quy hoạch: the terms, and a form for province administrators."""
    if request.method != "POST":
        return _terms_page(request)
    if not may_manage_terms(request.user, request.as_of):
        raise Http404
    form = TermForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            term = services.term_create(
                name=data["name"],
                track=data["track"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                counting_on=data["counting_on"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, f"Đã thêm nhiệm kỳ {term}.")
            return redirect("planning:terms")
    return _terms_page(request, form)


@login_required
def term_edit(request, pk: int):
    """Sửa nhiệm kỳ quy hoạch: dates and counting date (province administrators, as for
    creating a term); refused when a plan entry would fall outside the term."""
    if not may_manage_terms(request.user, request.as_of):
        raise Http404
    term = get_object_or_404(PlanningTerm, pk=pk)
    form = TermEditForm(
        request.POST or None,
        initial={
            "starts_on": term.starts_on,
            "ends_on": term.ends_on,
            "counting_on": term.counting_on,
            "version": term.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.term_update(
                term=term,
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                counting_on=data["counting_on"],
                expected_version=data["version"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, f"Đã sửa nhiệm kỳ {term}.")
            return redirect("planning:terms")
    context = {"term": term, "form": form, "errors": errors_named(form) if form.is_bound else []}
    return render(request, "planning/term_form.html", context)


@login_required
@require_POST
def terms_seed(request):
    """Create the four terms of the current and previous mandates when missing."""
    if not may_manage_terms(request.user, request.as_of):
        raise Http404
    created = services.terms_seed()
    messages.success(request, f"Đã có {len(created)} nhiệm kỳ chuẩn.")
    return redirect("planning:terms")
