"""REST API of administrative units: filters, detail with lineage, permissions, queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tochuc.administrative_units.models import AdministrativeUnit, Generation, Level
from tochuc.administrative_units.tests.conftest import legacy_district_counts

pytestmark = pytest.mark.django_db
URL = "/api/administrative-units/"


@pytest.fixture
def viewer(client, small_tree):
    """A viewer scoped to one commune's party committee: units are not scoped."""
    client.force_login(small_tree.users.a_viewer)
    return client


def count(client, query: str) -> int:
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200, response.content
    return response.json()["count"]


def test_unauthenticated_is_refused(client, can_tho):
    assert client.get(URL).status_code == 403
    unit = AdministrativeUnit.objects.first()
    assert client.get(f"{URL}{unit.pk}/").status_code == 403


def test_list_filters(viewer, new_can_tho):
    total = AdministrativeUnit.objects.count()
    assert count(viewer, "") == total
    assert count(viewer, "as_of=2025-12-04") == 104
    assert count(viewer, "as_of=04/12/2025&level=commune") == 103
    assert count(viewer, f"as_of=2025-12-04&parent={new_can_tho.pk}") == 103
    assert count(viewer, f"province={new_can_tho.pk}") == 103
    assert count(viewer, "as_of=2025-06-30&level=province") == 3
    assert count(viewer, "as_of=2025-06-30&generation=2025") == 0
    assert count(viewer, "generation=legacy&level=district") == sum(
        legacy_district_counts().values()
    )
    hau_giang = AdministrativeUnit.objects.get(key="tinhhaugiang")
    under = AdministrativeUnit.objects.filter(parent__parent=hau_giang).count()
    districts = legacy_district_counts()["Tỉnh Hậu Giang"]
    assert count(viewer, f"as_of=2025-06-30&province={hau_giang.pk}") == under + districts
    rows = viewer.get(f"{URL}?q=CAI khế&as_of=2025-12-04").json()["results"]
    assert [row["name"] for row in rows] == ["Phường Cái Khế"]
    assert count(viewer, "code=92") == 2  # Cần Thơ in both lists


def test_bad_filters_are_a_400(viewer, can_tho):
    response = viewer.get(f"{URL}?as_of=hom-qua")
    assert response.status_code == 400
    assert "không hợp lệ" in response.json()["as_of"][0]
    assert viewer.get(f"{URL}?level=huyen").status_code == 400
    assert viewer.get(f"{URL}?province=abc").status_code == 400


def test_list_row_shape(viewer, new_can_tho):
    rows = viewer.get(f"{URL}?as_of=2025-12-04&level=province").json()["results"]
    assert rows == [
        {
            "id": new_can_tho.pk,
            "generation": "2025",
            "level": "province",
            "code": "92",
            "key": "thanhphocantho",
            "unit_type": "Thành phố",
            "name": "Thành phố Cần Thơ",
            "short_name": "Cần Thơ",
            "parent": None,
            "valid_from": "2025-07-01",
            "valid_to": None,
            "latitude": new_can_tho.latitude,
            "longitude": new_can_tho.longitude,
            "area_km2": None,
        }
    ]


def test_detail_has_predecessors_and_successors(viewer, new_can_tho):
    data = viewer.get(f"{URL}{new_can_tho.pk}/").json()
    assert {p["code"] for p in data["predecessors"]} == {"92", "93", "94"}
    assert all(p["is_whole"] and p["is_default"] for p in data["predecessors"])
    assert data["successors"] == []
    hau_giang = AdministrativeUnit.objects.get(key="tinhhaugiang")
    data = viewer.get(f"{URL}{hau_giang.pk}/").json()
    assert data["valid_from"] is None and data["valid_to"] == "2025-06-30"
    assert data["successors"] == [
        {
            "id": new_can_tho.pk,
            "code": "92",
            "name": "Thành phố Cần Thơ",
            "effective_on": "2025-07-01",
            "is_whole": True,
            "is_default": True,
        }
    ]
    split = AdministrativeUnit.objects.filter(successor_links__is_whole=False).first()
    successors = viewer.get(f"{URL}{split.pk}/").json()["successors"]
    assert len(successors) >= 2 and [s["is_default"] for s in successors].count(True) == 1
    assert "predecessors" not in viewer.get(URL).json()["results"][0]


def test_list_queries_do_not_grow_with_page_size(viewer, can_tho, django_assert_max_num_queries):
    def queries(query: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert viewer.get(f"{URL}?{query}").status_code == 200
        return len(captured)

    small = queries("limit=1&as_of=2025-06-30")
    assert queries("limit=100&as_of=2025-06-30") == small
    with django_assert_max_num_queries(small):
        viewer.get(f"{URL}?limit=500")
    unit = AdministrativeUnit.objects.get(key="tinhsoctrang")
    with django_assert_max_num_queries(small + 2):
        viewer.get(f"{URL}{unit.pk}/")


def test_schema_documents_the_filters(viewer):
    schema = viewer.get("/api/schema/?format=json").json()
    parameters = {
        p["name"]: p["schema"]
        for p in schema["paths"]["/api/administrative-units/"]["get"]["parameters"]
    }
    assert parameters["as_of"] == {"type": "string", "format": "date"}
    assert parameters["province"]["type"] == "integer"
    assert parameters["parent"]["type"] == "integer"
    assert set(parameters["level"]["enum"]) == set(Level.values)
    assert set(parameters["generation"]["enum"]) == set(Generation.values)
    assert {"q", "code", "limit", "offset"} <= set(parameters)
