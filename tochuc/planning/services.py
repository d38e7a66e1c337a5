"""Writes of succession planning: terms, additions to and removals from a post's plan,
structure targets. Keyword-only, validated, transactional; refusals are Vietnamese
`ValidationError`s naming the field and the rule's source. Nothing is ever deleted: a removal
is dated, with its reason.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from tochuc.cadres.models import Post
from tochuc.core.formatting import vn_date
from tochuc.core.models import Decision
from tochuc.core.services import locked_for_edit
from tochuc.organizations.models import Organization
from tochuc.people.models import Person
from tochuc.planning import checks
from tochuc.planning.levels import at_commune_level, level_from_flag, level_of
from tochuc.planning.models import (
    Level,
    PlanEntry,
    PlanningTerm,
    StructureCategory,
    StructureTarget,
)

STANDARD_TERMS = [
    ("2020–2025", PlanningTerm.Track.PARTY, dt.date(2020, 10, 1), dt.date(2025, 9, 30)),
    ("2025–2030", PlanningTerm.Track.PARTY, dt.date(2025, 10, 1), dt.date(2030, 9, 30)),
    ("2021–2026", PlanningTerm.Track.GOVERNMENT, dt.date(2021, 7, 1), dt.date(2026, 6, 30)),
    ("2026–2031", PlanningTerm.Track.GOVERNMENT, dt.date(2026, 7, 1), dt.date(2031, 6, 30)),
]
"""The terms of DOMAIN.md. Dates are our best reading of when the terms begin: provincial
party congresses in October 2020 and 2025, the councils elected in 2021 and 2026 from July;
a department adjusts them (and the counting date) to its own congresses."""


def _refuse_if(messages: list[str]) -> None:
    if messages:
        raise ValidationError(messages)


@transaction.atomic
def term_create(
    *,
    name: str,
    track: str,
    starts_on: dt.date,
    ends_on: dt.date,
    counting_on: dt.date | None = None,
) -> PlanningTerm:
    """A planning term; its name is unique within the track."""
    name = name.strip()
    problems = []
    if not name:
        problems.append("Nhiệm kỳ: hãy nhập tên (ví dụ 2025–2030).")
    if track not in PlanningTerm.Track.values:
        problems.append(f"Khối: «{track}» không có trong danh mục.")
    if ends_on <= starts_on:
        problems.append("Đến ngày: phải sau ngày bắt đầu nhiệm kỳ.")
    if PlanningTerm.objects.filter(name=name, track=track).exists():
        problems.append(f"Nhiệm kỳ: đã có nhiệm kỳ {name} của khối này.")
    _refuse_if(problems)
    return PlanningTerm.objects.create(
        name=name, track=track, starts_on=starts_on, ends_on=ends_on, counting_on=counting_on
    )


@transaction.atomic
def term_update(
    *,
    term: PlanningTerm,
    starts_on: dt.date,
    ends_on: dt.date,
    counting_on: dt.date | None = None,
    expected_version: int | None = None,
) -> PlanningTerm:
    """Correct a term's dates and counting date. Refused when the end would come before a
    plan entry of the term was approved (an approval is accepted up to the term's end, see
    `plan_add`): every existing entry stays inside the term. Entries approved before the
    start stay valid (a plan is approved ahead of its term)."""
    term = locked_for_edit(PlanningTerm, term.pk, expected_version=expected_version)
    problems = []
    if ends_on <= starts_on:
        problems.append("Đến ngày: phải sau ngày bắt đầu nhiệm kỳ.")
    added_after = PlanEntry.objects.filter(term=term).filter(added_on__gt=ends_on).count()
    if added_after:
        problems.append(
            f"Đến ngày: {added_after} lượt quy hoạch của nhiệm kỳ được phê duyệt sau ngày "
            f"{vn_date(ends_on)}; hãy chọn ngày kết thúc không sớm hơn các ngày phê duyệt."
        )
    _refuse_if(problems)
    term.starts_on, term.ends_on, term.counting_on = starts_on, ends_on, counting_on
    term.version += 1
    term.save()
    return term


@transaction.atomic
def terms_seed() -> list[PlanningTerm]:
    """The four terms of DOMAIN.md, created when missing (idempotent)."""
    terms = []
    for name, track, starts, ends in STANDARD_TERMS:
        term, _ = PlanningTerm.objects.get_or_create(
            name=name, track=track, defaults={"starts_on": starts, "ends_on": ends}
        )
        terms.append(term)
    return terms


def _spans(entries) -> list[tuple[dt.date, dt.date | None]]:
    return [(e["added_on"], e["removed_on"]) for e in entries]


def _still_planned_q(on: dt.date) -> Q:
    """Entries in force on some day from `on` on (including those added later)."""
    return Q(removed_on__isnull=True) | Q(removed_on__gt=on)


@transaction.atomic
def plan_add(
    *,
    term: PlanningTerm,
    post: Post,
    person: Person,
    added_on: dt.date,
    decision: Decision,
) -> PlanEntry:
    """Phê duyệt quy hoạch: `person` is planned for `post` in `term` from `added_on`.

    Refused (every reason at once) when the term is over, the post's organization does not
    exist then, the person is already in that plan, or a rule in force on `added_on` forbids
    it: people per post, posts per person at one level, age (see `rules.py`).
    """
    if decision is None:
        raise ValidationError("Quyết định phê duyệt quy hoạch: bắt buộc (số, ngày, cơ quan).")
    post = Post.objects.select_for_update().select_related("organization").get(pk=post.pk)
    person = Person.objects.select_for_update().get(pk=person.pk)
    problems = []
    if added_on > term.ends_on:
        problems.append(
            f"Ngày phê duyệt: nhiệm kỳ {term} đã kết thúc ngày {vn_date(term.ends_on)}."
        )
    if post.organization.period_at(added_on) is None:
        problems.append(
            f"Ngày phê duyệt: tổ chức của chức danh «{post.title}» không tồn tại vào ngày "
            f"{vn_date(added_on)}."
        )
    if decision.signed_on > added_on:
        problems.append("Ngày phê duyệt: không thể trước ngày ban hành quyết định.")
    in_plan = PlanEntry.objects.filter(_still_planned_q(added_on), term=term, post=post)
    if in_plan.filter(person=person).exists():
        problems.append(f"{person} đã có trong quy hoạch chức danh «{post.title}» nhiệm kỳ {term}.")
    else:
        planned = checks.most_at_once(_spans(in_plan.values("added_on", "removed_on")), added_on)
        problems.append(checks.per_post_refusal(post=post, planned=planned, on=added_on))
        level = level_of(post.organization_id, added_on)
        others = (
            PlanEntry.objects.filter(_still_planned_q(added_on), term=term, person=person)
            .exclude(post=post)
            .annotate(commune=at_commune_level("post__organization", added_on))
            .values("added_on", "removed_on", "commune")
        )
        same_level = [e for e in others if level_from_flag(e["commune"]) == level]
        posts = checks.most_at_once(_spans(same_level), added_on)
        problems.append(
            checks.per_person_refusal(person=person, level=level, posts=posts, on=added_on)
        )
        problems.append(checks.age_refusal(person=person, term=term, on=added_on))
    _refuse_if([p for p in problems if p])
    return PlanEntry.objects.create(
        term=term, post=post, person=person, added_on=added_on, decision=decision
    )


@transaction.atomic
def plan_remove(
    *,
    entry: PlanEntry,
    removed_on: dt.date,
    reason: str,
    decision: Decision | None = None,
    expected_version: int | None = None,
) -> PlanEntry:
    """Đưa ra khỏi quy hoạch from `removed_on` (the entry is in force until the day before),
    with the reason; the entry is kept."""
    entry = locked_for_edit(PlanEntry, entry.pk, expected_version=expected_version)
    reason = (reason or "").strip()
    problems = []
    if entry.removed_on is not None:
        problems.append(
            f"{entry.person} đã được đưa ra khỏi quy hoạch ngày {vn_date(entry.removed_on)}."
        )
    if removed_on <= entry.added_on:
        problems.append(
            f"Ngày đưa ra khỏi quy hoạch: phải sau ngày phê duyệt {vn_date(entry.added_on)}."
        )
    if not reason:
        problems.append("Lý do: hãy ghi lý do đưa ra khỏi quy hoạch.")
    if decision is not None and decision.signed_on > removed_on:
        problems.append("Ngày đưa ra khỏi quy hoạch: không thể trước ngày ban hành quyết định.")
    _refuse_if(problems)
    entry.removed_on = removed_on
    entry.removal_reason = reason
    entry.removal_decision = decision
    entry.version += 1
    entry.save(update_fields=["removed_on", "removal_reason", "removal_decision", "version"])
    return entry


@transaction.atomic
def target_set(
    *,
    organization: Organization,
    term: PlanningTerm,
    category: str,
    level: str,
    minimum_share: Decimal,
    young_age: int | None = None,
    decision: Decision | None = None,
    expected_version: int | None = None,
) -> StructureTarget:
    """Mục tiêu cơ cấu of `organization`'s subtree for a term, category and level: created,
    or replaced when it exists (with `expected_version` when the form showed it)."""
    problems = []
    if category not in StructureCategory.values:
        problems.append(f"Cơ cấu: «{category}» không có trong danh mục.")
    if level not in Level.values:
        problems.append(f"Cấp: «{level}» không có trong danh mục.")
    share = Decimal(minimum_share)
    if not Decimal(0) <= share <= Decimal(100):
        problems.append("Tỷ lệ tối thiểu: phải từ 0 đến 100 (%).")
    if category == StructureCategory.YOUNG:
        if young_age is None or not 18 <= young_age <= 70:
            problems.append("Độ tuổi cán bộ trẻ: hãy nhập «dưới … tuổi», từ 18 đến 70.")
    else:
        young_age = None
    _refuse_if(problems)
    current = StructureTarget.objects.filter(
        organization=organization, term=term, category=category, level=level
    ).first()
    if current is None:
        return StructureTarget.objects.create(
            organization=organization,
            term=term,
            category=category,
            level=level,
            minimum_share=share,
            young_age=young_age,
            decision=decision,
        )
    target = locked_for_edit(StructureTarget, current.pk, expected_version=expected_version)
    target.minimum_share = share
    target.young_age = young_age
    target.decision = decision or target.decision
    target.version += 1
    target.save(update_fields=["minimum_share", "young_age", "decision", "version"])
    return target
