"""The fixed parts of a party document as text, shared by the three renderers."""

from __future__ import annotations

from collections.abc import Iterator

from tochuc.reports.document import ReportDocument, Section


def date_line(document: ReportDocument) -> str:
    """«Cần Thơ, ngày 04 tháng 12 năm 2025»: day and month on two digits."""
    day = document.issued_on
    return f"{document.place}, ngày {day:%d} tháng {day:%m} năm {day:%Y}"


def heading(section: Section) -> str:
    """«I. Công tác tổ chức»: the number, then the title."""
    return f"{section.number} {section.title}".strip()


def walk(sections: list[Section], depth: int = 0) -> Iterator[tuple[int, Section]]:
    """Every section in reading order with its depth (0 for «I.», 1 for «1.» …)."""
    for section in sections:
        yield depth, section
        yield from walk(section.sections, depth + 1)


def recipient_lines(recipients: list[str]) -> list[str]:
    """«- Ban Tổ chức Trung ương,» … the last one closed by a full stop."""
    lines = [f"- {name.strip().rstrip(',.;')}" for name in recipients]
    return [line + ("." if index == len(lines) - 1 else ",") for index, line in enumerate(lines)]
