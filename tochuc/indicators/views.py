"""Pages of the indicators: the dashboard (every registered figure for a subtree as of a
date, with its drill-downs, charts and trends) and the drill-down list of one figure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from tochuc.core.formatting import parse_vn_date, vn_date, vn_int
from tochuc.core.tabular import export_format, table_response
from tochuc.indicators import charts, registry
from tochuc.indicators.drilldown import drill_value, tally
from tochuc.indicators.registry import (
    Figure,
    Query,
    quarter_of,
    quarter_start,
)
from tochuc.organizations.pages import chosen_organization, organization_name

PER_PAGE = 50

SECTIONS = {
    "members": "Đảng viên",
    "cadres": "Cán bộ, chức danh",
    "organization": "Tổ chức đảng",
    "mobility": "Điều động, tăng cường cán bộ",
    "staffing": "Biên chế",
    "training": "Đào tạo, bồi dưỡng",
}
"""Dashboard sections in the order shown (an indicator of another section comes last);
sections of one or two figures share a row."""

WHOLE_LABELS = {"card_exchange": "thuộc diện đổi thẻ"}
"""How the denominator of a figure is called when it can be drilled into."""


# The query of a page: root, date, period ---------------------------------------------------


def page_query(request, root) -> tuple[Query, dict[str, str], list[str]]:
    """The registry query of a page: `root`, `request.as_of`, and `?start=` (start of the
    period of flows) and `?since=` (start of cumulative figures), dd/mm/yyyy or ISO, by
    default `Query.of`'s. Returns the query, the dates given (ISO, to carry in links) and
    the Vietnamese errors of those refused."""
    on = request.as_of
    given: dict[str, dt.date] = {}
    errors = []
    for name, label in (("start", "Ngày đầu kỳ"), ("since", "Ngày bắt đầu lũy kế")):
        raw = (request.GET.get(name) or "").strip()
        if not raw:
            continue
        try:
            day = parse_vn_date(raw)
        except ValueError as exc:
            errors.append(f"{label}: {exc} Đang dùng ngày mặc định.")
            continue
        if day > on:
            errors.append(
                f"{label} {vn_date(day)} sau ngày tính số liệu {vn_date(on)}: "
                "đang dùng ngày mặc định."
            )
            continue
        given[name] = day
    query = Query.of(root, on, user=request.user, **given)
    return query, {name: day.isoformat() for name, day in given.items()}, errors


def given_text(dates: dict[str, str]) -> dict[str, str]:
    """The dates given in the query string, dd/mm/yyyy, to show back in the form."""
    return {name: vn_date(dt.date.fromisoformat(day)) for name, day in dates.items()}


def period_text(query: Query) -> str:
    """«Quý IV/2025: từ 01/10/2025 đến 04/12/2025», or «Kỳ: từ … đến …» for another start."""
    span = f"từ {vn_date(query.start)} đến {vn_date(query.on)}"
    if query.start == quarter_start(query.on):
        return f"Quý {charts.ROMAN[quarter_of(query.on)]}/{query.on.year}: {span}"
    return f"Kỳ: {span}"


def span_text(indicator: registry.Indicator, query: Query) -> str:
    """When a figure is counted: on the date, in the period, from the start of the year or
    term, or cumulative since `since`."""
    on = vn_date(query.on)
    return {
        "stock": f"tại ngày {on}",
        "period": period_text(query),
        "year": f"từ {vn_date(dt.date(query.year, 1, 1))} đến {on}",
        "term": f"từ đầu nhiệm kỳ đến {on}",
        "cumulative": f"lũy kế từ {vn_date(query.since)} đến {on}",
    }.get(indicator.span, registry.SPANS.get(indicator.span, ""))


def records_url(key: str, root, on: dt.date, dates: dict[str, str], part: str = "") -> str:
    """The drill-down list of `key`'s figure (or its `part`) for `root` on `on`."""
    params = {"org": root.pk, "as_of": on.isoformat(), **dates}
    if part:
        params["part"] = part
    return f"{reverse('indicators:records', args=[key])}?{urlencode(params)}"


def dashboard_url(organization_id: int, on: dt.date, dates: dict[str, str]) -> str:
    params = {"org": organization_id, "as_of": on.isoformat(), **dates}
    return f"{reverse('indicators:dashboard')}?{urlencode(params)}"


# Dashboard -------------------------------------------------------------------------------------


@dataclass
class PartLink:
    key: str
    label: str
    value: int
    href: str | None  # None when the part cannot be drilled into


