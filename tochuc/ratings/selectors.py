"""Reads of ratings, confidence votes and disciplines: figures of a subtree for a year,
the records behind each figure, a person's standing and flags. Set-based: each figure is
one query whatever the size of the subtree.

"Of subtree S for year Y, restated on D" (D: the date the page is read at): records whose
organization (the one that rates, holds the vote or decides the discipline), carried through
mergers and splits to its heir on D, lies in S's subtree on D — a 2024 rating by the old
commune LA counts for A, which LA merged into on 01/07/2025.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.lookups import GreaterThan, GreaterThanOrEqual

from tochuc.cadres.models import Assignment
from tochuc.core import rules as registry
from tochuc.core.dating import valid_at_q
from tochuc.core.scoping import VIEW
from tochuc.members.replay import add_months
from tochuc.members.selectors import members_at, placed_in
from tochuc.organizations.models import (
    Organization,
    OrganizationPeriod,
)
from tochuc.organizations.selectors import child_holding, subtree_ids
from tochuc.people.models import Person
from tochuc.ratings import rules
from tochuc.ratings.models import (
    Category,
    ConfidenceVote,
    Discipline,
    DisciplineForm,
    OrganizationRating,
    PersonRating,
)

CONSEQUENCES = ["dismissal", "leave_post", "resign_or_remove", "higher_planning_review", "none"]
"""Consequence codes of valid votes, most severe first (the vote summary's columns)."""


def placed(*, root: Organization | int, on: dt.date) -> QuerySet:
    """Ids of organizations whose records count for `root`'s subtree on `on` (a subquery)."""
    return placed_in(heirs=subtree_ids(root=root, on=on), on=on)


def name_at(on: dt.date, field: str = "organization") -> Subquery:
    """The name `field`'s organization had on `on`, else the last name it had."""
    return Subquery(
        OrganizationPeriod.objects.filter(organization=OuterRef(field), valid_from__lte=on)
        .order_by("-valid_from")
        .values("name")[:1]
    )


# Annual ratings ------------------------------------------------------------------------------


def _person_ratings(
    *, root: Organization | int, year: int, on: dt.date, user=None, direct: bool = False
) -> QuerySet[PersonRating]:
    if direct:  # by `root` itself (or an organization whose heir it is), not its children
        organizations = placed_in(heirs=[getattr(root, "pk", root)], on=on)
    else:
        organizations = placed(root=root, on=on)
    ratings = PersonRating.objects.filter(year=year, organization_id__in=organizations)
    return ratings.restrict(user) if user is not None else ratings


def person_ratings_in(
    *,
    root: Organization | int,
    year: int,
    on: dt.date,
    user=None,
    category: str = "",
    direct: bool = False,
) -> QuerySet[PersonRating]:
    """Ratings of persons for `year` by organizations of `root`'s subtree (restated on `on`),
    in the user's scope; `category` narrows to one level (the drill-down of a figure),
    `direct` to the ratings by `root` itself (the drill-down of its own row in
    `person_ratings_by_child`)."""
    ratings = _person_ratings(root=root, year=year, on=on, user=user, direct=direct)
    if category:
        ratings = ratings.filter(category=category)
    return ratings.select_related("person", "organization", "decision").annotate(
        organization_name=name_at(on)
    )


def organization_ratings_in(
    *, root: Organization | int, year: int, on: dt.date, user=None, category: str = ""
) -> QuerySet[OrganizationRating]:
    """Ratings for `year` of the organizations of `root`'s subtree (restated on `on`)."""
    ratings = OrganizationRating.objects.filter(
        year=year, organization_id__in=placed(root=root, on=on)
    )
    if user is not None:
        ratings = ratings.restrict(user)
    if category:
        ratings = ratings.filter(category=category)
    return ratings.select_related("organization", "decision").annotate(
        organization_name=name_at(on)
    )


@dataclass(frozen=True)
class CategoryFigure:
    category: str
    label: str
    people: int
    records: int


@dataclass
class RatingFigures:
    """«Đánh giá, xếp loại chất lượng năm Y»: persons by category (people and records) and
    organizations by category, for a subtree."""

    year: int
    persons: list[CategoryFigure] = field(default_factory=list)
    people: int = 0
    records: int = 0
    organizations: list[CategoryFigure] = field(default_factory=list)
    organizations_total: int = 0


def rating_figures(*, root: Organization | int, year: int, on: dt.date, user=None) -> RatingFigures:
    """Report lines «kết quả đánh giá, xếp loại chất lượng năm Y: N đảng viên, cán bộ hoàn
    thành xuất sắc nhiệm vụ …; M tổ chức đảng hoàn thành tốt nhiệm vụ …». Two queries:
    persons, organizations.

    - persons, per category: `people` counts distinct persons rated at that level by an
      organization of the subtree ("người"), `records` the ratings ("lượt"): a person rated
      by both their cell and the body managing them counts once in people, twice in records,
      and in two categories if the two ratings differ. `people`/`records` (totals) count
      every rated person once / every rating.
    - organizations, per category: organizations of the subtree rated at that level (one
      rating per organization and year, so people = records = organizations).
    """
    counts = {"total_people": Count("person", distinct=True), "total_records": Count("id")}
    for category in Category.values:
        only = Q(category=category)
        counts[f"{category}_people"] = Count("person", filter=only, distinct=True)
        counts[f"{category}_records"] = Count("id", filter=only)
    row = person_ratings_in(root=root, year=year, on=on, user=user).aggregate(**counts)
    figures = RatingFigures(year=year, people=row["total_people"], records=row["total_records"])
    figures.persons = [
        CategoryFigure(c.value, c.label, row[f"{c.value}_people"], row[f"{c.value}_records"])
        for c in Category
    ]
    by_category = {"total": Count("id")}
    by_category.update({c: Count("id", filter=Q(category=c)) for c in Category.values})
    row = organization_ratings_in(root=root, year=year, on=on, user=user).aggregate(**by_category)
    figures.organizations = [CategoryFigure(c.value, c.label, row[c], row[c]) for c in Category]
    figures.organizations_total = row["total"]
    return figures


@dataclass(frozen=True)
class ChildRatings:
    """Persons rated in `year` by the organizations of one child's subtree, per category
    (distinct persons), or by the root itself (`direct`)."""

    organization_id: int
    name: str
    people: dict[str, int]
    """category → persons rated at that level"""
    total: int
    """distinct persons rated (a person rated at two levels counts once)"""
    direct: bool = False


def person_ratings_by_child(
    *, root: Organization, year: int, on: dt.date, user=None
) -> list[ChildRatings]:
    """`rating_figures`' persons (người) broken down by the organizations directly under
    `root` on `on`: one row per child (its whole subtree, records restated on `on`), by name,
    and a first `direct` row for the ratings by `root` itself when there are any. Two queries
    whatever the number of children: the counts grouped by child, the children's names.

    Each row's figures are those of `person_ratings_in(root=child)` (direct: `direct=True`)
    counted by person; a person rated in two children counts in both rows."""
    counts = {"total": Count("person", distinct=True)}
    for category in Category.values:
        counts[category] = Count("person", filter=Q(category=category), distinct=True)
    grouped = (
        _person_ratings(root=root, year=year, on=on, user=user)
        .annotate(child=child_holding(root.pk, on, "organization_id", via_heir=True))
        .order_by()
        .values("child")
        .annotate(**counts)
    )
    by_child = {row.pop("child"): row for row in grouped}
    empty = dict.fromkeys(["total", *Category.values], 0)

    def row(organization_id: int, name: str, found: dict, direct: bool = False):
        people = {category: found[category] for category in Category.values}
        return ChildRatings(organization_id, name, people, found["total"], direct)

    rows = [
        row(p.organization_id, p.name, by_child.get(p.organization_id, empty))
        for p in root.children_at(on).order_by("name")
    ]
    if by_child.get(None):
        rows.insert(0, row(root.pk, "", by_child[None], direct=True))
    return rows


# Confidence votes ----------------------------------------------------------------------------


def vote_consequence(vote: ConfidenceVote) -> rules.VoteOutcome:
    """The consequence of a vote by the rule in force on the day it was held: quorum (present
    ≥ 2/3 of those summoned) and the band of low-confidence ballots over ballots collected."""
    return rules.judge_vote(
        held_on=vote.held_on,
        summoned=vote.summoned,
        present=vote.present,
        low=vote.low,
        ballots=vote.ballots,
    )


def outcome_expression() -> Case:
    """`vote_consequence` in SQL, built from the registered versions of the rule, so that
    figures group votes by consequence in one query."""
    ballots = F("high") + F("confidence") + F("low") + F("invalid")
    whens = []
    for rule in registry.RULES:
        if rule.code != "confidence_vote":
            continue
        dated = Q(held_on__gte=rule.in_force_from, held_on__lte=rule.in_force_to)
        num, den = rule.parameters["quorum"]
        quorum = Q(summoned__gt=0) & Q(GreaterThanOrEqual(F("present") * den, F("summoned") * num))
        whens.append(When(dated & ~quorum, then=Value("invalid")))
        for band in rule.parameters["bands"]:
            if "at_least" in band:
                num, den = band["at_least"]
                reached = GreaterThanOrEqual(F("low") * den, ballots * num)
            else:
                num, den = band["above"]
                reached = GreaterThan(F("low") * den, ballots * num)
            whens.append(When(dated & Q(reached), then=Value(band["code"])))
        whens.append(When(dated, then=Value("none")))
    return Case(*whens, default=Value("no_rule"))


def votes_in(
    *,
    root: Organization | int,
    start: dt.date,
    end: dt.date,
    on: dt.date,
    user=None,
    consequence: str = "",
) -> QuerySet[ConfidenceVote]:
    """Votes held in [start, end] by organizations of `root`'s subtree (restated on `on`),
    each annotated with its `outcome` code; `consequence` narrows to one code."""
    votes = ConfidenceVote.objects.filter(
        held_on__gte=start, held_on__lte=end, organization_id__in=placed(root=root, on=on)
    )
    if user is not None:
        votes = votes.restrict(user)
    votes = votes.annotate(outcome=outcome_expression())
    if consequence:
        votes = votes.filter(outcome=consequence)
    return votes.select_related("person", "post", "organization").annotate(
        organization_name=name_at(on)
    )


@dataclass
class VoteSummary:
    """«Lấy phiếu tín nhiệm năm Y»: votes held, how many were valid, and the persons by
    consequence. `votes` counts records ("lượt"), `people` distinct persons."""

    votes: int
    people: int
    invalid: int
    by_consequence: dict[str, tuple[int, int]]
    """code → (people, votes) among valid votes."""

    @property
    def flagged_people(self) -> int:
        return sum(self.by_consequence[c][0] for c in CONSEQUENCES if c != "none")


def vote_summary(*, root: Organization | int, year: int, on: dt.date, user=None) -> VoteSummary:
    """Report line «lấy phiếu tín nhiệm năm Y: N lượt, M người; K người có trên 1/2 phiếu
    tín nhiệm thấp» — one query: votes held in `year` by organizations of the subtree, grouped
    by consequence; `votes` and the second number of each pair count votes (records),
    `people` and the first number distinct persons. Votes without a quorum count only in
    `invalid` (and in `votes`, `people`)."""
    counts = {
        "votes": Count("id"),
        "people": Count("person", distinct=True),
        "invalid": Count("id", filter=Q(outcome="invalid")),
    }
    for code in CONSEQUENCES:
        counts[f"{code}_people"] = Count("person", filter=Q(outcome=code), distinct=True)
        counts[f"{code}_votes"] = Count("id", filter=Q(outcome=code))
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    row = votes_in(root=root, start=start, end=end, on=on, user=user).aggregate(**counts)
    return VoteSummary(
        votes=row["votes"],
        people=row["people"],
        invalid=row["invalid"],
        by_consequence={c: (row[f"{c}_people"], row[f"{c}_votes"]) for c in CONSEQUENCES},
    )


# Discipline ----------------------------------------------------------------------------------


def earliest_still_within(on: dt.date, months: int) -> dt.date:
    """The earliest decision date whose `months`-long period still covers `on` (the period of
    a decision dated d runs from d to the day before add_months(d, months))."""
    day = add_months(on, -months) - dt.timedelta(days=4)
    while add_months(day, months) <= on:
        day += dt.timedelta(days=1)
    return day


def in_period_q(on: dt.date) -> Q:
    """Disciplines whose reconsideration period, by the rule in force on `on`, covers `on`;
    dismissal and expulsion have none and count from their date on."""
    within = Q(form__in=rules.PERMANENT_FORMS, decided_on__lte=on)
    for form in (DisciplineForm.REPRIMAND, DisciplineForm.WARNING, DisciplineForm.REMOVAL):
        months = rules.reconsideration_months(form, on)
        if months:
            earliest = earliest_still_within(on, months)
            within |= Q(form=form, decided_on__lte=on, decided_on__gte=earliest)
    return within


def disciplines_in_force(
    *,
    on: dt.date,
    person_ids=None,
    root: Organization | int | None = None,
    user=None,
) -> QuerySet[Discipline]:
    """Disciplines still within their reconsideration period on `on` (rule
    «discipline_reconsideration» in force on `on`), for `person_ids` and/or the persons of
    `root`'s subtree: disciplined by one of its organizations, or members counted in it, or
    holding a seat of one of its posts on `on`."""
    disciplines = Discipline.objects.filter(in_period_q(on))
    if person_ids is not None:
        disciplines = disciplines.filter(person_id__in=person_ids)
    if root is not None:
        organizations = placed(root=root, on=on)
        members = members_at(on=on, root=root).values("person_id")
        holders = Assignment.objects.filter(
            valid_at_q(on), post__organization_id__in=organizations
        ).values("person_id")
        disciplines = disciplines.filter(
            Q(organization_id__in=organizations)
            | Q(person_id__in=members)
            | Q(person_id__in=holders)
        )
    if user is not None:
        disciplines = disciplines.restrict(user)
    return disciplines


def disciplined_on(
    *, on: dt.date, person_ids=None, root: Organization | int | None = None, user=None
) -> QuerySet[Person]:
    """Persons still within the reconsideration period of a discipline on `on` (see
    `disciplines_in_force`); planning leaves them out of plans and appointments."""
    found = disciplines_in_force(on=on, person_ids=person_ids, root=root, user=user)
    return Person.objects.filter(id__in=found.values("person_id"))


def disciplined_count(*, on: dt.date, root: Organization | int, user=None) -> int:
    """«N người đang trong thời hạn chưa được xem xét quy hoạch, bổ nhiệm do bị kỷ luật»:
    distinct persons (not disciplines) of `disciplined_on`, in one query."""
    found = disciplines_in_force(on=on, root=root, user=user)
    return found.values("person_id").distinct().count()


def reconsider_from(discipline: Discipline, on: dt.date) -> dt.date | None:
    """The first day the person may be reconsidered, by the rule in force on `on`; None for
    forms without a period (or no rule on `on`)."""
    months = rules.reconsideration_months(discipline.form, on)
    return add_months(discipline.decided_on, months) if months else None


# A person's standing -------------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """Something a decision about the person must take into account on a date.

    `detail` is what the person's own page shows (a vote's low share and its post, a
    discipline's reconsideration note with the rule's source); `figures` is a vote's
    ballots alone, naming no organization, post or decision, for readers who may not see
    the record itself (planning's removal candidates)."""

    kind: str  # "vote" | "discipline" | "rating"
    code: str
    label: str
    source: str
    since: dt.date
    until: dt.date | None
    record_id: int
    detail: str = ""
    figures: str = ""


def _vote_flags(votes) -> list[Flag]:
    """Per post, the latest vote with a quorum; a flag when its consequence is one."""
    latest: dict[int | None, ConfidenceVote] = {}
    for vote in sorted(votes, key=lambda v: (v.held_on, v.pk)):
        if vote_consequence(vote).quorum:
            latest[vote.post_id] = vote
    flags = []
    for vote in sorted(latest.values(), key=lambda v: (v.held_on, v.pk)):
        outcome = vote_consequence(vote)
        if outcome.flagged:
            post = f" ({vote.post.title})" if vote.post_id else ""
            flags.append(
                Flag(
                    kind="vote",
                    code=outcome.code,
                    label=outcome.label,
                    source=outcome.source,
                    since=vote.held_on,
                    until=None,
                    record_id=vote.pk,
                    detail=f"{outcome.low_percent} phiếu tín nhiệm thấp{post}",
                    figures=f"{vote.low}/{vote.ballots} phiếu tín nhiệm thấp "
                    f"({outcome.low_percent} số phiếu thu về)",
                )
            )
    return flags


def _discipline_flag(discipline: Discipline, on: dt.date, source: str) -> Flag:
    return Flag(
        kind="discipline",
        code=discipline.form,
        label=f"Kỷ luật {discipline.get_form_display().lower()}",
        source=source,
        since=discipline.decided_on,
        until=reconsider_from(discipline, on),
        record_id=discipline.pk,
        detail=rules.reconsideration_note(discipline.form, discipline.decided_on, on),
    )


def rated_by(on: dt.date) -> int:
    """The last year whose rating counts on `on`: a year's rating is judged on its last day
    (`rules.rating_day`), so on 31/12/Y the rating of Y counts, before it that of Y − 1."""
    return on.year if on >= rules.rating_day(on.year) else on.year - 1


def _rating_flags(ratings, on: dt.date) -> dict[int, Flag]:
    """Person id → the flag «không hoàn thành nhiệm vụ 2 năm liên tiếp» when the person's
    latest rated years (`ratings`: (person id, year, category, id), counted up to `rated_by`)
    end with that many consecutive years «không hoàn thành nhiệm vụ», by the rule in force on
    `on`; a later year rated better, by every organization that rated it, lifts it."""
    rule = rules.not_completed_rule(on)
    if rule is None:
        return {}
    needed = rule.parameters["years"]
    years: dict[int, dict[int, bool]] = {}
    first_id: dict[tuple[int, int], int] = {}
    for person_id, year, category, rating_id in ratings:
        failed = category == Category.NOT_COMPLETED
        by_year = years.setdefault(person_id, {})
        by_year[year] = by_year.get(year, False) or failed
        if failed:
            first_id.setdefault((person_id, year), rating_id)
    flags = {}
    for person_id, by_year in years.items():
        streak = rules.not_completed_streak(by_year, needed)
        if not streak:
            continue
        listed = " và ".join(f"năm {year}" for year in streak)
        text = f"xếp loại «{Category.NOT_COMPLETED.label}» {listed}"
        flags[person_id] = Flag(
            kind="rating",
            code="not_completed_twice",
            label=f"Không hoàn thành nhiệm vụ {needed} năm liên tiếp",
            source=rule.source,
            since=rules.rating_day(streak[-1]),
            until=None,
            record_id=first_id[(person_id, streak[-1])],
            detail=text,
            figures=text,
        )
    return flags


def _flag_order(flag: Flag):
    return (flag.since, flag.kind, flag.record_id)


def flags_for_persons(person_ids, on: dt.date, user=None) -> dict[int, list[Flag]]:
    """`flags_for` of many persons at once: person id → flags on `on`, oldest first; persons
    without a flag are left out. Two queries whatever the number of persons (the votes held
    on or before `on`; the disciplines in force on `on` with the annual ratings counted on
    `on`), plus what `user`'s scope costs. `person_ids`: ids, or a subquery of them. With `user`,
    only records in scope."""
    if not isinstance(person_ids, QuerySet):
        person_ids = list(dict.fromkeys(getattr(p, "pk", p) for p in person_ids))
    votes = ConfidenceVote.objects.filter(person_id__in=person_ids, held_on__lte=on)
    if user is not None:
        votes = votes.restrict(user)
    by_person: dict[int, list[ConfidenceVote]] = {}
    for vote in votes.select_related("post").order_by("person_id", "held_on", "id"):
        by_person.setdefault(vote.person_id, []).append(vote)
    flags = {person_id: _vote_flags(found) for person_id, found in by_person.items()}
    # One query for the disciplines in force and the annual ratings (a UNION of the same
    # columns: kind, person, record, form or category, decision date, year), so that the
    # callers' budget of two queries holds.
    columns = ("k", "pid", "rid", "code", "day", "y")
    disciplines = disciplines_in_force(on=on, person_ids=person_ids, user=user).annotate(
        k=Value("discipline"),
        pid=F("person_id"),
        rid=F("id"),
        code=F("form"),
        day=F("decided_on"),
        y=Value(0, output_field=IntegerField()),
    )
    ratings = PersonRating.objects.filter(person_id__in=person_ids, year__lte=rated_by(on))
    if user is not None:
        ratings = ratings.restrict(user)
    ratings = ratings.annotate(
        k=Value("rating"),
        pid=F("person_id"),
        rid=F("id"),
        code=F("category"),
        day=Value(None, output_field=DateField()),
        y=F("year"),
    )
    rows = (
        disciplines.order_by()
        .values_list(*columns)
        .union(ratings.order_by().values_list(*columns), all=True)
    )
    source = _discipline_source(on)
    rated = []
    for kind, person_id, record_id, code, day, year in sorted(
        rows, key=lambda r: (r[0], r[1], r[4] or dt.date.min, r[5], r[2])
    ):
        if kind == "rating":
            rated.append((person_id, year, code, record_id))
            continue
        discipline = Discipline(pk=record_id, person_id=person_id, form=code, decided_on=day)
        flags.setdefault(person_id, []).append(_discipline_flag(discipline, on, source))
    for person_id, flag in _rating_flags(rated, on).items():
        flags.setdefault(person_id, []).append(flag)
    return {
        person_id: sorted(found, key=_flag_order) for person_id, found in flags.items() if found
    }


def flags_for(person: Person | int, on: dt.date, user=None) -> list[Flag]:
    """Flags of a person on `on`, oldest first: the consequence of the latest valid vote for
    each post held on or before `on` (until a later valid vote replaces it), every
    discipline still within its reconsideration period, and «không hoàn thành nhiệm vụ 2 năm
    liên tiếp» when the latest years rated up to `on` are two such years in a row (rule
    «not_completed_twice»). With `user`, only records in scope."""
    person_id = getattr(person, "pk", person)
    return flags_for_persons([person_id], on, user=user).get(person_id, [])


def _discipline_source(on: dt.date) -> str:
    try:
        return registry.rule_in_force("discipline_reconsideration", on).source
    except registry.RuleNotInForce:
        return ""


def visible_persons(*, user, on: dt.date, action: str = VIEW) -> QuerySet[Person]:
    """Persons whose standing `user` may see (or change) on `on`: persons in the user's
    scope then, or with a rating, vote or discipline recorded by an organization in scope."""
    if not (user and user.is_authenticated and user.may(action)):
        return Person.objects.none()
    if user.is_superuser:
        return Person.objects.all()
    in_scope = Person.objects.restrict(user, action, on=on).values("id")
    recorded = (
        Q(id__in=PersonRating.objects.restrict(user, action).values("person_id"))
        | Q(id__in=ConfidenceVote.objects.restrict(user, action).values("person_id"))
        | Q(id__in=Discipline.objects.restrict(user, action).values("person_id"))
    )
    return Person.objects.filter(Q(id__in=in_scope) | recorded)


@dataclass
class Standing:
    """A person's ratings, votes (with consequences), disciplines and flags on a date."""

    person: Person
    ratings: list = field(default_factory=list)
    votes: list = field(default_factory=list)
    disciplines: list = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def person_standing(*, person: Person, on: dt.date, user) -> Standing:
    """Records of organizations in the user's scope only; votes carry `.outcome`,
    disciplines `.reconsider_from` and `.in_period` as judged on `on`."""
    ratings = (
        PersonRating.objects.restrict(user)
        .filter(person=person)
        .select_related("organization", "decision")
        .annotate(organization_name=name_at(on))
        .order_by("-year", "organization__code")
    )
    votes = list(
        ConfidenceVote.objects.restrict(user)
        .filter(person=person)
        .select_related("post", "organization")
        .annotate(organization_name=name_at(on))
        .order_by("-held_on", "-id")
    )
    for vote in votes:
        vote.outcome = vote_consequence(vote)
    in_force = set(
        disciplines_in_force(on=on, person_ids=[person.pk], user=user).values_list("id", flat=True)
    )
    disciplines = list(
        Discipline.objects.restrict(user)
        .filter(person=person)
        .select_related("decision", "organization")
        .annotate(organization_name=name_at(on))
        .order_by("-decided_on", "-id")
    )
    for discipline in disciplines:
        discipline.reconsider_from = reconsider_from(discipline, on)
        discipline.in_period = discipline.pk in in_force
    return Standing(
        person=person,
        ratings=list(ratings),
        votes=votes,
        disciplines=disciplines,
        flags=flags_for(person, on, user=user),
    )
