"""REST API: candidates and their steps, targets, progress; 400s in Vietnamese."""

import pytest

from tochuc.admissions.models import AdmissionTarget

pytestmark = pytest.mark.django_db
DECISION = {"number": "21-QĐ/ĐU", "signed_on": "2025-09-01", "issuer": "Đảng ủy xã An Mới"}


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_candidate_through_the_api(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    response = post(client, "/api/candidates/", {
        "full_name": "Lê Văn Ưu", "sex": "male", "date_of_birth": "2001-01-01",
        "organization": t.a1.pk, "course_passed_on": "2025-01-10",
    })  # fmt: skip
    assert response.status_code == 201, response.json()
    cid = response.json()["id"]
    assert response.json()["stage"] == "course"
    url = f"/api/candidates/{cid}/"
    response = post(client, url + "step/", {"step": "application", "on": "2025-01-01"})
    assert response.status_code == 400
    assert "không thể trước ngày «Học lớp" in response.json()["non_field_errors"][0]
    for step, on in (("application", "2025-02-01"), ("resolution", "2025-08-20")):
        assert post(client, url + "step/", {"step": step, "on": on}).status_code == 200
    response = post(
        client, url + "step/", {"step": "decision", "on": "2025-09-01", "decision": DECISION}
    )
    assert response.json()["stage"] == "decided"
    assert response.json()["committee_decision"].startswith("21-QĐ/ĐU")
    response = post(client, url + "admit/", {"effective_on": "2025-09-10", "version": 1})
    assert response.status_code == 400 and "người khác sửa" in str(response.json())
    response = post(client, url + "admit/", {"effective_on": "2025-09-10"})
    assert response.status_code == 200 and response.json()["stage"] == "admitted"
    assert response.json()["admission_event"]
    response = client.get(f"/api/candidates/?org={t.a.pk}&stage=admitted&as_of=2025-12-31")
    assert [row["id"] for row in response.json()["results"]] == [cid]


def test_refusals_are_400_in_vietnamese(client, small_tree, admissions):
    t = small_tree
    client.force_login(t.users.a_editor)
    response = post(client, "/api/candidates/", {
        "full_name": "Trẻ Quá", "sex": "male", "date_of_birth": "2010-01-01",
        "organization": t.a1.pk, "course_passed_on": "2025-01-01",
    })  # fmt: skip
    cid = response.json()["id"]
    response = post(client, f"/api/candidates/{cid}/admit/", {"effective_on": "2025-10-01"})
    assert response.status_code == 400 and "cấp ủy đã quyết định" in str(response.json())
    response = post(client, f"/api/candidates/{cid}/withdraw/", {"on": "2025-10-01", "reason": " "})
    assert response.status_code == 400
    response = post(
        client, "/api/admission-targets/",
        {"organization": t.a.pk, "kind": "term", "term": "2025-2030", "count": 5},
    )  # fmt: skip
    assert response.status_code == 400
    assert "ngày bắt đầu và ngày kết thúc" in response.json()["non_field_errors"][0]
    response = client.get(f"/api/admission-targets/progress/?org={t.a.pk}")
    assert response.status_code == 400 and "Hãy ghi năm" in response.json()["year"][0]


def test_targets_crud(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    response = post(client, "/api/admission-targets/", {
        "organization": t.a1.pk, "kind": "year", "year": 2026, "count": 2, "decision": DECISION,
    })  # fmt: skip
    assert response.status_code == 201, response.json()
    tid = response.json()["id"]
    assert response.json()["starts_on"] == "2026-01-01"
    response = client.patch(
        f"/api/admission-targets/{tid}/", {"count": 3}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["count"] == 3
    rows = client.get("/api/admission-targets/?year=2026").json()["results"]
    assert [r["id"] for r in rows] == [tid]
    assert client.delete(f"/api/admission-targets/{tid}/").status_code == 204
    assert not AdmissionTarget.objects.filter(pk=tid).exists()
    client.force_login(t.users.a_viewer)
    response = post(client, "/api/admission-targets/", {
        "organization": t.a1.pk, "kind": "year", "year": 2026, "count": 2,
    })  # fmt: skip
    assert response.status_code == 403


def test_progress_endpoint(client, small_tree, admissions):
    t, e = small_tree, admissions
    client.force_login(t.users.province_admin)
    data = client.get(
        f"/api/admission-targets/progress/?org={t.p.pk}&year=2025&as_of=2025-12-31"
    ).json()
    assert (data["count"], data["target"], data["percent"]) == (4, 5, "80,00%")
    assert data["events"] == [e.q4.id, e.q6.id, e.q5.id, e.q7.id]
    data = client.get(
        f"/api/admission-targets/progress/?org={t.lp.pk}&year=2025&as_of=2025-12-31&as_then=1"
    ).json()
    assert (data["count"], data["events"]) == (1, [e.q4.id])
    data = client.get(
        f"/api/admission-targets/progress/?org={t.p.pk}&term=2025-2030&as_of=2025-12-31"
    ).json()
    assert data["sentence"] == "Kết nạp 3, đạt 15,00% chỉ tiêu nhiệm kỳ 2025-2030 (đến 31/12/2025)"
