"""Figures of a subtree for a year and the lists behind them: ratings of persons and of
organizations by category, confidence votes by consequence, disciplines in force."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from tochuc.core.formatting import vn_date
from tochuc.core.scoping import CHANGE
from tochuc.core.tabular import export_format, table_response
from tochuc.organizations.pages import change_scope, chosen_organization, organization_name
from tochuc.ratings import selectors, tables
from tochuc.ratings.forms import OrganizationRatingForm, PersonRatingForm
from tochuc.ratings.models import Category, Discipline
from tochuc.ratings.rules import CONSEQUENCE_LABELS
from tochuc.ratings.services import rule_source_for_year
from tochuc.ratings.views.common import changeable_persons, chosen_year


def _base(request) -> dict:
    root = chosen_organization(request)
    year = chosen_year(request)
    return {
        "root": root,
        "root_name": organization_name(root, request.as_of),
        "year": year,
        "years": list(range(request.as_of.year, request.as_of.year - 6, -1)),
        "rule_source": rule_source_for_year(year),
        "may_change": request.user.may(CHANGE),
    }


def _label(category: str) -> str:
    """«: hoàn thành tốt nhiệm vụ» for a chosen category, else nothing."""
    return f": {Category(category).label.lower()}" if category else ""


def _export(request, context: dict, *, name: str, title: str, columns, rows):
    """A list of the ratings pages as a file, its title naming the subtree."""
    return table_response(
        request, name=name, title=f"{title} — {context['root_name']}", columns=columns, rows=rows
    )


def _category(request) -> str:
    category = request.GET.get("category", "")
    if category and category not in Category.values:
        raise Http404("Mức xếp loại không xác định.")
    return category


@login_required
def overview(request):
    """Đánh giá, xếp loại năm Y of a subtree: persons (người, lượt) and organizations by
    category, persons by category per organization directly under the chosen one, the
    year's confidence votes by consequence, disciplines in force on the date."""
    context = _base(request)
    root, year, on = context["root"], context["year"], request.as_of
    user = request.user
    context.update(
        figures=selectors.rating_figures(root=root, year=year, on=on, user=user),
        children=selectors.person_ratings_by_child(root=root, year=year, on=on, user=user),
        categories=list(Category),
        votes=selectors.vote_summary(root=root, year=year, on=on, user=user),
        consequences=[(c, CONSEQUENCE_LABELS[c]) for c in selectors.CONSEQUENCES],
        disciplined=selectors.disciplined_count(on=on, root=root, user=user),
        active="overview",
    )
    return render(request, "ratings/overview.html", context)


@login_required
def person_ratings(request):
    """Kết quả đánh giá, xếp loại cá nhân năm Y (`?category=` for one level, `?direct=1` for
    the ratings by the chosen organization itself), with the entry form for editors."""
    context = _base(request)
    root, year = context["root"], context["year"]
    category = _category(request)
    direct = request.GET.get("direct") == "1"
    ratings = selectors.person_ratings_in(
        root=root,
        year=year,
        on=request.as_of,
        user=request.user,
        category=category,
        direct=direct,
    ).order_by("person__name_folded", "person_id", "organization__code")
    if export_format(request):
        scope = " (do chính tổ chức này đánh giá)" if direct else ""
        return _export(
            request,
            context,
            name="xep-loai-ca-nhan",
            title=f"Kết quả đánh giá, xếp loại cá nhân năm {year}{_label(category)}{scope}",
            columns=tables.PERSON_RATINGS,
            rows=ratings,
        )
    context.update(
        category=category,
        category_label=Category(category).label if category else "",
        direct=direct,
        page=Paginator(ratings, 100).get_page(request.GET.get("page")),
        active="persons",
    )
    if context["may_change"]:
        organizations = change_scope(request.user)
        context["form"] = PersonRatingForm(
            initial={"year": year, "organization": _code_if(root, organizations)},
            persons=changeable_persons(request),
            organizations=organizations,
        )
    return render(request, "ratings/person_ratings.html", context)


