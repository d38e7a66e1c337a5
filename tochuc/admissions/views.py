"""Pages of the admission pipeline: candidates, targets, progress. Thin: parse, call, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from tochuc.admissions import selectors, services, tables
from tochuc.admissions.filtersets import AdmissionTargetFilterSet, CandidateFilterSet
from tochuc.admissions.forms import (
    AdmitForm,
    CandidateForm,
    StepForm,
    TargetEditForm,
    TargetForm,
    WithdrawForm,
)
from tochuc.admissions.models import AdmissionTarget, Candidate, TargetKind
from tochuc.core.dating import day_before
from tochuc.core.formatting import vn_date
from tochuc.core.forms import refused
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE
from tochuc.core.services import decision_cite
from tochuc.core.tabular import export_format, table_response
from tochuc.organizations.pages import chosen_organization, organization_name
from tochuc.organizations.selectors import subtree_ids


def decision_from(data) -> object | None:
    """The cited decision, or None when the form left the citation empty."""
    if not data.get("decision_number"):
        return None
    return decision_cite(
        number=data["decision_number"],
        signed_on=data["decision_signed_on"],
        issuer=data["decision_issuer"],
    )


@login_required
def candidate_list(request):
    """Quần chúng ưu tú of a subtree, by step."""
    root = chosen_organization(request)
    candidates = selectors.candidates_in(root=root, on=request.as_of, user=request.user)
    filterset = CandidateFilterSet(request.GET, queryset=candidates.order_by("person__name_folded"))
    root_name = organization_name(root, request.as_of)
    if export_format(request):
        return table_response(
            request,
            name="quan-chung-uu-tu",
            title=f"Quần chúng ưu tú — {root_name}, ngày {vn_date(request.as_of)}",
            columns=tables.CANDIDATES,
            rows=filterset.qs,
        )
    context = {
        "root": root,
        "root_name": root_name,
        "filterset": filterset,
        "candidates": filterset.qs[:500],
        "may_change": request.user.may(CHANGE),
    }
    return render(request, "admissions/candidate_list.html", context)


@login_required
def candidate_create(request):
    """Giới thiệu quần chúng ưu tú: a new person considered by a party organization."""
    if not request.user.may(CHANGE):
        raise Http404
    form = CandidateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            candidate = services.candidate_register(
                full_name=data["full_name"],
                sex=data["sex"],
                date_of_birth=data["date_of_birth"],
                organization=data["organization"],
                course_passed_on=data["course_passed_on"],
                note=data["note"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã ghi nhận quần chúng ưu tú.")
            return redirect("admissions:candidate_detail", pk=candidate.pk)
    return render(
        request, "admissions/form.html", {"form": form, "title": "Giới thiệu quần chúng ưu tú"}
    )


def _candidate_forms(candidate: Candidate, bound=None) -> dict:
    """The forms of the candidate page, one per step, with `bound` (a refused form) in place."""
    decision = candidate.committee_decision
    citation = {
        "decision_number": decision.number if decision else "",
        "decision_signed_on": decision.signed_on if decision else None,
        "decision_issuer": decision.issuer if decision else "",
    }
    forms = {}
    for step, (field, label) in services.STEPS.items():
        initial = {"step": step, "on": getattr(candidate, field), "version": candidate.version}
        if step == "decision":
            initial |= citation
        form = StepForm(initial=initial, prefix=step)
        form.title = label
        forms[step] = form
    forms["admit"] = AdmitForm(initial={"version": candidate.version, **citation}, prefix="admit")
    forms["withdraw"] = WithdrawForm(initial={"version": candidate.version}, prefix="withdraw")
    if bound is not None:
        bound.title = getattr(forms[bound.prefix], "title", "")
        forms[bound.prefix] = bound
    return forms


def _candidate_page(request, candidate: Candidate, bound=None, status: int = 200):
    timeline = [(label, getattr(candidate, field)) for field, label in services.STEPS.values()]
    expiry = (
        services.certificate_expiry(candidate.course_passed_on, request.as_of)
        if candidate.course_passed_on
        else None
    )
    valid_until = day_before(expiry) if expiry else None
    context = {
        "candidate": candidate,
        "organization_name": organization_name(candidate.organization, request.as_of),
        "timeline": timeline,
        "certificate_valid_until": valid_until,
        "forms": _candidate_forms(candidate, bound),
        "may_change": request.user.may(CHANGE) and candidate.is_open,
        "history": history_entries(candidate),
    }
    return render(request, "admissions/candidate_detail.html", context, status=status)


@login_required
def candidate_detail(request, pk: int):
    candidate = get_object_or_404(
        Candidate.objects.restrict(request.user).select_related(
            "person", "organization", "committee_decision", "admission_event__decision"
        ),
        pk=pk,
    )
    return _candidate_page(request, candidate)


@login_required
def candidate_update(request, pk: int):
    """One step of the pipeline, «Kết nạp» or «Dừng xem xét», posted from the candidate page."""
    candidate = get_object_or_404(Candidate.objects.restrict(request.user, CHANGE), pk=pk)
    if request.method != "POST":
        return redirect("admissions:candidate_detail", pk=pk)
    action = request.POST.get("action", "")
    if action in services.STEPS:
        form = StepForm(request.POST, prefix=action)
    elif action == "admit":
        form = AdmitForm(request.POST, prefix="admit")
    elif action == "withdraw":
        form = WithdrawForm(request.POST, prefix="withdraw")
    else:
        raise Http404
    if form.is_valid():
        data = form.cleaned_data
        try:
            if action == "admit":
                services.candidate_admit(
                    candidate=candidate,
                    effective_on=data["effective_on"],
                    decision=decision_from(data),
                    recorded_by=request.user,
                    provincial_approval=data["provincial_approval"],
                    expected_version=data["version"],
                )
            elif action == "withdraw":
                services.candidate_withdraw(
                    candidate=candidate,
                    on=data["on"],
                    reason=data["reason"],
                    expected_version=data["version"],
                )
            else:
                services.candidate_step(
                    candidate=candidate,
                    step=action,
                    on=data["on"],
                    decision=decision_from(data),
                    expected_version=data["version"],
                )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã ghi nhận.")
            return redirect("admissions:candidate_detail", pk=pk)
    candidate.refresh_from_db()
    return _candidate_page(request, candidate, bound=form)


@login_required
def target_list(request):
    """Chỉ tiêu kết nạp of the organizations in a subtree (as of the chosen date)."""
    root = chosen_organization(request)
    targets = (
        AdmissionTarget.objects.restrict(request.user)
        .filter(organization_id__in=subtree_ids(root=root, on=request.as_of))
        .select_related("organization", "decision")
        .annotate(organization_name=selectors.latest_organization_name())
        .order_by("kind", "-starts_on", "organization__code")
    )
    filterset = AdmissionTargetFilterSet(request.GET, queryset=targets)
    root_name = organization_name(root, request.as_of)
    if export_format(request):
        return table_response(
            request,
            name="chi-tieu-ket-nap",
            title=f"Chỉ tiêu kết nạp — {root_name}",
            columns=tables.TARGETS,
            rows=filterset.qs,
        )
    context = {
        "root": root,
        "root_name": root_name,
        "filterset": filterset,
        "targets": filterset.qs,
        "may_change": request.user.may(CHANGE),
    }
    return render(request, "admissions/target_list.html", context)


@login_required
def target_create(request):
    """Giao chỉ tiêu kết nạp (creates, or replaces the existing one of that period)."""
    if not request.user.may(CHANGE):
        raise Http404
    form = TargetForm(request.POST or None, initial={"kind": TargetKind.YEAR}, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            target = services.target_set(
                organization=data["organization"],
                kind=data["kind"],
                year=data["year"],
                term=data["term"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                count=data["count"],
                decision=decision_from(data),
                expected_version=data["version"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã ghi nhận chỉ tiêu kết nạp.")
            return redirect(f"{_targets_url()}?org={target.organization_id}")
    return render(request, "admissions/form.html", {"form": form, "title": "Giao chỉ tiêu kết nạp"})


def _targets_url() -> str:
    return reverse("admissions:target_list")


@login_required
def target_edit(request, pk: int):
    target = get_object_or_404(
        AdmissionTarget.objects.restrict(request.user, CHANGE).select_related("decision"), pk=pk
    )
    decision = target.decision
    form = TargetEditForm(
        request.POST or None,
        initial={
            "count": target.count,
            "starts_on": target.starts_on,
            "ends_on": target.ends_on,
            "version": target.version,
            "decision_number": decision.number if decision else "",
            "decision_signed_on": decision.signed_on if decision else None,
            "decision_issuer": decision.issuer if decision else "",
        },
    )
    if target.kind == TargetKind.YEAR:
        del form.fields["starts_on"], form.fields["ends_on"]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.target_update(
                target=target,
                count=data["count"],
                decision=decision_from(data),
                starts_on=data.get("starts_on"),
                ends_on=data.get("ends_on"),
                expected_version=data["version"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã sửa chỉ tiêu kết nạp.")
            return redirect(f"{_targets_url()}?org={target.organization_id}")
    title = f"Sửa chỉ tiêu kết nạp {target.period_label} — {target.organization.code}"
    return render(request, "admissions/form.html", {"form": form, "title": title})


@login_required
def progress(request):
    """Kết nạp N, đạt P% chỉ tiêu năm YYYY (đến dd/mm/yyyy), with the admissions behind N."""
    root = chosen_organization(request)
    on = request.as_of
    term = request.GET.get("term", "").strip()
    year_raw = request.GET.get("year", "").strip()
    year = int(year_raw) if year_raw.isdigit() and 1900 < int(year_raw) < 3000 else None
    if not term or not services.TERM_PATTERN.match(term):
        term = ""
        year = year or on.year
    restated = request.GET.get("as_then") != "1"
    result = selectors.admission_progress(
        root=root, on=on, year=year if not term else None, term=term, restated=restated,
        user=request.user,
    )  # fmt: skip
    events = selectors.admission_drilldown(result.events)
    if export_format(request):
        return table_response(
            request,
            name="ket-nap",
            title=f"{result.sentence} — {organization_name(root, on)}",
            columns=tables.ADMISSIONS,
            rows=events,
        )
    terms = (
        AdmissionTarget.objects.restrict(request.user)
        .filter(kind=TargetKind.TERM)
        .order_by("term")
        .values_list("term", flat=True)
        .distinct()
    )
    context = {
        "root": root,
        "root_name": organization_name(root, on),
        "progress": result,
        "events": events,
        "year": year,
        "term": term,
        "terms": terms,
        "restated": restated,
    }
    return render(request, "admissions/progress.html", context)
