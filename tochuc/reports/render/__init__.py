"""Render a `ReportDocument` to DOCX, XLSX or PDF: `render(document, "docx")` → bytes.

Each format's module (`docx`, `xlsx`, `pdf`) is imported on first use: python-docx, openpyxl
and fpdf2 take seconds to import, which the site's startup need not pay."""

from __future__ import annotations

from importlib import import_module

from tochuc.reports.document import ReportDocument

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
EXTENSIONS = {fmt: f".{fmt}" for fmt in CONTENT_TYPES}  # the file name's ending, with its dot


def render(document: ReportDocument, fmt: str) -> bytes:
    """The document as a file of format `fmt` ("docx", "xlsx" or "pdf")."""
    if fmt not in CONTENT_TYPES:
        raise ValueError(f"Định dạng «{fmt}» không được hỗ trợ: chọn docx, xlsx hoặc pdf.")
    renderer = getattr(import_module(f"{__name__}.{fmt}"), f"render_{fmt}")
    return renderer(document)
