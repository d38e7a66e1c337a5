"""Reads of admissions: candidates of a subtree, admissions in a period, progress to target.

All set-based: a handful of queries whatever the size of the subtree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, Max, Min, OuterRef, QuerySet, Subquery, Sum

from tochuc.admissions.models import AdmissionTarget, Candidate, TargetKind
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_date, vn_int, vn_percent
from tochuc.members.models import EventKind, MembershipEvent
from tochuc.members.selectors import placed_in
from tochuc.organizations.models import Organization, OrganizationClosure, OrganizationPeriod
from tochuc.organizations.selectors import subtree_ids

ADMISSION_KINDS = (EventKind.ADMISSION, EventKind.READMISSION)
"""Both count as "kết nạp" in the department's reports."""


def latest_organization_name(field: str = "organization") -> Subquery:
    """The name of the organization at `field` in its latest period (for list columns)."""
    return Subquery(
        OrganizationPeriod.objects.filter(organization=OuterRef(field))
        .order_by("-valid_from")
        .values("name")[:1]
    )


def candidates_in(
    *, root: Organization | int, on: dt.date, user=None, stage: str = ""
) -> QuerySet[Candidate]:
    """Candidates considered by `root`'s subtree on `on`, carried through mergers, in scope."""
    candidates = Candidate.objects.filter(
        organization_id__in=placed_in(heirs=subtree_ids(root=root, on=on), on=on)
    )
    if user is not None:
        candidates = candidates.restrict(user)
    if stage:
        candidates = candidates.at_stage(stage)
    return candidates.select_related("person", "organization").annotate(
        organization_name=latest_organization_name()
    )


def admissions_in_period(
    *,
    root: Organization | int,
    start: dt.date,
    end: dt.date,
    on: dt.date | None = None,
    restated: bool = True,
    user=None,
) -> QuerySet[MembershipEvent]:
    """Non-void admissions and readmissions dated in [start, end] that count for `root`.

    Restated (the default): the admitting organization, carried through mergers and splits
    (`OrganizationSuccession`) to the tree as it stands on `on` (default `end`), lies in
    `root`'s subtree on `on`; an admission in LA in March 2025 counts for A, which LA merged
    into on 1 July 2025. As then (`restated=False`): the admitting organization lay in
    `root`'s subtree on the event's own date (the same admission counts for LP). With a
    `user`, only events of organizations in the user's scope.
    """
    events = MembershipEvent.objects.filter(
        is_void=False,
        kind__in=ADMISSION_KINDS,
        effective_on__gte=start,
        effective_on__lte=end,
    )
    if restated:
        on = on or end
        events = events.filter(
            organization_id__in=placed_in(heirs=subtree_ids(root=root, on=on), on=on)
        )
    else:
        events = events.filter(
            Exists(
                OrganizationClosure.objects.filter(
                    ancestor=root,
                    descendant=OuterRef("organization"),
                    valid_from__lte=OuterRef("effective_on"),
                    valid_to__gte=OuterRef("effective_on"),
                )
            )
        )
    if user is not None and not user.is_superuser:
        from tochuc.accounts.scope import organization_ids_in_scope

        events = events.filter(organization_id__in=organization_ids_in_scope(user))
    return events


def admission_drilldown(events: QuerySet[MembershipEvent]) -> QuerySet[MembershipEvent]:
    """The rows behind a count: person, date, organization (its name on that date), decision."""
    name_then = Subquery(
        OrganizationPeriod.objects.filter(
            organization=OuterRef("organization"),
            valid_from__lte=OuterRef("effective_on"),
            valid_to__gte=OuterRef("effective_on"),
        ).values("name")[:1]
    )
    return (
        events.select_related("person", "organization", "decision")
        .annotate(organization_name=name_then)
        .order_by("effective_on", "id")
    )


