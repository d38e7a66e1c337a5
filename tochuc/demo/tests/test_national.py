"""National mode on two small provinces (loading all 34 takes too long for a test): members
shared by the number of communes, each province with its own seats, targets and headcounts."""

import datetime as dt

import pytest

from tochuc.administrative_units.loader import load_admin_units
from tochuc.admissions.models import AdmissionTarget
from tochuc.cadres.models import Post
from tochuc.demo.generator import generate_national, national_shares
from tochuc.members.selectors import member_counts
from tochuc.organizations.builder import build_party_tree
from tochuc.organizations.models import Organization
from tochuc.people.models import Person
from tochuc.staffing.models import Headcount
from tochuc.staffing.selectors import staff_reduction

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 5, 20)


def test_national_mode_shares_members_by_communes(db):
    for province in ("lai_chau", "hue"):
        load_admin_units(province=province)
        build_party_tree(province=province)
    assert national_shares(5_600_000) == {"12": 2_728_205, "46": 2_871_795}  # 38, 40 communes
    shares = national_shares(1_560)
    assert shares == {"12": 760, "46": 800}
    lines = []
    report = generate_national(seed=1, members=1_560, today=TODAY, log=lines.append)
    assert report.persons == Person.objects.count() == 1_560 and len(lines) == 2
    for code, share in shares.items():
        root = Organization.objects.get(code=code)
        assert 0.85 * share < member_counts(on=TODAY, root=root)["total"] < share
        communes = root.children_at(TODAY).values("organization_id")
        assert Post.objects.filter(organization__in=communes).exists()
        assert AdmissionTarget.objects.filter(organization__in=communes).exists()
        assert Headcount.objects.filter(organization=root).exists()
    # 2025 is counted once: the dissolved districts' own rows, today's units the rest.
    merger_year = staff_reduction(root=Organization.objects.get(code="46"), on=TODAY, year=2025)
    assert 0.07 < merger_year.reduction / merger_year.baseline < 0.13
