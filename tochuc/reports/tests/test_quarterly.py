"""The quarterly report on the hand-written quarter (tests/quarter_data.py): content,
sentences, the documents, issuing (frozen) and what changed since."""

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document

from tests.quarter_data import ON
from tochuc.core.models import AuditEntry
from tochuc.members.models import EventKind
from tochuc.members.services import event_record
from tochuc.people.models import Person
from tochuc.reports import quarterly, selectors, services
from tochuc.reports.quarterly import Quarter

Q4 = Quarter.parse("4-2025")


def test_quarter_parsing_and_labels():
    assert (Q4.start, Q4.end, Q4.label) == (
        dt.date(2025, 10, 1),
        dt.date(2025, 12, 31),
        "quý IV-2025",
    )
    assert Quarter.of(dt.date(2024, 3, 31)) == Quarter(1, 2024)
    with pytest.raises(ValueError, match="N-YYYY"):
        Quarter.parse("5-2025")


def test_sentences_state_the_figures(quarter_data):
    content = services.build(
        root=quarter_data.tree.p, quarter=Q4, on=ON, tasks="Việc một\nViệc hai"
    )
    text = quarterly.sentences(content)
    assert (
        "Bố trí 7/9 chức danh ủy viên Ban Chấp hành Đảng bộ cấp xã; 2/3 ủy viên Ban Thường vụ."
        in text["cadres"]
    )
    assert (
        "Tổng số thiếu khuyết theo hướng dẫn của Trung ương 4; 2 tự đảm bảo; 1 cần thành phố "
        "tăng cường, biệt phái, điều động; 1 chưa có phương án."
    ) in text["cadres"]
    assert "Kết nạp 3 đảng viên, đạt 50,00% chỉ tiêu năm 2025 (đến 04/12/2025)." in text["members"]
    assert "Trong quý, kết nạp 1 đảng viên; từ trần 1." in text["members"]
    assert text["mobility"] == [
        "Tăng cường từ các sở, ban, ngành về cấp xã 1 trường hợp (lũy kế từ 01/07/2025 đến "
        "04/12/2025); các xã, phường điều động, kiện toàn 1 trường hợp."
    ]
    assert content["period"] == {"start": "2025-10-01", "end": "2025-12-04"}
    json.dumps(content)  # the JSON of docs/report-json.md


def test_a_date_before_the_quarter_is_refused(quarter_data):
    with pytest.raises(ValidationError, match="trước ngày đầu quý IV-2025"):
        services.build(root=quarter_data.tree.p, quarter=Q4, on=dt.date(2025, 9, 30))


def test_docx_has_the_party_layout_and_the_figures(quarter_data):
    content = services.build(root=quarter_data.tree.p, quarter=Q4, on=ON, tasks="Việc một")
    result = services.export(content=content, fmt="docx", number="Số 12-BC/BTCTU")
    doc = Document(io.BytesIO(result.data))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    whole = "\n".join(texts)
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG BỘ THÀNH PHỐ MỚI",
        "BAN TỔ CHỨC THÀNH ỦY",
        "Số 12-BC/BTCTU",
        "ngày 04 tháng 12 năm 2025",
        "BÁO CÁO",
        "quý IV-2025",
        "7/9",
        "50,00%",
        "Việc một",
    ):
        assert expected in whole, expected
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert result.filename == "bao-cao-quy-4-2025-P.docx"
    assert AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count() == 1


@pytest.mark.parametrize("fmt, magic", [("xlsx", b"PK"), ("pdf", b"%PDF")])
def test_xlsx_and_pdf(quarter_data, fmt, magic):
    content = services.build(root=quarter_data.tree.p, quarter=Q4, on=ON)
    assert services.export(content=content, fmt=fmt).data.startswith(magic)


def test_issued_report_is_frozen_and_shows_later_changes(quarter_data):
    t = quarter_data.tree
    report = services.issue(user=t.users.province_admin, root=t.p, quarter=Q4, on=ON)
    changes = selectors.changes_since(report, t.users.province_admin)
    assert changes == []
    late = Person.objects.create(
        full_name="Muộn Văn Nhập", sex="male", date_of_birth=dt.date(1990, 1, 1)
    )
    event_record(
        person=late,
        kind=EventKind.ADMISSION,
        effective_on=dt.date(2025, 11, 1),
        organization=t.a,
        decision=t.decision,
    )
    report.refresh_from_db()
    assert report.content["figures"]["members"]["value"] == 4  # frozen
    changes = selectors.changes_since(report, t.users.province_admin)
    changed = {c.key: (c.before, c.after, c.delta) for c in changes}
    assert changed["members"] == (4, 5, "+1")
    assert changed["admissions_year"] == (3, 4, "+1")


def test_only_users_who_may_change_the_organization_issue(quarter_data):
    t = quarter_data.tree
    with pytest.raises(PermissionDenied):
        services.issue(user=t.users.a_viewer, root=t.a, quarter=Q4, on=ON)
    with pytest.raises(PermissionDenied):
        services.issue(user=t.users.a_editor, root=t.b, quarter=Q4, on=ON)


def test_cli_writes_json_and_docx(quarter_data, tmp_path, capsys):
    target = tmp_path / "q4.json"
    call_command("report", org="P", as_of="04/12/2025", format="json", output=str(target))
    content = json.loads(target.read_text())
    assert content["quarter"] == "4-2025" and content["figures"]["seats_executive"]["text"] == "7/9"
    call_command("report", "--org", "P", "--as-of", "04/12/2025", "--quarter", "4-2025",
                 "--format", "docx", "-o", str(tmp_path / "q4.docx"))  # fmt: skip
    assert (tmp_path / "q4.docx").read_bytes().startswith(b"PK")


def test_cli_refuses_bad_input(quarter_data, tmp_path):
    with pytest.raises(CommandError, match="Không có tổ chức mã «KHONG»"):
        call_command("report", org="KHONG", as_of="04/12/2025", output=str(tmp_path / "x"))
    with pytest.raises(CommandError, match="dd/mm/yyyy"):
        call_command("report", org="P", as_of="31/02/2025", output=str(tmp_path / "x"))
