"""Pages of the checks and figures: removal candidates (flagged, never removed), the structure
of a plan and of a committee against the targets, with the people behind each share."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from tochuc.core.formatting import vn_date
from tochuc.core.tabular import export_format, table_response
from tochuc.organizations.pages import chosen_organization, organization_name
from tochuc.planning import selectors, tables
from tochuc.planning.forms import CandidateFilterForm, StructureFilterForm
from tochuc.planning.models import Level, PlanningTerm, StructureCategory
from tochuc.planning.selectors import REASON_KINDS
from tochuc.planning.structure import committee_structure, plan_structure
from tochuc.planning.views.common import chosen_term


def _context(request, active: str) -> dict:
    root = chosen_organization(request)
    return {
        "root": root,
        "root_name": organization_name(root, request.as_of),
        "active": active,
        "term": chosen_term(request),
    }


@login_required
def candidates(request):
    """Đề nghị đưa ra khỏi quy hoạch: planned persons whom a rule in force on the date puts
    out of the plan (over age, disciplined, low confidence), each reason with its source.
    The list is a flag for the department; nothing is removed automatically."""
    context = _context(request, "candidates")
    kind = request.GET.get("kind", "")
    kind = kind if kind in REASON_KINDS else None
    found = selectors.removal_candidates(
        root=context["root"],
        on=request.as_of,
        user=request.user,
        term=context["term"],
        kind=kind,
    )
    if export_format(request):
        return table_response(
            request,
            name="de-nghi-dua-ra-quy-hoach",
            title=f"Đề nghị đưa ra khỏi quy hoạch — {context['root_name']}, "
            f"ngày {vn_date(request.as_of)}",
            columns=tables.CANDIDATES,
            rows=found,
        )
    context |= {"form": CandidateFilterForm(request.GET or None), "candidates": found}
    return render(request, "planning/candidates.html", context)


def _with_term(request, term):
    """The filters as asked, with the term the report actually uses."""
    data = request.GET.copy()
    if term is not None:
        data["term"] = str(term.pk)
    return data


def _category(request) -> str | None:
    raw = request.GET.get("category", "")
    return raw if raw in StructureCategory.values else None


def _share_export(request, drill, subject: str):
    """The people behind a share of a structure report as a file (`?category=` chosen)."""
    if drill is None:
        raise Http404("Hãy chọn một cơ cấu để xuất danh sách người.")
    return table_response(
        request,
        name="co-cau",
        title=f"{drill.label} — {subject}, ngày {vn_date(request.as_of)}",
        columns=tables.PERSONS,
        rows=drill.persons,
    )


@login_required
def structure(request):
    """Cơ cấu quy hoạch: shares of women, young and ethnic-minority people among the persons
    planned in a term for the subtree's posts of one level, against the targets; `?category=`
    lists the people behind a share."""
    context = _context(request, "structure")
    on = request.as_of
    term = context["term"] or selectors.default_term(on)
    level = request.GET.get("level", "")
    level = level if level in Level.values else None
    report = (
        plan_structure(root=context["root"], term=term, on=on, user=request.user, level=level)
        if term
        else None
    )
    category = _category(request)
    drill = report.share(category) if report and category else None
    if export_format(request):
        return _share_export(request, drill, f"{context['root_name']}, nhiệm kỳ {term}")
    context |= {
        "form": StructureFilterForm(_with_term(request, term)),
        "term": term,
        "report": report,
        "category": category,
        "drill": drill,
        "query_string": urlencode(
            {"org": context["root"].pk, "term": term.pk if term else "", "level": level or ""}
        ),
    }
    return render(request, "planning/structure.html", context)


@login_required
def committee(request):
    """Cơ cấu cấp ủy: the executive committee (BCH) of the chosen organization on the date
    against the party term's targets; `?category=` lists the people behind a share."""
    context = _context(request, "committee")
    on = request.as_of
    term = context["term"]
    if term is None or term.track != PlanningTerm.Track.PARTY:
        term = None
    report = committee_structure(organization=context["root"], on=on, user=request.user, term=term)
    category = _category(request)
    drill = report.share(category) if category else None
    if export_format(request):
        return _share_export(request, drill, f"BCH {context['root_name']}")
    context |= {
        "terms": PlanningTerm.objects.filter(track=PlanningTerm.Track.PARTY),
        "term": report.term,
        "report": report,
        "category": category,
        "drill": drill,
        "query_string": urlencode({"org": context["root"].pk, "term": term.pk if term else ""}),
    }
    return render(request, "planning/committee.html", context)
