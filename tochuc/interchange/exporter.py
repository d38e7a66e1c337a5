"""Exporting an organization's subtree, over its whole history, as an interchange workbook.

The subtree is every organization that was ever under the root, with the predecessors the
root's subtree took over by mergers and splits (and their subtrees), as in a user's scope:
members carried over by a merger keep their spans in the old organization. Each sheet is one
query over that set (a subquery, never a list of ids), so an export costs the same number of
queries for a cell and for a province; rows are read lazily while the file is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from tochuc.accounts.scope import scope_roots
from tochuc.admissions.models import AdmissionTarget
from tochuc.cadres.models import Assignment, Move, PostQuota, SourcingPlan
from tochuc.cards.models import CardExchange
from tochuc.core.dating import shown
from tochuc.core.models import AuditEntry
from tochuc.interchange.places import PlaceResolver
from tochuc.interchange.template import write_workbook
from tochuc.interchange.workbook import (
    ASSIGNMENTS,
    CARDS,
    CLASSES,
    DATE,
    ENROLLMENTS,
    EVENTS,
    HEADCOUNTS,
    LINEAGE,
    MOVES,
    ORGANIZATIONS,
    PERSONS,
    PLACE,
    PLANS,
    POSTS,
    SHEETS,
    TARGETS,
    Sheet,
)
from tochuc.members.models import MembershipEvent, MembershipSpan
from tochuc.organizations.models import (
    LineageLink,
    Organization,
    OrganizationClosure,
    OrganizationPeriod,
)
from tochuc.people.models import SENSITIVE_FIELDS, Person
from tochuc.people.sensitive import may_read_sensitive
from tochuc.staffing.models import Headcount
from tochuc.training.models import Enrollment, TrainingClass

READ_PURPOSE = "xuất bộ dữ liệu trao đổi"

DECISION = ("decision_number", "decision_date", "decision_issuer")
POST = {"organization": "post__organization__code", "body": "post__body", "title": "post__title"}
PERSON = {"person": "person__code", "person_name": "person__full_name"}


def _decision(prefix: str) -> dict[str, str]:
    paths = (f"{prefix}number", f"{prefix}signed_on", f"{prefix}issuer")
    return dict(zip(DECISION, paths, strict=True))


PATHS: dict[str, dict[str, str]] = {
    ORGANIZATIONS.name: {
        "code": "organization__code",
        "parent": "parent__code",
        "place": "organization__administrative_unit_id",
        **_decision("decision__"),
    },
    LINEAGE.name: {
        "kind": "event__kind",
        "effective_on": "event__effective_on",
        "predecessor": "predecessor__code",
        "successor": "successor__code",
        **_decision("event__decision__"),
    },
    PERSONS.name: {"hometown": "hometown_id", "residence": "residence_id"},
    EVENTS.name: {**PERSON, "organization": "organization__code", **_decision("decision__")},
    POSTS.name: {
        **POST,
        "field": "post__field",
        "per_central_guidance": "post__per_central_guidance",
        **_decision("decision__"),
    },
    ASSIGNMENTS.name: {**PERSON, **POST, **_decision("decision__")},
    MOVES.name: {
        **PERSON,
        "origin": "origin__code",
        "destination": "destination__code",
        "decided_by": "decided_by__code",
        **_decision("decision__"),
    },
    PLANS.name: POST,
    TARGETS.name: {"organization": "organization__code", **_decision("decision__")},
    CARDS.name: {**PERSON, "organization": "organization__code"},
    HEADCOUNTS.name: {"organization": "organization__code", **_decision("decision__")},
    CLASSES.name: {
        "organizer": "organizer__code",
        "class_name": "name",
        "course": "course__name",
        "course_kind": "course__kind",
        "course_organization": "course__organization__code",
        **_decision("decision__"),
    },
    ENROLLMENTS.name: {
        **PERSON,
        "organizer": "training_class__organizer__code",
        "class_name": "training_class__name",
        "opens_on": "training_class__opens_on",
        "sent_by": "sent_by__code",
        **_decision("decision__"),
    },
}
"""Sheet → column name → the ORM path of its value, where it isn't the column name."""

ORDER = {
    ORGANIZATIONS.name: ("organization__code", "valid_from"),
    LINEAGE.name: ("event__effective_on", "event_id", "id"),
    PERSONS.name: ("code",),
    EVENTS.name: ("person__code", "effective_on", "id"),
    POSTS.name: (*POST.values(), "valid_from", "id"),
    ASSIGNMENTS.name: (*POST.values(), "valid_from", "person__code", "id"),
    MOVES.name: ("starts_on", "person__code", "id"),
    PLANS.name: (*POST.values(), "planned_on", "id"),
    TARGETS.name: ("organization__code", "kind", "starts_on"),
    CARDS.name: ("series", "person__code", "id"),
    HEADCOUNTS.name: ("organization__code", "year", "category"),
    CLASSES.name: ("opens_on", "organizer__code", "name", "id"),
    ENROLLMENTS.name: ("training_class__opens_on", "training_class_id", "person__code", "id"),
}


