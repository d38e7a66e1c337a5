"""The effective-dated tree: subtrees as of dates, moves, lineage, closure."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.organizations import selectors, services
from tochuc.organizations.closure import closure_refresh
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import OrganizationClosure

pytestmark = pytest.mark.django_db


def codes(root, on):
    from tochuc.organizations.models import Organization

    return set(
        Organization.objects.filter(id__in=selectors.subtree_ids(root=root, on=on)).values_list(
            "code", flat=True
        )
    )


def test_subtree_before_and_after_the_reform(small_tree):
    t = small_tree
    assert codes(t.lp, dt.date(2024, 12, 31)) == {"LP", "LD", "LA", "LBSECRET"}
    assert codes(t.lp, dt.date(2025, 7, 1)) == set()
    assert codes(t.p, dt.date(2025, 6, 30)) == set()
    assert codes(t.p, dt.date(2025, 7, 1)) == {"P", "A", "BSECRET"}
    assert codes(t.p, dt.date(2025, 12, 4)) == {"P", "A", "BSECRET", "A1", "BSECRET1"}


def test_a_move_changes_the_subtree_from_its_date_only(small_tree):
    t = small_tree
    services.organization_change(
        organization=t.a1,
        effective_on=dt.date(2026, 1, 1),
        decision=t.decision,
        expected_version=t.a1.version,
        parent=t.b,
    )
    assert "A1" in codes(t.a, dt.date(2025, 12, 31))
    assert "A1" not in codes(t.a, dt.date(2026, 1, 1))
    assert "A1" in codes(t.b, dt.date(2026, 1, 1))
    assert "A1" in codes(t.p, dt.date(2025, 12, 31)) and "A1" in codes(t.p, dt.date(2026, 1, 1))


def test_rename_keeps_the_old_name_for_earlier_dates(small_tree):
    t = small_tree
    services.organization_change(
        organization=t.a,
        effective_on=dt.date(2026, 3, 1),
        decision=t.decision,
        expected_version=t.a.version,
        name="Đảng bộ xã An Mới Đổi Tên",
    )
    assert t.a.period_at(dt.date(2026, 2, 28)).name == "Đảng bộ xã An Mới"
    assert t.a.period_at(dt.date(2026, 3, 1)).name == "Đảng bộ xã An Mới Đổi Tên"
    # The closure joins the two periods (same parent) into one row per ancestor.
    assert OrganizationClosure.objects.filter(descendant=t.a, ancestor=t.p).count() == 1


def test_a_stale_edit_is_refused(small_tree):
    t = small_tree
    seen = t.a.version
    services.organization_change(
        organization=t.a,
        effective_on=dt.date(2026, 3, 1),
        decision=t.decision,
        expected_version=seen,
        name="Tên thứ nhất",
    )
    with pytest.raises(ValidationError, match="người khác sửa"):
        services.organization_change(
            organization=t.a,
            effective_on=dt.date(2026, 4, 1),
            decision=t.decision,
            expected_version=seen,
            name="Tên thứ hai",
        )


def test_kind_under_wrong_parent_is_refused_in_vietnamese(small_tree):
    t = small_tree
    with pytest.raises(ValidationError, match="không thể trực thuộc"):
        services.organization_establish(
            code="X",
            name="Đảng bộ xã Lạc",
            kind=Kind.COMMUNE_COMMITTEE,
            parent=t.a,
            established_on=dt.date(2025, 9, 1),
            decision=t.decision,
        )


def test_parent_must_exist_on_the_date(small_tree):
    t = small_tree
    with pytest.raises(ValidationError, match="không tồn tại vào ngày 01/09/2025"):
        services.organization_establish(
            code="X",
            name="Chi bộ lạc",
            kind=Kind.GRASSROOTS_CELL,
            parent=t.la,
            established_on=dt.date(2025, 9, 1),
            decision=t.decision,
        )


def test_moving_under_own_descendant_is_refused(small_tree):
    t = small_tree
    sub = services.organization_establish(
        code="A1X",
        name="Chi bộ con",
        kind=Kind.GRASSROOTS_CELL,
        parent=t.a,
        established_on=dt.date(2025, 9, 1),
        decision=t.decision,
    )
    with pytest.raises(ValidationError):
        services.organization_change(
            organization=t.a,
            effective_on=dt.date(2026, 1, 1),
            decision=t.decision,
            expected_version=t.a.version,
            parent=sub,
        )


def test_dissolving_with_children_is_refused_and_changes_nothing(small_tree):
    t = small_tree
    with pytest.raises(ValidationError, match="còn tổ chức trực thuộc"):
        services.organization_dissolve(
            organization=t.a, effective_on=dt.date(2026, 1, 1), decision=t.decision
        )
    t.a.refresh_from_db()
    assert t.a.shown_valid_to is None


def test_lineage_links_old_communes_to_new(small_tree):
    t = small_tree
    lineage = selectors.lineage_of(t.a)
    assert [link.predecessor.code for link in lineage["predecessors"]] == ["LA"]
    assert [link.successor.code for link in selectors.lineage_of(t.la)["successors"]] == ["A"]


def test_closure_refresh_is_idempotent(small_tree):
    t = small_tree
    before = sorted(
        OrganizationClosure.objects.values_list(
            "ancestor_id", "descendant_id", "depth", "valid_from", "valid_to"
        )
    )
    closure_refresh([t.lp.pk, t.p.pk])
    after = sorted(
        OrganizationClosure.objects.values_list(
            "ancestor_id", "descendant_id", "depth", "valid_from", "valid_to"
        )
    )
    assert before == after


def test_ancestors_for_breadcrumbs(small_tree):
    t = small_tree
    chain = selectors.ancestors_of(organization=t.a1, on=dt.date(2025, 12, 4))
    assert [p.organization.code for p in chain] == ["P", "A"]
