"""The quarterly report «Báo cáo tình hình công tác tổ chức xây dựng Đảng quý N-YYYY».

Two steps, so that an issued report can be rendered again from its frozen figures:
`content(...)` computes the figures with the indicator registry into a JSON-able dict (the
shape documented in docs/report-json.md; it is what a snapshot keeps and what
`tochuc report --format json` prints), and `document(content)` writes the party document
(sections, sentences, tables) from that dict alone."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from tochuc.cadres.models import Body
from tochuc.cadres.selectors import seat_fill_by_child
from tochuc.cards.selectors import card_exchange_board
from tochuc.core.formatting import vn_date, vn_int
from tochuc.indicators.registry import (
    COUNTS,
    Query,
    figures,
    quarter_end,
    quarter_of,
    quarter_start,
)
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import Organization
from tochuc.organizations.pages import organization_name
from tochuc.reports.document import ReportDocument, Section, Table

VERSION = 1
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
QUARTER_PATTERN = re.compile(r"^([1-4])-(\d{4})$")
NAME_PREFIX = re.compile(
    r"^Đảng bộ (tỉnh|thành phố|xã|phường|đặc khu|khối|các cơ quan)?\s*", re.IGNORECASE
)


@dataclass(frozen=True)
class Quarter:
    number: int
    year: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """'4-2025' → Quarter(4, 2025); ValueError with a Vietnamese message otherwise."""
        match = QUARTER_PATTERN.match((text or "").strip())
        if not match:
            raise ValueError(f"Quý «{text}» không hợp lệ: hãy ghi theo dạng N-YYYY, ví dụ 4-2025.")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(quarter_of(day), day.year)

    @property
    def start(self) -> dt.date:
        return quarter_start(dt.date(self.year, 3 * self.number, 1))

    @property
    def end(self) -> dt.date:
        return quarter_end(self.number, self.year)

    @property
    def label(self) -> str:
        return f"quý {ROMAN[self.number]}-{self.year}"

    def __str__(self) -> str:
        return f"{self.number}-{self.year}"


def report_date(quarter: Quarter, as_of: dt.date | None = None) -> dt.date:
    """The date the figures stand at: `as_of` when given, else the quarter's end or today,
    whichever comes first."""
    return as_of or min(quarter.end, timezone.localdate())


def content(
    *, root: Organization, quarter: Quarter, on: dt.date, user=None, tasks: str = ""
) -> dict:
    """The figures of the report for `root`'s subtree: stocks at `on`, flows over the
    quarter up to `on`, cumulative figures since `registry.default_since(on)`."""
    query = Query.of(root, on, start=quarter.start, user=user)
    found = figures(query)
    return {
        "report": "quarterly",
        "version": VERSION,
        "organization": {
            "code": root.code,
            "name": organization_name(root, on),
            "kind": getattr(root.period_at(on), "kind", ""),
        },
        "quarter": str(quarter),
        "as_of": on.isoformat(),
        "period": {"start": query.start.isoformat(), "end": on.isoformat()},
        "since": query.since.isoformat(),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "figures": {key: figure.as_dict() for key, figure in found.items()},
        "tables": _tables(root, on, user),
        "tasks": tasks,
    }


def _tables(root: Organization, on: dt.date, user) -> list[dict]:
    """Per directly-under organization: seats filled and vacancies; card exchange."""
    children, _ = seat_fill_by_child(root=root, on=on)
    seat_rows = []
    for child in children:
        figures = [
            *_fill(child.fills.get(Body.EXECUTIVE_COMMITTEE)),
            *_fill(child.fills.get(Body.STANDING_COMMITTEE)),
            child.vacant,
        ]
        if any(figures):
            seat_rows.append([child.name or "Cơ quan cấp trên trực tiếp", *figures])
    seat_rows.append(["Tổng cộng", *(sum(row[i] for row in seat_rows) for i in range(1, 6))])
    cards, total = card_exchange_board(root=root, on=on, user=user)
    card_rows = [
        [row.name, row.progress.eligible, row.progress.done, _share(row.progress)]
        for row in cards
        if row.progress.eligible or row.progress.done
    ]
    card_rows.append(["Tổng cộng", total.eligible, total.done, _share(total)])
    return [
        {
            "key": "seats_by_child",
            "title": "Bố trí ủy viên cấp ủy và thiếu khuyết theo đơn vị",
            "headers": [
                "Đơn vị", "BCH đã bố trí", "BCH định mức", "BTV đã bố trí", "BTV định mức",
                "Thiếu khuyết",
            ],
            "rows": seat_rows,
            "percent_columns": [],
            "total": True,
        },
        {
            "key": "card_exchange_by_child",
            "title": "Tiến độ đổi thẻ đảng viên theo đơn vị",
            "headers": ["Đơn vị", "Thuộc diện đổi thẻ", "Đã đổi thẻ", "Tỷ lệ (%)"],
            "rows": card_rows,
            "percent_columns": [3],
            "total": True,
        },
    ]  # fmt: skip


def _fill(fill) -> tuple[int, int]:
    """(holdings, quota) of a body, zeros when the organization has no such seats."""
    return (fill.holdings, fill.quota) if fill else (0, 0)


def _share(progress) -> str | None:
    """done ÷ eligible in percent, two decimals half up, as a string (JSON keeps it exact);
    None without eligible members."""
    if not progress.eligible:
        return None
    share = Decimal(100 * progress.done) / Decimal(progress.eligible)
    return str(share.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# The document ------------------------------------------------------------------------------


def _bodies(organization: dict) -> tuple[str, str, str]:
    """(superior body, issuing body, place) from the organization's name and kind."""
    name = organization["name"]
    place = NAME_PREFIX.sub("", name) or name
    if organization["kind"] == Kind.PROVINCIAL_COMMITTEE:
        issuer = "BAN TỔ CHỨC THÀNH ỦY" if "thành phố" in name.lower() else "BAN TỔ CHỨC TỈNH ỦY"
    else:
        issuer = "BAN XÂY DỰNG ĐẢNG"
    return name.upper(), issuer, place


