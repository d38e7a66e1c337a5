"""Cơ cấu: shares of women, young and ethnic-minority people, each against the target the
department configured for the term and level, with the people behind each share.

- `plan_structure`: the persons planned (in one term) for posts of a subtree at one level on
  a date — counts people, not entries (someone planned for two posts counts once).
- `committee_structure`: the executive-committee (BCH) members of an organization on a date,
  from the cadres assignments — counts people.
"Young" is younger than the target's `young_age` in full years on the counting date (the
term's for a plan, the date looked at for a committee); ethnic minority is any ethnicity but
Kinh ("01"). A target is the one set by the nearest organization at or above the root.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Subquery

from tochuc.cadres.models import Assignment, Body
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_percent
from tochuc.organizations.models import OrganizationClosure
from tochuc.organizations.selectors import subtree_ids
from tochuc.people.catalogs import KINH, Sex
from tochuc.people.models import Person
from tochuc.planning.levels import at_commune_level, level_of
from tochuc.planning.models import (
    Level,
    PlanEntry,
    PlanningTerm,
    StructureCategory,
    StructureTarget,
)
from tochuc.planning.selectors import default_term


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years of age on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def vn_share(value: Decimal) -> str:
    """Decimal('25.00') → '25,00%'."""
    return f"{value:.2f}".replace(".", ",") + "%"


@dataclass(frozen=True)
class Share:
    category: str
    label: str
    persons: list[Person]
    total: int
    target: StructureTarget | None

    @property
    def count(self) -> int:
        return len(self.persons)

    @property
    def percent(self) -> str:
        return vn_percent(self.count, self.total)

    @property
    def minimum(self) -> Decimal | None:
        return self.target.minimum_share if self.target else None

    @property
    def target_label(self) -> str:
        return f"≥ {vn_share(self.minimum)}" if self.target else "chưa có mục tiêu"

    @property
    def meets(self) -> bool | None:
        """Whether the share reaches the target (exactly, no rounding); None without one."""
        if self.target is None or not self.total:
            return None
        return self.count * 100 >= self.target.minimum_share * self.total


@dataclass(frozen=True)
class StructureReport:
    term: PlanningTerm | None
    level: str
    counting_on: dt.date
    persons: list[Person]
    shares: list[Share]

    @property
    def total(self) -> int:
        return len(self.persons)

    @property
    def level_label(self) -> str:
        return Level(self.level).label

    def share(self, category: str) -> Share:
        return next(s for s in self.shares if s.category == category)


def targets_for(*, root_id: int, term: PlanningTerm | None, level: str, on: dt.date) -> dict:
    """Category → the target of `term` and `level` set by the nearest organization at or
    above `root_id` on `on` (one query)."""
    if term is None:
        return {}
    depth = OrganizationClosure.objects.filter(
        valid_at_q(on), descendant_id=root_id, ancestor_id=OuterRef("organization_id")
    ).values("depth")[:1]
    above = OrganizationClosure.objects.filter(valid_at_q(on), descendant_id=root_id).values(
        "ancestor_id"
    )
    found: dict[str, StructureTarget] = {}
    for target in (
        StructureTarget.objects.filter(term=term, level=level, organization_id__in=above)
        .annotate(depth=Subquery(depth))
        .order_by("category", "depth", "id")
    ):
        found.setdefault(target.category, target)
    return found


def _shares(persons: list[Person], targets: dict, counting_on: dt.date) -> list[Share]:
    total = len(persons)
    young = targets.get(StructureCategory.YOUNG)
    young_age = young.young_age if young else None
    members = {
        StructureCategory.WOMEN: [p for p in persons if p.sex == Sex.FEMALE],
        StructureCategory.YOUNG: [
            p
            for p in persons
            if young_age is not None and age_on(p.date_of_birth, counting_on) < young_age
        ],
        StructureCategory.ETHNIC_MINORITY: [p for p in persons if p.ethnicity != KINH],
    }
    return [
        Share(
            category=category,
            label=label
            if category != StructureCategory.YOUNG or young_age is None
            else f"{label} (dưới {young_age} tuổi)",
            persons=members[category],
            total=total,
            target=targets.get(category),
        )
        for category, label in StructureCategory.choices
    ]


def plan_structure(
    *, root, term: PlanningTerm, on: dt.date, user, level: str | None = None
) -> StructureReport:
    """Structure of the plan of `term` for the subtree's posts of `level` (default: the
    root's level) in force on `on`, within the user's scope. Three queries."""
    root_id = getattr(root, "pk", root)
    level = level or level_of(root_id, on)
    entries = (
        PlanEntry.objects.restrict(user)
        .active_on(on)
        .filter(term=term, post__organization_id__in=subtree_ids(root=root_id, on=on))
        .annotate(commune=at_commune_level("post__organization", on))
        .filter(commune=level == Level.COMMUNE)
        .select_related("person")
        .order_by("person__name_folded", "person_id")
    )
    persons = list({e.person_id: e.person for e in entries}.values())
    targets = targets_for(root_id=root_id, term=term, level=level, on=on)
    counting = term.counting_date
    return StructureReport(term, level, counting, persons, _shares(persons, targets, counting))


def committee_structure(
    *, organization, on: dt.date, user, term: PlanningTerm | None = None
) -> StructureReport:
    """Structure of the executive committee (BCH) of `organization` on `on`: its members
    from the cadres assignments, ages counted on `on`, against the targets of the party term
    (default: the one in force on `on`) at the organization's level. Four queries."""
    org_id = getattr(organization, "pk", organization)
    term = term or default_term(on, track=PlanningTerm.Track.PARTY)
    level = level_of(org_id, on)
    holdings = (
        Assignment.objects.restrict(user)
        .filter(
            valid_at_q(on),
            post__organization_id=org_id,
            post__body=Body.EXECUTIVE_COMMITTEE,
        )
        .select_related("person")
        .order_by("person__name_folded", "person_id")
    )
    persons = list({a.person_id: a.person for a in holdings}.values())
    targets = targets_for(root_id=org_id, term=term, level=level, on=on)
    return StructureReport(term, level, on, persons, _shares(persons, targets, on))