@dataclass
class SheetRows:
    """The rows of one sheet, read from the database each time they are iterated."""

    sheet: Sheet
    queryset: QuerySet
    blank: frozenset[str] = frozenset()
    places: Callable[[], PlaceResolver] | None = None

    def __len__(self) -> int:
        return self.queryset.count()

    def __iter__(self) -> Iterator[dict]:
        paths = PATHS.get(self.sheet.name, {})
        columns = [
            (c.name, paths.get(c.name, c.name), c.type)
            for c in self.sheet.columns
            if c.name not in self.blank
        ]
        values = self.queryset.order_by(*ORDER[self.sheet.name]).values(*(p for _, p, _ in columns))
        label = self.places().label if self.places else None
        for found in values.iterator(chunk_size=2000):
            row = dict.fromkeys(self.blank)
            for name, path, kind in columns:
                value = found[path]
                if kind == DATE:
                    value = shown(value)
                elif kind == PLACE:
                    value = label(value) if value else None
                elif value == "":
                    value = None
                row[name] = value
            yield row


def exported_organizations(root: Organization) -> QuerySet:
    """Ids (a subquery) of every organization ever under `root`, and of the predecessors its
    subtree took over with their own subtrees."""
    roots = scope_roots(SimpleNamespace(organization_id=root.pk))  # the scope rule, for root
    return OrganizationClosure.objects.filter(ancestor_id__in=roots).values("descendant_id")


def related_persons(organizations: QuerySet) -> QuerySet:
    """Ids (a subquery) of persons who were members placed or hosted in `organizations`,
    held a seat there, or were moved from or to one of them."""
    spans = MembershipSpan.objects.filter(
        Q(organization_id__in=organizations) | Q(host_organization_id__in=organizations)
    ).values("person_id")
    seats = Assignment.objects.filter(post__organization_id__in=organizations).values("person_id")
    moves = Move.objects.filter(
        Q(origin_id__in=organizations) | Q(destination_id__in=organizations)
    ).values("person_id")
    # One UNION, not three ORed IN lists: PostgreSQL with its default work_mem rescans the
    # spans per person for the OR form (over 10 minutes at 140,000 members, 0.5 s this way).
    return spans.union(seats, moves)


def subtree_rows(root: Organization, user) -> dict[str, SheetRows]:
    """Sheet name → the rows of `root`'s subtree over its whole history (Python values by
    column name, CHOICE columns as codes, open-ended dates as None), in `SHEETS` order.

    Rows are lazy (`SheetRows`): iterating one runs its query. Citizen IDs and phones are
    left empty unless the user may read them; `user=None` exports everything (command line).
    """
    if user is not None and not Organization.objects.restrict(user).filter(pk=root.pk).exists():
        raise PermissionDenied("Tổ chức không thuộc phạm vi của anh/chị.")
    organizations = exported_organizations(root)
    persons = related_persons(organizations)
    places = cache(PlaceResolver)  # every unit, read once when a sheet first needs a label
    shown_all = user is None or may_read_sensitive(user)
    hidden = frozenset() if shown_all else frozenset(SENSITIVE_FIELDS)
    of_posts = Q(post__organization_id__in=organizations)
    querysets = {
        ORGANIZATIONS.name: OrganizationPeriod.objects.filter(organization_id__in=organizations),
        LINEAGE.name: LineageLink.objects.filter(
            Q(predecessor_id__in=organizations) | Q(successor_id__in=organizations)
        ),
        PERSONS.name: Person.objects.filter(id__in=persons),
        EVENTS.name: MembershipEvent.objects.filter(person_id__in=persons, is_void=False),
        POSTS.name: PostQuota.objects.filter(of_posts),
        ASSIGNMENTS.name: Assignment.objects.filter(of_posts),
        MOVES.name: Move.objects.filter(
            Q(origin_id__in=organizations) | Q(destination_id__in=organizations)
        ),
        PLANS.name: SourcingPlan.objects.filter(of_posts),
        TARGETS.name: AdmissionTarget.objects.filter(organization_id__in=organizations),
        CARDS.name: CardExchange.objects.filter(organization_id__in=organizations),
        HEADCOUNTS.name: Headcount.objects.filter(organization_id__in=organizations),
        CLASSES.name: TrainingClass.objects.filter(
            Q(organizer_id__in=organizations)
            | Q(
                id__in=Enrollment.objects.filter(sent_by_id__in=organizations).values(
                    "training_class_id"
                )
            )
        ),
        ENROLLMENTS.name: Enrollment.objects.filter(sent_by_id__in=organizations),
    }
    return {
        sheet.name: SheetRows(
            sheet,
            querysets[sheet.name],
            blank=hidden if sheet is PERSONS else frozenset(),
            places=places if sheet in (ORGANIZATIONS, PERSONS) else None,
        )
        for sheet in SHEETS
    }


def export_subtree(root: Organization, user, stream) -> dict[str, int]:
    """Write the workbook of `root`'s subtree to `stream` and record the export (and the
    reading of citizen IDs and phones, when written) in the audit log; returns the number of
    rows per sheet."""
    rows = subtree_rows(root, user)
    counts = write_workbook(rows, stream)
    subject = f"Bộ dữ liệu trao đổi {root.code}"
    by = user if getattr(user, "pk", None) else None
    entries = [
        AuditEntry(
            user=by,
            action=AuditEntry.Action.EXPORT,
            subject=subject,
            detail={"format": "xlsx", "organization": root.code, "rows": counts},
        )
    ]
    if not rows[PERSONS.name].blank and counts[PERSONS.name]:
        entries.append(
            AuditEntry(
                user=by,
                action=AuditEntry.Action.READ_SENSITIVE,
                subject=subject,
                detail={
                    "fields": list(SENSITIVE_FIELDS),
                    "purpose": READ_PURPOSE,
                    "persons": counts[PERSONS.name],
                },
            )
        )
    AuditEntry.objects.bulk_create(entries)
    return counts
