"""A person's standing (ratings, votes, disciplines, flags), a vote's page, the person
search of the entry forms and the previews of what the rule derives from typed inputs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from tochuc.core.formatting import parse_vn_date
from tochuc.core.history import history_entries
from tochuc.core.rules import RuleNotInForce
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.organizations.pages import organization_name
from tochuc.ratings import rules, selectors, services
from tochuc.ratings.models import Category, ConfidenceVote


@login_required
def person(request, pk: int):
    """Đánh giá, tín nhiệm, kỷ luật of a person: the records of organizations in the user's
    scope, judged on the date being read, and the flags they raise then."""
    on = request.as_of
    found = get_object_or_404(
        selectors.visible_persons(user=request.user, on=on, action=VIEW), pk=pk
    )
    standing = selectors.person_standing(person=found, on=on, user=request.user)
    context = {
        "person": found,
        "standing": standing,
        "may_change": request.user.may(CHANGE),
        "history": history_entries(*standing.ratings, *standing.votes, *standing.disciplines),
    }
    return render(request, "ratings/person.html", context)


@login_required
def vote(request, pk: int):
    """A confidence vote: counts, quorum, share of low-confidence ballots, consequence and
    the rule it was judged by."""
    found = get_object_or_404(
        ConfidenceVote.objects.restrict(request.user).select_related(
            "person", "post", "organization"
        ),
        pk=pk,
    )
    context = {
        "vote": found,
        "outcome": selectors.vote_consequence(found),
        "organization_name": organization_name(found.organization, found.held_on),
        "history": history_entries(found),
        "may_change": request.user.may(CHANGE),
    }
    return render(request, "ratings/vote.html", context)


def _decimal(raw: str) -> Decimal | None:
    raw = (raw or "").strip().replace(",", ".")
    if not raw:
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


@login_required
def category_preview(request):
    """htmx: the category the rule of `year` derives from the typed score and shares."""
    raw_year = (request.GET.get("year") or "").strip()
    year = int(raw_year) if raw_year.isdigit() and 1900 < int(raw_year) < 3000 else None
    context: dict = {"year": year}
    if year is not None:
        try:
            rule = rules.rating_rule(year)
        except RuleNotInForce:
            rule = None
        context["rule"] = rule
        if rule is not None and rules.has_scale(rule):
            inputs = {
                name: _decimal(request.GET.get(name, ""))
                for name in ("score", "exceeded_share", "late_share")
            }
            derived = rules.derived_category(rule, **inputs)
            context["derived"] = Category(derived).label if derived else ""
            context["missing"] = [
                services.INPUT_LABELS[name]
                for name in ["score", *rules.needed_inputs(rule, inputs["score"])]
                if inputs[name] is None
            ]
    return render(request, "ratings/_category_preview.html", context)


def _count(raw: str) -> int | None:
    raw = (raw or "").strip()
    return int(raw) if raw.isdigit() else None


@login_required
def vote_preview(request):
    """htmx: quorum and consequence of the typed counts, by the rule of the typed date."""
    params = request.GET
    counts = {n: _count(params.get(n, "")) for n in ("summoned", "present", "high", "low")}
    counts["confidence"] = _count(params.get("confidence", ""))
    counts["invalid"] = _count(params.get("invalid", "")) or 0
    held_on: dt.date | None
    try:
        held_on = parse_vn_date(params.get("held_on", ""))
    except ValueError:
        held_on = None
    outcome = None
    if held_on and None not in counts.values():
        ballots = counts["high"] + counts["confidence"] + counts["low"] + counts["invalid"]
        outcome = rules.judge_vote(
            held_on=held_on,
            summoned=counts["summoned"],
            present=counts["present"],
            low=counts["low"],
            ballots=ballots,
        )
    return render(request, "ratings/_vote_preview.html", {"outcome": outcome})
