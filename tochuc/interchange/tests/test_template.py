"""The downloadable template and the workbook writer: headers, drop-downs, instructions,
typed cells."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from tochuc.interchange.docs import RULES
from tochuc.interchange.export_views import XLSX
from tochuc.interchange.template import template_workbook, write_workbook
from tochuc.interchange.workbook import (
    BOOL,
    CHOICE,
    EVENTS,
    INSTRUCTIONS,
    LISTS,
    PERSONS,
    SHEETS,
)


def template():
    stream = io.BytesIO()
    template_workbook(stream)
    stream.seek(0)
    return load_workbook(stream)


def validation_of(ws, letter: str):
    found = [dv for dv in ws.data_validations.dataValidation if f"{letter}2" in str(dv.sqref)]
    assert len(found) == 1, letter
    return found[0]


def test_template_has_the_headers_and_no_data():
    book = template()
    assert book.sheetnames == [INSTRUCTIONS, *(s.name for s in SHEETS), LISTS]
    for sheet in SHEETS:
        ws = book[sheet.name]
        assert ws.max_row == 1
        assert [c.value for c in ws[1]] == [c.header for c in sheet.columns]
        required = [c.font.bold and c.fill.fgColor.rgb.endswith("FCE4D6") for c in ws[1]]
        assert required == [c.required for c in sheet.columns]
        assert ws["A1"].comment is not None


def test_sex_has_a_drop_down_from_the_lists_sheet():
    book = template()
    ws = book[PERSONS.name]
    sex = [c.header for c in PERSONS.columns].index("Giới tính") + 1
    validation = validation_of(ws, ws.cell(1, sex).column_letter)
    assert validation.type == "list" and str(validation.sqref).endswith("1048576")
    sheet, cells = validation.formula1.split("!")
    assert sheet == f"'{LISTS}'"
    values = [c.value for row in book[LISTS][cells.replace("$", "")] for c in row]
    assert values == ["Nam", "Nữ"]


def test_every_choice_and_bool_column_has_a_drop_down():
    book = template()
    for sheet in SHEETS:
        ws = book[sheet.name]
        for index, column in enumerate(sheet.columns, start=1):
            if column.type not in (CHOICE, BOOL):
                continue
            validation = validation_of(ws, ws.cell(1, index).column_letter)
            if column.type == BOOL:
                assert validation.formula1 == '"x"'
                continue
            cells = validation.formula1.split("!")[1].replace("$", "")
            listed = [c.value for row in book[LISTS][cells] for c in row]
            assert listed == column.labels, (sheet.name, column.header)


def test_instructions_explain_every_sheet_and_column_with_examples():
    book = template()
    texts = [str(c.value) for row in book[INSTRUCTIONS].iter_rows() for c in row if c.value]
    for sheet in SHEETS:
        assert f"Sheet «{sheet.name}»" in texts and sheet.help in texts
        for column in sheet.columns:
            assert column.header in texts
    assert all(rule in texts for _, rule in RULES)
    assert "Phường Ninh Kiều, Thành phố Cần Thơ" in texts
    assert "Đảng bộ tỉnh, thành phố; Đảng bộ xã, phường, đặc khu" in " ".join(texts)
    assert "54 giá trị: xem sheet «Danh mục», cột «Dân tộc»" in texts


def test_cells_are_written_by_type():
    stream = io.BytesIO()
    counts = write_workbook(
        {
            EVENTS.name: [
                {
                    "person": "0123",
                    "person_name": "=HYPERLINK(1)\x07",
                    "kind": "transfer_in",
                    "effective_on": dt.date(2025, 8, 10),
                    "admitted_on": dt.date(1899, 12, 30),
                    "status": "full",
                    "provincial_approval": True,
                }
            ]
        },
        stream,
        with_instructions=False,
    )
    assert counts[EVENTS.name] == 1 and counts[PERSONS.name] == 0
    stream.seek(0)
    book = load_workbook(stream)
    assert INSTRUCTIONS not in book.sheetnames and LISTS in book.sheetnames
    row = {c.value: v for c, v in zip(book[EVENTS.name][1], book[EVENTS.name][2], strict=True)}
    assert row["Mã hồ sơ"].value == "0123"
    assert (row["Họ và tên"].value, row["Họ và tên"].data_type) == ("=HYPERLINK(1)", "s")
    assert row["Loại sự kiện"].value == "Chuyển sinh hoạt đến (từ ngoài hệ thống)"
    assert row["Tư cách khi chuyển đến"].value == "Chính thức"
    assert row["Ngày hiệu lực"].value == dt.datetime(2025, 8, 10)
    assert row["Ngày vào Đảng (khi chuyển đến)"].value == "30/12/1899"
    assert row["Có ý kiến cấp ủy tỉnh"].value == "x"
    assert row["Số thẻ đảng viên"].value is None


def test_template_download_needs_a_login(client, small_tree):
    assert client.get("/trao-doi/mau/").status_code == 302
    client.force_login(small_tree.users.a_viewer)
    response = client.get("/trao-doi/mau/")
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert 'filename="mau-trao-doi-du-lieu.xlsx"' in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames[0] == INSTRUCTIONS


@pytest.mark.urls("tochuc.interchange.tests.test_export")
def test_api_template(client, small_tree):
    assert client.get("/api/interchange/template/").status_code == 403
    client.force_login(small_tree.users.a_viewer)
    response = client.get("/api/interchange/template/")
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def test_command_line_template(tmp_path):
    output = tmp_path / "mau.xlsx"
    call_command("export_workbook", template=str(output))
    assert load_workbook(output).sheetnames[1] == SHEETS[0].name
