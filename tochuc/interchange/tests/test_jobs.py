"""Import jobs: upload → background check → confirm → background apply; crashes; progress."""

import pytest
from django.core.cache import caches
from django.core.exceptions import PermissionDenied, ValidationError

from tochuc.interchange import importer, jobs
from tochuc.interchange.models import ImportJob, ImportProblem, ImportRow
from tochuc.interchange.outcome import CREATE, Outcome, RowResult
from tochuc.interchange.tests.job_support import (  # noqa: F401
    BIRTH_PROBLEM,
    CLEAN,
    CODE_PROBLEM,
    FAULTY,
    engine_fixture,
    isolated_storage,
    workbook,
)

pytestmark = pytest.mark.django_db
Status = ImportJob.Status


def test_upload_is_checked_and_what_the_engine_found_is_kept(small_tree, engine):
    user = small_tree.users.a_editor
    job = jobs.job_create(user=user, uploaded_file=workbook(FAULTY, "sai.xlsx"))
    assert (job.status, job.original_name, job.user) == (Status.CHECKED, "sai.xlsx", user)
    assert job.file.name.startswith("imports/") and job.file.read() == FAULTY
    assert engine.calls == [{"user": user, "apply": False, "content": FAULTY}]
    assert job.counts == [
        {"sheet": "Tổ chức", "create": 1, "update": 0, "unchanged": 0, "error": 1},
        {"sheet": "Cá nhân", "create": 0, "update": 1, "unchanged": 1, "error": 1},
    ]
    assert job.problem_count == 2 and job.checked_at is not None and not job.confirmable
    assert [p.text for p in jobs.problems_of(job)] == [str(CODE_PROBLEM), str(BIRTH_PROBLEM)]
    rows = list(jobs.rows_of(job).values_list("sheet", "row", "status", "changes", "message"))
    assert rows == [
        ("Tổ chức", 2, "create", "", ""),
        ("Tổ chức", 3, "error", "", "Mã tổ chức cấp trên: Không có tổ chức mã «XYZ»."),
        ("Cá nhân", 2, "update", "Họ và tên, Dân tộc", ""),
        ("Cá nhân", 3, "unchanged", "", ""),
        ("Cá nhân", 4, "error", "", "Ngày sinh: Không phải ngày: «31/02/1990»."),
    ]
    assert jobs.rows_of(job, "error").count() == 2


def test_confirm_is_refused_while_there_are_problems(small_tree, engine):
    user = small_tree.users.a_editor
    job = jobs.job_create(user=user, uploaded_file=workbook(FAULTY))
    with pytest.raises(ValidationError, match="không có lỗi"):
        jobs.job_confirm(job=job, user=user)
    job.refresh_from_db()
    assert job.status == Status.CHECKED and len(engine.calls) == 1


def test_confirmed_job_is_applied(small_tree, engine):
    user = small_tree.users.a_editor
    job = jobs.job_create(user=user, uploaded_file=workbook(CLEAN))
    assert job.confirmable and job.problem_count == 0
    job = jobs.job_confirm(job=job, user=user)
    assert job.status == Status.APPLIED and job.applied_at is not None
    assert [call["apply"] for call in engine.calls] == [False, True]
    assert engine.calls[1]["user"] == user
    assert job.rows.count() == 3 and job.totals == {
        "create": 1,
        "update": 1,
        "unchanged": 1,
        "error": 0,
    }
    with pytest.raises(ValidationError):  # only once
        jobs.job_confirm(job=job, user=user)


def test_only_the_uploader_may_confirm(small_tree, engine):
    job = jobs.job_create(user=small_tree.users.a_editor, uploaded_file=workbook(CLEAN))
    with pytest.raises(PermissionDenied):
        jobs.job_confirm(job=job, user=small_tree.users.a_admin)
    assert ImportJob.objects.get(pk=job.pk).status == Status.CHECKED


def test_viewer_may_not_upload_and_bad_files_are_refused(small_tree, engine):
    with pytest.raises(PermissionDenied):
        jobs.job_create(user=small_tree.users.a_viewer, uploaded_file=workbook())
    with pytest.raises(ValidationError, match=r"không phải tệp Excel \.xlsx"):
        jobs.job_create(user=small_tree.users.a_editor, uploaded_file=workbook(name="cu.xls"))
    too_big = workbook()
    too_big.size = jobs.MAX_UPLOAD_BYTES + 1
    assert jobs.upload_refusals(too_big) == [
        "Tệp nặng 51 MB, quá giới hạn 50 MB; hãy chia thành nhiều tệp."
    ]
    assert not ImportJob.objects.exists() and not engine.calls


