"""REST API for organizations: as_of, filters, detail with lineage, schema."""

import pytest

pytestmark = pytest.mark.django_db


def test_list_as_of_and_filters(client, small_tree):
    t = small_tree
    client.force_login(t.users.province_admin)
    rows = client.get("/api/organizations/?as_of=2025-12-04").json()["results"]
    assert {r["code"] for r in rows} == {"P", "A", "BSECRET", "A1", "BSECRET1"}
    rows = client.get(f"/api/organizations/?as_of=2025-12-04&parent={t.p.pk}").json()["results"]
    assert {r["code"] for r in rows} == {"A", "BSECRET"}
    assert all(r["child_count"] == 1 for r in rows)
    rows = client.get("/api/organizations/?as_of=2024-12-31&kind=district_committee").json()
    assert [r["code"] for r in rows["results"]] == ["LD"]
    rows = client.get("/api/organizations/?as_of=04/12/2025&q=an moi").json()["results"]
    assert [r["code"] for r in rows] == ["A"]


def test_bad_as_of_is_a_400_in_vietnamese(client, small_tree):
    client.force_login(small_tree.users.province_admin)
    response = client.get("/api/organizations/?as_of=hom-qua")
    assert response.status_code == 400
    assert "không hợp lệ" in response.json()["as_of"][0]


def test_detail_has_periods_and_lineage(client, small_tree):
    t = small_tree
    client.force_login(t.users.province_admin)
    data = client.get(f"/api/organizations/{t.a.pk}/?as_of=2025-12-04").json()
    assert data["name"] == "Đảng bộ xã An Mới" and data["parent"] == t.p.pk
    assert [p["code"] for p in data["predecessors"]] == ["LA"]
    assert data["valid_from"] == "2025-07-01" and data["valid_to"] is None
    old = client.get(f"/api/organizations/{t.la.pk}/").json()
    assert [s["code"] for s in old["successors"]] == ["A"]
    assert old["valid_to"] == "2025-06-30"


def test_list_query_count_does_not_grow_with_rows(
    client, small_tree, django_assert_max_num_queries
):
    client.force_login(small_tree.users.province_admin)
    with django_assert_max_num_queries(12):
        client.get("/api/organizations/?as_of=2025-12-04")


def test_openapi_schema_and_docs(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    assert "/api/organizations/" in schema.content.decode()
    assert client.get("/api/docs/").status_code == 200
