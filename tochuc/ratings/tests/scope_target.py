"""Scope-walk hook (tests/test_scope_routes.py): commune B's cadre with a rating, a vote and a
discipline, and B's own rating, all named with the marker «Bí Mật Bê».

`target` returns route-name prefix → id: the person page and standing take the person, the
edit pages (ratings, votes, disciplines) and API details their record; "" (pages by
organization) is commune B itself.
"""

import datetime as dt
from decimal import Decimal

from tochuc.cadres.models import Body
from tochuc.cadres.services import assignment_create, post_create
from tochuc.core.services import decision_cite
from tochuc.people.models import Person
from tochuc.ratings import services
from tochuc.ratings.models import ConfidenceVote, Discipline, OrganizationRating, PersonRating

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
        full_name="Cán bộ Bí Mật Bê Đánh Giá", sex="male", date_of_birth=dt.date(1980, 3, 3)
    )
    assignment_create(
        person=person, post=post, kind="election", starts_on=START, decision=tree.decision
    )
    rating = services.person_rating_record(
        person=person,
        organization=tree.b,
        year=2025,
        score=Decimal(95),
        exceeded_share=Decimal(40),
        late_share=Decimal(0),
        note="Bí Mật Bê",
    )
    own = services.organization_rating_record(
        organization=tree.b1, year=2025, category="good", score=Decimal(80), late_share=Decimal(0)
    )
    vote = services.confidence_vote_record(
        person=person,
        organization=tree.b,
        post=post,
        held_on=dt.date(2025, 9, 15),
        summoned=30,
        present=27,
        high=3,
        confidence=4,
        low=20,
    )
    decision = decision_cite(
        number="9-QĐ/UBKT", signed_on=dt.date(2025, 3, 1), issuer="UBKT Bí Mật Bê"
    )
    discipline = services.discipline_record(
        person=person,
        organization=tree.b,
        form="warning",
        decided_on=dt.date(2025, 3, 1),
        decision=decision,
        reason="Bí Mật Bê",
    )
    tree.ratings_person = person
    return {
        "": tree.b.pk,
        "ratings:person": person.pk,
        "ratings:person_rating_edit": rating.pk,
        "ratings:organization_rating_edit": own.pk,
        "ratings:vote": vote.pk,
        "ratings:discipline_edit": discipline.pk,
        "personrating-": rating.pk,
        "organizationrating-": own.pk,
        "confidencevote-": vote.pk,
        "discipline-": discipline.pk,
        "personstanding-": person.pk,
    }


def snapshot(tree):
    """B's ratings, votes and disciplines, and their history, as a write would change them."""
    organizations = [tree.b.pk, tree.b1.pk]
    person = tree.ratings_person
    return (
        list(PersonRating.objects.filter(person=person).order_by("id").values()),
        list(
            OrganizationRating.objects.filter(organization_id__in=organizations)
            .order_by("id")
            .values()
        ),
        list(ConfidenceVote.objects.filter(person=person).order_by("id").values()),
        list(Discipline.objects.filter(person=person).order_by("id").values()),
        PersonRating.history.filter(person=person).count(),
        OrganizationRating.history.filter(organization_id__in=organizations).count(),
        ConfidenceVote.history.filter(person=person).count(),
        Discipline.history.filter(person=person).count(),
    )
