"""The whole country: loads in a couple of seconds, so it is checked once here."""

from __future__ import annotations

import pytest
from django.db.models import Count, Q

from tochuc.administrative_units.loader import load_admin_units
from tochuc.administrative_units.models import AdministrativeUnit, Generation, Level, UnitLineage
from tochuc.administrative_units.selectors import units_at
from tochuc.administrative_units.tests.conftest import AFTER, BEFORE

pytestmark = pytest.mark.django_db


def test_whole_country_figures_and_lineage():
    report = load_admin_units()
    assert report.unresolved == []
    assert len(report.provinces) == 34
    after = units_at(on=AFTER)
    assert after.filter(level=Level.PROVINCE).count() == 34
    by_type = dict(
        after.filter(level=Level.COMMUNE)
        .values_list("unit_type")
        .annotate(n=Count("id"))
        .order_by()
    )
    assert by_type == {"Xã": 2621, "Phường": 687, "Đặc khu": 13}
    before = units_at(on=BEFORE)
    assert before.filter(level=Level.PROVINCE).count() == 63
    assert before.filter(level=Level.DISTRICT).count() == 696
    assert before.filter(level=Level.COMMUNE).count() == 10035
    new = AdministrativeUnit.objects.filter(generation=Generation.REFORM_2025)
    assert not new.annotate(n=Count("predecessor_links")).filter(n=0).exists()
    old = AdministrativeUnit.objects.filter(generation=Generation.LEGACY, level=Level.COMMUNE)
    old = old.annotate(
        links=Count("successor_links"),
        defaults=Count("successor_links", filter=Q(successor_links__is_default=True)),
    )
    assert not old.filter(links=0).exists()
    assert not old.exclude(defaults=1).exists()
    islands = UnitLineage.objects.filter(predecessor__level=Level.DISTRICT)
    assert islands.count() == 5
    assert set(islands.values_list("successor__unit_type", flat=True)) == {"Đặc khu"}
    again = load_admin_units()
    assert (again.created, again.updated, again.lineage.deleted) == (0, 0, 0)
