"""Import jobs: upload, check in the background (a dry run), confirm, apply in the background.

The engine (`importer.run`) does the work; this module keeps what it found (per row, per
problem, per sheet) and the job's status in the database, and its progress in the
«progress» cache: on SQLite a running import holds the database's write lock until it
commits, so nothing about its progress can be written there meanwhile.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import PurePath

from django.core.cache import caches
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from tochuc.core.formatting import vn_int
from tochuc.core.scoping import CHANGE
from tochuc.interchange import importer
from tochuc.interchange.models import ImportJob, ImportProblem, ImportRow
from tochuc.interchange.outcome import STATUS_LABELS, Outcome, Problem, RowResult

logger = logging.getLogger(__name__)

MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
BATCH = 2_000
"""Rows per `bulk_create` (SQLite splits further by its parameter limit)."""
STORING = "Lưu kết quả"
"""The progress phase after the engine: storing what it found."""
NOT_CONFIRMABLE = "Chỉ xác nhận được lượt nhập đã kiểm tra xong và không có lỗi."
Status = ImportJob.Status


# Reading -------------------------------------------------------------------------------------


def jobs_visible(user) -> QuerySet[ImportJob]:
    """The jobs a user may see: their own; every job for a superuser."""
    if not (user and user.is_authenticated):
        return ImportJob.objects.none()
    found = ImportJob.objects.select_related("user")
    return found if user.is_superuser else found.filter(user=user)


def jobs_of(user) -> QuerySet[ImportJob]:
    """The user's own jobs, newest first."""
    return ImportJob.objects.filter(user=user)


def rows_of(job: ImportJob, status: str | None = None) -> QuerySet[ImportRow]:
    """The job's rows in workbook order, of one status (create, update, unchanged, error)."""
    rows = job.rows.order_by("position")
    return rows.filter(status=status) if status else rows


def problems_of(job: ImportJob) -> QuerySet[ImportProblem]:
    return job.problems.order_by("position")


# Progress ------------------------------------------------------------------------------------


def _progress_key(job_id: int) -> str:
    return f"interchange:import:{job_id}"


