"""PDF with fpdf2 in the DOCX's layout, in DejaVu Serif (vendored by `make static`), with
DejaVu Sans for the symbols the serif lacks.

DejaVu Serif is wider than Times New Roman, so sizes are one or two points below the DOCX's."""

from __future__ import annotations

import unicodedata
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from fpdf import FPDF, FontFace
from fpdf.enums import MethodReturnValue, XPos, YPos

from tochuc.reports.document import ReportDocument, Section, Table
from tochuc.reports.render.cells import column_widths, is_number, row_texts
from tochuc.reports.render.parts import date_line, heading, recipient_lines, walk

FAMILY = "DejaVuSerif"
FALLBACK = "DejaVuSans"  # symbols the serif lacks (✓ ✗)
FONT_FILES = {
    (FAMILY, ""): "DejaVuSerif.ttf",
    (FAMILY, "B"): "DejaVuSerif-Bold.ttf",
    (FAMILY, "I"): "DejaVuSerif-Italic.ttf",
    (FAMILY, "BI"): "DejaVuSerif-BoldItalic.ttf",
    (FALLBACK, ""): "DejaVuSans.ttf",
}
LEFT, TOP, RIGHT, BOTTOM = 30, 20, 15, 20  # mm, as the DOCX
TEXT_WIDTH = 210 - LEFT - RIGHT
HEADER_WIDTHS = (78, 87)
CLOSING_WIDTHS = (80, 85)
BODY_SIZE, HEADER_SIZE, TABLE_SIZE, SMALL_SIZE = 13, 12, 11, 11
CELL_PADDING = 1.2  # mm left and right in table cells
INDENT = 12.7
PT = 25.4 / 72  # mm per point
Line = tuple[str, str, float]  # text, style ("", "B", "I", "BI", "BU"), size in points


def font_dir() -> Path:
    """Where `make static` copies the DejaVu Serif fonts."""
    return Path(settings.BASE_DIR) / "tochuc" / "static" / "vendor" / "fonts"


class ReportPdf(FPDF):
    """A4 with the document's margins; the page number at the top center from page 2."""

    def __init__(self) -> None:
        super().__init__(format="A4", unit="mm")
        self.set_margins(LEFT, TOP, RIGHT)
        self.set_auto_page_break(True, margin=BOTTOM)
        for (family, style), name in FONT_FILES.items():
            path = font_dir() / name
            if not path.is_file():
                raise ImproperlyConfigured(
                    f"Thiếu tệp phông chữ {path} để xuất PDF: hãy chạy `make static`."
                )
            self.add_font(family, style, path)
        self.set_fallback_fonts([FALLBACK], exact_match=False)

    def header(self) -> None:
        """The page number, from the second page on."""
        if self.page_no() > 1:
            self.set_font(FAMILY, "", BODY_SIZE)
            self.set_y(10)
            self.cell(0, 6, str(self.page_no()), align="C")
            self.set_y(TOP)


def render_pdf(document: ReportDocument) -> bytes:
    """The report as a PDF."""
    pdf = ReportPdf()
    pdf.set_title(nfc(f"{document.title} {document.subtitle}"))
    pdf.set_author(nfc(document.issuing_body))
    pdf.set_lang("vi")
    pdf.add_page()
    _header(pdf, document)
    _title(pdf, document)
    for depth, section in walk(document.sections):
        _section(pdf, depth, section)
    _closing(pdf, document)
    return bytes(pdf.output())


def nfc(text: str) -> str:
    """Precomposed Vietnamese letters: fpdf2 draws no combining marks without shaping."""
    return unicodedata.normalize("NFC", text)


def _line_height(size: float) -> float:
    """A line of `size` points with 25% leading, in mm."""
    return size * PT * 1.25


def _lines(pdf: FPDF, width: float, lines: list[Line], align: str = "C") -> None:
    """(text, style, size) lines in a column starting at the current position."""
    for text, style, size in lines:
        pdf.set_font(FAMILY, style, size)
        pdf.multi_cell(
            width, _line_height(size), nfc(text), align=align, new_x=XPos.LEFT, new_y=YPos.NEXT
        )


def _height(pdf: FPDF, width: float, lines: list[Line]) -> float:
    """How tall `_lines` would draw these lines, in mm."""
    total = 0.0
    for text, style, size in lines:
        pdf.set_font(FAMILY, style, size)
        total += pdf.multi_cell(
            width, _line_height(size), nfc(text), dry_run=True, output=MethodReturnValue.HEIGHT
        )
    return total


