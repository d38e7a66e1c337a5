"""Organization pages: tree as of a date, detail with lineage and history, change forms."""

import datetime as dt

import pytest

from tochuc.organizations.models import Organization, OrganizationPeriod

pytestmark = pytest.mark.django_db

DECISION = {
    "decision_number": "15-QĐ/ĐU",
    "decision_signed_on": "10/12/2025",
    "decision_issuer": "Đảng ủy xã An Mới",
}


def test_tree_as_of_dates(client, small_tree):
    client.force_login(small_tree.users.province_admin)
    before = client.get("/to-chuc/?as_of=31/12/2024").content.decode()
    assert "Đảng bộ tỉnh Cũ" in before and "Đảng bộ thành phố Mới" not in before
    after = client.get("/to-chuc/?as_of=2025-12-04").content.decode()
    assert "Đảng bộ thành phố Mới" in after and "Đảng bộ tỉnh Cũ" not in after


def test_children_partial_lists_the_communes(client, small_tree):
    t = small_tree
    client.force_login(t.users.province_admin)
    html = client.get(f"/to-chuc/{t.p.pk}/truc-thuoc/?as_of=2025-12-04").content.decode()
    assert "Đảng bộ xã An Mới" in html and "Đảng bộ xã Bí Mật Bê" in html


def test_bad_as_of_date_is_reported_in_vietnamese(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    html = client.get("/to-chuc/?as_of=32/13/2025").content.decode()
    assert "không hợp lệ" in html


def test_detail_shows_lineage_and_history(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_viewer)
    html = client.get(f"/to-chuc/{t.a.pk}/?as_of=2025-12-04").content.decode()
    assert "Tiền thân" in html and "LA" in html and "99-QĐ/TU" in html
    assert "Lịch sử thay đổi" in html and "Tạo mới" in html


def test_editor_renames_from_a_date_and_history_shows_before_after(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    url = f"/to-chuc/{t.a.pk}/thay-doi/?as_of=2025-12-04"
    form = {
        "name": "Đảng bộ xã An Hòa",
        "kind": "commune_committee",
        "parent_code": "P",
        "effective_on": "15/12/2025",
        "version": t.a.version,
        **DECISION,
    }
    response = client.post(url, form)
    assert response.status_code == 302
    assert t.a.period_at(dt.date(2025, 12, 14)).name == "Đảng bộ xã An Mới"
    assert t.a.period_at(dt.date(2025, 12, 15)).name == "Đảng bộ xã An Hòa"
    html = client.get(f"/to-chuc/{t.a.pk}/?as_of=2025-12-20").content.decode()
    assert "xa_a_sua" in html and "Đảng bộ xã An Hòa" in html


def test_stale_form_is_refused_and_changes_nothing(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    url = f"/to-chuc/{t.a.pk}/thay-doi/?as_of=2025-12-04"
    base = {"kind": "commune_committee", "parent_code": "P", "version": t.a.version, **DECISION}
    client.post(url, {**base, "name": "Tên thứ nhất", "effective_on": "15/12/2025"})
    count = OrganizationPeriod.objects.filter(organization=t.a).count()
    response = client.post(url, {**base, "name": "Tên thứ hai", "effective_on": "20/12/2025"})
    assert response.status_code == 200
    assert "người khác sửa" in response.content.decode()
    assert OrganizationPeriod.objects.filter(organization=t.a).count() == count


def test_bad_form_input_gets_vietnamese_messages_and_writes_nothing(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    before = Organization.objects.count()
    response = client.post(
        f"/to-chuc/{t.a.pk}/thanh-lap-truc-thuoc/?as_of=2025-12-04",
        {
            "code": "A",
            "name": "",
            "kind": "commune_committee",
            "effective_on": "31/02/2025",
            "decision_number": "",
            "decision_signed_on": "",
            "decision_issuer": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "đã được dùng" in html and "Ngày không hợp lệ" in html
    assert Organization.objects.count() == before


def test_establish_a_cell_under_own_commune(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    response = client.post(
        f"/to-chuc/{t.a.pk}/thanh-lap-truc-thuoc/?as_of=2025-12-04",
        {
            "code": "A2",
            "name": "Chi bộ ấp An Hai",
            "kind": "grassroots_cell",
            "effective_on": "15/12/2025",
            **DECISION,
        },
    )
    assert response.status_code == 302
    cell = Organization.objects.get(code="A2")
    assert cell.period_at(dt.date(2025, 12, 15)).parent == t.a


def test_wrong_kind_under_commune_is_explained(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    response = client.post(
        f"/to-chuc/{t.a.pk}/thanh-lap-truc-thuoc/?as_of=2025-12-04",
        {
            "code": "A3",
            "name": "Đảng bộ tỉnh lạ",
            "kind": "provincial_committee",
            "effective_on": "15/12/2025",
            **DECISION,
        },
    )
    assert "là cấp cao nhất" in response.content.decode()
    assert not Organization.objects.filter(code="A3").exists()


def test_search_is_accent_insensitive_and_scoped(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    html = client.get("/tim-kiem/?q=an moi").content.decode()
    assert "Đảng bộ xã An Mới" in html
    assert "Bí Mật Bê" not in client.get("/tim-kiem/?q=bi mat").content.decode()


def test_history_shows_vietnamese_dates(client, small_tree):
    t = small_tree
    client.force_login(t.users.province_admin)
    from tochuc.organizations import services

    services.organization_change(
        organization=t.a1,
        effective_on=dt.date(2026, 1, 1),
        decision=t.decision,
        expected_version=t.a1.version,
        parent=t.b,
    )
    html = client.get(f"/to-chuc/{t.a1.pk}/?as_of=2025-12-04").content.decode()
    # The closed period's end changed from open (shown "—") to 31/12/2025.
    assert "<strong>hiệu lực đến ngày</strong>: — → 31/12/2025" in html
