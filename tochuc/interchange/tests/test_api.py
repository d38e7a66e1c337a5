"""Import API: upload (202), list and detail of own jobs, rows by status, confirm (202)."""

import pytest

from tochuc.interchange import jobs
from tochuc.interchange.models import ImportJob
from tochuc.interchange.tests.job_support import (  # noqa: F401
    BIRTH_PROBLEM,
    CLEAN,
    CODE_PROBLEM,
    FAULTY,
    engine_fixture,
    isolated_storage,
    workbook,
    workbook_file,
)

pytestmark = pytest.mark.django_db


def test_upload_check_and_read_problems(client, small_tree, engine):
    client.force_login(small_tree.users.a_editor)
    response = client.post("/api/imports/", {"file": workbook_file(FAULTY, "sai.xlsx")})
    assert response.status_code == 202, response.json()
    created = response.json()
    assert (created["status"], created["status_label"], created["problem_count"]) == (
        "checked",
        "Đã kiểm tra",
        2,
    )
    assert created["confirmable"] is False and created["progress"] is None
    detail = client.get(f"/api/imports/{created['id']}/").json()
    assert detail["counts"][1] == {
        "sheet": "Cá nhân",
        "create": 0,
        "update": 1,
        "unchanged": 1,
        "error": 1,
    }
    assert [p["text"] for p in detail["problems"]] == [str(CODE_PROBLEM), str(BIRTH_PROBLEM)]
    assert detail["problems"][1] | {"text": ""} == {
        "sheet": "Cá nhân",
        "row": 4,
        "column": "Ngày sinh",
        "reason": "Không phải ngày: «31/02/1990».",
        "text": "",
    }
    rows = client.get(f"/api/imports/{created['id']}/rows/?status=error").json()
    assert rows["count"] == 2 and [r["row"] for r in rows["results"]] == [3, 4]
    everything = client.get(f"/api/imports/{created['id']}/rows/?limit=2").json()
    assert everything["count"] == 5 and len(everything["results"]) == 2
    assert client.get(f"/api/imports/{created['id']}/rows/?status=xoa").status_code == 400
    listed = client.get("/api/imports/").json()
    assert [job["id"] for job in listed["results"]] == [created["id"]]
    confirm = client.post(f"/api/imports/{created['id']}/confirm/")
    assert confirm.status_code == 400 and "không có lỗi" in confirm.json()["detail"][0]


def test_confirm_applies(client, small_tree, engine):
    client.force_login(small_tree.users.a_editor)
    created = client.post("/api/imports/", {"file": workbook_file(CLEAN)}).json()
    assert created["confirmable"] is True
    response = client.post(f"/api/imports/{created['id']}/confirm/")
    assert response.status_code == 202
    assert response.json()["status"] == "applied" and response.json()["applied_at"]
    assert [call["apply"] for call in engine.calls] == [False, True]


def test_progress_of_a_running_job(client, small_tree):
    user = small_tree.users.a_editor
    job = ImportJob.objects.create(
        user=user, file="imports/x.xlsx", original_name="x.xlsx", status="applying"
    )
    jobs.ProgressRecorder(job.pk)("Ghi", 1, 4)
    client.force_login(user)
    detail = client.get(f"/api/imports/{job.pk}/").json()
    assert detail["progress"] == {"phase": "Ghi", "done": 1, "total": 4, "percent": 25}


def test_bad_uploads_are_refused(client, small_tree, engine):
    client.force_login(small_tree.users.a_editor)
    response = client.post("/api/imports/", {"file": workbook_file(b"x", "ds.csv")})
    assert response.status_code == 400
    assert response.json() == {"detail": ["Tệp «ds.csv» không phải tệp Excel .xlsx."]}
    assert client.post("/api/imports/", {}).status_code == 400
    client.force_login(small_tree.users.a_viewer)
    assert client.post("/api/imports/", {"file": workbook_file()}).status_code == 403
    assert not ImportJob.objects.exists()


def test_another_users_job_is_not_found(client, small_tree, engine):
    t = small_tree
    job = jobs.job_create(user=t.users.b_editor, uploaded_file=workbook(CLEAN))
    client.force_login(t.users.a_editor)
    assert client.get("/api/imports/").json()["results"] == []
    assert client.get(f"/api/imports/{job.pk}/").status_code == 404
    assert client.get(f"/api/imports/{job.pk}/rows/").status_code == 404
    assert client.post(f"/api/imports/{job.pk}/confirm/").status_code == 404
    assert client.delete(f"/api/imports/{job.pk}/").status_code == 405
    assert ImportJob.objects.get().status == "checked"


def test_schema_documents_the_import_endpoints(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    schema = client.get("/api/schema/?format=json").json()
    assert {"/api/imports/", "/api/imports/{id}/rows/", "/api/imports/{id}/confirm/"} <= set(
        schema["paths"]
    )
    upload = schema["paths"]["/api/imports/"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert "202" in upload["responses"]