@dataclass
class Card:
    """One figure on the dashboard, with the links to the records behind it."""

    figure: Figure
    href: str
    span: str
    parts: list[PartLink] = field(default_factory=list)
    whole: PartLink | None = None
    note: str = ""

    @property
    def indicator(self):
        return self.figure.indicator

    @property
    def text_parts(self) -> tuple[str, str]:
        """The figure's text split into the number shown large and the rest («(đạt P%)»)."""
        main, _, rest = self.figure.text.partition(" ")
        return main, rest

    @property
    def bar(self) -> int | None:
        """Width (0–100) of the progress bar of a figure with a whole."""
        if not self.figure.whole:
            return None
        return max(0, min(100, round(self.figure.value * 100 / self.figure.whole)))


@dataclass
class Section:
    """The figures of one report section (members, cadres, …) on the dashboard."""

    label: str
    cards: list[Card]

    @property
    def width(self) -> int:
        """Columns (of 12) of a wide screen: a full row from four figures on."""
        return 12 if len(self.cards) >= 4 else 3 * len(self.cards)


def figure_cards(found: dict[str, Figure], query: Query, dates: dict[str, str]) -> list[Section]:
    """The registry's figures for the query, as cards grouped by section."""
    sections: dict[str, list[Card]] = {}
    for key, figure in found.items():
        indicator = figure.indicator

        def url(part: str, key=key) -> str:
            return records_url(key, query.root, query.on, dates, part)

        parts = [
            PartLink(p.key, p.label, p.value, url(p.key) if p.key in indicator.drills else None)
            for p in figure.parts
        ]
        whole = None
        if figure.whole is not None and "whole" in indicator.drills:
            label = WHOLE_LABELS.get(key, "mẫu số")
            whole = PartLink("whole", label, figure.whole, url("whole"))
        note = figure.note
        if indicator.span == "year" and note == f"năm {query.year}":
            note = ""  # the span already says «từ 01/01/yyyy»
        card = Card(figure, url(""), span_text(indicator, query), parts, whole, note)
        sections.setdefault(indicator.section, []).append(card)
    order = list(SECTIONS)
    return [
        Section(SECTIONS.get(section, section), cards)
        for section, cards in sorted(
            sections.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99
        )
    ]


def chart_payload(
    query: Query, dates: dict[str, str], found: dict[str, Figure]
) -> tuple[dict, dict]:
    """The charts' series: the JSON data for Chart.js and the same rows for the tables
    (`found`: the figures of the query, reused as the trend's last point)."""
    root, on, user = query.root, query.on, query.user
    admissions = charts.admissions_by_month(root=root, on=on, user=user)
    seat_fill = charts.seat_fill_by_child(root=root, on=on)
    cards = charts.card_exchange_by_child(root=root, on=on, user=user)
    fields = charts.vacancies_by_field(root=root, on=on)
    trend = charts.quarterly_trend(root=root, on=on, user=user, known=found)
    shown = 15  # bars of a per-organization chart: the lowest rates, all rows in the table

    def shares(rows):
        return {
            "labels": [row.name for row in rows[:shown]],
            "ratio": [row.ratio for row in rows[:shown]],
            "value": [row.value for row in rows[:shown]],
            "whole": [row.whole for row in rows[:shown]],
            "truncated": len(rows) > shown,
        }

    data = {
        "admissions": {
            "labels": [f"T{m.month}" for m in admissions.months],
            "admitted": [m.admitted for m in admissions.months],
            "cumulative": [m.cumulative for m in admissions.months],
            "planned": [admissions.planned(m.month) for m in admissions.months],
            "target": admissions.target,
        },
        "seat_fill": shares(seat_fill),
        "card_exchange": shares(cards),
        "vacancies": {
            "labels": [row.label for row in fields],
            "self_sourced": [row.self_sourced for row in fields],
            "needs_support": [row.needs_support for row in fields],
            "unplanned": [row.unplanned for row in fields],
        },
        "trend": {
            "labels": [point.label for point in trend],
            "members": [point.value("members") for point in trend],
            "vacancies": [point.value("vacancies") for point in trend],
            "seats_executive": [point.ratio("seats_executive") for point in trend],
        },
    }
    tables = {
        "admissions": admissions,
        "admission_rows": [(m, admissions.planned(m.month)) for m in admissions.months],
        "seat_fill": seat_fill,
        "card_exchange": cards,
        "vacancies": fields,
        "trend": trend,
        "shown": shown,
        "child_url": {
            row.organization_id: dashboard_url(row.organization_id, on, dates)
            for row in [*seat_fill, *cards]
            if not row.direct
        },
    }
    return data, tables


