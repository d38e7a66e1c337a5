"""Flags on assignments (they warn, they do not block).

- Reappointment due: an appointment's 5-year term ends within 90 working days
  (rule "appointment_term", Quy định 80-QĐ/TW on appointment and reappointment).
- Outlives retirement: an assignment runs past the holder's retirement date
  (Nghị định 135/2020, `cadres.retirement`).
- Secretary is local: a party secretary whose hometown is the unit's own commune, shown as a
  flag for the policy that party secretaries are not locals (rule "secretary_not_local").
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, QuerySet

from tochuc.cadres.models import Assignment, AssignmentKind
from tochuc.cadres.retirement import retirement_date
from tochuc.core.calendar import add_working_days
from tochuc.core.dating import END_OF_TIME, day_before, valid_at_q
from tochuc.core.formatting import vn_date
from tochuc.core.rules import rule_in_force
from tochuc.members.replay import add_months
from tochuc.organizations.selectors import subtree_ids


def _held_in(root, on: dt.date) -> QuerySet[Assignment]:
    return Assignment.objects.filter(
        valid_at_q(on), post__organization_id__in=subtree_ids(root=root, on=on)
    ).select_related("person", "post")


def reappointment_due(*, root, on: dt.date) -> QuerySet[Assignment]:
    """Appointments in force on `on` whose term ends within the notice period (90 working
    days) from `on`: the department must start the reappointment procedure."""
    notice = rule_in_force("appointment_term", on).parameters["notice_working_days"]
    return _held_in(root, on).filter(
        kind__in=(AssignmentKind.APPOINTMENT, AssignmentKind.REAPPOINTMENT),
        valid_to__lte=add_working_days(on, notice),
    )


def outlives(held: Assignment, retires: dt.date) -> bool:
    """Whether a holding runs past the retirement date `retires`. An open-ended holding (an
    elected seat) is taken to run one 5-year term from its start (rule "appointment_term")."""
    end = held.valid_to
    if end == END_OF_TIME:
        years = rule_in_force("appointment_term", held.valid_from).parameters["years"]
        end = day_before(add_months(held.valid_from, 12 * years))
    return held.valid_from <= retires <= end


def outliving_retirement(*, root, on: dt.date) -> list[tuple[Assignment, dt.date]]:
    """Assignments in force on `on` that run past their holder's retirement date (`outlives`).
    One query; the dates are computed in Python."""
    flagged = []
    for held in _held_in(root, on):
        retires = retirement_date(sex=held.person.sex, birth=held.person.date_of_birth)
        if outlives(held, retires):
            flagged.append((held, retires))
    return flagged


def local_secretaries(*, root, on: dt.date, title: str = "Bí thư") -> QuerySet[Assignment]:
    """Party secretaries in force on `on` whose hometown is their organization's own unit."""
    return _held_in(root, on).filter(
        post__title=title,
        person__hometown_id=F("post__organization__administrative_unit_id"),
    )


PLANNED_KINDS = frozenset(
    {
        AssignmentKind.APPOINTMENT,
        AssignmentKind.DESIGNATION,
        AssignmentKind.NOMINATION,
        AssignmentKind.APPROVAL,
    }
)
"""Kinds of assignment whose appointee should be planned for the post (quy hoạch)."""


def assignment_warnings(held: Assignment) -> list[str]:
    """The flags of a new holding, shown to the user who decided it: appointee not planned
    for the post (rule "planning_appointee_planned"), holding outliving retirement, party
    secretary who is a local. Warnings, not refusals."""
    from tochuc.planning.selectors import appointment_warnings

    person, post, on = held.person, held.post, held.valid_from
    warnings = []
    if held.kind in PLANNED_KINDS:
        warnings += appointment_warnings(person=person, post=post, on=on)
    retires = retirement_date(sex=person.sex, birth=person.date_of_birth)
    if outlives(held, retires):
        warnings.append(
            f"{person} nghỉ hưu ngày {vn_date(retires)}, trong thời hạn giữ chức danh "
            f"({rule_in_force('retirement_age', on).source})."
        )
    if local_secretaries(root=post.organization_id, on=on).filter(pk=held.pk).exists():
        rule = rule_in_force("secretary_not_local", on)
        warnings.append(f"{person} là người địa phương ({rule.source}).")
    return warnings
