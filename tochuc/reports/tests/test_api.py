"""API of the quarterly report: live content, issue, issued report with changes, download."""

import pytest

from tochuc.reports.models import IssuedReport

pytestmark = pytest.mark.django_db


def test_quarterly_content_issue_and_download(client, quarter_data):
    t = quarter_data.tree
    client.force_login(t.users.province_admin)
    content = client.get("/api/reports/quarterly/?org=P&quarter=4-2025&as_of=2025-12-04").json()
    assert content["figures"]["seats_executive"]["text"] == "7/9"
    assert content["figures"]["vacancies"]["checks"][0]["ok"] is True
    response = client.post(
        "/api/reports/",
        {"organization": "P", "quarter": "4-2025", "as_of": "04/12/2025", "tasks": "Việc"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    detail = client.get(f"/api/reports/{pk}/").json()
    assert detail["content"]["tasks"] == "Việc" and detail["changes"] == []
    download = client.get(f"/api/reports/{pk}/download/docx/")
    assert download.content.startswith(b"PK")
    assert client.get(f"/api/reports/{pk}/download/exe/").status_code == 400


def test_refusals_and_scope(client, quarter_data):
    t = quarter_data.tree
    client.force_login(t.users.a_editor)
    assert client.get("/api/reports/quarterly/?org=A&quarter=13-2025").status_code == 400
    bad_date = client.get("/api/reports/quarterly/?org=A&quarter=4-2025&as_of=2025-09-30")
    assert "trước ngày đầu quý IV-2025" in bad_date.json()["detail"][0]
    assert client.get("/api/reports/quarterly/?org=BSECRET&quarter=4-2025").status_code == 404
    response = client.post(
        "/api/reports/",
        {"organization": "BSECRET", "quarter": "4-2025"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not IssuedReport.objects.exists()
