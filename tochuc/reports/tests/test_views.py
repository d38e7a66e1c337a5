"""Report pages: preview, draft download, issue, the issued report with its changes; scope."""

import datetime as dt
import io

import pytest
from docx import Document

from tochuc.members.models import EventKind
from tochuc.members.services import event_record
from tochuc.people.models import Person
from tochuc.reports.models import IssuedReport

PARAMS = {"ma": "P", "quarter": "4-2025", "as_of": "04/12/2025", "tasks": "Việc quý tới"}


def test_preview_shows_sentences_and_figures(client, quarter_data):
    client.force_login(quarter_data.tree.users.province_admin)
    page = client.get("/bao-cao/", PARAMS).content.decode()
    assert "Bố trí 7/9 chức danh ủy viên Ban Chấp hành Đảng bộ cấp xã" in page
    assert "Kết nạp 3 đảng viên, đạt 50,00% chỉ tiêu năm 2025 (đến 04/12/2025)." in page
    assert "/chi-so/members/?ma=P&as_of=2025-12-04" in page  # drill-down of a figure
    assert 'id="issue-button"' in page


def test_bad_parameters_are_named(client, quarter_data):
    client.force_login(quarter_data.tree.users.province_admin)
    page = client.get("/bao-cao/", PARAMS | {"as_of": "30/09/2025"}).content.decode()
    assert "Số liệu tính đến ngày: Ngày 30/09/2025 trước ngày đầu quý IV-2025" in page


def test_draft_download_and_issue(client, quarter_data):
    t = quarter_data.tree
    client.force_login(t.users.province_admin)
    response = client.post("/bao-cao/tai-ve/", PARAMS | {"format": "docx"})
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-quy-4-2025-P.docx"'
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Việc quý tới" in text
    response = client.post("/bao-cao/phat-hanh/", PARAMS | {"number": "Số 3-BC/BTCTU"})
    report = IssuedReport.objects.get()
    assert response.url == f"/bao-cao/{report.pk}/"
    assert (report.number, report.as_of, report.issued_by) == (
        "Số 3-BC/BTCTU",
        dt.date(2025, 12, 4),
        t.users.province_admin,
    )
    page = client.get(response.url).content.decode()
    assert 'id="no-changes"' in page
    event_record(
        person=Person.objects.create(
            full_name="Muộn Văn Nhập", sex="male", date_of_birth=dt.date(1990, 1, 1)
        ),
        kind=EventKind.ADMISSION,
        effective_on=dt.date(2025, 11, 1),
        organization=t.a,
        decision=t.decision,
    )
    page = client.get(response.url).content.decode()
    assert 'data-key="members"' in page and "+1" in page
    for fmt, magic in (("docx", b"PK"), ("xlsx", b"PK"), ("pdf", b"%PDF"), ("json", b"{")):
        assert client.get(f"/bao-cao/{report.pk}/tai-ve/{fmt}/").content.startswith(magic)


def test_commune_user_reaches_only_its_commune(client, quarter_data):
    t = quarter_data.tree
    client.force_login(t.users.a_viewer)
    page = client.get("/bao-cao/", PARAMS | {"ma": "BSECRET"}).content.decode()
    assert "Không có tổ chức mã «BSECRET» trong phạm vi" in page
    assert "Bí Mật Bê" not in page
    page = client.get("/bao-cao/", PARAMS | {"ma": "A"}).content.decode()
    assert "Bố trí 3/5 chức danh" in page and 'id="issue-button"' not in page  # a viewer
    assert client.post("/bao-cao/phat-hanh/", PARAMS | {"ma": "A"}).status_code == 404
    assert not IssuedReport.objects.exists()


@pytest.mark.parametrize("fmt", ["docx"])
def test_issued_report_of_another_commune_is_hidden(client, quarter_data, fmt):
    t = quarter_data.tree
    client.force_login(t.users.b_editor)
    client.post("/bao-cao/phat-hanh/", PARAMS | {"ma": "BSECRET"})
    report = IssuedReport.objects.get()
    client.force_login(t.users.a_editor)
    assert client.get(f"/bao-cao/{report.pk}/").status_code == 404
    assert client.get(f"/bao-cao/{report.pk}/tai-ve/{fmt}/").status_code == 404
    assert "Bí Mật Bê" not in client.get("/bao-cao/").content.decode()
