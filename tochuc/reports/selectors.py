"""What a report user reads: issued reports in scope, and what changed since one was issued."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from tochuc.core.formatting import vn_int
from tochuc.core.scoping import VIEW
from tochuc.indicators.registry import Query, figures
from tochuc.reports.models import IssuedReport


def issued_reports(user, organization=None) -> QuerySet[IssuedReport]:
    """Issued reports of organizations in the user's scope (of one organization if given)."""
    found = IssuedReport.objects.restrict(user, VIEW).select_related("issued_by")
    if organization is not None:
        found = found.filter(organization=organization)
    return found


@dataclass(frozen=True)
class Change:
    """One figure (or part) whose value differs between the issued report and now."""

    key: str
    label: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> str:
        """«+3», «−2» (Vietnamese thousands), empty when either side is missing."""
        if self.before is None or self.after is None:
            return ""
        diff = self.after - self.before
        return f"{'+' if diff > 0 else '−'}{vn_int(abs(diff))}"


def _flat(figures: dict) -> dict[str, tuple[str, int | None]]:
    flat = {}
    for key, fig in figures.items():
        flat[key] = (fig["label"], fig["value"])
        if fig["whole"] is not None:
            flat[f"{key}.whole"] = (f"{fig['label']} — trên tổng số", fig["whole"])
        for part in fig["parts"]:
            flat[f"{key}.{part['key']}"] = (f"{fig['label']} — {part['label']}", part["value"])
    return flat


def changes_since(report: IssuedReport, user) -> list[Change]:
    """Re-run the report's figures with its frozen parameters (organization, date, period,
    cumulative start) on today's data, so back-dated entries and corrections show up, and
    list the figures that differ. Only the figures: the tables are not recomputed."""
    content = report.content
    query = Query(
        root=report.organization,
        on=report.as_of,
        start=dt.date.fromisoformat(content["period"]["start"]),
        since=dt.date.fromisoformat(content["since"]),
        user=user,
    )
    now = {key: figure.as_dict() for key, figure in figures(query).items()}
    before, after = _flat(content["figures"]), _flat(now)
    missing = (None, None)
    return [
        Change(key, (after.get(key) or before[key])[0], before.get(key, missing)[1],
               after.get(key, missing)[1])
        for key in {**before, **after}
        if before.get(key, missing)[1] != after.get(key, missing)[1]
    ]  # fmt: skip