def _two_columns(
    pdf: FPDF,
    widths: tuple[float, float],
    left: list[Line],
    right: list[Line],
    left_align: str = "C",
) -> None:
    """Two columns of lines side by side from the current line; the cursor goes below both."""
    top = pdf.get_y()
    pdf.set_xy(LEFT, top)
    _lines(pdf, widths[0], left, left_align)
    bottom = pdf.get_y()
    pdf.set_xy(LEFT + widths[0], top)
    _lines(pdf, widths[1], right)
    pdf.set_xy(LEFT, max(bottom, pdf.get_y()))


def _header(pdf: FPDF, document: ReportDocument) -> None:
    """Issuing body and number on the left, party header and place and date on the right."""
    size = HEADER_SIZE
    _two_columns(
        pdf,
        HEADER_WIDTHS,
        [
            (document.superior_body.upper(), "", size),
            (document.issuing_body.upper(), "B", size),
            ("*", "", size),
        ],
        [(document.party_header.upper(), "BU", size + 1)],
    )
    _two_columns(
        pdf, HEADER_WIDTHS, [(document.number, "", size)], [(date_line(document), "I", size)]
    )


def _title(pdf: FPDF, document: ReportDocument) -> None:
    """«BÁO CÁO», the subtitle and the short line under it."""
    pdf.ln(8)
    _lines(pdf, TEXT_WIDTH, [(document.title.upper(), "B", BODY_SIZE + 2)])
    _lines(pdf, TEXT_WIDTH, [(document.subtitle, "B", BODY_SIZE), ("-----", "", BODY_SIZE)])
    pdf.ln(4)


def _paragraph(pdf: FPDF, text: str, style: str = "") -> None:
    """A justified body paragraph: first line indented, lines at 1.2, 2 mm after."""
    pdf.set_font(FAMILY, style, BODY_SIZE)
    with (
        pdf.text_columns(text_align="J", line_height=1.2) as columns,
        columns.paragraph(first_line_indent=INDENT, bottom_margin=2) as paragraph,
    ):
        paragraph.write(nfc(text))


def _section(pdf: FPDF, depth: int, section: Section) -> None:
    """The heading (kept with what follows), paragraphs, tables."""
    if pdf.will_page_break(3 * _line_height(BODY_SIZE)):
        pdf.add_page()
    _paragraph(pdf, heading(section), "BI" if depth >= 2 else "B")
    for text in section.paragraphs:
        _paragraph(pdf, text)
    for table in section.tables:
        _table(pdf, table)


def _table(pdf: FPDF, table: Table) -> None:
    """Title, bordered grid with the bold header repeated on each page, numbers right."""
    if pdf.will_page_break(5 * _line_height(TABLE_SIZE)):
        pdf.add_page()
    pdf.ln(1)
    _lines(pdf, TEXT_WIDTH, [(table.title, "B", TABLE_SIZE)])
    pdf.ln(1)
    widths = column_widths(table, TEXT_WIDTH, partial(_measure, pdf), 2 * CELL_PADDING + 0.5)
    pdf.set_font(FAMILY, "", TABLE_SIZE)
    with pdf.table(
        width=TEXT_WIDTH,
        col_widths=widths,
        line_height=TABLE_SIZE * PT * 1.3,
        padding=(0.8, CELL_PADDING),
        repeat_headings=1,
        headings_style=FontFace(emphasis="BOLD"),
    ) as grid:
        head = grid.row()
        for text in table.headers:
            head.cell(nfc(text), align="C")
        for index, row in enumerate(table.rows, start=1):
            bold = table.total and index == len(table.rows)
            line = grid.row(style=FontFace(emphasis="BOLD") if bold else None)
            for value, text in zip(row, row_texts(table, row), strict=True):
                line.cell(nfc(text), align="R" if is_number(value) else "L")
    pdf.ln(3)


def _measure(pdf: FPDF, text: str, bold: bool) -> float:
    """A text's width in mm at the table size."""
    pdf.set_font(FAMILY, "B" if bold else "", TABLE_SIZE)
    return pdf.get_string_width(nfc(text))


def _closing(pdf: FPDF, document: ReportDocument) -> None:
    """«Nơi nhận:» and the recipients on the left, the signer on the right, on one page."""
    recipients = [("Nơi nhận:", "U", BODY_SIZE)]  # HD 36: in thường, gạch chân
    recipients += [(line, "", SMALL_SIZE) for line in recipient_lines(document.recipients)]
    signer = [(document.signer_title.upper(), "B", BODY_SIZE), *[("", "", BODY_SIZE)] * 4]
    if document.signer_name:
        signer.append((document.signer_name, "B", BODY_SIZE))
    pdf.ln(4)
    left, right = CLOSING_WIDTHS
    if pdf.will_page_break(max(_height(pdf, left, recipients), _height(pdf, right, signer))):
        pdf.add_page()
    _two_columns(pdf, CLOSING_WIDTHS, recipients, signer, left_align="L")