def test_engine_crash_fails_the_job(small_tree, engine):
    def crash(content, *, apply):
        raise RuntimeError("hỏng")

    engine.outcome_for = crash
    job = jobs.job_create(user=small_tree.users.a_editor, uploaded_file=workbook())
    assert job.status == Status.FAILED
    assert job.error == "Lỗi khi kiểm tra tệp: RuntimeError: hỏng"
    assert not job.rows.exists() and not job.confirmable


def test_crash_while_applying_fails_the_job_and_keeps_the_check(small_tree, engine):
    user = small_tree.users.a_editor
    job = jobs.job_create(user=user, uploaded_file=workbook())

    def crash(content, *, apply):
        raise RuntimeError("mất kết nối")

    engine.outcome_for = crash
    job = jobs.job_confirm(job=job, user=user)
    assert job.status == Status.FAILED
    assert job.error.startswith("Lỗi khi ghi dữ liệu (chưa có gì được ghi)")
    assert job.rows.count() == 3  # the check's rows stay


def test_problems_found_while_applying_send_the_job_back(small_tree, engine):
    user = small_tree.users.a_editor
    job = jobs.job_create(user=user, uploaded_file=workbook(CLEAN))
    engine.outcome_for = lambda content, *, apply: Outcome(
        rows=[RowResult("Cá nhân", 2, "HS0001", "error", problems=[BIRTH_PROBLEM])]
    )
    job = jobs.job_confirm(job=job, user=user)
    assert job.status == Status.CHECKED and job.problem_count == 1
    assert "chưa có gì được ghi" in job.error and not job.confirmable
    assert [p.text for p in job.problems.all()] == [str(BIRTH_PROBLEM)]


def test_a_task_run_twice_does_nothing_the_second_time(small_tree, engine):
    job = jobs.job_create(user=small_tree.users.a_editor, uploaded_file=workbook())
    jobs.check(job.pk)
    jobs.apply(job.pk)  # not confirmed
    assert len(engine.calls) == 1
    assert ImportJob.objects.get(pk=job.pk).status == Status.CHECKED


def test_progress_recorder_writes_to_the_progress_cache():
    recorder = jobs.ProgressRecorder(7, interval=60)
    assert jobs.progress(7) == {"phase": "", "done": 0, "total": 0, "percent": 0}
    recorder("Kiểm tra", 3, 12)
    assert caches["progress"].get("interchange:import:7") == {
        "phase": "Kiểm tra",
        "done": 3,
        "total": 12,
    }
    assert jobs.progress(7) == {"phase": "Kiểm tra", "done": 3, "total": 12, "percent": 25}
    recorder("Kiểm tra", 4, 12)  # within the interval: not written
    assert jobs.progress(7)["done"] == 3
    recorder("Kiểm tra", 12, 12)  # a phase's end is always written
    assert jobs.progress(7)["percent"] == 100
    recorder("Ghi", 0, 9)  # a new phase too
    assert jobs.progress(7)["phase"] == "Ghi"
    recorder.clear()
    assert jobs.progress(7)["phase"] == ""


def test_progress_goes_to_the_cache_while_the_engine_runs(small_tree, monkeypatch):
    seen = []

    def run(source, *, user=None, apply=False, progress=None):
        progress("Đọc tệp", 5, 10)
        job = ImportJob.objects.get()
        seen.append((job.status, jobs.progress(job.pk)))
        return Outcome(rows=[RowResult("Tổ chức", 2, "X1", CREATE)])

    monkeypatch.setattr(importer, "run", run)
    job = jobs.job_create(user=small_tree.users.a_editor, uploaded_file=workbook())
    assert seen == [(Status.CHECKING, {"phase": "Đọc tệp", "done": 5, "total": 10, "percent": 50})]
    assert jobs.progress(job.pk)["phase"] == ""  # cleared when done


def test_many_rows_are_stored_in_bulk(small_tree, engine, django_assert_max_num_queries):
    rows = [RowResult("Cá nhân", n + 2, f"HS{n:06d}", CREATE) for n in range(20_000)]
    engine.outcome_for = lambda content, *, apply: Outcome(rows=list(rows))
    with django_assert_max_num_queries(250):
        job = jobs.job_create(user=small_tree.users.a_editor, uploaded_file=workbook())
    assert job.status == Status.CHECKED and ImportRow.objects.filter(job=job).count() == 20_000
    assert job.counts == [
        {"sheet": "Cá nhân", "create": 20_000, "update": 0, "unchanged": 0, "error": 0}
    ]
    assert not ImportProblem.objects.exists()
