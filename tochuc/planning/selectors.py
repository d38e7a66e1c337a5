"""Reads of succession planning, as of a date, set-based (a constant number of queries
whatever the subtree's size).

- `plan_entries`: the plan of a subtree («danh sách quy hoạch»), counting records (entries);
  a person planned for two posts appears twice.
- `posts_with_plans`: the subtree's posts with how many people are planned for each.
- `removal_candidates`: planned persons the rules say should leave the plan (over age, or
  flagged by `tochuc.ratings`: disciplined within the waiting period, low confidence vote),
  flagged, never removed.
- `appointment_warnings`: what to tell whoever appoints someone not planned for the post.
Structure shares (women, young, ethnic minority) are in `structure.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from tochuc.cadres.models import Post
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_date
from tochuc.core.text import fold
from tochuc.organizations.models import OrganizationPeriod
from tochuc.organizations.selectors import subtree_ids
from tochuc.planning import checks
from tochuc.planning.levels import at_commune_level, level_from_flag, level_of
from tochuc.planning.models import PlanEntry, PlanningTerm, active_on_q
from tochuc.ratings.selectors import flags_for_persons


def open_terms(on: dt.date) -> QuerySet[PlanningTerm]:
    """Terms not yet over on `on` (a plan is built before its term starts)."""
    return PlanningTerm.objects.filter(ends_on__gte=on).order_by("starts_on", "track", "id")


def default_term(on: dt.date, track: str | None = None) -> PlanningTerm | None:
    """The term a page shows first: the latest one begun by `on` that is not over, else the
    next to begin, else the last one."""
    terms = PlanningTerm.objects.all()
    if track:
        terms = terms.filter(track=track)
    return (
        terms.filter(starts_on__lte=on, ends_on__gte=on).order_by("-starts_on", "id").first()
        or terms.filter(starts_on__gt=on).order_by("starts_on", "id").first()
        or terms.order_by("-ends_on", "id").first()
    )


def _name_on(on: dt.date, field: str) -> Subquery:
    return Subquery(
        OrganizationPeriod.objects.filter(valid_at_q(on), organization=OuterRef(field)).values(
            "name"
        )[:1]
    )


def plan_entries(
    *, root, on: dt.date, user, term: PlanningTerm | None = None
) -> QuerySet[PlanEntry]:
    """Entries in force on `on` for posts of `root`'s subtree then, within the user's scope;
    with the organization's name on `on` and the post's level (`commune`). Counts records."""
    entries = (
        PlanEntry.objects.restrict(user)
        .active_on(on)
        .filter(post__organization_id__in=subtree_ids(root=root, on=on))
    )
    if term is not None:
        entries = entries.filter(term=term)
    return entries.select_related("person", "post", "term", "decision").annotate(
        organization_name=_name_on(on, "post__organization"),
        commune=at_commune_level("post__organization", on),
    )


def posts_with_plans(
    *, root, on: dt.date, user, term: PlanningTerm | None = None
) -> QuerySet[Post]:
    """Posts of the subtree on `on` with `planned`: people planned for each then (in `term`,
    or in every open term). Counts people per post."""
    planned = PlanEntry.objects.filter(active_on_q(on), post=OuterRef("pk"))
    planned = planned.filter(term=term) if term else planned.filter(term__ends_on__gte=on)
    planned = planned.order_by().values("post").annotate(n=Count("id")).values("n")
    zero = Value(0, output_field=IntegerField())
    return (
        Post.objects.restrict(user)
        .filter(organization_id__in=subtree_ids(root=root, on=on))
        .annotate(
            planned=Coalesce(Subquery(planned, output_field=IntegerField()), zero),
            organization_name=_name_on(on, "organization"),
            commune=at_commune_level("organization", on),
        )
        .order_by("organization_name", "body", "title", "id")
    )


def filter_person_name(entries: QuerySet[PlanEntry], text: str) -> QuerySet[PlanEntry]:
    """Entries whose person's name has words starting with `text`'s words, accents ignored."""
    for word in fold(text).split():
        entries = entries.filter(person__name_folded__contains=f" {word}")
    return entries


@dataclass(frozen=True)
class PostPlan:
    """A post's plan as seen on a date, per term: in force, removed, approved for later."""

    active: list[PlanEntry]
    removed: list[PlanEntry]
    upcoming: list[PlanEntry]


