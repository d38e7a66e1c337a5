"""The report document rendered to DOCX, XLSX and PDF, re-opened and checked."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import docx
import openpyxl
import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from tochuc.reports.document import ReportDocument, Section, Table
from tochuc.reports.render import CONTENT_TYPES, EXTENSIONS, render
from tochuc.reports.render.cells import format_cell
from tochuc.reports.render.pdf import font_dir
from tochuc.reports.render.xlsx import sheet_name


def sample_document() -> ReportDocument:
    """A short quarterly report: two parts, a nested one, a table with a total row."""
    seats = Table(
        title="Bố trí chức danh ủy viên Ban Chấp hành Đảng bộ cấp xã",
        headers=["Đơn vị", "Đã bố trí", "Tỷ lệ", "Ngày số liệu"],
        rows=[
            ["Phường Cái Khế", 29, Decimal("96.67"), dt.date(2025, 12, 2)],
            ["Xã Phong Điền", 27, Decimal("90.00"), dt.date(2025, 12, 2)],
            ["Tổng cộng", 3114, Decimal("94.28"), None],
        ],
        total=True,
        percent_columns=(2,),
    )
    return ReportDocument(
        superior_body="Đảng bộ thành phố Cần Thơ",
        issuing_body="Ban Tổ chức Thành ủy",
        number="Số 125-BC/BTCTU",
        place="Cần Thơ",
        issued_on=dt.date(2025, 12, 4),
        title="Báo cáo",
        subtitle="tình hình công tác tổ chức xây dựng Đảng quý IV năm 2025",
        sections=[
            Section(
                number="I.",
                title="Kết quả thực hiện",
                paragraphs=["Ban Tổ chức Thành ủy đã tham mưu kiện toàn tổ chức bộ máy."],
                sections=[
                    Section(
                        number="1.",
                        title="Công tác cán bộ",
                        paragraphs=["Bố trí 3.114/3.129 chức danh ủy viên (✓ đối chiếu)."],
                        tables=[seats],
                    )
                ],
            ),
            Section(number="II.", title="Phương hướng, nhiệm vụ quý I năm 2026"),
        ],
        recipients=["Ban Tổ chức Trung ương", "Thường trực Thành ủy", "Lưu Văn phòng"],
        signer_name="Nguyễn Văn Minh",
    )


@pytest.fixture(scope="module")
def document() -> ReportDocument:
    return sample_document()


def docx_texts(word: docx.document.Document) -> list[str]:
    """Every paragraph's text, in the body and in table cells."""
    texts = [paragraph.text for paragraph in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return texts


def test_docx_has_the_party_layout(document):
    word = docx.Document(io.BytesIO(render(document, "docx")))
    texts = "\n".join(docx_texts(word))
    for expected in (
        "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ",
        "BAN TỔ CHỨC THÀNH ỦY",
        "Số 125-BC/BTCTU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Cần Thơ, ngày 04 tháng 12 năm 2025",
        "BÁO CÁO",
        "tình hình công tác tổ chức xây dựng Đảng quý IV năm 2025",
        "I. Kết quả thực hiện",
        "1. Công tác cán bộ",
        "II. Phương hướng, nhiệm vụ quý I năm 2026",
        "3.114",
        "94,28%",
        "02/12/2025",
        "- Ban Tổ chức Trung ương,",
        "- Lưu Văn phòng.",
        "TRƯỞNG BAN",
        "Nguyễn Văn Minh",
    ):
        assert expected in texts
    normal = word.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(docx.oxml.ns.qn(f"w:{s}")) for s in ("eastAsia", "cs")} == {"Times New Roman"}
    section = word.sections[0]
    lengths = ("page_width", "page_height", "top_margin", "bottom_margin", "left_margin")
    millimetres = [getattr(section, name).mm for name in (*lengths, "right_margin")]
    assert millimetres == pytest.approx([210, 297, 20, 20, 30, 15], abs=0.1)
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


def test_docx_table_aligns_numbers_and_bolds_the_total(document):
    word = docx.Document(io.BytesIO(render(document, "docx")))
    grid = word.tables[1]
    total = grid.rows[-1].cells
    assert [cell.text for cell in total] == ["Tổng cộng", "3.114", "94,28%", "—"]
    assert all(run.bold for cell in total for run in cell.paragraphs[0].runs)
    assert total[1].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT


def test_xlsx_keeps_numbers_percents_and_dates_typed(document):
    workbook = openpyxl.load_workbook(io.BytesIO(render(document, "xlsx")))
    assert workbook.sheetnames[0] == "Báo cáo"
    text = [row[0] for row in workbook["Báo cáo"].iter_rows(values_only=True)]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "1. Công tác cán bộ" in text
    sheet = workbook[workbook.sheetnames[1]]
    assert sheet["A1"].value == document.sections[0].sections[0].tables[0].title
    assert sheet["A2"].font.bold
    assert sheet.freeze_panes == "A3"
    assert sheet["B5"].value == 3114
    assert isinstance(sheet["B5"].value, int)
    assert sheet["B5"].font.bold
    assert sheet["C5"].value == pytest.approx(0.9428)
    assert sheet["C5"].number_format == "0.00%"
    assert sheet["D3"].value.date() == dt.date(2025, 12, 2)
    assert sheet["D3"].number_format == "DD/MM/YYYY"


def test_pdf_text_is_vietnamese(document):
    content = render(document, "pdf")
    assert content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Cần Thơ, ngày 04 tháng 12 năm 2025", "3.114"):
        assert expected in text
    assert "94,28%" in text
    assert "✓ đối chiếu" in text  # drawn with the fallback font


def test_pdf_names_the_missing_font(document, settings, tmp_path):
    settings.BASE_DIR = tmp_path
    with pytest.raises(ImproperlyConfigured, match="make static"):
        render(document, "pdf")
    assert font_dir() == tmp_path / "tochuc" / "static" / "vendor" / "fonts"


def test_formats_are_declared():
    assert set(CONTENT_TYPES) == set(EXTENSIONS) == {"docx", "xlsx", "pdf"}
    with pytest.raises(ValueError, match="odt"):
        render(sample_document(), "odt")


@pytest.mark.parametrize(
    ("value", "percent", "expected"),
    [
        (3114, False, "3.114"),
        (Decimal("94.28"), True, "94,28%"),
        (Decimal("94.275"), True, "94,28%"),
        (Decimal("14.6"), False, "14,6"),
        (Decimal("1234.5"), False, "1.234,5"),
        (dt.date(2025, 12, 4), False, "04/12/2025"),
        (None, False, "—"),
        ("Phường Cái Khế", False, "Phường Cái Khế"),
    ],
)
def test_cells_are_formatted_the_vietnamese_way(value, percent, expected):
    assert format_cell(value, percent=percent) == expected


@given(st.integers(min_value=0))
def test_integers_read_back_through_their_thousands_dots(number):
    text = format_cell(number)
    groups = text.split(".")
    assert all(len(group) == 3 for group in groups[1:]) and 1 <= len(groups[0]) <= 3
    assert int("".join(groups)) == number


@given(st.lists(st.text(max_size=40), max_size=12))
def test_sheet_names_are_valid_and_unique(titles):
    taken: set[str] = set()
    names = [sheet_name(title, taken) for title in titles]
    assert len({name.casefold() for name in names}) == len(names)
    for name in names:
        assert 0 < len(name) <= 31 and name.isprintable() and name[0] != "'" != name[-1]
        assert not set(name) & set("[]:*?/\\")
