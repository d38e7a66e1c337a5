"""Loading Cần Thơ from `vietnamadminunits`: counts, dates, lineage, idempotence, refusal."""

from __future__ import annotations

import pytest
from django.db.models import Count, Q

from tochuc.administrative_units.loader import LAST_LEGACY_DAY, load_admin_units
from tochuc.administrative_units.models import (
    AdministrativeUnit,
    Generation,
    Level,
    UnitLineage,
)
from tochuc.administrative_units.selectors import units_at
from tochuc.administrative_units.tests.conftest import AFTER, BEFORE, legacy_district_counts
from tochuc.core.dating import BEGINNING, END_OF_TIME, REFORM_2025

pytestmark = pytest.mark.django_db


def test_new_can_tho_has_103_communes_31_wards_72_communes(new_can_tho):
    communes = units_at(on=AFTER, province=new_can_tho, level=Level.COMMUNE)
    assert communes.count() == 103
    by_type = dict(communes.values_list("unit_type").annotate(n=Count("id")).order_by())
    assert by_type == {"Phường": 31, "Xã": 72}
    assert not units_at(on=AFTER, level=Level.DISTRICT).exists()


def test_before_the_reform_three_provinces_with_their_districts(can_tho):
    provinces = units_at(on=BEFORE, level=Level.PROVINCE)
    assert sorted(provinces.values_list("name", flat=True)) == [
        "Thành phố Cần Thơ",
        "Tỉnh Hậu Giang",
        "Tỉnh Sóc Trăng",
    ]
    expected = legacy_district_counts()
    assert sum(expected.values()) > 0
    for province in provinces:
        districts = units_at(on=BEFORE, province=province, level=Level.DISTRICT)
        assert districts.count() == expected[province.name], province.name
        assert set(districts.values_list("unit_type", flat=True)) <= {
            "Quận",
            "Huyện",
            "Thị xã",
            "Thành phố",
        }
    assert not units_at(on=BEFORE).filter(generation=Generation.REFORM_2025).exists()


def test_dates_types_keys_and_parents(can_tho):
    legacy = AdministrativeUnit.objects.filter(generation=Generation.LEGACY)
    assert set(legacy.values_list("valid_from", "valid_to").distinct()) == {
        (BEGINNING, LAST_LEGACY_DAY)
    }
    new = AdministrativeUnit.objects.filter(generation=Generation.REFORM_2025)
    assert set(new.values_list("valid_from", "valid_to").distinct()) == {(REFORM_2025, END_OF_TIME)}
    city = new.get(level=Level.PROVINCE)
    assert (city.code, city.key, city.unit_type, city.short_name) == (
        "92",
        "thanhphocantho",
        "Thành phố",
        "Cần Thơ",
    )
    hau_giang = legacy.get(level=Level.PROVINCE, key="tinhhaugiang")
    assert hau_giang.unit_type == "Tỉnh"
    ward = new.get(level=Level.COMMUNE, key="thanhphocantho_phuongcaikhe")
    assert ward.parent == city and ward.name == "Phường Cái Khế" and ward.area_km2 > 0
    assert ward.name_folded == "phuong cai khe"
    old_commune = legacy.filter(level=Level.COMMUNE).select_related("parent__parent").first()
    assert old_commune.parent.level == Level.DISTRICT
    assert old_commune.parent.parent.level == Level.PROVINCE
    assert old_commune.key.count("_") == 2
    assert not new.filter(level=Level.COMMUNE, parent__isnull=True).exists()


def test_every_new_unit_has_a_predecessor(new_can_tho):
    new_units = AdministrativeUnit.objects.filter(generation=Generation.REFORM_2025)
    orphans = new_units.annotate(n=Count("predecessor_links")).filter(n=0)
    assert list(orphans) == []
    predecessors = set(
        UnitLineage.objects.filter(successor=new_can_tho).values_list(
            "predecessor__key", "is_whole", "is_default"
        )
    )
    assert predecessors == {
        ("thanhphocantho", True, True),
        ("tinhhaugiang", True, True),
        ("tinhsoctrang", True, True),
    }


def test_every_old_commune_passes_on_and_split_ones_have_one_default(can_tho):
    old_communes = AdministrativeUnit.objects.filter(
        generation=Generation.LEGACY, level=Level.COMMUNE
    ).annotate(
        links=Count("successor_links"),
        defaults=Count("successor_links", filter=Q(successor_links__is_default=True)),
        parts=Count("successor_links", filter=Q(successor_links__is_whole=False)),
    )
    assert not old_communes.filter(links=0).exists()
    split = old_communes.filter(parts__gt=0)
    assert split.exists()
    for commune in split:
        assert commune.defaults == 1, commune.key
        assert commune.parts == commune.links >= 2, commune.key
    assert not old_communes.filter(parts=0, links__gt=1).exists()


def test_loading_twice_changes_nothing(can_tho):
    assert can_tho.created > 0 and not can_tho.unresolved
    counts = (AdministrativeUnit.objects.count(), UnitLineage.objects.count())
    snapshot = list(AdministrativeUnit.objects.order_by("id").values())
    again = load_admin_units(province="thanhphocantho")
    assert again.created == 0 and again.updated == 0 and again.lineage.deleted == 0
    assert sum(c.unchanged for c in again.units.values()) == counts[0]
    assert again.lineage.unchanged == counts[1]
    assert (AdministrativeUnit.objects.count(), UnitLineage.objects.count()) == counts
    assert list(AdministrativeUnit.objects.order_by("id").values()) == snapshot


def test_reload_repairs_edited_rows_and_links(can_tho):
    ward = AdministrativeUnit.objects.get(key="thanhphocantho_phuongcaikhe")
    AdministrativeUnit.objects.filter(pk=ward.pk).update(name="Sai", name_folded="sai")
    link = UnitLineage.objects.filter(is_whole=False, is_default=True).first()
    UnitLineage.objects.filter(pk=link.pk).update(is_default=False)
    stray = UnitLineage.objects.create(
        predecessor=AdministrativeUnit.objects.get(key="tinhsoctrang"),
        successor=ward,
        effective_on=REFORM_2025,
    )
    report = load_admin_units(province="Cần Thơ")
    assert report.units[(Generation.REFORM_2025, Level.COMMUNE)].updated == 1
    assert (report.lineage.updated, report.lineage.deleted, report.created) == (1, 1, 0)
    ward.refresh_from_db()
    assert ward.name == "Phường Cái Khế" and ward.name_folded == "phuong cai khe"
    assert UnitLineage.objects.get(pk=link.pk).is_default
    assert not UnitLineage.objects.filter(pk=stray.pk).exists()


@pytest.mark.parametrize("text", ["ha tay", "xyz", "Thành phố Cần Thơ Mới"])
def test_unknown_province_is_refused_in_vietnamese_and_nothing_is_written(db, text):
    with pytest.raises(ValueError, match="Không tìm thấy tỉnh, thành phố"):
        load_admin_units(province=text)
    assert not AdministrativeUnit.objects.exists()
    assert not UnitLineage.objects.exists()


def test_a_pre_2025_province_points_to_its_successor(db):
    with pytest.raises(ValueError, match=r"Hậu Giang.*Cần Thơ.*«can_tho»"):
        load_admin_units(province="Hậu Giang")
    assert not AdministrativeUnit.objects.exists()


def test_load_is_set_based(db, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        load_admin_units(province="can_tho")
