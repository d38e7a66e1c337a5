"""Reads of đào tạo, bồi dưỡng: the enrollments a subtree sent in a period, the people and the
enrollments behind the report's figures, a person's training timeline.

Set-based: each figure is one aggregate query whatever the size of the subtree.

The subtree is taken as it stands on `on` (default: the end of the period) and enrollments
are "restated": the sending organization is carried through mergers and splits
(`OrganizationSuccession`) to its heir on `on`, so a class LA sent someone to in March 2025
counts for A, which LA merged into on 1 July 2025 — the same choice as admissions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from tochuc.core.formatting import vn_int
from tochuc.members.selectors import placed_in
from tochuc.organizations.models import Organization, OrganizationPeriod
from tochuc.organizations.selectors import subtree_ids
from tochuc.people.models import Person
from tochuc.training.models import (
    POLITICAL_THEORY_KINDS,
    REFRESHER_KINDS,
    CourseKind,
    Enrollment,
    Qualification,
    TrainingClass,
)

GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "political_theory": ("Đào tạo cao cấp, trung cấp lý luận chính trị", POLITICAL_THEORY_KINDS),
    "refresher": ("Bồi dưỡng", REFRESHER_KINDS),
}
"""The two groups of the report line, each a set of course kinds."""


def group_kinds(group: str = "", kind: str = "") -> tuple[str, ...]:
    """The course kinds of a group or a single kind; every kind when neither is given."""
    if kind:
        if kind not in CourseKind.values:
            raise ValueError(f"Loại chương trình «{kind}» không có trong danh mục.")
        return (kind,)
    if group:
        if group not in GROUPS:
            raise ValueError(f"Nhóm «{group}» không xác định.")
        return GROUPS[group][1]
    return tuple(CourseKind.values)


def name_on(on: dt.date, field_name: str) -> Subquery:
    """The name the organization at `field_name` had on `on`, else its last name."""
    return Subquery(
        OrganizationPeriod.objects.filter(organization=OuterRef(field_name), valid_from__lte=on)
        .order_by("-valid_from")
        .values("name")[:1]
    )


def enrollments_sent(
    *,
    root: Organization | int,
    start: dt.date,
    end: dt.date,
    on: dt.date | None = None,
    kinds: tuple[str, ...] | None = None,
    user=None,
) -> QuerySet[Enrollment]:
    """Enrollments in classes opening in [start, end] whose sending organization, carried to
    its heir on `on` (default `end`), lies in `root`'s subtree on `on`; of `kinds` of course
    (default every kind); only those the user may see when `user` is given."""
    on = on or end
    enrollments = Enrollment.objects.filter(
        training_class__opens_on__gte=start,
        training_class__opens_on__lte=end,
        sent_by_id__in=placed_in(heirs=subtree_ids(root=root, on=on), on=on),
    )
    if kinds is not None:
        enrollments = enrollments.filter(training_class__course__kind__in=kinds)
    if user is not None:
        enrollments = enrollments.restrict(user)
    return enrollments


@dataclass
class KindFigure:
    kind: str
    label: str
    people: int
    enrollments: int


@dataclass
class TrainingFigures:
    """«cử N cán bộ đi đào tạo cao cấp, trung cấp LLCT; M lượt bồi dưỡng» for a subtree."""

    start: dt.date
    end: dt.date
    on: dt.date
    political_theory_people: int
    political_theory_enrollments: int
    refresher_people: int
    refresher_enrollments: int
    by_kind: list[KindFigure] = field(default_factory=list)

    @property
    def sentence(self) -> str:
        return (
            f"Cử {vn_int(self.political_theory_people)} cán bộ đi đào tạo cao cấp, trung cấp "
            f"lý luận chính trị; {vn_int(self.refresher_enrollments)} lượt bồi dưỡng"
        )


def training_figures(
    *,
    root: Organization | int,
    start: dt.date,
    end: dt.date,
    on: dt.date | None = None,
    user=None,
) -> TrainingFigures:
    """The figures of the report line "cử 2.093 cán bộ đi đào tạo cao cấp, trung cấp LLCT;
    27.517 lượt bồi dưỡng" for `root`'s subtree and classes opening in [start, end].

    - political_theory_people: PEOPLE — distinct persons with an enrollment in a cao cấp or
      trung cấp LLCT class (one person in both counts once); _enrollments: their records.
    - refresher_enrollments: RECORDS (lượt) — enrollments in refresher classes
      (`REFRESHER_KINDS`: cán bộ nguồn, chuyên môn nghiệp vụ, other); a person attending two
      classes counts twice; refresher_people: the distinct persons behind them.
    - by_kind: people and records per course kind.
    Every enrollment counts whatever its result (the line reports people sent). Two queries.
    """
    on = on or end
    enrollments = enrollments_sent(root=root, start=start, end=end, on=on, user=user)
    pt = Q(training_class__course__kind__in=POLITICAL_THEORY_KINDS)
    rf = Q(training_class__course__kind__in=REFRESHER_KINDS)
    totals = enrollments.aggregate(
        pt_people=Count("person", distinct=True, filter=pt),
        pt_records=Count("id", filter=pt),
        rf_people=Count("person", distinct=True, filter=rf),
        rf_records=Count("id", filter=rf),
    )
    rows = {
        row["training_class__course__kind"]: row
        for row in enrollments.order_by()
        .values("training_class__course__kind")
        .annotate(people=Count("person", distinct=True), records=Count("id"))
    }
    by_kind = [
        KindFigure(
            kind=kind,
            label=label,
            people=rows.get(kind, {}).get("people", 0),
            enrollments=rows.get(kind, {}).get("records", 0),
        )
        for kind, label in CourseKind.choices
    ]
    return TrainingFigures(
        start=start,
        end=end,
        on=on,
        political_theory_people=totals["pt_people"],
        political_theory_enrollments=totals["pt_records"],
        refresher_people=totals["rf_people"],
        refresher_enrollments=totals["rf_records"],
        by_kind=by_kind,
    )


def enrollment_drilldown(enrollments: QuerySet[Enrollment], on: dt.date) -> QuerySet[Enrollment]:
    """The records behind a "lượt" figure: person, class, course, sending unit (its name on
    `on`), dates and result."""
    return (
        enrollments.select_related("person", "training_class__course", "sent_by")
        .annotate(sent_by_name=name_on(on, "sent_by"))
        .order_by("training_class__opens_on", "person__name_folded", "id")
    )


def people_drilldown(enrollments: QuerySet[Enrollment]) -> QuerySet[Person]:
    """The persons behind a "người" figure, each once, with how many of the enrollments
    are theirs (`enrollment_count`) and the first class's opening date (`first_opens_on`)."""
    per_person = enrollments.filter(person=OuterRef("pk")).order_by().values("person")
    return (
        Person.objects.filter(id__in=enrollments.values("person_id"))
        .annotate(
            enrollment_count=Subquery(per_person.annotate(n=Count("id")).values("n")),
            first_opens_on=Subquery(
                enrollments.filter(person=OuterRef("pk"))
                .order_by("training_class__opens_on")
                .values("training_class__opens_on")[:1]
            ),
        )
        .order_by("name_folded", "id")
    )


