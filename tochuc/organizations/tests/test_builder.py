"""build_party_tree on the real Cần Thơ units: before and after 1 July 2025, with lineage."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from tochuc.administrative_units.loader import load_admin_units
from tochuc.organizations import selectors
from tochuc.organizations.builder import build_party_tree
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import (
    LineageLink,
    Organization,
    OrganizationClosure,
    OrganizationPeriod,
)

pytestmark = pytest.mark.django_db

BEFORE, AFTER = dt.date(2024, 12, 31), dt.date(2025, 12, 4)


@pytest.fixture
def can_tho(db):
    load_admin_units(province="can_tho")
    build_party_tree(province="can_tho")


def kinds_at(on, **filters):
    return list(
        OrganizationPeriod.objects.valid_at(on).filter(**filters).values_list("kind", flat=True)
    )


def test_after_the_reform_one_province_with_103_commune_committees(can_tho):
    province = Organization.objects.get(code="92")
    children = kinds_at(AFTER, parent=province)
    assert children.count(Kind.COMMUNE_COMMITTEE) == 103 and len(children) == 103
    assert kinds_at(AFTER, kind=Kind.PROVINCIAL_COMMITTEE) == [Kind.PROVINCIAL_COMMITTEE]
    assert kinds_at(AFTER, kind=Kind.DISTRICT_COMMITTEE) == []
    names = set(OrganizationPeriod.objects.valid_at(AFTER).values_list("name", flat=True))
    assert {"Đảng bộ phường Cái Khế", "Đảng bộ xã Thới Lai", "Đảng bộ thành phố Cần Thơ"} <= names


def test_before_the_reform_three_provinces_with_their_districts(can_tho):
    roots = OrganizationPeriod.objects.valid_at(BEFORE).filter(parent__isnull=True)
    assert sorted(roots.values_list("name", flat=True)) == [
        "Đảng bộ thành phố Cần Thơ",
        "Đảng bộ tỉnh Hậu Giang",
        "Đảng bộ tỉnh Sóc Trăng",
    ]
    old_can_tho = Organization.objects.get(code="L92")
    districts = OrganizationPeriod.objects.valid_at(BEFORE).filter(parent=old_can_tho)
    assert districts.count() == 9  # Ninh Kiều, Bình Thủy, Cái Răng, Ô Môn, Thốt Nốt + 4 huyện
    assert set(districts.values_list("kind", flat=True)) == {Kind.DISTRICT_COMMITTEE}
    ninh_kieu = districts.get(name="Đảng bộ quận Ninh Kiều")
    assert (
        OrganizationPeriod.objects.valid_at(BEFORE)
        .filter(parent=ninh_kieu.organization, kind=Kind.GRASSROOTS_COMMITTEE)
        .exists()
    )


def test_subtree_of_the_new_province_is_one_indexed_lookup(can_tho, django_assert_num_queries):
    province = Organization.objects.get(code="92")
    with django_assert_num_queries(1):
        ids = list(selectors.subtree_ids(root=province, on=AFTER))
    assert len(ids) == 104
    old = Organization.objects.get(code="L92")
    assert selectors.subtree_ids(root=old, on=AFTER).count() == 0
    assert selectors.subtree_ids(root=old, on=BEFORE).count() > 80


def test_every_new_commune_committee_has_a_predecessor(can_tho):
    communes = OrganizationPeriod.objects.valid_at(AFTER).filter(kind=Kind.COMMUNE_COMMITTEE)
    with_predecessor = set(
        LineageLink.objects.filter(predecessor__isnull=False).values_list("successor_id", flat=True)
    )
    assert set(communes.values_list("organization_id", flat=True)) <= with_predecessor


def test_every_old_commune_committee_has_exactly_one_default_successor(can_tho):
    old = OrganizationPeriod.objects.valid_at(BEFORE).filter(kind=Kind.GRASSROOTS_COMMITTEE)
    for organization_id in old.values_list("organization_id", flat=True):
        defaults = LineageLink.objects.filter(
            predecessor_id=organization_id, successor__isnull=False, is_default=True
        )
        assert defaults.count() == 1, organization_id


def test_old_province_and_districts_end_on_30_june_2025(can_tho):
    old = Organization.objects.get(code="L92")
    assert old.valid_to == dt.date(2025, 6, 30)
    lineage = selectors.lineage_of(Organization.objects.get(code="92"))
    assert {link.predecessor.code for link in lineage["predecessors"]} == {"L92", "L93", "L94"}


def test_rerun_is_idempotent(can_tho):
    counts = (
        Organization.objects.count(),
        OrganizationPeriod.objects.count(),
        LineageLink.objects.count(),
        OrganizationClosure.objects.count(),
    )
    report = build_party_tree(province="Cần Thơ")
    assert sum(report.created.values()) == 0
    assert counts == (
        Organization.objects.count(),
        OrganizationPeriod.objects.count(),
        LineageLink.objects.count(),
        OrganizationClosure.objects.count(),
    )


def test_unknown_province_is_refused_in_vietnamese_and_writes_nothing(can_tho):
    before = Organization.objects.count()
    with pytest.raises(ValidationError, match="Atlantis"):
        build_party_tree(province="Atlantis")
    with pytest.raises(CommandError, match="Atlantis"):
        call_command("build_party_tree", province="Atlantis")
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("build_party_tree", province="can_tho", decision_date="31/02/2025")
    assert Organization.objects.count() == before


def test_without_units_the_command_says_what_to_run(db):
    with pytest.raises(CommandError, match="load_admin_units"):
        call_command("build_party_tree", province="can_tho")
