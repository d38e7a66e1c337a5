"""Scope-walk hook (tests/test_scope_routes.py): commune B's candidate and target."""

import datetime as dt

from tochuc.admissions import services
from tochuc.admissions.models import AdmissionTarget, Candidate, TargetKind
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person


def target(tree) -> int:
    """Creates «Quần chúng Bí Mật Bê» in B1 (with a 2025 target for B); returns the candidate id."""
    person = Person.objects.create(
        full_name="Quần chúng Bí Mật Bê", sex=Sex.FEMALE, date_of_birth=dt.date(1999, 9, 9)
    )
    candidate = services.candidate_create(
        person=person, organization=tree.b1, course_passed_on=dt.date(2025, 8, 5)
    )
    services.target_set(organization=tree.b, kind=TargetKind.YEAR, year=2025, count=2)
    return candidate.pk


def snapshot(tree):
    """B's candidates and targets, and their history, as a write would change them."""
    organizations = [tree.b.pk, tree.b1.pk]
    candidates = Candidate.objects.filter(organization_id__in=organizations)
    targets = AdmissionTarget.objects.filter(organization_id__in=organizations)
    return (
        list(candidates.order_by("id").values()),
        list(targets.order_by("id").values()),
        Candidate.history.filter(organization_id__in=organizations).count(),
        AdmissionTarget.history.filter(organization_id__in=organizations).count(),
        list(Person.objects.filter(candidacies__in=candidates).values()),
    )