def sentences(content: dict) -> dict[str, list[str]]:
    """The report's sentences per section, written from the frozen figures the way the seed
    reports write them (3.114/3.129; 94,28%; 04/12/2025)."""
    f = content["figures"]
    on = dt.date.fromisoformat(content["as_of"])
    since = dt.date.fromisoformat(content["since"])
    start = dt.date.fromisoformat(content["period"]["start"])
    parts = {key: {p["key"]: p["value"] for p in fig["parts"]} for key, fig in f.items()}
    n = vn_int
    organization = [
        f"Tính đến ngày {vn_date(on)}, toàn Đảng bộ có {n(f['organizations']['value'])} tổ chức "
        f"cơ sở đảng ({n(parts['organizations']['sub_committees'])} đảng bộ bộ phận, "
        f"{n(parts['organizations']['cells'])} chi bộ) với {n(f['members']['value'])} đảng viên "
        f"({n(parts['members']['full'])} chính thức, {n(parts['members']['probationary'])} "
        "dự bị).",
    ]
    vacancies = parts["vacancies"]
    vacancy_text = (
        f"Tổng số thiếu khuyết theo hướng dẫn của Trung ương {n(f['vacancies']['value'])}; "
        f"{n(vacancies['self'])} tự đảm bảo; {n(vacancies['support'])} cần thành phố tăng "
        "cường, biệt phái, điều động"
    )
    if vacancies["none"]:
        vacancy_text += f"; {n(vacancies['none'])} chưa có phương án"
    cadres = [
        f"Bố trí {f['seats_executive']['text']} chức danh ủy viên Ban Chấp hành Đảng bộ cấp xã; "
        f"{f['seats_standing']['text']} ủy viên Ban Thường vụ.",
        vacancy_text + ".",
        f"Trong quý (từ {vn_date(start)} đến {vn_date(on)}), bổ nhiệm, bổ nhiệm lại, giới thiệu "
        f"ứng cử, chuẩn y {n(f['appointments']['value'])} cán bộ.",
    ]
    mobility = [
        f"Tăng cường từ các sở, ban, ngành về cấp xã {n(f['reinforcements']['value'])} trường "
        f"hợp (lũy kế từ {vn_date(since)} đến {vn_date(on)}); các xã, phường điều động, kiện "
        f"toàn {n(f['commune_moves']['value'])} trường hợp.",
    ]
    members = [_admissions(f["admissions_year"], on), _admissions(f["admissions_term"], on)]
    card = f["card_exchange"]
    if card["whole"]:
        members.append(f"Đổi thẻ {n(card['value'])} đảng viên (đạt {card['percent']}).")
    exits = [f"{p['label']} {n(p['value'])}" for p in f["member_changes"]["parts"] if p["value"]]
    members.append(
        f"Trong quý, kết nạp {n(f['member_changes']['value'])} đảng viên"
        + "".join(f"; {text}" for text in exits)
        + "."
    )
    training = [
        f"Từ đầu năm {on.year}, cử {n(f['political_theory']['value'])} cán bộ đi đào tạo cao "
        f"cấp, trung cấp lý luận chính trị; {n(f['refresher']['value'])} lượt bồi dưỡng "
        "chuyên môn, nghiệp vụ.",
    ]
    staffing = f["staffing"]
    if staffing["whole"]:
        training.append(
            f"Tinh giản {n(staffing['value'])} biên chế, đạt {staffing['percent']} so với biên "
            "chế năm 2015."
        )
    return {
        "organization": organization,
        "cadres": cadres,
        "mobility": mobility,
        "members": members,
        "training": training,
    }


