"""Quarterly report pages: preview, draft downloads, issue (freeze), issued reports and what
changed since."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tochuc.core.forms import errors_named, refused
from tochuc.core.scoping import VIEW
from tochuc.organizations.models import Organization
from tochuc.organizations.pages import chosen_organization, may_change
from tochuc.reports import quarterly, selectors, services
from tochuc.reports.forms import ReportForm

DOCUMENT_FORMATS = (
    ("docx", "Word (DOCX)"),
    ("xlsx", "Excel (XLSX)"),
    ("pdf", "PDF"),
    ("json", "JSON"),
)


def _form(request, data):
    return ReportForm(data, organizations=Organization.objects.restrict(request.user, VIEW))


def _initial(request) -> dict:
    root = chosen_organization(request)
    return {"ma": root.code, "quarter": str(quarterly.Quarter.of(request.as_of))}


def _attachment(result: services.Export) -> HttpResponse:
    response = HttpResponse(result.data, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    return response


@login_required
def report_list(request):
    """The report form with a preview of the figures and sentences, and the issued reports."""
    data = request.GET if "quarter" in request.GET else None
    form = _form(request, data or _initial(request))
    context = {"form": form, "errors": []}
    if form.is_valid():
        c = form.cleaned_data
        try:
            content = services.build(
                root=c["ma"], quarter=c["quarter"], on=c["on"], user=request.user, tasks=c["tasks"]
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            context |= _preview(content) | {
                "root": c["ma"],
                "may_issue": may_change(request.user, c["ma"]),
            }
    context["errors"] = errors_named(form) if form.is_bound else []
    context["issued"] = selectors.issued_reports(request.user)[:50]
    return render(request, "reports/report_list.html", context)


def _preview(content: dict) -> dict:
    return {
        "formats": DOCUMENT_FORMATS,
        "quarter_label": quarterly.Quarter.parse(content["quarter"]).label,
        "content": content,
        "sentences": quarterly.sentences(content),
        "figures": list(content["figures"].values()),
        "tables": content["tables"],
    }


@login_required
@require_POST
def draft(request):
    """Download the report as it stands now (docx, xlsx, pdf, json), without issuing it."""
    form = _form(request, request.POST)
    fmt = request.POST.get("format", "")
    if fmt not in services.FORMATS or not form.is_valid():
        raise Http404("Tham số báo cáo không hợp lệ.")
    c = form.cleaned_data
    try:
        content = services.build(
            root=c["ma"], quarter=c["quarter"], on=c["on"], user=request.user, tasks=c["tasks"]
        )
    except ValidationError as exc:
        raise Http404(exc.messages[0]) from exc
    return _attachment(
        services.export(
            content=content,
            fmt=fmt,
            user=request.user,
            number=c["number"],
            signer_name=c["signer_name"],
        )
    )


@login_required
@require_POST
def issue(request):
    """Freeze the report as a snapshot and show it."""
    form = _form(request, request.POST)
    if not form.is_valid():
        messages.error(request, "; ".join(errors_named(form)))
        return redirect("reports:list")
    c = form.cleaned_data
    try:
        report = services.issue(
            user=request.user,
            root=c["ma"],
            quarter=c["quarter"],
            on=c["on"],
            tasks=c["tasks"],
            number=c["number"],
            signer_name=c["signer_name"],
        )
    except PermissionDenied as exc:
        raise Http404(str(exc)) from exc
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("reports:list")
    messages.success(request, "Đã phát hành báo cáo; số liệu được chốt tại thời điểm này.")
    return redirect("reports:detail", pk=report.pk)


@login_required
def detail(request, pk: int):
    """An issued report: its frozen figures, and what changed since (same parameters, today's
    data)."""
    report = get_object_or_404(selectors.issued_reports(request.user), pk=pk)
    changes = selectors.changes_since(report, request.user)
    context = _preview(report.content) | {"report": report, "changes": changes}
    return render(request, "reports/report_detail.html", context)


@login_required
def issued_download(request, pk: int, fmt: str):
    """An issued report's document, rendered from its frozen content."""
    report = get_object_or_404(selectors.issued_reports(request.user), pk=pk)
    if fmt not in services.FORMATS:
        raise Http404("Định dạng không hỗ trợ.")
    return _attachment(
        services.export(
            content=report.content,
            fmt=fmt,
            user=request.user,
            number=report.number,
            signer_name=report.signer_name,
        )
    )
