"""The content of a report, independent of its file format: the quarterly report is
assembled into a `ReportDocument`, then rendered to DOCX, XLSX or PDF (`tochuc.reports.render`).

Cells keep their values (int, Decimal, date, str, None): the renderers format them the
Vietnamese way (3.114; 94,28%; 04/12/2025) for DOCX and PDF and keep numbers as numbers
in XLSX."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

Cell = int | Decimal | dt.date | str | None


@dataclass
class Table:
    """A figure table: `headers` over `rows`; `total` marks the last row as the total."""

    title: str
    headers: list[str]
    rows: list[list[Cell]]
    total: bool = False
    percent_columns: tuple[int, ...] = ()  # Decimal cells in these columns are percents


@dataclass
class Section:
    """A numbered part of the report ("I.", "1."): its paragraphs, tables and parts."""

    number: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@dataclass
class ReportDocument:
    """A party document (Hướng dẫn 36-HD/VPTW): header, title, sections, recipients, signer."""

    superior_body: str  # «ĐẢNG BỘ THÀNH PHỐ CẦN THƠ»
    issuing_body: str  # «BAN TỔ CHỨC THÀNH ỦY»
    number: str  # «Số 125-BC/BTCTU»
    place: str  # «Cần Thơ»
    issued_on: dt.date
    title: str  # «BÁO CÁO»
    subtitle: str  # «tình hình công tác tổ chức xây dựng Đảng quý IV-2025»
    sections: list[Section]
    recipients: list[str] = field(default_factory=list)
    signer_title: str = "TRƯỞNG BAN"
    signer_name: str = ""
    party_header: str = "ĐẢNG CỘNG SẢN VIỆT NAM"
