"""REST API: records scoped, declare and steps, progress of a subtree with per-child rows."""

import pytest

from tochuc.cards.models import CardExchange
from tochuc.cards.tests.conftest import full_member

pytestmark = pytest.mark.django_db


def test_progress_with_rows(client, small_tree, campaign):
    t = small_tree
    client.force_login(t.users.province_admin)
    data = client.get(f"/api/card-exchanges/progress/?org={t.p.pk}&as_of=2025-12-31").json()
    assert (data["eligible"], data["done"], data["percent"]) == (5, 3, "60,00%")
    rows = {r["name"]: (r["eligible"], r["done"], r["percent"]) for r in data["rows"]}
    assert rows == {"Đảng bộ xã An Mới": (4, 3, "75,00%"), "Đảng bộ xã Bí Mật Bê": (1, 0, "0,00%")}
    early = client.get(f"/api/card-exchanges/progress/?org={t.a.pk}&as_of=31/10/2025").json()
    assert (early["eligible"], early["done"], early["percent"]) == (6, 2, "33,33%")


def test_progress_is_scoped(client, small_tree, campaign):
    t = small_tree
    client.force_login(t.users.a_viewer)
    assert client.get(f"/api/card-exchanges/progress/?org={t.b.pk}").status_code == 404
    data = client.get("/api/card-exchanges/progress/?as_of=2025-12-31").json()
    assert data["organization"] == t.a.pk and data["percent"] == "75,00%"
    assert client.get("/api/card-exchanges/progress/?as_of=hom-qua").status_code == 400


def test_list_and_detail_are_scoped(client, small_tree, campaign):
    t = small_tree
    b_person = full_member("Bê Đổi Thẻ", t.b1, card="B-1")
    client.force_login(t.users.b_editor)
    created = client.post(
        "/api/card-exchanges/", {"person": b_person.pk, "declared_on": "2025-09-01"}
    )
    assert created.status_code == 201, created.content
    b_id = created.json()["id"]
    client.force_login(t.users.a_viewer)
    rows = client.get("/api/card-exchanges/?limit=50").json()["results"]
    assert b_id not in {r["id"] for r in rows} and len(rows) == 5
    assert client.get(f"/api/card-exchanges/{b_id}/").status_code == 404
    within = client.get(f"/api/card-exchanges/?within={t.a1.pk}&as_of=2025-12-31").json()
    assert {r["person_name"] for r in within["results"]} == {
        "Thẻ Một",
        "Thẻ Hai",
        "Thẻ Bốn",
        "Thẻ Sáu",
    }
    reached = client.get("/api/card-exchanges/?reached=received").json()["results"]
    assert {r["person_name"] for r in reached} == {"Thẻ Một", "Thẻ Hai", "Thẻ Ba"}


def test_declare_and_steps(client, small_tree):
    t = small_tree
    person = full_member("Người Qua API", t.a1, card="C-5")
    client.force_login(t.users.a_editor)
    response = client.post(
        "/api/card-exchanges/", {"person": person.pk, "declared_on": "01/09/2025"}
    )
    exchange_id = response.json()["id"]
    url = f"/api/card-exchanges/{exchange_id}/step/"
    refused = client.post(url, {"step": "signed", "on": "2025-09-02"})
    assert refused.status_code == 400 and "chưa xong" in refused.json()["detail"][0]
    ok = client.post(url, {"step": "photographed", "on": "2025-09-02", "version": 1})
    assert ok.status_code == 200 and ok.json()["next_step"] == "verified"
    stale = client.post(url, {"step": "verified", "on": "2025-09-03", "version": 1})
    assert stale.status_code == 400


def test_writes_refused_outside_scope_and_for_viewers(client, small_tree, campaign):
    t = small_tree
    b_person = full_member("Bê Không Được Kê", t.b1, card="B-2")
    client.force_login(t.users.a_editor)
    response = client.post(
        "/api/card-exchanges/", {"person": b_person.pk, "declared_on": "2025-09-01"}
    )
    assert response.status_code == 400 and "Bê" not in response.content.decode()
    client.force_login(t.users.a_viewer)
    exchange = CardExchange.objects.get(person=campaign.m4)
    url = f"/api/card-exchanges/{exchange.pk}/step/"
    assert client.post(url, {"step": "photographed", "on": "2025-09-02"}).status_code == 403
    assert client.delete(f"/api/card-exchanges/{exchange.pk}/").status_code in (403, 405)
    assert not CardExchange.objects.filter(person=b_person).exists()


def test_schema_lists_the_endpoints(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/card-exchanges/progress/" in schema and "/api/card-exchanges/{id}/step/" in schema


def test_progress_query_count_is_fixed(client, small_tree, campaign, django_assert_max_num_queries):
    client.force_login(small_tree.users.province_admin)
    with django_assert_max_num_queries(12):
        client.get(f"/api/card-exchanges/progress/?org={small_tree.p.pk}&as_of=2025-12-31")