def progress(job_id: int) -> dict:
    """The running job's phase and rows done of total, with the percentage (0 when nothing
    was reported yet)."""
    found = caches["progress"].get(_progress_key(job_id)) or {}
    done, total = found.get("done", 0), found.get("total", 0)
    percent = min(100, done * 100 // total) if total else 0
    return {"phase": found.get("phase", ""), "done": done, "total": total, "percent": percent}


class ProgressRecorder:
    """The engine's progress callback for a job: writes to the «progress» cache on a new
    phase, at a phase's end, and otherwise at most every `interval` seconds."""

    def __init__(self, job_id: int, interval: float = 0.3):
        self.key = _progress_key(job_id)
        self.interval = interval
        self.phase: str | None = None
        self.written_at = 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if phase == self.phase and done < total and now - self.written_at < self.interval:
            return
        self.phase, self.written_at = phase, now
        caches["progress"].set(self.key, {"phase": phase, "done": done, "total": total})

    def clear(self) -> None:
        caches["progress"].delete(self.key)


# Writing -------------------------------------------------------------------------------------


def upload_refusals(uploaded_file) -> list[str]:
    """Why an uploaded file cannot be imported (not .xlsx, too large), in Vietnamese."""
    refusals = []
    name = PurePath(uploaded_file.name or "").name
    if not name.lower().endswith(".xlsx"):
        refusals.append(f"Tệp «{name}» không phải tệp Excel .xlsx.")
    if uploaded_file.size > MAX_UPLOAD_BYTES:
        refusals.append(
            f"Tệp nặng {vn_int(-(-uploaded_file.size // (1024 * 1024)))} MB, "
            f"quá giới hạn {MAX_UPLOAD_MB} MB; hãy chia thành nhiều tệp."
        )
    if uploaded_file.size == 0:
        refusals.append("Tệp rỗng.")
    return refusals


def job_create(*, user, uploaded_file) -> ImportJob:
    """Store the uploaded workbook and queue its check (nothing is imported yet)."""
    from tochuc.interchange.tasks import check_task

    if not user.may(CHANGE):
        raise PermissionDenied("Anh/chị không có quyền nhập dữ liệu.")
    refusals = upload_refusals(uploaded_file)
    if refusals:
        raise ValidationError(refusals)
    name = PurePath(uploaded_file.name).name[:255]
    job = ImportJob.objects.create(user=user, file=uploaded_file, original_name=name)
    check_task.enqueue(job.pk)
    job.refresh_from_db()
    return job


def job_confirm(*, job: ImportJob, user) -> ImportJob:
    """Queue the writing of a job checked without problems (by its uploader or a superuser)."""
    from tochuc.interchange.tasks import apply_task

    if not (user.may(CHANGE) and (job.user_id == user.pk or user.is_superuser)):
        raise PermissionDenied("Anh/chị không có quyền xác nhận lượt nhập này.")
    claimed = ImportJob.objects.filter(
        pk=job.pk, status=Status.CHECKED, problem_count=0, error=""
    ).update(status=Status.APPLYING)
    if not claimed:
        raise ValidationError(NOT_CONFIRMABLE)
    ProgressRecorder(job.pk).clear()
    apply_task.enqueue(job.pk)
    job.refresh_from_db()
    return job


def check(job_id: int) -> None:
    """The check task: a dry run of the engine over the job's file; stores what it found."""
    if not ImportJob.objects.filter(pk=job_id, status=Status.QUEUED).update(status=Status.CHECKING):
        return  # gone, or already taken by another worker
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    recorder = ProgressRecorder(job_id)
    try:
        with job.file.open("rb") as source:
            outcome = importer.run(source, user=job.user, apply=False, progress=recorder)
        _store(job, outcome, recorder, status=Status.CHECKED, checked_at=timezone.now())
    except Exception as exc:
        _fail(job_id, "Lỗi khi kiểm tra tệp", exc)
    finally:
        recorder.clear()


def apply(job_id: int) -> None:
    """The apply task: the engine plans the file again and writes it all in one transaction,
    or nothing when a problem turned up since the check (the job shows it then)."""
    job = ImportJob.objects.select_related("user").filter(pk=job_id).first()
    if job is None or job.status != Status.APPLYING:
        return
    recorder = ProgressRecorder(job_id)
    try:
        with job.file.open("rb") as source:
            outcome = importer.run(source, user=job.user, apply=True, progress=recorder)
        if outcome.applied:
            _store(job, outcome, recorder, status=Status.APPLIED, applied_at=timezone.now())
        elif not outcome.ok:
            _store(
                job,
                outcome,
                recorder,
                status=Status.CHECKED,
                checked_at=timezone.now(),
                error="Dữ liệu đã thay đổi từ lúc kiểm tra và tệp nay có lỗi; "
                "chưa có gì được ghi vào cơ sở dữ liệu.",
            )
        else:
            raise RuntimeError("Bộ nhập không ghi mà không nêu lỗi nào.")
    except Exception as exc:
        _fail(job_id, "Lỗi khi ghi dữ liệu (chưa có gì được ghi)", exc)
    finally:
        recorder.clear()


def _fail(job_id: int, what: str, exc: Exception) -> None:
    logger.exception("Import job %s failed", job_id)
    ImportJob.objects.filter(pk=job_id).update(
        status=Status.FAILED, error=f"{what}: {type(exc).__name__}: {exc}"
    )


def counts_of(outcome: Outcome) -> list[dict]:
    """Per sheet in workbook order: {sheet, create, update, unchanged, error} (a list, since
    PostgreSQL's jsonb does not keep the order of an object's keys)."""
    return [
        {"sheet": sheet, **{status: found.get(status, 0) for status in STATUS_LABELS}}
        for sheet, found in outcome.counts().items()
    ]


def _store(job: ImportJob, outcome: Outcome, recorder: ProgressRecorder, **fields) -> None:
    """Replace the job's rows and problems by the outcome's, and set `fields`, at once."""
    problems = outcome.problems
    total = len(outcome.rows) + len(problems)
    with transaction.atomic():
        ImportRow.objects.filter(job=job).delete()
        ImportProblem.objects.filter(job=job).delete()
        done = 0
        for batch in _batches(_row_records(job, outcome.rows)):
            ImportRow.objects.bulk_create(batch, batch_size=BATCH)
            done += len(batch)
            recorder(STORING, done, total)
        for batch in _batches(_problem_records(job, problems)):
            ImportProblem.objects.bulk_create(batch, batch_size=BATCH)
            done += len(batch)
            recorder(STORING, done, total)
        ImportJob.objects.filter(pk=job.pk).update(
            counts=counts_of(outcome), problem_count=len(problems), **fields
        )


def _batches(records: Iterable, size: int = BATCH) -> Iterator[list]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def _row_records(job: ImportJob, rows: Iterable[RowResult]) -> Iterator[ImportRow]:
    for position, result in enumerate(rows):
        yield ImportRow(
            job_id=job.pk,
            position=position,
            sheet=(result.sheet or "")[:100],
            row=result.row or 0,
            status=result.status,
            key=str(result.key or "")[:255],
            changes=", ".join(result.changes),
            notes="\n".join(result.notes),
            message="\n".join(_worded(problem) for problem in result.problems),
        )


def _worded(problem: Problem) -> str:
    return f"{problem.column}: {problem.reason}" if problem.column else problem.reason


def _problem_records(job: ImportJob, problems: Iterable[Problem]) -> Iterator[ImportProblem]:
    for position, problem in enumerate(problems):
        yield ImportProblem(
            job_id=job.pk,
            position=position,
            sheet=(problem.sheet or "")[:100],
            row=problem.row or 0,
            column=(problem.column or "")[:255],
            reason=problem.reason,
        )