def classes_visible(*, user, on: dt.date) -> QuerySet[TrainingClass]:
    """Classes the user sees, with the organizer's name on `on` and the count of the
    enrollments the user sees (`enrollment_count`)."""
    visible = (
        Enrollment.objects.restrict(user)
        .filter(training_class=OuterRef("pk"))
        .order_by()
        .values("training_class")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        TrainingClass.objects.restrict(user)
        .select_related("course")
        .annotate(organizer_name=name_on(on, "organizer"), enrollment_count=Subquery(visible))
    )


def class_enrollments(
    *, training_class: TrainingClass, user, on: dt.date, everyone: bool = False
) -> QuerySet:
    """The class's enrollments the user sees (every one when `everyone`: the organizer's
    view), with the sending unit's name on `on`."""
    enrollments = Enrollment.objects.all() if everyone else Enrollment.objects.restrict(user)
    return (
        enrollments.filter(training_class=training_class)
        .select_related("person", "decision", "sent_by")
        .annotate(sent_by_name=name_on(on, "sent_by"))
        .order_by("person__name_folded", "id")
    )


@dataclass
class TimelineEntry:
    on: dt.date
    until: dt.date | None
    kind: str
    record: object


def person_timeline(*, person: Person, user) -> tuple[list[TimelineEntry], int]:
    """A person's qualifications and the enrollments the user sees, oldest first, and how
    many enrollments were left out (sent by units outside the user's scope)."""
    qualifications = list(person.qualifications.all().order_by("obtained_on", "id"))
    all_enrollments = Enrollment.objects.filter(person=person)
    enrollments = list(
        all_enrollments.restrict(user)
        .select_related("training_class__course", "training_class__organizer", "sent_by")
        .annotate(
            organizer_name=name_on(dt.date.max, "training_class__organizer"),
            sent_by_name=name_on(dt.date.max, "sent_by"),
        )
    )
    hidden = all_enrollments.count() - len(enrollments)
    entries = [TimelineEntry(q.obtained_on, None, "qualification", q) for q in qualifications]
    entries += [
        TimelineEntry(e.training_class.opens_on, e.training_class.closes_on, "enrollment", e)
        for e in enrollments
    ]
    entries.sort(key=lambda entry: (entry.on, entry.kind != "enrollment"))
    return entries, hidden


def qualifications_of(*, person: Person) -> QuerySet[Qualification]:
    return person.qualifications.select_related("enrollment").order_by("kind", "obtained_on")
