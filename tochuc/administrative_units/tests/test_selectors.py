"""Selectors: units in force on a date, predecessors, successors, the current unit."""

from __future__ import annotations

import pytest

from tochuc.administrative_units.models import AdministrativeUnit, Generation, Level, UnitLineage
from tochuc.administrative_units.selectors import (
    current_unit_for,
    predecessors_of,
    successors_of,
    units_at,
)
from tochuc.administrative_units.tests.conftest import AFTER, BEFORE
from tochuc.core.dating import REFORM_2025

pytestmark = pytest.mark.django_db


def split_commune() -> AdministrativeUnit:
    link = UnitLineage.objects.filter(is_whole=False).select_related("predecessor").first()
    return link.predecessor


def test_units_at_by_date_level_and_province(new_can_tho):
    assert units_at(on=AFTER, level=Level.PROVINCE).get() == new_can_tho
    assert units_at(on=AFTER).count() == 104
    assert units_at(on=REFORM_2025).count() == 104
    legacy = units_at(on=BEFORE)
    assert legacy.count() == AdministrativeUnit.objects.filter(generation="legacy").count()
    hau_giang = legacy.get(level=Level.PROVINCE, key="tinhhaugiang")
    under = units_at(on=BEFORE, province=hau_giang)
    assert under.filter(level=Level.DISTRICT).exists() and under.filter(level=Level.COMMUNE)
    assert not under.filter(level=Level.PROVINCE).exists()
    assert not units_at(on=AFTER, province=hau_giang).exists()


def test_predecessors_and_successors_carry_the_link(new_can_tho):
    olds = list(predecessors_of(new_can_tho))
    assert {u.key for u in olds} == {"thanhphocantho", "tinhhaugiang", "tinhsoctrang"}
    assert all(u.is_whole and u.is_default and u.effective_on == REFORM_2025 for u in olds)
    old = split_commune()
    news = list(successors_of(old))
    assert len(news) >= 2
    assert [u.is_default for u in news].count(True) == 1 and news[0].is_default
    assert not any(u.is_whole for u in news)
    for new in news:
        assert old in predecessors_of(new)


def test_current_unit_for(new_can_tho):
    old = split_commune()
    default = successors_of(old).filter(is_default=True).get()
    assert current_unit_for(old) == default
    whole = UnitLineage.objects.filter(is_whole=True, predecessor__level=Level.COMMUNE).first()
    assert current_unit_for(whole.predecessor) == whole.successor
    district = AdministrativeUnit.objects.filter(level=Level.DISTRICT).first()
    assert current_unit_for(district) == new_can_tho
    assert current_unit_for(new_can_tho) == new_can_tho
    assert current_unit_for(default) == default


def test_current_unit_for_an_unlinked_unit_raises(db):
    orphan = AdministrativeUnit.objects.create(
        generation=Generation.LEGACY, level=Level.PROVINCE, code="99", key="x", name="Tỉnh X"
    )
    with pytest.raises(AdministrativeUnit.DoesNotExist, match="Tỉnh X"):
        current_unit_for(orphan)
