"""Pages of the plan: the list of a subtree, its posts, a post's plan with the add and remove
forms, and the person search of the add form. Thin: parse, call a selector or service, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tochuc.cadres.models import Body, Post
from tochuc.core.formatting import vn_date
from tochuc.core.forms import refused
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.core.tabular import export_format, table_response
from tochuc.organizations.pages import chosen_organization, may_change, organization_name
from tochuc.people.models import Person
from tochuc.planning import selectors, services, tables
from tochuc.planning.filtersets import PlanEntryFilterSet
from tochuc.planning.forms import PlanAddForm, PlanFilterForm, PlanRemoveForm, TermFilterForm
from tochuc.planning.models import PlanEntry, PlanningTerm
from tochuc.planning.rules import SOURCE_377
from tochuc.planning.views.common import chosen_term


def _base(request, active: str) -> dict:
    root = chosen_organization(request)
    return {
        "root": root,
        "root_name": organization_name(root, request.as_of),
        "active": active,
        "term": chosen_term(request),
    }


def _term_text(term: PlanningTerm | None, on) -> str:
    """«ngày 04/12/2025, nhiệm kỳ 2025–2030» (or «…, các nhiệm kỳ chưa kết thúc»)."""
    return f"ngày {vn_date(on)}, " + (f"nhiệm kỳ {term}" if term else "các nhiệm kỳ chưa kết thúc")


@login_required
def plan_list(request):
    """Danh sách quy hoạch of a subtree on the date: one row per entry (a person planned for
    two posts has two rows), filtered by term, post and name."""
    context = _base(request, "list")
    root, on, term = context["root"], request.as_of, context["term"]
    entries = selectors.plan_entries(root=root, on=on, user=request.user, term=term)
    if term is None:
        entries = entries.filter(term__ends_on__gte=on)
    posts = selectors.posts_with_plans(root=root, on=on, user=request.user, term=term).filter(
        planned__gt=0
    )
    form = PlanFilterForm(request.GET or None, posts=posts.select_related("organization"))
    filterset = PlanEntryFilterSet(
        {k: v for k, v in request.GET.items() if k in ("post", "q")},
        queryset=entries.order_by("organization_name", "post__title", "person__name_folded"),
        request=request,
    )
    if export_format(request):
        return table_response(
            request,
            name="quy-hoach",
            title=f"Quy hoạch cán bộ — {context['root_name']}, {_term_text(term, on)}",
            columns=tables.ENTRIES,
            rows=filterset.qs,
        )
    page = Paginator(filterset.qs, 100).get_page(request.GET.get("page"))
    context |= {"form": form, "page": page, "count": page.paginator.count}
    return render(request, "planning/list.html", context)


@login_required
def post_list(request):
    """Chức danh of a subtree with the number of people planned for each on the date."""
    context = _base(request, "posts")
    root, on, term = context["root"], request.as_of, context["term"]
    posts = selectors.posts_with_plans(root=root, on=on, user=request.user, term=term)
    body = request.GET.get("body", "")
    if body in Body.values:
        posts = posts.filter(body=body)
    if export_format(request):
        return table_response(
            request,
            name="chuc-danh-quy-hoach",
            title=f"Chức danh và số người quy hoạch — {context['root_name']}, "
            f"{_term_text(term, on)}",
            columns=tables.POSTS,
            rows=posts,
        )
    context |= {
        "form": TermFilterForm(request.GET or None),
        "page": Paginator(posts, 100).get_page(request.GET.get("page")),
        "bodies": Body.choices,
        "body": body,
    }
    return render(request, "planning/posts.html", context)


def _post(request, pk: int, action: str) -> Post:
    return get_object_or_404(
        Post.objects.restrict(request.user, action).select_related("organization"), pk=pk
    )


def _persons(request):
    return Person.objects.restrict(request.user, CHANGE, on=request.as_of)


def _terms(on):
    return selectors.open_terms(on)


def _post_page(request, post: Post, bound: dict | None = None):
    """A post's plan on the date, per term; editors get the add and remove forms."""
    on, term = request.as_of, chosen_term(request)
    plan = selectors.post_plan(post=post, on=on, term=term)
    editable = may_change(request.user, post.organization_id)
    bound = bound or {}
    context = {
        "post": post,
        "organization_name": organization_name(post.organization, on),
        "body_label": Body(post.body).label,
        "plan": plan,
        "term": term,
        "terms": PlanningTerm.objects.all(),
        "may_change": editable,
        "source": SOURCE_377,
        "history": history_entries(*plan.active, *plan.removed, *plan.upcoming),
    }
    if editable:
        default = term or selectors.default_term(on)
        context["add_form"] = bound.get("add") or PlanAddForm(
            initial={"added_on": on, "term": default},
            persons=_persons(request),
            terms=_terms(on),
            auto_id="add_%s",
        )
        context["picked"] = getattr(context["add_form"], "cleaned_data", {}).get("person")
        context["remove_rows"] = [
            (
                e,
                bound.get(("remove", e.pk))
                or PlanRemoveForm(
                    initial={"removed_on": on, "version": e.version}, auto_id=f"remove{e.pk}_%s"
                ),
            )
            for e in plan.active
        ]
    else:
        context["remove_rows"] = [(e, None) for e in plan.active]
    return render(request, "planning/post.html", context)


@login_required
def post_detail(request, pk: int):
    """Quy hoạch chức danh: who is planned for the post on the date and who was."""
    return _post_page(request, _post(request, pk, VIEW))


@login_required
@require_POST
def post_add(request, pk: int):
    """Phê duyệt quy hoạch: add a person to the post's plan; refusals name their source."""
    post = _post(request, pk, CHANGE)
    form = PlanAddForm(
        request.POST, persons=_persons(request), terms=_terms(request.as_of), auto_id="add_%s"
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                entry = services.plan_add(
                    term=data["term"],
                    post=post,
                    person=data["person"],
                    added_on=data["added_on"],
                    decision=form.decision(),
                )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(
                request, f"Đã đưa {entry.person} vào quy hoạch chức danh {post.title}."
            )
            return redirect("planning:post", pk=post.pk)
    return _post_page(request, post, bound={"add": form})


@login_required
@require_POST
def entry_remove(request, pk: int):
    """Đưa ra khỏi quy hoạch: dated, with the reason; the entry is kept."""
    entry = get_object_or_404(
        PlanEntry.objects.restrict(request.user, CHANGE).select_related("post__organization"),
        pk=pk,
    )
    form = PlanRemoveForm(request.POST, auto_id=f"remove{entry.pk}_%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.plan_remove(
                    entry=entry,
                    removed_on=data["removed_on"],
                    reason=data["reason"],
                    decision=form.decision(),
                    expected_version=data["version"],
                )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, f"Đã đưa {entry.person} ra khỏi quy hoạch.")
            return redirect("planning:post", pk=entry.post_id)
    return _post_page(request, entry.post, bound={("remove", entry.pk): form})
