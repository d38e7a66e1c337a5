"""A cadre's career: assignments and moves oldest first, retirement date, flags."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from tochuc.cadres import alerts, selectors
from tochuc.cadres.models import Assignment, Move
from tochuc.cadres.retirement import retirement_date
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.people.models import Person


@login_required
def career(request, pk: int):
    """Quá trình công tác of a person visible on the date. Entries outside the user's scope
    are counted, not shown; flags are those of the holdings in force on the date."""
    on = request.as_of
    person = get_object_or_404(Person.objects.restrict(request.user, VIEW, on=on), pk=pk)
    visible_assignments = set(
        Assignment.objects.restrict(request.user, VIEW)
        .filter(person=person)
        .values_list("id", flat=True)
    )
    visible_moves = set(
        Move.objects.restrict(request.user, VIEW).filter(person=person).values_list("id", flat=True)
    )
    entries, hidden = [], 0
    for entry in selectors.career(person):
        visible = visible_assignments if entry["kind"] == "assignment" else visible_moves
        if entry["record"].pk in visible:
            entries.append(entry)
        else:
            hidden += 1
    retires = retirement_date(sex=person.sex, birth=person.date_of_birth)
    current = [
        e["record"] for e in entries if e["kind"] == "assignment" and e["record"].is_valid_at(on)
    ]
    due = set()
    for organization_id in {a.post.organization_id for a in current}:
        due |= set(
            alerts.reappointment_due(root=organization_id, on=on)
            .filter(person=person)
            .values_list("id", flat=True)
        )
    flags = {
        a.pk: {
            "reappointment": a.pk in due,
            "retirement": alerts.outlives(a, retires),
        }
        for a in current
    }
    context = {
        "person": person,
        "entries": entries,
        "hidden": hidden,
        "retires": retires,
        "retired": retires <= on,
        "flags": flags,
        "flagged": [a for a in current if any(flags[a.pk].values())],
        "may_change": request.user.may(CHANGE),
    }
    return render(request, "cadres/career.html", context)
