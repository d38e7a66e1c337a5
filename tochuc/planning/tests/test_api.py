"""REST API: terms, entries (add, remove), structure, removal candidates, appointment
warnings and targets; refusals are 400 `{"detail": [...]}` naming the rule's source."""

import datetime as dt

import pytest

from tochuc.cadres.services import assignment_create
from tochuc.planning.models import PlanEntry, StructureTarget
from tochuc.planning.tests.conftest import person
from tochuc.ratings.models import ConfidenceVote

D = dt.date
pytestmark = pytest.mark.django_db
DECISION = {"number": "12-QĐ/ĐU", "signed_on": "2026-05-01", "issuer": "Đảng ủy xã An Mới"}


def post_json(client, url, data):
    return client.post(url, data, content_type="application/json")


def seat_holder(planning, name, **kwargs):
    who = person(name, **kwargs)
    assignment_create(
        person=who,
        post=planning.posts.a_bch,
        kind="election",
        starts_on=D(2025, 8, 1),
        decision=planning.tree.decision,
    )
    return who


def test_terms(client, planning):
    t = planning.tree
    client.force_login(t.users.a_viewer)
    names = [row["name"] for row in client.get("/api/planning-terms/").json()]
    assert names == ["2020–2025", "2021–2026", "2025–2030", "2026–2031"]
    data = {
        "name": "2030–2035",
        "track": "party",
        "starts_on": "2030-10-01",
        "ends_on": "2035-09-30",
    }
    client.force_login(t.users.a_admin)
    response = post_json(client, "/api/planning-terms/", data)
    assert response.status_code == 400 and "cấp tỉnh" in response.json()["detail"][0]
    client.force_login(t.users.province_admin)
    response = post_json(client, "/api/planning-terms/", data)
    assert response.status_code == 201 and response.json()["counting_date"] == "2030-10-01"


def test_add_list_refuse_and_remove(client, planning, add):
    t, post = planning.tree, planning.posts.a_bt
    client.force_login(t.users.a_editor)
    people = [seat_holder(planning, f"Người {i}") for i in range(4)]
    for who in people[:3]:
        response = post_json(
            client,
            "/api/plan-entries/",
            {
                "term": planning.party.pk,
                "post": post.pk,
                "person": who.pk,
                "added_on": "2026-05-01",
                "decision": DECISION,
            },
        )
        assert response.status_code == 201, response.json()
    response = post_json(
        client,
        "/api/plan-entries/",
        {
            "term": planning.party.pk,
            "post": post.pk,
            "person": people[3].pk,
            "added_on": "2026-05-01",
            "decision": DECISION,
        },
    )
    assert response.status_code == 400
    [message] = response.json()["detail"]
    assert "không quá 3 người" in message and "Quy định 377-QĐ/TW" in message
    response = post_json(
        client,
        "/api/plan-entries/",
        {
            "term": planning.party.pk,
            "post": planning.posts.b_bt.pk,
            "person": people[3].pk,
            "added_on": "2026-05-01",
            "decision": DECISION,
        },
    )
    assert response.status_code == 400 and "post" in response.json()
    rows = client.get("/api/plan-entries/?as_of=2026-06-01").json()["results"]
    assert sorted(r["person_name"] for r in rows) == ["Người 0", "Người 1", "Người 2"]
    assert client.get("/api/plan-entries/?as_of=2026-04-30").json()["count"] == 0
    assert client.get("/api/plan-entries/?as_of=2026-06-01&q=nguoi 1").json()["count"] == 1
    entry_id = rows[0]["id"]
    url = f"/api/plan-entries/{entry_id}/remove/"
    response = post_json(client, url, {"removed_on": "2026-06-01", "reason": "Nghỉ việc"})
    assert response.status_code == 200 and response.json()["removed_on"] == "2026-06-01"
    response = post_json(client, url, {"removed_on": "2026-07-01", "reason": "Lại"})
    assert response.status_code == 400 and "đã được đưa ra" in response.json()["detail"][0]
    assert PlanEntry.objects.count() == 3


def test_figures(client, planning, add):
    t, p = planning.tree, planning.posts
    woman = person("Nữ", sex="female", birth=D(1995, 1, 1))
    man = person("Nam", birth=D(1970, 1, 1))
    add(p.a_bt, woman, D(2025, 11, 1))
    add(p.a_pbt, man, D(2025, 11, 1))
    ConfidenceVote.objects.create(
        person=man, organization=t.a, held_on=D(2026, 3, 1), summoned=20, present=20,
        high=0, confidence=9, low=11,
    )  # fmt: skip
    StructureTarget.objects.create(
        organization=t.p, term=planning.party, category="women", level="commune",
        minimum_share=60,
    )  # fmt: skip
    client.force_login(t.users.a_viewer)
    data = client.get("/api/plan-entries/structure/?as_of=2026-06-01").json()
    assert data["total"] == 2 and data["level"] == "commune" and data["term"] == planning.party.pk
    women = next(s for s in data["shares"] if s["category"] == "women")
    assert (women["count"], women["percent"], women["meets"]) == (1, "50,00%", False)
    assert women["minimum_share"] == "60.00" and women["persons"][0]["full_name"] == "Nữ"
    rows = client.get("/api/plan-entries/removal-candidates/?as_of=2026-06-01").json()
    assert [r["entry"]["person_name"] for r in rows] == ["Nam"]
    assert rows[0]["kinds"] == ["confidence"]  # 11 low of 20 ballots: over 1/2, Quy định 96
    assert rows[0]["reasons"] == [
        "Lấy phiếu tín nhiệm ngày 01/03/2026: 11/20 phiếu tín nhiệm thấp (55,00% số phiếu thu về) "
        "→ đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét cho thôi giữ chức vụ, bố trí công tác "
        "khác hoặc cho từ chức (Quy định 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị)."
    ]
    data = client.get("/api/plan-entries/committee-structure/?as_of=2026-06-01").json()
    assert data["total"] == 0
    url = f"/api/plan-entries/appointment-warnings/?as_of=2026-06-01&person={woman.pk}"
    assert client.get(f"{url}&post={p.a_bt.pk}").json() == {"warnings": []}
    [warning] = client.get(f"{url}&post={p.a_ct.pk}").json()["warnings"]
    assert "Quy định 377-QĐ/TW" in warning
    assert client.get(f"{url}&post={p.b_bt.pk}").status_code == 404
    assert client.get(f"/api/plan-entries/structure/?org={t.b.pk}").status_code == 404


def test_targets(client, planning):
    t = planning.tree
    body = {
        "organization": "A",
        "term": planning.party.pk,
        "category": "ethnic_minority",
        "level": "commune",
        "minimum_share": "12.5",
    }
    client.force_login(t.users.a_editor)
    response = post_json(client, "/api/structure-targets/", body)
    assert response.status_code == 400 and "organization" in response.json()
    client.force_login(t.users.a_admin)
    response = post_json(client, "/api/structure-targets/", body)
    assert response.status_code == 201 and response.json()["minimum_share"] == "12.50"
    response = post_json(client, "/api/structure-targets/", {**body, "minimum_share": "120"})
    assert response.status_code == 400
    response = post_json(client, "/api/structure-targets/", {**body, "organization": "BSECRET"})
    assert response.status_code == 400
    assert [
        r["organization_code"] for r in client.get("/api/structure-targets/").json()["results"]
    ] == ["A"]