@login_required
@require_GET
def dashboard(request):
    """Tổng quan: every indicator of the registry for the chosen subtree as of the date,
    each linked to the records behind it; charts and the trend of the last quarters."""
    root = chosen_organization(request)
    query, dates, errors = page_query(request, root)
    found = registry.figures(query)
    data, tables = chart_payload(query, dates, found)
    context = {
        "root": root,
        "heading": organization_name(root, query.on),
        "query": query,
        "dates": dates,
        "given": given_text(dates),
        "period": period_text(query),
        "since": vn_date(query.since),
        "sections": figure_cards(found, query, dates),
        "chart_data": data,
        "tables": tables,
        "errors": errors,
    }
    return render(request, "indicators/dashboard.html", context)


# Drill-down ----------------------------------------------------------------------------------


def cell(value, header: str = "") -> str:
    """A list cell the Vietnamese way: dates dd/mm/yyyy, whole numbers 3.114 (years as
    years), yes/no, nothing as empty."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.datetime):
        return vn_date(value.date())
    if isinstance(value, dt.date):
        return vn_date(value)
    if isinstance(value, int):
        return str(value) if header.lower().startswith("năm") else vn_int(value)
    return str(value)  # text, a decision «số … ngày …», a class


@login_required
@require_GET
def records(request, key: str):
    """The records behind one figure (`?part=`: "" the value, "whole", or a part offered by
    the indicator) for the chosen subtree as of the date, 50 a page, reconciled with the
    figure; all of them as a file with `?xuat=xlsx|csv`."""
    try:
        indicator = registry.get(key)
    except KeyError as exc:
        raise Http404("Chỉ tiêu không có trong danh mục.") from exc
    part = request.GET.get("part", "")
    if part not in indicator.drills:
        raise Http404("Chỉ tiêu này không có danh sách cho phần đã chọn.")
    root = chosen_organization(request)
    query, dates, errors = page_query(request, root)
    figure = indicator.compute(query)
    found = registry.records(key, query, part)
    part_label = {"": "", "whole": WHOLE_LABELS.get(key, "mẫu số")}.get(part)
    if part_label is None:
        part_label = next(p.label for p in figure.parts if p.key == part)
    if export_format(request):
        heading = organization_name(root, query.on)
        label = f"{indicator.label}: {part_label}" if part_label else indicator.label
        return table_response(
            request,
            name=f"chi-so-{key}",
            title=f"{label} — {heading}, {span_text(indicator, query)}",
            columns=found.columns,
            rows=found.rows,
        )
    counted = tally(indicator, found, query, part)
    expected = drill_value(figure, part)
    paginator = Paginator(found.rows, PER_PAGE)
    paginator.count = counted.rows  # already counted by the tally
    page = paginator.get_page(request.GET.get("page"))
    values = [[column.of(row) for column in found.columns] for row in page]
    numeric = [
        all(isinstance(v, int) and not isinstance(v, bool) for v in column if v is not None)
        and any(v is not None for v in column)
        for column in zip(*values, strict=True)
    ] or [False] * len(found.columns)
    headers = [
        (column.header, number) for column, number in zip(found.columns, numeric, strict=True)
    ]
    rows = [
        [
            (cell(value, column.header), number)
            for value, column, number in zip(row, found.columns, numeric, strict=True)
        ]
        for row in values
    ]
    drills = [
        PartLink("", "Tổng số", figure.value, records_url(key, root, query.on, dates)),
        *(
            [
                PartLink(
                    "whole",
                    WHOLE_LABELS.get(key, "mẫu số"),
                    figure.whole,
                    records_url(key, root, query.on, dates, "whole"),
                )
            ]
            if figure.whole is not None and "whole" in indicator.drills
            else []
        ),
        *(
            PartLink(p.key, p.label, p.value, records_url(key, root, query.on, dates, p.key))
            for p in figure.parts
            if p.key in indicator.drills
        ),
    ]
    keep = {k: v for k, v in request.GET.items() if k != "page"}
    context = {
        "root": root,
        "heading": organization_name(root, query.on),
        "indicator": indicator,
        "definition": indicator.method,
        "figure": figure,
        "part": part,
        "part_label": part_label,
        "drills": drills,
        "records": found,
        "headers": headers,
        "rows": rows,
        "page": page,
        "tally": counted,
        "expected": expected,
        "reconciles": expected == counted.total,
        "span": span_text(indicator, query),
        "query": query,
        "dates": dates,
        "given": given_text(dates),
        "errors": errors,
        "dashboard_url": dashboard_url(root.pk, query.on, dates),
        "page_query": urlencode(keep),
    }
    return render(request, "indicators/records.html", context)