def _admissions(figure: dict, on: dt.date) -> str:
    if not figure["whole"]:
        return (
            f"Kết nạp {vn_int(figure['value'])} đảng viên (chưa có chỉ tiêu {figure['note']}; "
            f"đến {vn_date(on)})."
        )
    return (
        f"Kết nạp {vn_int(figure['value'])} đảng viên, đạt {figure['percent']} chỉ tiêu "
        f"{figure['note']} (đến {vn_date(on)})."
    )


def figure_table(content: dict) -> Table:
    """Every figure with its unit, whole, percent and reconciliation (the appendix)."""
    rows = []
    for fig in content["figures"].values():
        checks = "; ".join(("✓ " if c["ok"] else "✗ ") + c["label"] for c in fig["checks"])
        rows.append(
            [
                fig["label"],
                fig["value"],
                fig["whole"],
                fig["percent"] or "",
                COUNTS[fig["counts"]],
                " ".join(x for x in (fig["note"], checks) if x),
            ]
        )
    return Table(
        title="Bảng số liệu",
        headers=["Chỉ tiêu", "Số lượng", "Trên tổng số", "Tỷ lệ", "Đơn vị tính", "Ghi chú"],
        rows=rows,
    )


def document(content: dict, *, number: str = "", signer_name: str = "") -> ReportDocument:
    """The party document of a report's content (Hướng dẫn 36-HD/VPTW layout is the
    renderers' job)."""
    quarter = Quarter.parse(content["quarter"])
    on = dt.date.fromisoformat(content["as_of"])
    superior, issuer, place = _bodies(content["organization"])
    text = sentences(content)
    tables = [
        Table(
            title=t["title"],
            headers=t["headers"],
            rows=[[_decimal(cell) for cell in row] for row in t["rows"]],
            total=t["total"],
            percent_columns=tuple(t["percent_columns"]),
        )
        for t in content["tables"]
    ]
    tasks = [line.strip() for line in (content.get("tasks") or "").splitlines() if line.strip()]
    return ReportDocument(
        superior_body=superior,
        issuing_body=issuer,
        number=number or "Số      -BC/BTC",
        place=place,
        issued_on=on,
        title="BÁO CÁO",
        subtitle=f"tình hình công tác tổ chức xây dựng Đảng {quarter.label}",
        sections=[
            Section("I.", "CÔNG TÁC TỔ CHỨC BỘ MÁY", text["organization"]),
            Section("II.", "CÔNG TÁC CÁN BỘ", text["cadres"], tables=tables[:1]),
            Section("III.", "ĐIỀU ĐỘNG, TĂNG CƯỜNG, LUÂN CHUYỂN CÁN BỘ", text["mobility"]),
            Section("IV.", "CÔNG TÁC ĐẢNG VIÊN", text["members"], tables=tables[1:]),
            Section("V.", "ĐÀO TẠO, BỒI DƯỠNG VÀ BIÊN CHẾ", text["training"]),
            Section("VI.", "NHIỆM VỤ TRỌNG TÂM QUÝ TỚI", tasks or ["(Chưa nhập nhiệm vụ.)"]),
            Section("", "PHỤ LỤC: BẢNG SỐ LIỆU", tables=[figure_table(content)]),
        ],
        recipients=["Thường trực cấp ủy (để báo cáo)", "Lưu Văn phòng"],
        signer_title="TRƯỞNG BAN",
        signer_name=signer_name,
    )


def _decimal(cell):
    """Percent cells travel as strings in JSON; the document wants Decimals."""
    if isinstance(cell, str) and re.fullmatch(r"\d+(\.\d+)?", cell):
        return Decimal(cell)
    return cell
