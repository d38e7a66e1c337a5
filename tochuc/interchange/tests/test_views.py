"""Import pages: upload, preview (counts, problems, rows), confirm, progress, scope."""

import pytest

from tochuc.interchange import jobs
from tochuc.interchange.models import ImportJob
from tochuc.interchange.tests.job_support import (  # noqa: F401
    BIRTH_PROBLEM,
    CLEAN,
    FAULTY,
    engine_fixture,
    isolated_storage,
    workbook,
    workbook_file,
)

pytestmark = pytest.mark.django_db
Status = ImportJob.Status


def test_upload_shows_counts_and_problems_and_writes_nothing(client, small_tree, engine):
    client.force_login(small_tree.users.a_editor)
    page = client.get("/trao-doi/").content.decode()
    assert 'id="import-form"' in page and 'id="interchange-menu"' in page
    assert 'href="/trao-doi/mau/"' in page and 'href="/trao-doi/xuat/"' in page
    response = client.post("/trao-doi/", {"file": workbook_file(FAULTY, "sai.xlsx")})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/trao-doi/{job.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert 'id="import-counts"' in page and 'id="import-problems"' in page
    assert "Chưa có gì được ghi vào cơ sở dữ liệu." in page
    assert "Ngày sinh" in page and "Không phải ngày: «31/02/1990»." in page
    assert 'id="import-confirm"' not in page and 'id="import-progress"' not in page
    errors = client.get(f"/trao-doi/{job.pk}/?trang-thai=error").content.decode()
    rows = errors.split('id="import-rows"')[1]
    assert rows.count('data-status="error"') == 2 and 'data-status="create"' not in rows
    assert "sai.xlsx" in client.get("/trao-doi/").content.decode()  # recent imports


def test_confirm_is_refused_when_there_are_problems(client, small_tree, engine):
    client.force_login(small_tree.users.a_editor)
    client.post("/trao-doi/", {"file": workbook_file(FAULTY)})
    job = ImportJob.objects.get()
    response = client.post(f"/trao-doi/{job.pk}/xac-nhan/", follow=True)
    assert "không có lỗi" in response.content.decode()
    job.refresh_from_db()
    assert job.status == Status.CHECKED and len(engine.calls) == 1


def test_confirm_applies_and_shows_the_result(client, small_tree, engine):
    client.force_login(small_tree.users.a_editor)
    job_url = client.post("/trao-doi/", {"file": workbook_file(CLEAN)})["Location"]
    page = client.get(job_url).content.decode()
    assert 'id="import-confirm"' in page and "Chưa có gì được ghi vào cơ sở dữ liệu." in page
    assert 'id="import-problems"' not in page
    job = ImportJob.objects.get()
    response = client.post(f"/trao-doi/{job.pk}/xac-nhan/")
    assert response["Location"] == job_url
    page = client.get(job_url).content.decode()
    assert 'id="import-done"' in page and 'href="/chi-so/"' in page
    assert 'id="import-confirm"' not in page and 'id="import-counts"' in page
    assert ImportJob.objects.get().status == Status.APPLIED
    assert client.get(f"/trao-doi/{job.pk}/xac-nhan/").status_code == 405


def test_progress_bar_while_running_and_reload_when_done(client, small_tree):
    user = small_tree.users.a_editor
    job = ImportJob.objects.create(
        user=user, file="imports/x.xlsx", original_name="x.xlsx", status=Status.CHECKING
    )
    jobs.ProgressRecorder(job.pk)("Kiểm tra", 3, 4)
    client.force_login(user)
    page = client.get(f"/trao-doi/{job.pk}/").content.decode()
    assert 'id="import-progress"' in page and f'hx-get="/trao-doi/{job.pk}/tien-do/"' in page
    assert 'id="import-counts"' not in page
    partial = client.get(f"/trao-doi/{job.pk}/tien-do/", headers={"HX-Request": "true"})
    text = partial.content.decode()
    assert "Kiểm tra: 3/4" in text and "width: 75%" in text and 'hx-trigger="every 1s"' in text
    assert "HX-Refresh" not in partial and "<html" not in text
    ImportJob.objects.filter(pk=job.pk).update(status=Status.CHECKED)
    done = client.get(f"/trao-doi/{job.pk}/tien-do/", headers={"HX-Request": "true"})
    assert done["HX-Refresh"] == "true" and "hx-trigger" not in done.content.decode()


def test_failed_job_shows_the_error(client, small_tree):
    user = small_tree.users.a_editor
    job = ImportJob.objects.create(
        user=user, file="imports/x.xlsx", original_name="x.xlsx", status=Status.FAILED,
        error="Lỗi khi kiểm tra tệp: RuntimeError: hỏng",
    )  # fmt: skip
    client.force_login(user)
    page = client.get(f"/trao-doi/{job.pk}/").content.decode()
    assert 'id="import-error"' in page and "RuntimeError: hỏng" in page


def test_another_users_job_is_not_found(client, small_tree, engine):
    t = small_tree
    job = jobs.job_create(user=t.users.b_editor, uploaded_file=workbook(CLEAN))
    for user in (t.users.a_editor, t.users.province_admin):
        client.force_login(user)
        for url in (f"/trao-doi/{job.pk}/", f"/trao-doi/{job.pk}/tien-do/"):
            assert client.get(url).status_code == 404, url
        assert client.post(f"/trao-doi/{job.pk}/xac-nhan/").status_code == 404
        assert job.original_name not in client.get("/trao-doi/").content.decode()
    assert ImportJob.objects.get().status == Status.CHECKED


def test_superuser_sees_every_job(client, small_tree, engine, django_user_model):
    job = jobs.job_create(user=small_tree.users.b_editor, uploaded_file=workbook(CLEAN))
    root = django_user_model.objects.create_superuser("goc", password="x")
    client.force_login(root)
    assert client.get(f"/trao-doi/{job.pk}/").status_code == 200


def test_viewer_sees_the_page_without_the_upload_form(client, small_tree, engine):
    client.force_login(small_tree.users.a_viewer)
    page = client.get("/trao-doi/").content.decode()
    assert 'id="import-form"' not in page and 'id="import-viewer"' in page
    assert client.post("/trao-doi/", {"file": workbook_file()}).status_code == 403
    assert not ImportJob.objects.exists()


def test_wrong_file_is_refused_on_the_form(client, small_tree, engine):
    client.force_login(small_tree.users.a_editor)
    page = client.post("/trao-doi/", {"file": workbook_file(b"x", "ds.csv")}).content.decode()
    assert "Tệp «ds.csv» không phải tệp Excel .xlsx." in page
    page = client.post("/trao-doi/", {}).content.decode()
    assert "Hãy chọn tệp Excel cần nhập." in page
    assert not ImportJob.objects.exists()


def test_anonymous_is_sent_to_login(client):
    response = client.get("/trao-doi/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
