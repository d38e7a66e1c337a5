"""API: headcounts scoped and written through the services; the figures as JSON."""

import pytest

from tochuc.staffing.models import Headcount

pytestmark = pytest.mark.django_db
DECISION = {"number": "12/QĐ-UBND", "signed_on": "2025-12-20", "issuer": "UBND thành phố"}


def test_reduction_and_balance(client, small_tree, headcounts):
    t = small_tree
    client.force_login(t.users.province_admin)
    data = client.get("/api/staffing/headcounts/reduction/?org=P&year=2025&as_of=2025-12-31").json()
    assert (data["baseline"], data["approved"], data["reduction"], data["percent"]) == (
        270,
        207,
        63,
        "23,3%",
    )
    assert [(r["name"], r["reduction"]) for r in data["rows"]] == [
        ("Đảng bộ thành phố Mới", 15),
        ("Đảng bộ xã An Mới", 28),
        ("Đảng bộ xã Bí Mật Bê", 20),
    ]
    assert len(data["records"]) == 9 and data["target"]["met"] is True
    balance = client.get(
        f"/api/staffing/headcounts/balance/?org={t.p.pk}&year=2025&as_of=2025-12-31"
    ).json()
    assert (balance["surplus_total"], balance["shortage_total"]) == (3, 6)
    assert [r["difference"] for r in balance["shortage"]] == [-5, -1]


def test_figures_reject_bad_parameters_and_foreign_subtrees(client, small_tree, headcounts):
    client.force_login(small_tree.users.a_viewer)
    assert client.get("/api/staffing/headcounts/reduction/?year=20x5").status_code == 400
    assert client.get("/api/staffing/headcounts/reduction/?org=BSECRET").status_code == 404
    data = client.get("/api/staffing/headcounts/reduction/?year=2025&as_of=2025-12-31").json()
    assert (data["baseline"], data["approved"]) == (150, 122)


def test_create_update_and_refusals(client, small_tree):
    client.force_login(small_tree.users.a_editor)
    body = {"organization": "A", "year": 2026, "approved": 70, "decision": DECISION}
    created = client.post("/api/staffing/headcounts/", body, content_type="application/json")
    assert created.status_code == 201, created.content
    assert created.json()["category"] == "civil_servants"
    again = client.post("/api/staffing/headcounts/", body, content_type="application/json")
    assert again.status_code == 400
    assert "đã có biên chế" in again.json()["detail"][0]
    foreign = client.post(
        "/api/staffing/headcounts/",
        {**body, "organization": "BSECRET"},
        content_type="application/json",
    )
    assert foreign.status_code == 400 and "organization" in foreign.json()
    pk = created.json()["id"]
    patched = client.patch(
        f"/api/staffing/headcounts/{pk}/",
        {"actual": 72, "version": 1},
        content_type="application/json",
    )
    assert patched.status_code == 200 and patched.json()["difference"] == 2
    assert client.delete(f"/api/staffing/headcounts/{pk}/").status_code == 204
    assert not Headcount.objects.exists()


def test_list_is_scoped(client, small_tree, headcounts):
    client.force_login(small_tree.users.a_viewer)
    ids = {row["id"] for row in client.get("/api/staffing/headcounts/?limit=500").json()["results"]}
    assert headcounts.a25.pk in ids and headcounts.lqa15.pk in ids
    assert headcounts.b25.pk not in ids and headcounts.lqb15.pk not in ids
    assert headcounts.p25.pk not in ids