def post_plan(*, post: Post, on: dt.date, term: PlanningTerm | None = None) -> PostPlan:
    entries = post.plan_entries.select_related("person", "term", "decision", "removal_decision")
    if term is not None:
        entries = entries.filter(term=term)
    rows = list(entries.order_by("term__starts_on", "added_on", "id"))
    return PostPlan(
        active=[e for e in rows if e.is_active_on(on)],
        removed=[e for e in rows if e.removed_on is not None and e.removed_on <= on],
        upcoming=[e for e in rows if e.added_on > on],
    )


def appointment_warnings(*, person, post: Post, on: dt.date) -> list[str]:
    """Warnings for appointing `person` to `post` on `on`: not planned (on that date, in any
    term) for this post nor an equivalent one (same title, same level). Rule
    "planning_appointee_planned"; nothing before its first version."""
    rule = checks.rule_on("planning_appointee_planned", on)
    if rule is None:
        return []
    entries = list(
        PlanEntry.objects.active_on(on)
        .filter(person=person)
        .annotate(commune=at_commune_level("post__organization", on))
        .values("post_id", "post__title", "commune")
    )
    if any(e["post_id"] == post.pk for e in entries):
        return []
    title, level = fold(post.title), level_of(post.organization_id, on)
    for e in entries:
        if fold(e["post__title"]) == title and level_from_flag(e["commune"]) == level:
            return []
    return [
        f"{person} chưa được quy hoạch chức danh «{post.title}» hoặc chức danh tương đương "
        f"(cùng chức danh, cùng cấp) vào ngày {vn_date(on)} ({rule.source})."
    ]


@dataclass
class RemovalCandidate:
    """A plan entry in force on the date, with the reasons to take it out of the plan."""

    entry: PlanEntry
    reasons: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)


REASON_KINDS = {
    "age": "Quá tuổi quy hoạch",
    "discipline": "Bị kỷ luật",
    "confidence": "Tín nhiệm thấp",
    "rating": "Không hoàn thành nhiệm vụ 2 năm liên tiếp",
}


def removal_candidates(
    *, root, on: dt.date, user, term: PlanningTerm | None = None, kind: str | None = None
) -> list[RemovalCandidate]:
    """Đề nghị đưa ra khỏi quy hoạch: entries in force on `on` (of `term`, or of every open
    term) in the subtree whose person is over age (the rules of this app in force on `on`), or
    has a flag of `tochuc.ratings` on `on`: a discipline within its reconsideration period
    (by the rule in force on `on`), or a flagged consequence of the latest valid confidence
    vote for a post (by the rule in force on the day of the vote). Flags come from every
    record, in the user's scope or not: reasons name the form, the date and the figures,
    never the record's organization or decision. Counts records (an entry per post); three
    queries (entries, votes, disciplines) whatever the size of the subtree."""
    entries = plan_entries(root=root, on=on, user=user, term=term)
    if term is None:
        entries = entries.filter(term__ends_on__gte=on)
    entries = list(entries.order_by("organization_name", "post__title", "person__name_folded"))
    flags = flags_for_persons({e.person_id for e in entries}, on)
    found = []
    for entry in entries:
        candidate = RemovalCandidate(entry=entry)
        person = entry.person
        age = checks.age_refusal(person=person, term=entry.term, on=on) or checks.retired_flag(
            person=person, on=on
        )
        if age:
            candidate.reasons.append(age)
            candidate.kinds.add("age")
        for flag in flags.get(entry.person_id, []):
            candidate.reasons.append(checks.flag_reason(flag))
            candidate.kinds.add(checks.FLAG_KINDS[flag.kind])
        if candidate.reasons and (kind is None or kind in candidate.kinds):
            found.append(candidate)
    return found
