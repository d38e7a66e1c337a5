"""One registry of named indicators shared by the dashboard, the quarterly report, the API
and the CLI: each maps a `Query` (subtree, date, period) to a `Figure` (value, whole, parts,
reconciliation checks) and to the records behind it (drill-down).

An indicator says what it counts (`counts`: people, holdings, seats, events, cases, places,
records) and how it spans time (`span`): a stock on the date, a flow over the period
[start, on], the year (or term) to date, or cumulative since `since`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from tochuc.core.dating import REFORM_2025
from tochuc.core.formatting import vn_date, vn_int, vn_percent
from tochuc.core.tabular import Column
from tochuc.organizations.models import Organization

COUNTS = {
    "people": "người",
    "holdings": "lượt đảm nhiệm",
    "seats": "chỗ",
    "events": "lượt",
    "cases": "trường hợp",
    "places": "biên chế",
    "records": "tổ chức",
}
"""What a figure counts, with its Vietnamese unit ("người" vs "lượt")."""

SPANS = {
    "stock": "tại ngày",
    "period": "trong kỳ",
    "year": "từ đầu năm",
    "term": "từ đầu nhiệm kỳ",
    "cumulative": "lũy kế",
}


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * quarter_of(day) - 2, 1)


def quarter_end(quarter: int, year: int) -> dt.date:
    """The last day of quarter `quarter` (1–4) of `year`."""
    if quarter == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def default_since(on: dt.date) -> dt.date:
    """Start of cumulative figures: the two-level government (01/07/2025) when `on` is after
    it, else the start of `on`'s year."""
    return REFORM_2025 if on >= REFORM_2025 else dt.date(on.year, 1, 1)


@dataclass(frozen=True)
class Query:
    """The parameters of every figure: the subtree's root on `on`, the period [start, on]
    of flows, the start of cumulative figures, and the user whose scope bounds the records."""

    root: Organization
    on: dt.date
    start: dt.date
    since: dt.date
    user: Any = None

    @classmethod
    def of(
        cls,
        root: Organization,
        on: dt.date,
        *,
        start: dt.date | None = None,
        since: dt.date | None = None,
        user=None,
    ) -> Query:
        """Defaults: the period is `on`'s quarter so far; cumulative since `default_since`."""
        return cls(
            root=root,
            on=on,
            start=start or quarter_start(on),
            since=since or default_since(on),
            user=user,
        )

    @property
    def year(self) -> int:
        return self.on.year

    def as_dict(self) -> dict:
        return {
            "organization": self.root.code,
            "as_of": self.on.isoformat(),
            "start": self.start.isoformat(),
            "since": self.since.isoformat(),
        }


@dataclass(frozen=True)
class Part:
    """A named sub-count of a figure (e.g. self-sourced vacancies), drillable by `key`."""

    key: str
    label: str
    value: int


@dataclass(frozen=True)
class Check:
    """A reconciliation shown with the figure: «filled + vacant = quota»."""

    label: str
    ok: bool


@dataclass
class Figure:
    """The value of one indicator for one query, with what it is a share of (`whole`)."""

    indicator: Indicator
    value: int
    whole: int | None = None
    parts: list[Part] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    note: str = ""  # e.g. the year, the term or the series the figure is about

    @property
    def key(self) -> str:
        return self.indicator.key

    @property
    def percent(self) -> str | None:
        """value ÷ whole, two decimals half up («94,28%»); None without a whole."""
        if self.whole is None:
            return None
        return self.indicator.percent(self.value, self.whole)

    @property
    def text(self) -> str:
        """The figure as the report writes it: «3.114/3.129», «4.673 (đạt 96,68%)», «804»."""
        if self.whole is None:
            return vn_int(self.value)
        if self.indicator.ratio:
            return f"{vn_int(self.value)}/{vn_int(self.whole)}"
        return f"{vn_int(self.value)} (đạt {self.percent})"

    def part(self, key: str) -> int:
        return next(p.value for p in self.parts if p.key == key)

    @property
    def reconciles(self) -> bool:
        return all(check.ok for check in self.checks)

    def as_dict(self) -> dict:
        """The JSON shape of a figure (docs/report-json.md)."""
        return {
            "key": self.key,
            "label": self.indicator.label,
            "counts": self.indicator.counts,
            "span": self.indicator.span,
            "value": self.value,
            "whole": self.whole,
            "percent": self.percent,
            "text": self.text,
            "note": self.note,
            "parts": [{"key": p.key, "label": p.label, "value": p.value} for p in self.parts],
            "checks": [{"label": c.label, "ok": c.ok} for c in self.checks],
        }


@dataclass(frozen=True)
class Records:
    """The records behind a figure (or one of its parts) and how to list them."""

    title: str
    rows: QuerySet
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Indicator:
    """A named figure: `compute` gives its value, `records` the rows behind it (part "" is
    the value itself; "whole" and each part key are drillable too when offered in `drills`)."""

    key: str
    label: str
    line: str  # the report line it serves, as the seed reports write it
    method: str  # how it is counted, in Vietnamese, for the pages ("Cách tính")
    counts: str  # a key of COUNTS
    span: str  # a key of SPANS
    section: str  # the report section it belongs to
    compute: Callable[[Query], Figure]
    records: Callable[[Query, str], Records]
    drills: tuple[str, ...] = ("",)
    ratio: bool = False  # shown as «value/whole» rather than «value (đạt P%)»
    percent: Callable[[int, int], str] = vn_percent

    @property
    def definition(self) -> str:
        return (self.compute.__doc__ or "").strip()

    @property
    def unit(self) -> str:
        return COUNTS[self.counts]


REGISTRY: dict[str, Indicator] = {}


def register(indicator: Indicator) -> Indicator:
    if indicator.key in REGISTRY:
        raise ValueError(f"indicator {indicator.key} registered twice")
    REGISTRY[indicator.key] = indicator
    return indicator


def get(key: str) -> Indicator:
    """The indicator named `key`; KeyError when there is none."""
    return REGISTRY[key]


def figure(key: str, query: Query) -> Figure:
    return REGISTRY[key].compute(query)


def figures(query: Query, keys=None) -> dict[str, Figure]:
    """Every indicator's figure (or those of `keys`), in registration order."""
    return {key: REGISTRY[key].compute(query) for key in (keys or REGISTRY)}


def records(key: str, query: Query, part: str = "") -> Records:
    """The records behind `key`'s figure (or its `part`); KeyError for a part not offered."""
    indicator = REGISTRY[key]
    if part not in indicator.drills:
        raise KeyError(part)
    return indicator.records(query, part)


def period_label(query: Query) -> str:
    return f"từ {vn_date(query.start)} đến {vn_date(query.on)}"
