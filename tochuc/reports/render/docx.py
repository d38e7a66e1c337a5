"""DOCX in the layout of party documents (Hướng dẫn 36-HD/VPTW, 2018), with python-docx."""

from __future__ import annotations

import io
from dataclasses import dataclass

import docx
from docx.document import Document as Word
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from tochuc.reports.document import ReportDocument, Section, Table
from tochuc.reports.render.cells import column_widths, is_number, row_texts
from tochuc.reports.render.parts import date_line, heading, recipient_lines, walk

FONT = "Times New Roman"
TEXT_WIDTH = Mm(165)  # A4 210 mm less the 30 mm left and 15 mm right margins
HEADER_WIDTHS = (Mm(82), Mm(83))
CLOSING_WIDTHS = (Mm(80), Mm(85))
CENTER, LEFT, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
BODY_INDENT = Cm(1.27)
TABLE_SIZE = 13
PT_MM = 25.4 / 72
CELL_PADDING = 4.8  # mm: Word's 1.9 mm either side, and a margin for the estimate


@dataclass(frozen=True)
class Text:
    """One paragraph's text and its character format."""

    text: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: WD_ALIGN_PARAGRAPH = CENTER


def render_docx(document: ReportDocument) -> bytes:
    """The report as a Word document."""
    word = docx.Document()
    _set_up_page(word)
    _set_up_fonts(word)
    _header(word, document)
    _title(word, document)
    for depth, section in walk(document.sections):
        _section(word, depth, section)
    _closing(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_up_page(word: Word) -> None:
    """A4, margins 20/20/30/15 mm, page numbers at the top center from the second page."""
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an empty header on page 1
    number = section.header.paragraphs[0]
    number.alignment = CENTER
    _page_field(number)


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field: Word and LibreOffice fill in the page's number."""
    _field_char(paragraph, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    paragraph.add_run()._r.append(instruction)
    _field_char(paragraph, "separate")
    paragraph.add_run("2")
    _field_char(paragraph, "end")


def _field_char(paragraph: Paragraph, kind: str) -> None:
    """A field's begin, separate or end mark."""
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _set_up_fonts(word: Word) -> None:
    """Times New Roman 14 for every script, Vietnamese language, no spacing by default."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    _fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _fonts(normal.element.get_or_add_rPr())
    word.styles["Header"].font.size = Pt(14)


def _fonts(rpr) -> None:
    """rFonts with the font named for ASCII, high ANSI, East Asian and complex scripts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.attrib.clear()
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.attrib.clear()
    lang.set(qn("w:val"), "vi-VN")


def _write(paragraph: Paragraph, text: Text) -> Paragraph:
    """Put `text` into `paragraph` with its format."""
    paragraph.alignment = text.align
    run = paragraph.add_run(text.text)
    run.font.size = Pt(text.size)
    run.bold, run.italic, run.underline = text.bold, text.italic, text.underline
    return paragraph


def _fill(cell, texts: list[Text]) -> None:
    """A table cell's paragraphs, the first one reusing the cell's empty paragraph."""
    for index, text in enumerate(texts):
        _write(cell.paragraphs[0] if index == 0 else cell.add_paragraph(), text)


def _layout_table(word: Word, rows: int, widths: list[Length]) -> DocxTable:
    """A table of fixed column widths (Word reads the cells, LibreOffice the grid)."""
    table = word.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def _header(word: Word, document: ReportDocument) -> None:
    """Issuing body and number on the left, party header and place and date on the right."""
    table = _layout_table(word, 2, list(HEADER_WIDTHS))
    _fill(
        table.cell(0, 0),
        [
            Text(document.superior_body.upper()),
            Text(document.issuing_body.upper(), bold=True),
            Text("*"),
        ],
    )
    party = Text(document.party_header.upper(), size=15, bold=True, underline=True)
    _fill(table.cell(0, 1), [party])
    _fill(table.cell(1, 0), [Text(document.number)])
    _fill(table.cell(1, 1), [Text(date_line(document), italic=True)])


def _title(word: Word, document: ReportDocument) -> None:
    """«BÁO CÁO», the subtitle and the short line under it."""
    title = _write(word.add_paragraph(), Text(document.title.upper(), size=16, bold=True))
    title.paragraph_format.space_before = Pt(24)
    _write(word.add_paragraph(), Text(document.subtitle, bold=True))
    line = _write(word.add_paragraph(), Text("-----"))
    line.paragraph_format.space_after = Pt(12)


def _body(word: Word, text: Text) -> Paragraph:
    """A justified paragraph of the body: first line indented, 6 pt after, lines at 1.2."""
    paragraph = _write(word.add_paragraph(), text)
    layout = paragraph.paragraph_format
    layout.first_line_indent = BODY_INDENT
    layout.space_after = Pt(6)
    layout.line_spacing = 1.2
    return paragraph


def _section(word: Word, depth: int, section: Section) -> None:
    """The heading (bold; bold italic below the second level), paragraphs, tables."""
    title = Text(heading(section), bold=True, italic=depth >= 2, align=JUSTIFY)
    _body(word, title).paragraph_format.keep_with_next = True
    for text in section.paragraphs:
        _body(word, Text(text, align=JUSTIFY))
    for table in section.tables:
        _table(word, table)


def _table(word: Word, table: Table) -> None:
    """Title, bordered grid, bold header repeated on every page, numbers right, total bold."""
    caption = _write(word.add_paragraph(), Text(table.title, size=TABLE_SIZE, bold=True))
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(3)
    caption.paragraph_format.keep_with_next = True
    widths = [Mm(width) for width in column_widths(table, TEXT_WIDTH.mm, _measure, CELL_PADDING)]
    grid = _layout_table(word, 1 + len(table.rows), widths)
    grid.style = word.styles["Table Grid"]
    _repeat_as_header(grid.rows[0])
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        _fill(cell, [Text(header, size=TABLE_SIZE, bold=True)])
    for index, row in enumerate(table.rows, start=1):
        bold = table.total and index == len(table.rows)
        texts = row_texts(table, row)
        for cell, value, text in zip(grid.rows[index].cells, row, texts, strict=True):
            align = RIGHT if is_number(value) else LEFT
            _fill(cell, [Text(text, size=TABLE_SIZE, bold=bold, align=align)])
    for cell in (cell for row in grid.rows for cell in row.cells):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    word.add_paragraph().paragraph_format.space_after = Pt(6)


def _measure(text: str, bold: bool) -> float:
    """A text's width in mm at the table size, from Times New Roman's average letter width."""
    return len(text) * TABLE_SIZE * PT_MM * (0.56 if bold else 0.5)


def _repeat_as_header(row) -> None:
    """Mark a row as the table's header: repeated at the top of each page, never split."""
    properties = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        properties.append(OxmlElement(tag))


def _closing(word: Word, document: ReportDocument) -> None:
    """«Nơi nhận:» and the recipients on the left, the signer on the right, kept together."""
    word.add_paragraph()
    table = _layout_table(word, 1, list(CLOSING_WIDTHS))
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    recipients = [Text(line, size=12, align=LEFT) for line in recipient_lines(document.recipients)]
    received = Text("Nơi nhận:", underline=True, align=LEFT)  # HD 36: in thường 14, gạch chân
    _fill(table.cell(0, 0), [received, *recipients])
    signer = [Text(document.signer_title.upper(), bold=True), *[Text("")] * 4]
    if document.signer_name:
        signer.append(Text(document.signer_name, bold=True))
    _fill(table.cell(0, 1), signer)
