"""In Chromium: upload a workbook with errors, read them by sheet, row and column, upload the
fixed file, confirm, follow the progress bar, and see the imported members on the dashboard.

Jobs wait in a queue that nobody serves (django-tasks' DummyBackend); the test plays the
worker by running `jobs.check` / `jobs.apply` itself, so the page shows a job waiting and
running before it ends, as with `tochuc db_worker`."""

from __future__ import annotations

import re

import pytest

from tests.fixtures import PASSWORD
from tochuc.interchange import jobs
from tochuc.interchange.tests.test_importer import sample, workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def upload(page, path) -> int:
    page.set_input_files("#import-form input[type=file]", str(path))
    page.click("#import-upload")
    page.wait_for_url(re.compile(r".*/trao-doi/\d+/$"))
    return int(page.url.rstrip("/").rsplit("/", 1)[1])


def worked(page, run, pk: int) -> None:
    """The queued job runs (as the worker would); the polling page reloads by itself."""
    assert page.locator("#import-progress .progress-bar").count() == 1
    run(pk)
    page.wait_for_selector("#import-counts, #import-done", timeout=15_000)


def test_upload_errors_fix_confirm_progress_figures(
    page, live_server, small_tree, queued, tmp_path
):
    bad = sample()
    bad["Cá nhân"][0]["Ngày sinh"] = "31/02/1990"
    bad["Sự kiện đảng viên"][1]["Mã tổ chức đảng"] = "KHONGCO"
    (tmp_path / "loi.xlsx").write_bytes(workbook(bad).getvalue())
    (tmp_path / "dung.xlsx").write_bytes(workbook(sample()).getvalue())

    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", small_tree.users.province_admin.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/chi-so/**")
    page.click("nav >> text=Tra cứu")
    page.click("#interchange-menu")
    page.wait_for_url("**/trao-doi/")

    pk = upload(page, tmp_path / "loi.xlsx")
    assert "đang chờ" in page.locator("#import-phase").inner_text()
    worked(page, jobs.check, pk)
    problems = page.locator("#import-problems tbody tr")
    texts = [
        " | ".join(problems.nth(i).locator("td").all_inner_texts()) for i in range(problems.count())
    ]
    assert any(
        "Cá nhân" in t and "| 2 |" in t and "Ngày sinh" in t and "31/02/1990" in t for t in texts
    ), texts
    assert any(
        "Sự kiện đảng viên" in t and "| 3 |" in t and "Mã tổ chức đảng" in t for t in texts
    ), texts
    assert page.locator("#import-confirm").count() == 0
    assert "Chưa có gì được ghi" in page.locator("#import-not-written").inner_text()

    page.goto(f"{live_server.url}/trao-doi/")
    pk = upload(page, tmp_path / "dung.xlsx")
    worked(page, jobs.check, pk)
    assert page.locator("#import-problems tbody tr").count() == 0
    counts = page.locator("#import-counts").inner_text()
    assert "Cá nhân" in counts and "Sự kiện đảng viên" in counts
    page.click("#import-confirm button[type=submit]")
    page.wait_for_url(f"**/trao-doi/{pk}/")
    assert "Đang ghi" in page.locator("#import-phase").inner_text()
    worked(page, jobs.apply, pk)
    assert "thêm mới 9" in page.locator("#import-done").inner_text()

    page.click("#import-done a")
    page.wait_for_url("**/chi-so/**")
    assert page.locator("#figure-members a.figure-value").inner_text() == "2"
