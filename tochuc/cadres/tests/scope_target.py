"""Scope-walk hook (tests/test_scope_routes.py): commune B's post with a holder, a sourcing
plan and a move, all named with the marker «Bí Mật Bê».

`target` returns route-name prefix → id: UI routes of the cadres app and the API basenames
(the API viewsets of this app use the same hook); "" (the seat board, pages by
organization) is commune B itself.
"""

import datetime as dt

from tochuc.cadres.models import (
    Assignment,
    Body,
    Move,
    MoveKind,
    Post,
    PostQuota,
    SourcingPlan,
)
from tochuc.cadres.services import assignment_create, move_record, post_create
from tochuc.people.models import Person

START = dt.date(2025, 7, 1)


def target(tree) -> dict[str, int]:
    post = post_create(
        organization=tree.b,
        body=Body.STANDING_COMMITTEE,
        title="Phó Bí thư Bí Mật Bê",
        seats=2,
        valid_from=START,
    )
    person = Person.objects.create(
        full_name="Cán bộ Bí Mật Bê", sex="male", date_of_birth=dt.date(1980, 3, 3)
    )
    held = assignment_create(
        person=person, post=post, kind="election", starts_on=START, decision=tree.decision
    )
    plan = SourcingPlan.objects.create(
        post=post, planned_on=dt.date(2025, 8, 1), source="self", note="Bí Mật Bê tự đảm bảo"
    )
    move = move_record(
        person=person,
        kind=MoveKind.TRANSFER,
        origin=tree.b1,
        destination=tree.b,
        starts_on=dt.date(2025, 9, 1),
        decided_by=tree.b,
        decision=tree.decision,
        special_case="Bí Mật Bê",
    )
    tree.cadres_post = post
    quota = post.quotas.get()
    return {
        "": tree.b.pk,
        "cadres:post": post.pk,
        "cadres:assignment": held.pk,
        "cadres:move": move.pk,
        "cadres:career": person.pk,
        "post-": post.pk,
        "postquota-": quota.pk,
        "assignment-": held.pk,
        "sourcingplan-": plan.pk,
        "move-": move.pk,
    }


def snapshot(tree):
    """B's posts, quotas, holdings, plans and moves, as a write would change them."""
    posts = Post.objects.filter(organization__in=[tree.b, tree.b1]).order_by("id")
    return (
        list(posts.values()),
        list(PostQuota.objects.filter(post__in=posts).order_by("id").values()),
        list(Assignment.objects.filter(post__in=posts).order_by("id").values()),
        list(SourcingPlan.objects.filter(post__in=posts).order_by("id").values()),
        list(
            Move.objects.filter(destination__in=[tree.b, tree.b1])
            .union(Move.objects.filter(origin__in=[tree.b, tree.b1]))
            .order_by("id")
            .values()
        ),
    )