def counted_targets(
    *, root: Organization | int, on: dt.date, kind: str, year: int | None = None, term: str = ""
) -> QuerySet[AdmissionTarget]:
    """The targets summed for `root` on `on`: those of organizations in its subtree on `on`,
    leaving out any target already covered by a target of an ancestor inside the subtree.

    A committee's target covers what it assigns to its cells, so when both have targets
    only the uppermost one on each branch counts (no double counting). Targets of
    predecessors merged away before `on` are not carried: after a merger the superior
    committee assigns the successor its target for the rest of the year or term.
    """
    period = {"year": year} if kind == TargetKind.YEAR else {"term": term}
    subtree = subtree_ids(root=root, on=on)
    same_period = AdmissionTarget.objects.filter(
        kind=kind, organization_id__in=subtree, **period
    ).values("organization_id")
    covering = (
        OrganizationClosure.objects.filter(
            valid_at_q(on), descendant=OuterRef("organization"), depth__gt=0
        )
        .filter(ancestor_id__in=subtree)
        .filter(ancestor_id__in=same_period)
    )
    return AdmissionTarget.objects.filter(kind=kind, organization_id__in=subtree, **period).exclude(
        Exists(covering)
    )


@dataclass
class AdmissionProgress:
    """Kết nạp N, đạt P% chỉ tiêu … (đến dd/mm/yyyy), and the events behind N."""

    count: int
    target: int
    percent: str
    start: dt.date
    end: dt.date
    on: dt.date
    period_label: str
    events: QuerySet[MembershipEvent]

    @property
    def sentence(self) -> str:
        if not self.target:
            return (
                f"Kết nạp {vn_int(self.count)} (chưa có chỉ tiêu {self.period_label}; "
                f"đến {vn_date(self.end)})"
            )
        return (
            f"Kết nạp {vn_int(self.count)}, đạt {self.percent} chỉ tiêu {self.period_label} "
            f"(đến {vn_date(self.end)})"
        )


def _term_span(targets: QuerySet[AdmissionTarget], root, term: str) -> tuple[dt.date, dt.date]:
    """The term's dates: the root's own target's, else the span of the counted targets,
    else 1 January of the first year to 31 December of the last."""
    own = targets.filter(organization=root).values_list("starts_on", "ends_on").first()
    if own:
        return own
    span = targets.aggregate(start=Min("starts_on"), end=Max("ends_on"))
    if span["start"]:
        return span["start"], span["end"]
    first, last = (int(y) for y in term.split("-"))
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def admission_progress(
    *,
    root: Organization | int,
    on: dt.date,
    year: int | None = None,
    term: str = "",
    restated: bool = True,
    user=None,
) -> AdmissionProgress:
    """Admissions of the year (or term) up to `on` against the target, for `root` on `on`.

    Serves "kết nạp 4.673 đảng viên, đạt 96,68% chỉ tiêu năm 2025 (đến 28-11-2025)" and
    "kết nạp 607, đạt 37,94% kế hoạch năm (3 tháng đầu năm 2024)" (year, `on` = 31/03/2024),
    and "kết nạp 4.513, đạt 64,47% chỉ tiêu cả nhiệm kỳ" (term). count =
    `admissions_in_period(start of the year or term, min(its end, on), on, restated)`;
    target = the sum of `counted_targets` on `on`; percent = count ÷ target, two decimals
    half up ("—" without a target).
    """
    if not year and not term:
        raise ValueError("admission_progress needs a year or a term")
    if year:
        kind, label = TargetKind.YEAR, f"năm {year}"
        targets = counted_targets(root=root, on=on, kind=kind, year=year)
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        kind, label = TargetKind.TERM, f"nhiệm kỳ {term}"
        targets = counted_targets(root=root, on=on, kind=kind, term=term)
        start, end = _term_span(targets, root, term)
    end = min(end, on)
    events = admissions_in_period(
        root=root, start=start, end=end, on=on, restated=restated, user=user
    )
    count = events.count()
    target = targets.aggregate(total=Sum("count"))["total"] or 0
    return AdmissionProgress(
        count=count,
        target=target,
        percent=vn_percent(count, target),
        start=start,
        end=end,
        on=on,
        period_label=label,
        events=events,
    )
