"""Suggested people for a vacant seat, ranked, each with the reasons behind its rank.

The pool is the cadres holding a seat in the post's province on the date (within the user's
scope) plus the people planned for the post; current holders of the post and people past
retirement age are left out. Points (`WEIGHTS`) add up from:
- planned for this post (quy hoạch) on the date;
- training specialty matching the post's field, or already holding a post of that field;
- qualification: university degree; intermediate political theory or higher for party bodies;
- commitment: holding no other seat is best; holding `OVER_COMMITTED` or more counts against;
- remaining service shorter than one 5-year term counts against;
- distance between the units' administrative-unit coordinates breaks ties (nearer first).
A handful of queries whatever the pool size; the ranking itself is the pure `rank`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from django.db.models import Q

from tochuc.cadres.models import Assignment, Body, Post
from tochuc.cadres.retirement import retirement_date
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import vn_date
from tochuc.members.replay import add_months
from tochuc.organizations.models import OrganizationClosure
from tochuc.people.catalogs import PoliticalTheory, ProfessionalLevel
from tochuc.people.models import Person
from tochuc.planning.models import PlanEntry

WEIGHTS = {
    "planned": 40,
    "specialty": 25,
    "same_field_post": 15,
    "degree": 10,
    "political_theory": 10,
    "free": 10,
    "one_seat": 5,
    "over_committed": -20,
    "short_service": -10,
}
OVER_COMMITTED = 2
"""Seats held at once from which a person counts as over-committed."""

PARTY_BODIES = {Body.EXECUTIVE_COMMITTEE, Body.STANDING_COMMITTEE, Body.INSPECTION_COMMITTEE}
DEGREES = {ProfessionalLevel.BACHELOR, ProfessionalLevel.MASTER, ProfessionalLevel.DOCTORATE}
THEORY = {PoliticalTheory.INTERMEDIATE, PoliticalTheory.ADVANCED, PoliticalTheory.BACHELOR}


@dataclass(frozen=True)
class Facts:
    """What the ranking needs to know about one person in the pool."""

    person_id: int
    name: str
    planned: bool = False
    specialty_matches: bool = False
    same_field_posts: int = 0
    degree: bool = False
    political_theory: bool = False
    holdings: int = 0
    retires: dt.date | None = None
    short_service: bool = False
    distance_km: float | None = None


@dataclass(frozen=True)
class Suggestion:
    facts: Facts
    score: int
    reasons: list[str] = field(default_factory=list)
    person: Person | None = None


def distance_km(a: tuple[float, float] | None, b: tuple[float, float] | None) -> float | None:
    """Great-circle distance between two (latitude, longitude) points, in km."""
    if a is None or b is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def score(facts: Facts, *, party_body: bool) -> tuple[int, list[str]]:
    """Points and reasons (in Vietnamese) for one person."""
    points, reasons = 0, []

    def add(key: str, reason: str) -> None:
        nonlocal points
        points += WEIGHTS[key]
        reasons.append(reason)

    if facts.planned:
        add("planned", "Trong quy hoạch chức danh này")
    if facts.specialty_matches:
        add("specialty", "Chuyên ngành đào tạo phù hợp lĩnh vực")
    elif facts.same_field_posts:
        add("same_field_post", "Đang giữ chức danh cùng lĩnh vực")
    if facts.degree:
        add("degree", "Trình độ đại học trở lên")
    if party_body and facts.political_theory:
        add("political_theory", "Lý luận chính trị trung cấp trở lên")
    if facts.holdings == 0:
        add("free", "Chưa giữ chức danh nào")
    elif facts.holdings >= OVER_COMMITTED:
        add("over_committed", f"Đang giữ {facts.holdings} chức danh")
    else:
        add("one_seat", "Đang giữ 1 chức danh")
    if facts.short_service:
        add("short_service", f"Còn dưới 5 năm công tác (nghỉ hưu {vn_date(facts.retires)})")
    if facts.distance_km is not None:
        reasons.append(
            "Cùng địa bàn" if facts.distance_km < 0.5 else f"Cách đơn vị {facts.distance_km:.0f} km"
        )
    return points, reasons


def rank(pool: list[Facts], *, party_body: bool) -> list[Suggestion]:
    """Highest score first; then nearer; then by name."""
    scored = []
    for facts in pool:
        points, reasons = score(facts, party_body=party_body)
        scored.append(Suggestion(facts=facts, score=points, reasons=reasons))
    far = float("inf")
    return sorted(
        scored,
        key=lambda s: (
            -s.score,
            s.facts.distance_km if s.facts.distance_km is not None else far,
            s.facts.name,
            s.facts.person_id,
        ),
    )


def _locations(org_ids: set[int], on: dt.date) -> dict[int, tuple[float, float]]:
    """Each organization's coordinates: those of its nearest ancestor (itself first) that is
    tied to an administrative unit with coordinates."""
    rows = (
        OrganizationClosure.objects.filter(
            valid_at_q(on),
            descendant_id__in=org_ids,
            ancestor__administrative_unit__latitude__isnull=False,
        )
        .order_by("descendant_id", "depth")
        .values_list(
            "descendant_id",
            "ancestor__administrative_unit__latitude",
            "ancestor__administrative_unit__longitude",
        )
    )
    found: dict[int, tuple[float, float]] = {}
    for org, lat, lon in rows:
        found.setdefault(org, (lat, lon))
    return found


def _province_root(post: Post, on: dt.date) -> int:
    top = (
        OrganizationClosure.objects.filter(valid_at_q(on), descendant=post.organization_id)
        .order_by("-depth")
        .values_list("ancestor_id", flat=True)
        .first()
    )
    return top or post.organization_id


def suggestions_for(*, post: Post, on: dt.date, user, limit: int = 10) -> list[Suggestion]:
    """Ranked suggestions for a vacant seat of `post` on `on`, from the user's scope."""
    root = _province_root(post, on)
    in_province = OrganizationClosure.objects.filter(valid_at_q(on), ancestor=root).values(
        "descendant_id"
    )
    held = list(
        Assignment.objects.restrict(user)
        .filter(valid_at_q(on), post__organization_id__in=in_province)
        .values_list("person_id", "post_id", "post__organization_id", "post__field")
    )
    planned = set(
        PlanEntry.objects.restrict(user)
        .filter(Q(removed_on__isnull=True) | Q(removed_on__gt=on), post=post, added_on__lte=on)
        .values_list("person_id", flat=True)
    )
    holders_here = {p for p, post_id, _, _ in held if post_id == post.pk}
    pool_ids = ({p for p, _, _, _ in held} | planned) - holders_here
    seats: dict[int, list[tuple[int, str]]] = {}
    for person_id, _, org_id, post_field in held:
        seats.setdefault(person_id, []).append((org_id, post_field))
    locations = _locations({post.organization_id} | {o for _, _, o, _ in held}, on)
    here = locations.get(post.organization_id)
    pool = []
    persons = {p.pk: p for p in Person.objects.filter(pk__in=pool_ids)}
    for person in persons.values():
        retires = retirement_date(sex=person.sex, birth=person.date_of_birth)
        if retires <= on:
            continue
        mine = seats.get(person.pk, [])
        where = locations.get(min(mine)[0]) if mine else None
        pool.append(
            Facts(
                person_id=person.pk,
                name=person.full_name,
                planned=person.pk in planned,
                specialty_matches=bool(post.field) and person.specialty == post.field,
                same_field_posts=sum(1 for _, f in mine if post.field and f == post.field),
                degree=person.professional_level in DEGREES,
                political_theory=person.political_theory in THEORY,
                holdings=len(mine),
                retires=retires,
                short_service=retires < add_months(on, 60),
                distance_km=distance_km(where, here),
            )
        )
    ranked = rank(pool, party_body=post.body in PARTY_BODIES)[:limit]
    return [
        Suggestion(
            facts=s.facts, score=s.score, reasons=s.reasons, person=persons[s.facts.person_id]
        )
        for s in ranked
    ]
