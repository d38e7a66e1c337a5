"""Pages of administrative units: list as of the chosen date, filters, detail with lineage."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tochuc.administrative_units.models import AdministrativeUnit, UnitLineage

pytestmark = pytest.mark.django_db
LIST = reverse("administrative_units:unit_list")


@pytest.fixture
def viewer(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    return client


def test_pages_need_login(client, can_tho):
    response = client.get(LIST)
    assert response.status_code == 302 and "next=" in response["Location"]
    unit = AdministrativeUnit.objects.first()
    detail = reverse("administrative_units:unit_detail", args=[unit.pk])
    assert client.get(detail).status_code == 302


def test_list_as_of_today_after_the_reform(viewer, new_can_tho):
    response = viewer.get(LIST, {"as_of": "04/12/2025", "level": "commune"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 103
    assert len(response.context["page"].object_list) == 100  # paginated by 100
    assert response.context["page"].paginator.num_pages == 2
    assert "Có hiệu lực vào ngày 04/12/2025: 103 đơn vị" in response.content.decode()
    assert '<li class="breadcrumb-item active" aria-current="page">Đơn vị hành chính</li>' in (
        response.content.decode()
    )
    page2 = viewer.get(LIST, {"level": "commune", "page": 2})  # as_of kept in the session
    assert len(page2.context["page"].object_list) == 3


def test_list_before_the_reform_by_province_and_folded_search(viewer, can_tho):
    hau_giang = AdministrativeUnit.objects.get(key="tinhhaugiang")
    response = viewer.get(
        LIST, {"as_of": "2025-06-30", "province": hau_giang.pk, "level": "district"}
    )
    names = [u.name for u in response.context["page"]]
    assert names and all(u.parent_id == hau_giang.pk for u in response.context["page"])
    assert "Thành phố Vị Thanh" in names
    assert response.context["provinces"].count() == 3
    response = viewer.get(LIST, {"as_of": "2025-12-04", "q": "cai khe"})
    assert [u.name for u in response.context["page"]] == ["Phường Cái Khế"]
    assert "Phường Cái Khế" in response.content.decode()


def test_detail_shows_children_and_lineage(viewer, new_can_tho):
    url = reverse("administrative_units:unit_detail", args=[new_can_tho.pk])
    response = viewer.get(url, {"as_of": "2025-12-04"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thành phố Cần Thơ" in html and "Tỉnh Hậu Giang" in html
    assert "Đơn vị trực thuộc vào ngày 04/12/2025 (103)" in html
    assert "01/07/2025" in html
    split = UnitLineage.objects.filter(is_whole=False).select_related("predecessor").first()
    old = split.predecessor
    response = viewer.get(reverse("administrative_units:unit_detail", args=[old.pk]))
    html = response.content.decode()
    assert "không có hiệu lực vào ngày 04/12/2025" in html
    assert "Một phần" in html and "kế thừa mặc định" in html
    assert "đến 30/06/2025" in html
    assert old.parent.name in html and old.parent.parent.name in html  # breadcrumbs


def test_detail_of_a_missing_unit_is_404(viewer, can_tho):
    assert viewer.get(reverse("administrative_units:unit_detail", args=[10**9])).status_code == 404
