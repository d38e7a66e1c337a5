"""Scope-walk hook (tests/test_scope_routes.py): commune B's congress with a delegate, its
committee (posts of B, a member elected) and a resolution target with progress, all named
with the marker «Bí Mật Bê».

`target` returns route-name prefix → id: the congress by default, the delegate, the target
and the committee member for the routes and API basenames that take those ids.
"""

import datetime as dt

from tochuc.cadres.models import Assignment, Post, PostQuota
from tochuc.congresses import services
from tochuc.congresses.models import (
    CommitteeMember,
    Congress,
    CongressSeat,
    Delegate,
    DelegateKind,
    ResolutionTarget,
    Role,
    TargetProgress,
)
from tochuc.congresses.tests.conftest import member, vote_record


def target(tree) -> dict[str, int]:
    person = member("Đại biểu Bí Mật Bê", tree.b1, born=dt.date(1980, 3, 3))
    congress = services.congress_create(
        organization=tree.b,
        term="2025-2030",
        opened_on=dt.date(2025, 10, 10),
        closed_on=dt.date(2025, 10, 11),
        delegates_summoned=5,
        note="Đại hội Bí Mật Bê",
    )
    delegate = services.delegate_add(
        congress=congress, person=person, kind=DelegateKind.ELECTED, note="Bí Mật Bê"
    )
    services.committee_sizes_set(
        congress=congress,
        executive_size=3,
        standing_size=0,
        inspection_size=0,
        deputy_secretaries=0,
    )
    elected = services.election_record(
        congress=congress,
        role=Role.EXECUTIVE_MEMBER,
        person=person,
        vote_record=vote_record("09-BB/ĐH", dt.date(2025, 10, 11), "Đại hội xã Bí Mật Bê"),
    )
    goal = services.target_create(
        congress=congress, name="Chỉ tiêu Bí Mật Bê", unit="%", target_value=90
    )
    services.progress_record(target=goal, on=dt.date(2025, 12, 1), value=45, note="Bí Mật Bê")
    tree.congress = congress
    return {
        "": congress.pk,
        "congresses:delegate_remove": delegate.pk,
        "congresses:member_remove": elected.pk,
        "congresses:target": goal.pk,
        "congresses:target_create": congress.pk,
        "congresses:progress": goal.pk,
        "congress-": congress.pk,
        "congressdelegate-": delegate.pk,
        "congressmember-": elected.pk,
        "congresstarget-": goal.pk,
    }


def snapshot(tree):
    """B's congress, delegates, seats, members, targets and progress, and the cadres posts
    and holdings its committee set up, as a write would change them."""
    congresses = Congress.objects.filter(organization__in=[tree.b, tree.b1])
    posts = Post.objects.filter(congress_seats__congress__in=congresses)
    rows = [
        congresses,
        Delegate.objects.filter(congress__in=congresses),
        CongressSeat.objects.filter(congress__in=congresses),
        CommitteeMember.objects.filter(congress__in=congresses),
        ResolutionTarget.objects.filter(congress__in=congresses),
        TargetProgress.objects.filter(target__congress__in=congresses),
        posts,
        PostQuota.objects.filter(post__in=posts),
        Assignment.objects.filter(post__in=posts),
    ]
    return (
        [list(qs.order_by("id").values()) for qs in rows],
        Congress.history.filter(organization__in=[tree.b, tree.b1]).count(),
    )
