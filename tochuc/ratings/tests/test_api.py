"""REST API: scoped lists, writes through the services (refusals as 400 with the rule's
message), figures and a person's standing (case: conftest)."""

import pytest

from tochuc.ratings.models import ConfidenceVote, Discipline, PersonRating
from tochuc.ratings.tests.conftest import member_of

pytestmark = pytest.mark.django_db
END = "as_of=2025-12-31"


def test_lists_are_scoped_and_filtered(client, small_tree, case):
    client.force_login(small_tree.users.a_viewer)
    data = client.get(f"/api/person-ratings/?year=2025&category=good&{END}").json()
    assert {r["id"] for r in data["results"]} == {case.r3.pk, case.r4.pk}
    r4 = next(r for r in data["results"] if r["id"] == case.r4.pk)
    assert r4["derived_category"] == "good" and "366-QĐ/TW" in r4["rule_source"]
    everything = client.get("/api/person-ratings/").json()
    assert everything["count"] == 9  # 8 of 2025 and R0 of 2024 by LA; nothing of B
    within = client.get(f"/api/person-ratings/?within={small_tree.a1.pk}&{END}").json()
    assert within["count"] == 4
    votes = client.get("/api/confidence-votes/?held_from=2025-01-01").json()["results"]
    assert {v["id"] for v in votes} == {case.v1.pk, case.v2.pk, case.v3.pk, case.v4.pk, case.v5.pk}
    assert client.get(f"/api/confidence-votes/{case.vb.pk}/").status_code == 404


def test_vote_detail_has_quorum_and_consequence(client, small_tree, case):
    client.force_login(small_tree.users.a_viewer)
    v3 = client.get(f"/api/confidence-votes/{case.v3.pk}/").json()
    assert (v3["quorum"], v3["low_share"], v3["consequence"]) == (True, "66,67%", "dismissal")
    v4 = client.get(f"/api/confidence-votes/{case.v4.pk}/").json()
    assert (v4["quorum"], v4["consequence"]) == (False, "invalid")
    v0 = client.get(f"/api/confidence-votes/{case.v0.pk}/").json()
    assert v0["consequence"] == "higher_planning_review" and "262-QĐ/TW" in v0["rule_source"]


def test_discipline_reconsideration_as_of(client, small_tree, case):
    client.force_login(small_tree.users.a_viewer)
    d2 = client.get(f"/api/disciplines/{case.d2.pk}/?as_of=2025-09-01").json()
    assert (d2["reconsider_from"], d2["in_period"]) == ("2025-03-01", False)
    d2 = client.get(f"/api/disciplines/{case.d2.pk}/?{END}").json()
    assert (d2["reconsider_from"], d2["in_period"]) == ("2027-03-01", True)


def test_create_rating_and_refusal(client, small_tree, case):
    newcomer = member_of("Người Mới Qua API", small_tree.a1)
    client.force_login(small_tree.users.a_editor)
    body = {
        "person": newcomer.pk,
        "organization": small_tree.a1.pk,
        "year": 2025,
        "score": "78",
        "late_share": "0",
        "category": "excellent",
    }
    response = client.post("/api/person-ratings/", body, content_type="application/json")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail[0].startswith("Xếp loại: «Hoàn thành xuất sắc nhiệm vụ» không phù hợp")
    body["category"] = ""
    response = client.post("/api/person-ratings/", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["category"] == "good"
    rating = PersonRating.objects.get(person=newcomer)
    patch = client.patch(
        f"/api/person-ratings/{rating.pk}/",
        {"score": "55", "late_share": "20", "version": 1},
        content_type="application/json",
    )
    assert patch.status_code == 200 and patch.json()["category"] == "completed"
    stale = client.patch(
        f"/api/person-ratings/{rating.pk}/",
        {"score": "95", "version": 1},
        content_type="application/json",
    )
    assert stale.status_code == 400 and "người khác sửa" in stale.json()["detail"][0]


def test_create_refuses_persons_and_organizations_out_of_scope(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    body = {"person": case.pb.pk, "organization": small_tree.b.pk, "year": 2024, "category": "good"}
    response = client.post("/api/person-ratings/", body, content_type="application/json")
    assert response.status_code == 400
    errors = response.json()
    assert "person" in errors and "organization" in errors
    assert PersonRating.objects.filter(person=case.pb).count() == 1


def test_organization_rating_of_2024_takes_no_score(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    body = {"organization": small_tree.a1.pk, "year": 2024, "category": "good", "score": "90"}
    response = client.post("/api/organization-ratings/", body, content_type="application/json")
    assert response.status_code == 400
    assert "Quy định 124-QĐ/TW" in response.json()["detail"][0]


def test_create_vote_and_discipline(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    body = {
        "person": case.p1.pk,
        "post": case.post.pk,
        "organization": small_tree.a.pk,
        "held_on": "01/12/2025",
        "summoned": 30,
        "present": 27,
        "high": 5,
        "confidence": 8,
        "low": 14,
    }
    response = client.post("/api/confidence-votes/", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["consequence"] == "leave_post"
    body["present"] = 31
    response = client.post("/api/confidence-votes/", body, content_type="application/json")
    assert response.status_code == 400 and "Số người có mặt (31)" in response.json()["detail"][0]
    assert ConfidenceVote.objects.filter(person=case.p1).count() == 2
    discipline = {
        "person": case.p1.pk,
        "organization": small_tree.a.pk,
        "form": "removal",
        "decided_on": "2025-11-01",
        "decision": {"number": "20-QĐ/UBKT", "signed_on": "2025-11-01", "issuer": "UBKT xã An"},
    }
    response = client.post(f"/api/disciplines/?{END}", discipline, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["reconsider_from"] == "2030-11-01"  # 60 months, QĐ 377
    assert Discipline.objects.filter(person=case.p1).count() == 1


def test_viewer_cannot_write(client, small_tree, case):
    client.force_login(small_tree.users.a_viewer)
    body = {"organization": small_tree.a1.pk, "year": 2024, "category": "good"}
    response = client.post("/api/organization-ratings/", body, content_type="application/json")
    assert response.status_code == 403


def test_figures_endpoint(client, small_tree, case):
    client.force_login(small_tree.users.a_viewer)
    data = client.get(f"/api/rating-figures/?year=2025&{END}").json()
    assert data["organization"] == small_tree.a.pk
    persons = {f["category"]: (f["people"], f["records"]) for f in data["persons"]}
    assert persons["completed"] == (3, 3) and (data["people"], data["records"]) == (6, 8)
    assert data["organizations_total"] == 2
    votes = {c["code"]: (c["people"], c["votes"]) for c in data["votes"]["by_consequence"]}
    assert votes["leave_post"] == (1, 1) and data["votes"]["invalid"] == 1
    assert data["disciplined"] == 2
    assert client.get(f"/api/rating-figures/?org={small_tree.b.pk}").status_code == 404
    assert client.get("/api/rating-figures/?year=abc").status_code == 400


def test_person_standing(client, small_tree, case):
    client.force_login(small_tree.users.a_viewer)
    data = client.get(f"/api/person-standings/{case.p5.pk}/?{END}").json()
    assert [(f["kind"], f["code"]) for f in data["flags"]] == [
        ("vote", "higher_planning_review"),
        ("discipline", "warning"),
    ]
    assert data["flags"][1]["until"] == "2027-03-01"
    assert [r["id"] for r in data["ratings"]] == [case.r6.pk]
    assert data["disciplines"][0]["in_period"] is True
    assert client.get(f"/api/person-standings/{case.pb.pk}/?{END}").status_code == 404
