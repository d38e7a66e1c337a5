"""Scope-walk hook (tests/test_scope_routes.py): commune B's post with a planned person and a
structure target, named with the marker «Bí Mật Bê».

`target` returns route-name prefix → id: the post for the post pages, the entry for its
removal, the target for its edit page, and the API basenames; "" is commune B itself.
"""

import datetime as dt
from decimal import Decimal

from tochuc.cadres.models import Body
from tochuc.cadres.services import post_create
from tochuc.core.services import decision_cite
from tochuc.people.models import Person
from tochuc.planning import services
from tochuc.planning.models import PlanEntry, PlanningTerm, StructureTarget


def target(tree) -> dict[str, int]:
    terms = services.terms_seed()
    term = next(t for t in terms if t.track == PlanningTerm.Track.PARTY and t.name == "2025–2030")
    post = post_create(
        organization=tree.b,
        body=Body.EXECUTIVE_COMMITTEE,
        title="Bí thư Bí Mật Bê",
        seats=1,
        valid_from=dt.date(2025, 7, 1),
    )
    person = Person.objects.create(
        full_name="Người quy hoạch Bí Mật Bê", sex="female", date_of_birth=dt.date(1988, 8, 8)
    )
    decision = decision_cite(
        number="7-QĐ/BSECRET", signed_on=dt.date(2025, 8, 1), issuer="Đảng ủy xã Bí Mật Bê"
    )
    entry = services.plan_add(
        term=term, post=post, person=person, added_on=dt.date(2025, 8, 1), decision=decision
    )
    goal = services.target_set(
        organization=tree.b,
        term=term,
        category="women",
        level="commune",
        minimum_share=Decimal("30"),
        decision=decision,
    )
    tree.planning_entry = entry
    return {
        "": tree.b.pk,
        "planning:post": post.pk,
        "planning:entry": entry.pk,
        "planning:target": goal.pk,
        "planentry-": entry.pk,
        "structuretarget-": goal.pk,
        "planningterm-": term.pk,
    }


def snapshot(tree):
    """B's plan entries and targets, their history, and the terms (shared, never changed by
    a commune's user)."""
    organizations = [tree.b.pk, tree.b1.pk]
    entries = PlanEntry.objects.filter(post__organization_id__in=organizations)
    targets = StructureTarget.objects.filter(organization_id__in=organizations)
    return (
        list(entries.order_by("id").values()),
        list(targets.order_by("id").values()),
        PlanEntry.history.filter(id__in=entries.values("id")).count(),
        StructureTarget.history.filter(organization_id__in=organizations).count(),
        list(PlanningTerm.objects.order_by("id").values()),
    )
