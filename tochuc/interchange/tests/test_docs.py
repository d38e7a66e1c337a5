"""docs/interchange.md is generated from the format and cannot drift from it."""

from pathlib import Path

from django.core.management import call_command

from tochuc.interchange.docs import REGENERATE, RULES, markdown
from tochuc.interchange.workbook import SHEETS

DOC = Path(__file__).resolve().parents[3] / "docs" / "interchange.md"


def test_committed_reference_is_the_generated_one():
    assert DOC.read_text(encoding="utf-8") == markdown(), f"Tạo lại tài liệu: {REGENERATE}"


def test_reference_covers_every_sheet_column_and_rule():
    text = markdown()
    for sheet in SHEETS:
        assert f"## Sheet «{sheet.name}»: {sheet.title}" in text
        assert "**Khóa:** " + " + ".join(f"«{h}»" for h in sheet.key_headers) in text
        for column in sheet.columns:
            assert f"| {column.header}" in text
    for title, rule in RULES:
        assert f"- **{title}.** {rule}" in text
    assert "**Dân tộc:** Kinh; Tày;" in text
    assert REGENERATE in text


def test_command_line_writes_the_reference(tmp_path):
    output = tmp_path / "interchange.md"
    call_command("export_workbook", docs=str(output))
    assert output.read_text(encoding="utf-8") == markdown()
