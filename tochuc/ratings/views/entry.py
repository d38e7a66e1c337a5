"""Writes: record a rating (person, organization) and correct it, record a confidence vote
and correct it, record a discipline and correct it. Each form page also takes the posts of
the list and person pages (`next` brings the user back there); a refusal shows the form
again with the rule's message."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from tochuc.cadres.models import Post
from tochuc.core.forms import errors_named, refused
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE
from tochuc.organizations.pages import change_scope, chosen_organization, organization_name
from tochuc.ratings import selectors, services
from tochuc.ratings.forms import (
    DisciplineEditForm,
    DisciplineEntryForm,
    OrganizationRatingForm,
    PersonRatingForm,
    RatingEditForm,
    VoteEditForm,
    VoteForm,
)
from tochuc.ratings.models import ConfidenceVote, Discipline, OrganizationRating, PersonRating
from tochuc.ratings.views.common import changeable_persons, chosen_year, next_url, picked_person


def _require_change(request) -> None:
    if not request.user.may(CHANGE):
        raise Http404


def _root_code(request, organizations) -> str:
    raw = (request.GET.get("org") or "").strip()
    if raw.isdigit():
        found = organizations.filter(pk=int(raw)).first()
        return found.code if found else ""
    own = request.user.organization_id
    found = organizations.filter(pk=own).first() if own else None
    return found.code if found else ""


def _form_page(request, form, *, title: str, kind: str, persons=None, extra=None):
    context = {
        "form": form,
        "title": title,
        "kind": kind,
        "errors": errors_named(form) if form.is_bound else [],
        "picked": picked_person(form, persons) if persons is not None else None,
        "next": request.POST.get("next") or request.GET.get("next") or "",
        **(extra or {}),
    }
    return render(request, "ratings/form.html", context)


@login_required
def person_rating_create(request):
    """Ghi nhận đánh giá, xếp loại cá nhân (`?person=`, `?org=`, `?year=` prefill)."""
    _require_change(request)
    persons, organizations = changeable_persons(request), change_scope(request.user)
    initial = {
        "person": request.GET.get("person", ""),
        "organization": _root_code(request, organizations),
        "year": chosen_year(request),
    }
    form = PersonRatingForm(
        request.POST or None, initial=initial, persons=persons, organizations=organizations
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rating = services.person_rating_record(
                person=data["person"],
                organization=data["organization"],
                year=data["year"],
                **form.inputs(),
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(
                request,
                f"Đã ghi nhận: {rating.person.full_name}, năm {rating.year} — "
                f"{rating.get_category_display()}.",
            )
            return redirect(next_url(request, reverse("ratings:person", args=[rating.person_id])))
    return _form_page(
        request, form, title="Ghi nhận đánh giá, xếp loại cá nhân", kind="rating", persons=persons
    )


@login_required
def organization_rating_create(request):
    """Ghi nhận đánh giá, xếp loại tổ chức (`?org=`, `?year=` prefill)."""
    _require_change(request)
    organizations = change_scope(request.user)
    initial = {"organization": _root_code(request, organizations), "year": chosen_year(request)}
    form = OrganizationRatingForm(
        request.POST or None, initial=initial, organizations=organizations
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rating = services.organization_rating_record(
                organization=data["organization"], year=data["year"], **form.inputs()
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(
                request,
                f"Đã ghi nhận: {rating.organization.code}, năm {rating.year} — "
                f"{rating.get_category_display()}.",
            )
            default = f"{reverse('ratings:organization_ratings')}?year={rating.year}"
            return redirect(next_url(request, default))
    return _form_page(request, form, title="Ghi nhận đánh giá, xếp loại tổ chức", kind="rating")


def _rating_edit(request, rating, *, title: str, done: str):
    decision = rating.decision
    initial = {
        "score": rating.score,
        "exceeded_share": rating.exceeded_share,
        "late_share": rating.late_share,
        "category": rating.category,
        "lowered_reason": rating.lowered_reason,
        "note": rating.note,
        "version": rating.version,
        "decision_number": decision.number if decision else "",
        "decision_signed_on": decision.signed_on if decision else None,
        "decision_issuer": decision.issuer if decision else "",
    }
    form = RatingEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.rating_update(
                rating=rating, expected_version=form.cleaned_data["version"], **form.inputs()
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã sửa kết quả đánh giá, xếp loại.")
            return redirect(done)
    extra = {"year": rating.year, "history": history_entries(rating), "record": rating}
    return _form_page(request, form, title=title, kind="rating", extra=extra)


@login_required
def person_rating_edit(request, pk: int):
    rating = get_object_or_404(
        PersonRating.objects.restrict(request.user, CHANGE).select_related("person", "decision"),
        pk=pk,
    )
    title = f"Sửa đánh giá năm {rating.year} — {rating.person.full_name} ({rating.organization})"
    done = reverse("ratings:person", args=[rating.person_id])
    return _rating_edit(request, rating, title=title, done=done)


@login_required
def organization_rating_edit(request, pk: int):
    rating = get_object_or_404(
        OrganizationRating.objects.restrict(request.user, CHANGE).select_related("decision"),
        pk=pk,
    )
    name = organization_name(rating.organization, request.as_of)
    title = f"Sửa đánh giá năm {rating.year} — {name}"
    done = (
        f"{reverse('ratings:organization_ratings')}?org={rating.organization_id}&year={rating.year}"
    )
    return _rating_edit(request, rating, title=title, done=done)


def _posts(request):
    """Posts a vote may name: those of organizations in the user's change scope, under the
    chosen subtree on the date."""
    root = chosen_organization(request)
    return (
        Post.objects.restrict(request.user, CHANGE)
        .filter(organization_id__in=selectors.placed(root=root, on=request.as_of))
        .select_related("organization")
        .order_by("organization__code", "title")
    )


@login_required
def vote_create(request):
    """Ghi nhận kết quả lấy phiếu tín nhiệm; the consequence and quorum are shown after."""
    _require_change(request)
    persons, organizations = changeable_persons(request), change_scope(request.user)
    initial = {
        "person": request.GET.get("person", ""),
        "organization": _root_code(request, organizations),
        "held_on": request.as_of,
        "invalid": 0,
    }
    form = VoteForm(
        request.POST or None,
        initial=initial,
        persons=persons,
        organizations=organizations,
        posts=_posts(request),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            vote = services.confidence_vote_record(**data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            outcome = selectors.vote_consequence(vote)
            messages.success(request, f"Đã ghi nhận kết quả lấy phiếu: {outcome.label}.")
            return redirect(next_url(request, reverse("ratings:vote", args=[vote.pk])))
    return _form_page(
        request, form, title="Ghi nhận kết quả lấy phiếu tín nhiệm", kind="vote", persons=persons
    )


@login_required
def discipline_create(request):
    """Ghi nhận quyết định kỷ luật (the decision is required)."""
    _require_change(request)
    persons, organizations = changeable_persons(request), change_scope(request.user)
    initial = {
        "person": request.GET.get("person", ""),
        "organization": _root_code(request, organizations),
        "decided_on": request.as_of,
    }
    form = DisciplineEntryForm(
        request.POST or None, initial=initial, persons=persons, organizations=organizations
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            discipline = services.discipline_record(
                person=data["person"],
                organization=data["organization"],
                form=data["form"],
                decided_on=data["decided_on"],
                decision=form.decision(),
                reason=data["reason"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, f"Đã ghi nhận kỷ luật: {discipline}.")
            default = reverse("ratings:person", args=[discipline.person_id])
            return redirect(next_url(request, default))
    return _form_page(request, form, title="Ghi nhận kỷ luật", kind="discipline", persons=persons)


@login_required
def vote_edit(request, pk: int):
    """Sửa kết quả lấy phiếu tín nhiệm (figures, date, post) of a vote in the change scope;
    checked again as when recorded, the consequence judged again by the rule of the day."""
    vote = get_object_or_404(
        ConfidenceVote.objects.restrict(request.user, CHANGE).select_related(
            "person", "post", "organization"
        ),
        pk=pk,
    )
    initial = {
        "post": vote.post_id,
        "held_on": vote.held_on,
        "summoned": vote.summoned,
        "present": vote.present,
        "high": vote.high,
        "confidence": vote.confidence,
        "low": vote.low,
        "invalid": vote.invalid,
        "version": vote.version,
    }
    # The posts the person may be voted on for: those in the change scope, and the one the
    # vote names (a vote of the scope always names a post of its own organization's tree).
    posts = Post.objects.restrict(request.user, CHANGE).select_related("organization")
    posts = posts.order_by("organization__code", "title")
    form = VoteEditForm(request.POST or None, initial=initial, posts=posts)
    if request.method == "POST" and form.is_valid():
        try:
            vote = services.confidence_vote_update(
                vote=vote, expected_version=form.cleaned_data["version"], **form.figures()
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            outcome = selectors.vote_consequence(vote)
            messages.success(request, f"Đã sửa kết quả lấy phiếu: {outcome.label}.")
            return redirect(next_url(request, reverse("ratings:vote", args=[vote.pk])))
    title = (
        f"Sửa kết quả lấy phiếu tín nhiệm — {vote.person.full_name} "
        f"({organization_name(vote.organization, vote.held_on)})"
    )
    extra = {"history": history_entries(vote), "correcting": True}
    return _form_page(request, form, title=title, kind="vote", extra=extra)


@login_required
def discipline_edit(request, pk: int):
    """Sửa quyết định kỷ luật (form, date, decision, reason) of a discipline in the change
    scope; checked again as when recorded."""
    discipline = get_object_or_404(
        Discipline.objects.restrict(request.user, CHANGE).select_related(
            "person", "decision", "organization"
        ),
        pk=pk,
    )
    decision = discipline.decision
    initial = {
        "form": discipline.form,
        "decided_on": discipline.decided_on,
        "reason": discipline.reason,
        "decision_number": decision.number,
        "decision_signed_on": decision.signed_on,
        "decision_issuer": decision.issuer,
        "version": discipline.version,
    }
    form = DisciplineEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            discipline = services.discipline_update(
                discipline=discipline,
                form=data["form"],
                decided_on=data["decided_on"],
                decision=form.decision(),
                reason=data["reason"],
                expected_version=data["version"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, f"Đã sửa quyết định kỷ luật: {discipline}.")
            default = reverse("ratings:person", args=[discipline.person_id])
            return redirect(next_url(request, default))
    title = (
        f"Sửa quyết định kỷ luật — {discipline.person.full_name} "
        f"({organization_name(discipline.organization, discipline.decided_on)})"
    )
    extra = {"history": history_entries(discipline), "correcting": True}
    return _form_page(request, form, title=title, kind="discipline", extra=extra)
