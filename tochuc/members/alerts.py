"""Deadlines the rules set on members, shown as flags (they do not block any event)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from tochuc.core.calendar import latest_start_past
from tochuc.core.rules import rule_in_force
from tochuc.members.models import Status
from tochuc.members.replay import add_months
from tochuc.members.selectors import members_at


def confirmation_overdue(*, on: dt.date, root, user=None) -> QuerySet:
    """Probationary members whose confirmation the cell has not considered in time.

    Probation ends 12 months after admission and the cell must consider confirmation within
    30 working days of that (rule "probation", Quy định 294-QĐ/TW): a member still
    probationary on `on` is overdue when the end of probation plus 30 working days is before
    `on`.
    """
    rule = rule_in_force("probation", on)
    latest_end = latest_start_past(on, rule.parameters["consider_within_working_days"])
    latest_admission = add_months(latest_end, -rule.parameters["months"])
    return members_at(on=on, root=root, user=user).filter(
        status=Status.PROBATIONARY, admitted_on__lte=latest_admission
    )
