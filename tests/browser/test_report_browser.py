"""In Chromium: the quarterly report previewed, downloaded as DOCX (content and party layout
checked), then issued; its page then shows no change since."""

import io
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm

from tests.fixtures import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_preview_download_docx_and_issue(page, live_server, quarter_data):
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", quarter_data.tree.users.province_admin.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()

    page.click("nav >> text=Tra cứu")
    page.click("#report-menu")
    page.wait_for_url("**/bao-cao/**")
    page.fill("#id_ma", "P")
    page.select_option("#id_quarter", "4-2025")
    page.fill("#id_as_of", "04/12/2025")
    page.fill("#id_number", "Số 12-BC/BTCTU")
    page.fill("#id_tasks", "Tổ chức tổng kết năm 2025")
    page.click("#preview-button")
    page.wait_for_selector("#report-text")
    assert "Bố trí 7/9 chức danh ủy viên Ban Chấp hành" in page.inner_text("#report-text")
    page.screenshot(path="test-results/report-preview.png", full_page=True)

    with page.expect_download() as download:
        page.click("#download-docx")
    doc = Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    header = doc.tables[0]
    assert "ĐẢNG BỘ THÀNH PHỐ MỚI" in header.cell(0, 0).text
    assert "BAN TỔ CHỨC THÀNH ỦY" in header.cell(0, 0).text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header.cell(0, 1).text
    assert "Mới, ngày 04 tháng 12 năm 2025" in "\n".join(
        cell.text for row in header.rows for cell in row.cells
    )
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in body and "Tổ chức tổng kết năm 2025" in body
    assert "Kết nạp 3 đảng viên, đạt 50,00% chỉ tiêu năm 2025 (đến 04/12/2025)." in body
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    assert Mm(30) <= section.left_margin <= Mm(35)
    assert doc.styles["Normal"].font.name == "Times New Roman"

    page.click("#issue-button")
    page.wait_for_url("**/bao-cao/*/")
    assert page.locator("#no-changes").is_visible()
    with page.expect_download() as download:
        page.click("#download-pdf")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
