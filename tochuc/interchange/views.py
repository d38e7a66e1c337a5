"""Import pages: upload, the job's progress and preview (per sheet, per problem, per row),
confirmation, and the result."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tochuc.core.forms import errors_named, refused
from tochuc.core.scoping import CHANGE
from tochuc.interchange import jobs
from tochuc.interchange.forms import UploadForm
from tochuc.interchange.models import ImportJob
from tochuc.interchange.outcome import STATUS_LABELS

PAGE_SIZE = 100
RECENT_JOBS = 20


@login_required
def index(request):
    """The upload form (for users who may change data), the template and export links, and
    the user's recent imports."""
    may_upload = request.user.may(CHANGE)
    form = UploadForm()
    if request.method == "POST":
        if not may_upload:
            raise PermissionDenied("Anh/chị không có quyền nhập dữ liệu.")
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                job = jobs.job_create(user=request.user, uploaded_file=form.cleaned_data["file"])
            except ValidationError as exc:
                refused(form, exc)
            else:
                return redirect("interchange:job", pk=job.pk)
    return render(
        request,
        "interchange/index.html",
        {
            "form": form if may_upload else None,
            "errors": errors_named(form) if form.is_bound else [],
            "recent": jobs.jobs_of(request.user)[:RECENT_JOBS],
            "status_labels": STATUS_LABELS,
        },
    )


def _job(request, pk: int) -> ImportJob:
    return get_object_or_404(jobs.jobs_visible(request.user), pk=pk)


@login_required
def job_detail(request, pk: int):
    """Progress while the job runs; then the counts, problems and rows; the confirmation."""
    job = _job(request, pk)
    context = {"job": job, "status_labels": STATUS_LABELS}
    if job.running:
        context["progress"] = jobs.progress(job.pk)
    elif job.status in (ImportJob.Status.CHECKED, ImportJob.Status.APPLIED):
        context |= _preview(request, job)
    context["may_confirm"] = job.confirmable and request.user.may(CHANGE)
    return render(request, "interchange/job.html", context)


def _preview(request, job: ImportJob) -> dict:
    status = request.GET.get("trang-thai", "")
    if status not in STATUS_LABELS:
        status = ""
    problems = Paginator(jobs.problems_of(job), PAGE_SIZE).get_page(request.GET.get("trang-loi"))
    rows = Paginator(jobs.rows_of(job, status or None), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    totals = job.totals
    return {
        "counts": job.counts,
        "totals": totals,
        "problems": problems,
        "problems_query": urlencode({"trang-thai": status, "trang": rows.number}),
        "rows": rows,
        "rows_query": urlencode({"trang-thai": status, "trang-loi": problems.number}),
        "status": status,
        "status_filters": [
            (key, label, totals[key], urlencode({"trang-thai": key}))
            for key, label in STATUS_LABELS.items()
        ],
    }


@login_required
def job_progress(request, pk: int):
    """The progress bar (an htmx partial polled every second); once the job has finished,
    it tells the page to reload."""
    job = _job(request, pk)
    response = render(
        request,
        "interchange/_progress.html",
        {"job": job, "progress": jobs.progress(job.pk)},
    )
    if not job.running:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def job_confirm(request, pk: int):
    """Queue the writing of a job checked without problems."""
    job = _job(request, pk)
    try:
        jobs.job_confirm(job=job, user=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("interchange:job", pk=job.pk)
