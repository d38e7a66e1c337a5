"""The series behind the dashboard's charts, as plain selectors.

Each series is set-based (one or two queries whatever the number of organizations) and
adds up to the registry figure it illustrates, so a chart never tells another story than
the card above it:

- `admissions_by_month`: the last running total is `admissions_year`'s value, the target its
  whole;
- `seat_fill_by_child`: Σ holdings and Σ quota are `seats_executive` (or `seats_standing`);
- `vacancies_by_field`: Σ total and each plan's sum are `vacancies` and its parts;
- `card_exchange_by_child`: Σ done and Σ eligible are `card_exchange`;
- `quarterly_trend`: the registry's own figures at each quarter end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, ExtractMonth

from tochuc.admissions.models import TargetKind
from tochuc.admissions.selectors import admissions_in_period, counted_targets
from tochuc.cadres.models import Body
from tochuc.cadres.selectors import PLAN_FILTERS, posts_in
from tochuc.cards.selectors import card_exchange_board
from tochuc.core.formatting import vn_date, vn_percent
from tochuc.indicators.registry import Figure, Query, figures, quarter_end, quarter_of
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import Organization, OrganizationPeriod
from tochuc.organizations.selectors import child_holding
from tochuc.people.catalogs import Expertise

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def percent_number(part: int, whole: int) -> float | None:
    """part ÷ whole in percent, two decimals half up, as a number for a chart (None
    without a whole)."""
    if not whole:
        return None
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return float(value)


# Admissions month by month -------------------------------------------------------------------


@dataclass(frozen=True)
class MonthAdmissions:
    month: int
    admitted: int
    cumulative: int


@dataclass(frozen=True)
class AdmissionSeries:
    year: int
    months: list[MonthAdmissions]
    target: int  # the year's target of the subtree, 0 when none is set

    @property
    def total(self) -> int:
        return self.months[-1].cumulative if self.months else 0

    def planned(self, month: int) -> int | None:
        """The target spread evenly over the year, up to the end of `month` (rounded half
        up): where the running total should stand to reach the target on time."""
        if not self.target:
            return None
        share = Decimal(self.target * month) / 12
        return int(share.quantize(Decimal(1), ROUND_HALF_UP))


def admissions_by_month(*, root: Organization, on: dt.date, user=None) -> AdmissionSeries:
    """«kết nạp 4.673 đảng viên, đạt 96,68% chỉ tiêu năm 2025» month by month: admissions
    and readmissions from 1 January of `on`'s year to `on`, counted as `admissions_year`
    counts them (admitting organization restated onto the tree of `on`, within the user's
    scope), per month of the year up to `on`'s month, with the running total; against the
    sum of the year's targets of the subtree (`counted_targets`). Two queries: the
    admissions grouped by month (`ExtractMonth`, SQLite and PostgreSQL alike), the target."""
    start = dt.date(on.year, 1, 1)
    by_month = dict(
        admissions_in_period(root=root, start=start, end=on, user=user)
        .annotate(month=ExtractMonth("effective_on"))
        .order_by()
        .values("month")
        .annotate(n=Count("id"))
        .values_list("month", "n")
    )
    target = counted_targets(root=root, on=on, kind=TargetKind.YEAR, year=on.year).aggregate(
        n=Coalesce(Sum("count"), 0)
    )["n"]
    months, running = [], 0
    for month in range(1, on.month + 1):
        running += by_month.get(month, 0)
        months.append(MonthAdmissions(month, by_month.get(month, 0), running))
    return AdmissionSeries(year=on.year, months=months, target=target)


# Shares per organization directly under the root ---------------------------------------------


@dataclass(frozen=True)
class ChildShare:
    """A figure «value/whole» of one organization directly under the root (its whole
    subtree), or of the root's own records (`direct`)."""

    organization_id: int
    name: str
    value: int
    whole: int
    direct: bool = False

    @property
    def ratio(self) -> float | None:
        return percent_number(self.value, self.whole)

    @property
    def percent(self) -> str:
        return vn_percent(self.value, self.whole)


def _names(root_id: int, on: dt.date) -> dict[int, str]:
    """Names on `on` of the root and of the organizations directly under it, one query."""
    return dict(
        OrganizationPeriod.objects.valid_at(on)
        .filter(Q(parent_id=root_id) | Q(organization_id=root_id))
        .values_list("organization_id", "name")
    )


def _lowest_first(shares: list[ChildShare]) -> list[ChildShare]:
    return sorted(shares, key=lambda s: (s.ratio if s.ratio is not None else 101, s.name))


def seat_fill_by_child(
    *, root: Organization, on: dt.date, body: str = Body.EXECUTIVE_COMMITTEE
) -> list[ChildShare]:
    """«bố trí 3.114/3.129 chức danh ủy viên BCH Đảng bộ cấp xã» per organization directly
    under `root` on `on`: seats of `body` in the commune-level party committees of each
    child's subtree (as `seats_executive` counts them): value = holdings, whole = quota in
    force. Children without such seats are left out; the root's own seats (when the root
    is a commune committee) form a `direct` row. Sorted by fill rate, lowest first. Two
    queries: the posts' figures grouped by child, the names."""
    grouped = (
        posts_in(root=root, on=on, body=body, kind=Kind.COMMUNE_COMMITTEE)
        .annotate(child=child_holding(root.pk, on, "organization_id"))
        .order_by()
        .values("child")
        .annotate(quota=Sum("quota"), holders=Sum("holders"))
    )
    rows = [row for row in grouped if row["quota"] or row["holders"]]
    names = _names(root.pk, on) if rows else {}
    return _lowest_first(
        [
            ChildShare(
                organization_id=row["child"] or root.pk,
                name=names.get(row["child"] or root.pk, ""),
                value=row["holders"] or 0,
                whole=row["quota"] or 0,
                direct=row["child"] is None,
            )
            for row in rows
        ]
    )


