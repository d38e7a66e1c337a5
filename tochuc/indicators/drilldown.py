"""What a drill-down list adds up to, so that the list can be reconciled with the figure it
came from («every figure can be drilled into: the list of records behind it»).

Most lists have one row per counted record, so their row count is the figure. Three kinds
of figure count something else over their rows, and the tally says so:

- vacancies (`vacant` annotated on posts): a post with two vacant seats is one row and
  counts two seats;
- figures counting people over seat-holdings (appointments): one person with two
  decisions is two rows and counts once;
- the staff reduction: the rows are the headcounts of the baseline year and of the year,
  and the figure is the baseline's sum minus the year's.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Sum
from django.db.models.functions import Coalesce

from tochuc.core.formatting import vn_int
from tochuc.indicators.registry import Figure, Indicator, Query, Records
from tochuc.staffing.selectors import BASELINE_YEAR


@dataclass(frozen=True)
class Tally:
    """The rows of a drill-down list and what they add up to (`total`, in `unit`)."""

    rows: int
    total: int
    unit: str = ""  # empty: `total` is the number of rows

    @property
    def text(self) -> str:
        if not self.unit:
            return f"{vn_int(self.rows)} bản ghi"
        return f"{vn_int(self.rows)} bản ghi, tổng cộng {vn_int(self.total)} {self.unit}"


def drill_value(figure: Figure, part: str) -> int | None:
    """The number a drill-down of `part` stands for: the value (""), the whole ("whole")
    or a part's value."""
    if part == "":
        return figure.value
    if part == "whole":
        return figure.whole
    return figure.part(part)


def _has_person(rows) -> bool:
    try:
        rows.model._meta.get_field("person")
    except FieldDoesNotExist:
        return False
    return True


def tally(indicator: Indicator, records: Records, query: Query, part: str) -> Tally:
    """Count the rows of `records` and what they add up to for `indicator`'s `part`
    (module docstring); two queries at most."""
    rows = records.rows
    count = rows.count()
    if "vacant" in rows.query.annotations:
        total = rows.order_by().aggregate(n=Coalesce(Sum("vacant"), 0))["n"]
        return Tally(count, total, "chỗ thiếu")
    if indicator.counts == "places":
        by_year = dict(
            rows.order_by().values("year").annotate(n=Sum("approved")).values_list("year", "n")
        )
        if query.year == BASELINE_YEAR:
            return Tally(count, 0, "biên chế tinh giản")
        total = (by_year.get(BASELINE_YEAR) or 0) - (by_year.get(query.year) or 0)
        return Tally(count, total, "biên chế tinh giản")
    if indicator.counts == "people" and part in ("", "whole") and _has_person(rows):
        people = rows.order_by().values("person_id").distinct().count()
        if people != count:
            return Tally(count, people, "người")
        return Tally(count, count)
    return Tally(count, count)