def _code_if(root, organizations) -> str:
    return root.code if organizations.filter(pk=root.pk).exists() else ""


@login_required
def organization_ratings(request):
    """Kết quả đánh giá, xếp loại tổ chức năm Y, with the entry form for editors."""
    context = _base(request)
    root, year = context["root"], context["year"]
    category = _category(request)
    ratings = selectors.organization_ratings_in(
        root=root, year=year, on=request.as_of, user=request.user, category=category
    ).order_by("organization_name", "organization__code")
    if export_format(request):
        return _export(
            request,
            context,
            name="xep-loai-to-chuc",
            title=f"Kết quả đánh giá, xếp loại tổ chức năm {year}{_label(category)}",
            columns=tables.ORGANIZATION_RATINGS,
            rows=ratings,
        )
    context.update(
        category=category,
        category_label=Category(category).label if category else "",
        ratings=ratings,
        active="organizations",
    )
    if context["may_change"]:
        context["form"] = OrganizationRatingForm(
            initial={"year": year}, organizations=change_scope(request.user)
        )
    return render(request, "ratings/organization_ratings.html", context)


@login_required
def votes(request):
    """Lấy phiếu tín nhiệm năm Y: the summary and the votes (`?consequence=` for one)."""
    context = _base(request)
    root, year = context["root"], context["year"]
    consequence = request.GET.get("consequence", "")
    if consequence and consequence not in CONSEQUENCE_LABELS:
        raise Http404("Kết quả không xác định.")
    found = selectors.votes_in(
        root=root,
        start=dt.date(year, 1, 1),
        end=dt.date(year, 12, 31),
        on=request.as_of,
        user=request.user,
        consequence=consequence,
    ).order_by("-held_on", "person__name_folded", "id")
    if export_format(request):
        label = CONSEQUENCE_LABELS.get(consequence, "")
        return _export(
            request,
            context,
            name="lay-phieu-tin-nhiem",
            title=f"Lấy phiếu tín nhiệm năm {year}" + (f": {label.lower()}" if label else ""),
            columns=tables.VOTES,
            rows=found,
        )
    page = Paginator(found, 100).get_page(request.GET.get("page"))
    for vote in page:
        vote.judged = selectors.vote_consequence(vote)
    context.update(
        consequence=consequence,
        consequence_label=CONSEQUENCE_LABELS.get(consequence, ""),
        summary=selectors.vote_summary(root=root, year=year, on=request.as_of, user=request.user),
        consequences=[(c, CONSEQUENCE_LABELS[c]) for c in selectors.CONSEQUENCES],
        page=page,
        active="votes",
    )
    return render(request, "ratings/votes.html", context)


@login_required
def disciplines(request):
    """Kỷ luật: those still within their reconsideration period on the date (default), or
    every discipline decided by the subtree's organizations (`?all=1`)."""
    context = _base(request)
    root, on = context["root"], request.as_of
    show_all = request.GET.get("all") == "1"
    if show_all:
        found = Discipline.objects.restrict(request.user).filter(
            organization_id__in=selectors.placed(root=root, on=on)
        )
    else:
        found = selectors.disciplines_in_force(on=on, root=root, user=request.user)
    found = (
        found.select_related("person", "decision")
        .annotate(organization_name=selectors.name_at(on))
        .order_by("-decided_on", "person__name_folded", "id")
    )
    if export_format(request):
        which = "mọi quyết định" if show_all else f"còn trong thời hạn ngày {vn_date(on)}"
        return _export(
            request,
            context,
            name="ky-luat",
            title=f"Kỷ luật ({which})",
            columns=tables.discipline_columns(on),
            rows=found,
        )
    page = Paginator(found, 100).get_page(request.GET.get("page"))
    for discipline in page:
        discipline.reconsider_from = selectors.reconsider_from(discipline, on)
    context.update(show_all=show_all, page=page, active="disciplines")
    return render(request, "ratings/disciplines.html", context)