def card_exchange_by_child(*, root: Organization, on: dt.date, user=None) -> list[ChildShare]:
    """«đổi thẻ 126.014 đảng viên (đạt 94,28%)» per organization directly under `root`:
    value = done, whole = eligible (the card exchange board's rows, `card_exchange_board`:
    a fixed number of queries). Rows without eligible members are left out; sorted by
    progress, lowest first."""
    rows, _ = card_exchange_board(root=root, on=on, user=user)
    return _lowest_first(
        [
            ChildShare(
                organization_id=row.organization_id,
                name=row.name,
                value=row.progress.done,
                whole=row.progress.eligible,
                direct=row.direct,
            )
            for row in rows
            if row.progress.eligible
        ]
    )


# Vacancies by field ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldVacancies:
    field: str
    label: str
    total: int
    self_sourced: int
    needs_support: int
    unplanned: int


def vacancies_by_field(
    *, root: Organization, on: dt.date, per_central_guidance: bool | None = True
) -> list[FieldVacancies]:
    """«tổng số thiếu khuyết … 510; 331 tự đảm bảo; 179 cần TP tăng cường» per field of the
    post (`Post.field`, «chưa xác định lĩnh vực» when blank): Σ max(quota − holders, 0)
    over the subtree's posts on `on` (by default those «theo hướng dẫn của Trung ương», as
    the `vacancies` indicator), split by the latest sourcing plan. One query; fields with
    the most vacancies first."""
    filters = {} if per_central_guidance is None else {"per_central_guidance": per_central_guidance}
    grouped = (
        posts_in(root=root, on=on, **filters)
        .filter(vacant__gt=0)
        .order_by()
        .values("field")
        .annotate(
            total=Sum("vacant"),
            self_sourced=Coalesce(Sum("vacant", filter=PLAN_FILTERS["self"]), 0),
            needs_support=Coalesce(Sum("vacant", filter=PLAN_FILTERS["support"]), 0),
            unplanned=Coalesce(Sum("vacant", filter=PLAN_FILTERS["none"]), 0),
        )
    )
    labels = dict(Expertise.choices)
    rows = [
        FieldVacancies(
            field=row["field"],
            label=labels.get(row["field"]) or "Chưa xác định lĩnh vực",
            total=row["total"],
            self_sourced=row["self_sourced"],
            needs_support=row["needs_support"],
            unplanned=row["unplanned"],
        )
        for row in grouped
    ]
    return sorted(rows, key=lambda r: (-r.total, r.label))


# Trends over the past quarters ---------------------------------------------------------------

TREND_KEYS = ("members", "seats_executive", "vacancies")
"""The registry figures the trend charts follow (the card exchange, a one-off campaign with
its own board and the costliest figure, is left out)."""


@dataclass(frozen=True)
class TrendPoint:
    on: dt.date
    label: str
    figures: dict[str, Figure] | None  # None: the root did not exist on that date

    def value(self, key: str) -> int | None:
        return self.figures[key].value if self.figures else None

    def ratio(self, key: str) -> float | None:
        if not self.figures:
            return None
        figure = self.figures[key]
        return percent_number(figure.value, figure.whole or 0)

    def percent(self, key: str) -> str | None:
        return self.figures[key].percent if self.figures else None


def trend_dates(on: dt.date, count: int = 6) -> list[tuple[dt.date, str]]:
    """The ends of the `count - 1` quarters before `on`'s quarter, then `on` itself, each
    with its label («Quý III/2025», or «04/12/2025» when `on` is not a quarter end)."""
    quarter, year = quarter_of(on), on.year
    dates = []
    for _ in range(count - 1):
        quarter, year = (quarter - 1, year) if quarter > 1 else (4, year - 1)
        dates.append((quarter_end(quarter, year), f"Quý {ROMAN[quarter]}/{year}"))
    dates.reverse()
    if on == quarter_end(quarter_of(on), on.year):
        dates.append((on, f"Quý {ROMAN[quarter_of(on)]}/{on.year}"))
    else:
        dates.append((on, vn_date(on)))
    return dates


def quarterly_trend(
    *,
    root: Organization,
    on: dt.date,
    user=None,
    count: int = 6,
    keys=TREND_KEYS,
    known: dict[str, Figure] | None = None,
) -> list[TrendPoint]:
    """The registry's figures `keys` for `root`'s subtree at the last `count` quarter ends
    (`trend_dates`: the last point is `on`), each computed as the dashboard computes it on
    that date (`Query.of` defaults). A date on which the root did not exist (a commune
    created on 01/07/2025, seen from 2024) has no figures rather than zeros. `known`: the
    figures already computed for `root` on `on` (the dashboard's own), reused for the last
    point; the trend keys are stocks, which the period and `since` do not change. One query
    for the root's periods, then the figures' own queries per date (a fixed number)."""
    spans = list(root.periods.values_list("valid_from", "valid_to"))
    points = []
    for day, label in trend_dates(on, count):
        if not any(start <= day <= end for start, end in spans):
            found = None
        elif day == on and known and all(key in known for key in keys):
            found = {key: known[key] for key in keys}
        else:
            found = figures(Query.of(root, day, user=user), keys=keys)
        points.append(TrendPoint(day, label, found))
    return points
