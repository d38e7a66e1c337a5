"""Reads of biên chế: the headcounts counted for a subtree, the staff reduction against a
baseline year, surplus and shortage per unit, and the reduction target in force.

Restating through the lineage (the choice, documented once here). A figure for the subtree S
as it stands on D counts every headcount row whose unit, carried to the tree of D, lies in S:
- a unit alive on D counts for itself;
- a unit merged or split away counts for its heir on D (`OrganizationSuccession`: the default
  successor, then that one's, …), so LA's 2015 baseline counts for A, which LA merged into on
  1 July 2025 — the same rule that places members and admissions;
- a unit dissolved without a successor (the district level in 2025) counts for the heir on D
  of its nearest ancestor on its last day that has one (LD's baseline counts for the
  province P, not for any commune: the district's staff were redistributed by the province);
- when a unit and a unit it passed into by D both have a row for the same year and category
  (the allotment was re-decided after the merger), the later unit's row replaces its
  predecessor's, so the year is not counted twice; on a tree before the merger the
  predecessor's row still counts.
A row is a unit's own staff (not its subordinate units'), so a subtree's figure is a sum.
Every figure is a constant number of queries, whatever the size of the subtree.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum

from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_int
from tochuc.core.rules import Rule, RuleNotInForce, rule_in_force
from tochuc.organizations.models import (
    Organization,
    OrganizationClosure,
    OrganizationPeriod,
    OrganizationSuccession,
)
from tochuc.organizations.selectors import subtree_ids
from tochuc.staffing.models import BASELINE_YEAR, Category, Headcount


def percent_one_decimal(part: int, whole: int) -> str:
    """(3846, 26342) → '14,6%': one decimal, rounded half up (away from zero), decimal comma;
    a negative part (an increase) keeps its sign; '—' without a whole."""
    if not whole:
        return "—"
    value = (Decimal(abs(part)) * 100 / Decimal(whole)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    units, tenths = str(value).split(".")
    sign = "-" if part < 0 and value else ""
    return f"{sign}{vn_int(int(units))},{tenths}%"


def restated_unit(on: dt.date) -> Subquery:
    """For a headcount row: the organization it counts for on `on` (see the module docstring)."""
    heir = OrganizationSuccession.objects.filter(
        valid_at_q(on), organization=OuterRef("ancestor")
    ).values("heir")[:1]
    return Subquery(
        OrganizationClosure.objects.filter(
            descendant=OuterRef("organization"),
            valid_from__lte=OuterRef("organization__valid_to"),
            valid_to__gte=OuterRef("organization__valid_to"),
        )
        .annotate(heir=Subquery(heir))
        .filter(heir__isnull=False)
        .order_by("depth")
        .values("heir")[:1]
    )


def _replaced_by_heir(on: dt.date) -> Exists:
    """A row of the same year and category exists for a unit this row's unit passed into on
    or before `on` (so on the tree before a merger the predecessor's row still counts)."""
    heirs = (
        OrganizationSuccession.objects.filter(
            organization=OuterRef(OuterRef("organization")), valid_from__lte=on
        )
        .exclude(heir=OuterRef(OuterRef("organization")))
        .values("heir")
    )
    return Exists(
        Headcount.objects.filter(
            year=OuterRef("year"), category=OuterRef("category"), organization_id__in=heirs
        )
    )


def headcounts_counted(
    *,
    root: Organization | int,
    on: dt.date,
    years,
    user=None,
    category: str = "",
) -> QuerySet[Headcount]:
    """Headcount rows of `years` counted for `root`'s subtree on `on`, each annotated with
    `unit` (the organization it counts for on `on`); rows replaced by an heir's row of the
    same year are left out; only rows the user may see when `user` is given."""
    rows = (
        Headcount.objects.filter(year__in=list(years))
        .annotate(unit=restated_unit(on))
        .filter(unit__in=subtree_ids(root=root, on=on))
        .exclude(_replaced_by_heir(on))
    )
    if category:
        rows = rows.filter(category=category)
    if user is not None:
        rows = rows.restrict(user)
    return rows


def names_on(ids, on: dt.date) -> dict[int, str]:
    """Names on `on` of these organizations (their last name if gone by then), one query."""
    ids = {i for i in ids if i is not None}
    names: dict[int, str] = {}
    periods = OrganizationPeriod.objects.filter(organization_id__in=ids, valid_from__lte=on)
    for organization_id, name in periods.order_by("valid_from").values_list(
        "organization_id", "name"
    ):
        names[organization_id] = name
    return names


def _latest_name(field_name: str = "organization") -> Subquery:
    return Subquery(
        OrganizationPeriod.objects.filter(organization=OuterRef(field_name))
        .order_by("-valid_from")
        .values("name")[:1]
    )


def headcount_rows(
    *, root: Organization | int, on: dt.date, years, user=None, category: str = ""
) -> QuerySet[Headcount]:
    """The records behind a figure, for lists: the unit's own (latest) name, the name of the
    organization it counts for on `on`, the decision."""
    unit_name = Subquery(
        OrganizationPeriod.objects.filter(valid_from__lte=on, organization=OuterRef("unit"))
        .order_by("-valid_from")
        .values("name")[:1]
    )
    return (
        headcounts_counted(root=root, on=on, years=years, user=user, category=category)
        .select_related("organization", "decision")
        .annotate(organization_name=_latest_name(), unit_name=unit_name)
        .order_by("year", "unit_name", "organization__code", "category")
    )


# Reduction ---------------------------------------------------------------------------------


@dataclass
class ReductionRow:
    """One unit directly under the root (or the root's own units when `direct`)."""

    organization_id: int
    name: str
    direct: bool
    baseline: int
    approved: int

    @property
    def reduction(self) -> int:
        return self.baseline - self.approved

    @property
    def percent(self) -> str:
        return percent_one_decimal(self.reduction, self.baseline)


@dataclass
class Reduction:
    """«Tinh giản N biên chế, đạt P% so với năm 2015» for a subtree."""

    organization_id: int
    on: dt.date
    year: int
    baseline_year: int
    category: str
    baseline: int
    approved: int
    rows: list[ReductionRow] = field(default_factory=list)

    @property
    def reduction(self) -> int:
        return self.baseline - self.approved

    @property
    def percent(self) -> str:
        return percent_one_decimal(self.reduction, self.baseline)

    @property
    def sentence(self) -> str:
        if not self.baseline:
            return f"Chưa có biên chế được giao năm {self.baseline_year} để so sánh."
        if self.reduction < 0:
            return (
                f"Biên chế năm {self.year} tăng {vn_int(-self.reduction)} "
                f"({self.percent.lstrip('-')}) so với năm {self.baseline_year}"
            )
        return (
            f"Tinh giản {vn_int(self.reduction)} biên chế, đạt {self.percent} so với biên chế "
            f"năm {self.baseline_year}"
        )


def _children_of(root: Organization | int, on: dt.date) -> QuerySet:
    return OrganizationClosure.objects.filter(valid_at_q(on), ancestor=root, depth=1).values(
        "descendant_id"
    )


def staff_reduction(
    *,
    root: Organization | int,
    on: dt.date,
    year: int,
    baseline_year: int = BASELINE_YEAR,
    user=None,
    category: str = "",
) -> Reduction:
    """Serves "tinh giản 3.846 biên chế, đạt 14,6% so với năm 2015": for `root`'s subtree on
    `on`, baseline = Σ approved headcount of `baseline_year`, approved = Σ approved headcount of
    `year`, both restated onto the tree of `on` (module docstring); reduction = baseline −
    approved (PLACES of headcount, not people or records); percent = reduction ÷ baseline,
    one decimal, half up. Rows: the same per unit directly under the root, and the root's own
    units. Optionally one `category`. Two queries."""
    root_id = getattr(root, "pk", root)
    rows = headcounts_counted(
        root=root, on=on, years={year, baseline_year}, user=user, category=category
    )
    child = Subquery(
        OrganizationClosure.objects.filter(
            valid_at_q(on), descendant=OuterRef("unit"), ancestor_id__in=_children_of(root, on)
        ).values("ancestor")[:1]
    )
    grouped = list(
        rows.annotate(child=child)
        .order_by()
        .values("child")
        .annotate(
            baseline=Sum("approved", filter=Q(year=baseline_year)),
            current=Sum("approved", filter=Q(year=year)),
        )
    )
    names = names_on([root_id, *(g["child"] for g in grouped)], on)
    units = [
        ReductionRow(
            organization_id=g["child"] or root_id,
            name=names.get(g["child"] or root_id, ""),
            direct=g["child"] is None,
            baseline=g["baseline"] or 0,
            approved=g["current"] or 0,
        )
        for g in grouped
    ]
    units.sort(key=lambda r: (not r.direct, r.name))
    return Reduction(
        organization_id=root_id,
        on=on,
        year=year,
        baseline_year=baseline_year,
        category=category,
        baseline=sum(r.baseline for r in units),
        approved=sum(r.approved for r in units),
        rows=units,
    )


# Surplus and shortage -------------------------------------------------------------------------


@dataclass
class BalanceRow:
    organization_id: int
    name: str
    category: str
    approved: int
    actual: int | None

    @property
    def category_label(self) -> str:
        return Category(self.category).label

    @property
    def difference(self) -> int | None:
        """Actual − approved: positive is a surplus (dôi dư), negative a shortage (thiếu)."""
        return None if self.actual is None else self.actual - self.approved

    @property
    def gap(self) -> int | None:
        """The size of the surplus or shortage (shown without a sign under its heading)."""
        return None if self.actual is None else abs(self.actual - self.approved)


@dataclass
class Balance:
    """Cán bộ dôi dư / thiếu per unit for a year, for a subtree on a date."""

    on: dt.date
    year: int
    surplus: list[BalanceRow]
    shortage: list[BalanceRow]
    balanced: list[BalanceRow]
    missing: list[BalanceRow]

    @property
    def surplus_total(self) -> int:
        return sum(r.difference for r in self.surplus)

    @property
    def shortage_total(self) -> int:
        return -sum(r.difference for r in self.shortage)

    @property
    def approved_total(self) -> int:
        return sum(r.approved for r in (*self.surplus, *self.shortage, *self.balanced))

    @property
    def actual_total(self) -> int:
        return sum(r.actual for r in (*self.surplus, *self.shortage, *self.balanced))


def staff_balance(
    *, root: Organization | int, on: dt.date, year: int, user=None, category: str = ""
) -> Balance:
    """Dôi dư and thiếu for `year` per unit of `root`'s subtree on `on` (each unit the rows
    count for after restating, by category): difference = actual − approved. Units with a
    surplus and with a shortage are listed separately with their totals (PLACES of headcount;
    a surplus is not offset by another unit's shortage); units whose actual headcount is not
    recorded for every row are listed as missing and left out of the totals. Two queries."""
    grouped = (
        headcounts_counted(root=root, on=on, years=[year], user=user, category=category)
        .order_by()
        .values("unit", "category")
        .annotate(
            approved_sum=Sum("approved"),
            actual_sum=Sum("actual"),
            unknown=Count("id", filter=Q(actual__isnull=True)),
        )
    )
    grouped = list(grouped)
    names = names_on((g["unit"] for g in grouped), on)
    surplus, shortage, balanced, missing = [], [], [], []
    for g in grouped:
        row = BalanceRow(
            organization_id=g["unit"],
            name=names.get(g["unit"], ""),
            category=g["category"],
            approved=g["approved_sum"] or 0,
            actual=None if g["unknown"] else (g["actual_sum"] or 0),
        )
        if row.actual is None:
            missing.append(row)
        elif row.difference > 0:
            surplus.append(row)
        elif row.difference < 0:
            shortage.append(row)
        else:
            balanced.append(row)
    surplus.sort(key=lambda r: (-r.difference, r.name))
    shortage.sort(key=lambda r: (r.difference, r.name))
    for rows in (balanced, missing):
        rows.sort(key=lambda r: (r.name, r.category))
    return Balance(
        on=on, year=year, surplus=surplus, shortage=shortage, balanced=balanced, missing=missing
    )


# Reduction target (rule `staff_reduction_target`) ----------------------------------------------


@dataclass
class TargetLine:
    category: str
    baseline: int
    approved: int
    target_percent: int

    @property
    def label(self) -> str:
        return Category(self.category).label

    @property
    def reduction(self) -> int:
        return self.baseline - self.approved

    @property
    def percent(self) -> str:
        return percent_one_decimal(self.reduction, self.baseline)

    @property
    def required(self) -> int:
        """The fewest places to cut: target% of the baseline, rounded up."""
        return math.ceil(self.baseline * self.target_percent / 100)

    @property
    def met(self) -> bool | None:
        """Reduction ≥ target% of the baseline (exact); None without a baseline."""
        if not self.baseline:
            return None
        return self.reduction * 100 >= self.target_percent * self.baseline

    @property
    def remaining(self) -> int:
        return max(self.required - self.reduction, 0)


@dataclass
class TargetCheck:
    rule: Rule
    on: dt.date
    year: int
    lines: list[TargetLine]

    @property
    def baseline_year(self) -> int:
        return self.rule.parameters["baseline_year"]

    @property
    def by_year(self) -> int:
        return self.rule.parameters["by_year"]

    @property
    def met(self) -> bool | None:
        verdicts = [line.met for line in self.lines if line.met is not None]
        return all(verdicts) if verdicts else None


def reduction_target_check(
    *, root: Organization | int, on: dt.date, year: int | None = None, user=None
) -> TargetCheck | None:
    """The reduction of `year` (default the year of `on`) against the version of rule
    `staff_reduction_target` in force on `on`: per category, the approved headcount of the
    rule's baseline year and of `year` (restated onto the tree of `on`), and whether the
    reduction reaches the rule's minimum percentage. None when no version is in force. One
    query. A check as of 2021 applies Nghị quyết 39-NQ/TW (10% vs 2015); one as of 2023
    applies Kết luận 28-KL/TW (5% of civil servants, 10% of public employees vs 2021)."""
    try:
        rule = rule_in_force("staff_reduction_target", on)
    except RuleNotInForce:
        return None
    year = year or on.year
    baseline_year = rule.parameters["baseline_year"]
    sums = {
        g["category"]: g
        for g in headcounts_counted(root=root, on=on, years={year, baseline_year}, user=user)
        .order_by()
        .values("category")
        .annotate(
            baseline=Sum("approved", filter=Q(year=baseline_year)),
            current=Sum("approved", filter=Q(year=year)),
        )
    }
    lines = [
        TargetLine(
            category=category,
            baseline=sums.get(category, {}).get("baseline") or 0,
            approved=sums.get(category, {}).get("current") or 0,
            target_percent=percent,
        )
        for category, percent in rule.parameters["targets"].items()
        if category in sums
    ]
    return TargetCheck(rule=rule, on=on, year=year, lines=lines)
