"""REST API of members, persons and membership events on the `members` fixture."""

import datetime as dt

import pytest

from tochuc.core.models import AuditEntry
from tochuc.members.models import EventKind, MembershipEvent, MembershipSpan
from tochuc.people.models import Person

pytestmark = pytest.mark.django_db
D = dt.date
ON = "as_of=2025-12-04"
DECISION = {"number": "30-QĐ/ĐU", "signed_on": "2025-12-01", "issuer": "Đảng ủy xã An Mới"}


def rows(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def full_names(data) -> set[str]:
    return {row["full_name"] for row in data}


def test_members_as_of_with_the_shared_filters(client, small_tree, members):
    client.force_login(small_tree.users.a_viewer)
    assert full_names(rows(client, f"/api/members/?{ON}")) == {
        "Nguyễn Văn Một",
        "Trần Thị Hai",
        "Lê Văn Ba",
    }
    assert full_names(rows(client, f"/api/members/?{ON}&q=nguyen van mot")) == {"Nguyễn Văn Một"}
    assert full_names(rows(client, f"/api/members/?{ON}&age_band=under_30")) == {"Lê Văn Ba"}
    assert full_names(rows(client, f"/api/members/?{ON}&status=full")) == {"Nguyễn Văn Một"}
    cell = rows(client, f"/api/members/?{ON}&org={small_tree.a1.pk}")
    assert [(r["full_name"], r["host_organization_code"]) for r in cell] == [
        ("Lê Văn Ba", "BSECRET1")
    ]


def test_members_of_another_commune_are_404_and_bad_dates_400(client, small_tree, members):
    client.force_login(small_tree.users.a_viewer)
    assert client.get(f"/api/members/?{ON}&org={small_tree.b.pk}").status_code == 404
    response = client.get("/api/members/?as_of=hom-qua")
    assert response.status_code == 400 and "không hợp lệ" in response.json()["as_of"][0]


def test_members_list_query_count_is_fixed(
    client, small_tree, members, django_assert_max_num_queries
):
    client.force_login(small_tree.users.province_admin)
    with django_assert_max_num_queries(10):
        client.get(f"/api/members/?{ON}")


def test_persons_masked_for_viewer(client, small_tree, members):
    Person.objects.filter(pk=members.p1.pk).update(citizen_id="079123456789", phone="0912345678")
    client.force_login(small_tree.users.a_viewer)
    data = rows(client, f"/api/persons/?{ON}&q=mot")
    assert [(r["citizen_id"], r["phone"]) for r in data] == [("07********89", "09******78")]
    detail = client.get(f"/api/persons/{members.p1.pk}/?{ON}").json()
    assert detail["citizen_id"] == "07********89"
    assert not AuditEntry.objects.exists()


def test_persons_unmasked_and_logged_for_editor(client, small_tree, members):
    Person.objects.filter(pk=members.p1.pk).update(citizen_id="079123456789")
    client.force_login(small_tree.users.a_editor)
    data = rows(client, f"/api/persons/?{ON}")
    assert {r["full_name"] for r in data} == {"Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba"}
    assert next(r for r in data if r["id"] == members.p1.pk)["citizen_id"] == "079123456789"
    assert AuditEntry.objects.get().subject == f"people.Person:{members.p1.pk}"
    client.get(f"/api/persons/{members.p1.pk}/?{ON}")
    assert AuditEntry.objects.count() == 2


def test_persons_of_commune_b_are_invisible(client, small_tree, members):
    client.force_login(small_tree.users.a_editor)
    assert client.get(f"/api/persons/{members.p5.pk}/?{ON}").status_code == 404


def test_events_listed_by_person_with_voided_ones(client, small_tree, members):
    client.force_login(small_tree.users.a_viewer)
    data = rows(client, f"/api/membership-events/?{ON}&person={members.p2.pk}")
    assert [(r["kind"], r["effective_on"]) for r in data] == [
        ("admission", "2024-06-01"),
        ("transfer", "2025-01-10"),
    ]
    assert rows(client, f"/api/membership-events/?{ON}&person={members.p5.pk}") == []


def test_create_event(client, small_tree, members):
    client.force_login(small_tree.users.a_editor)
    body = {
        "person": members.p2.pk,
        "kind": "card_issue",
        "effective_on": "2025-12-05",
        "card_number": "92005555",
    }
    response = client.post(f"/api/membership-events/?{ON}", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["kind_label"] == "Phát thẻ đảng viên"
    assert MembershipSpan.objects.valid_at(D(2025, 12, 5)).get(person=members.p2).card_number == (
        "92005555"
    )


def test_refused_event_is_a_400_in_vietnamese_and_writes_nothing(client, small_tree, members):
    client.force_login(small_tree.users.a_editor)
    before = MembershipEvent.objects.count()
    body = {
        "person": members.p1.pk,
        "kind": "readmission",
        "effective_on": "2025-12-05",
        "organization": small_tree.a.pk,
        "decision": DECISION,
    }
    response = client.post(f"/api/membership-events/?{ON}", body, content_type="application/json")
    assert response.status_code == 400
    assert "người này đang là đảng viên" in response.json()["non_field_errors"][0]
    assert MembershipEvent.objects.count() == before


def test_create_refuses_organizations_and_persons_outside_scope(client, small_tree, members):
    client.force_login(small_tree.users.a_editor)
    before = MembershipEvent.objects.count()
    transfer = {
        "person": members.p1.pk,
        "kind": "transfer",
        "effective_on": "2025-12-05",
        "organization": small_tree.b.pk,
    }
    url = f"/api/membership-events/?{ON}"
    assert client.post(url, transfer, content_type="application/json").status_code == 400
    death = {"person": members.p5.pk, "kind": "death", "effective_on": "2025-12-05"}
    assert client.post(url, death, content_type="application/json").status_code == 400
    assert MembershipEvent.objects.count() == before


def test_viewer_may_not_write(client, small_tree, members):
    client.force_login(small_tree.users.a_viewer)
    body = {"person": members.p1.pk, "kind": "death", "effective_on": "2025-12-05"}
    response = client.post(f"/api/membership-events/?{ON}", body, content_type="application/json")
    assert response.status_code == 403


def test_correct_action(client, small_tree, members):
    client.force_login(small_tree.users.a_editor)
    moved = MembershipEvent.objects.get(person=members.p2, kind=EventKind.TRANSFER)
    body = {
        "reason": "Sai ngày chuyển",
        "replacement": {
            "kind": "transfer",
            "effective_on": "2025-02-10",
            "organization": small_tree.la.pk,
        },
    }
    url = f"/api/membership-events/{moved.pk}/correct/?{ON}"
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 201, response.content
    moved.refresh_from_db()
    assert moved.is_void and moved.correction.replacement.effective_on == D(2025, 2, 10)
    data = rows(client, f"/api/membership-events/?{ON}&person={members.p2.pk}")
    assert [r["correction_reason"] for r in data if r["is_void"]] == ["Sai ngày chuyển"]


def test_refused_correction_is_a_400_and_writes_nothing(client, small_tree, members):
    client.force_login(small_tree.users.a_editor)
    admission = MembershipEvent.objects.get(person=members.p1, kind=EventKind.ADMISSION)
    url = f"/api/membership-events/{admission.pk}/correct/?{ON}"
    response = client.post(url, {"reason": "Hủy"}, content_type="application/json")
    assert response.status_code == 400
    assert "không phải là đảng viên" in response.json()["non_field_errors"][0]
    admission.refresh_from_db()
    assert not admission.is_void


def test_schema_is_valid_and_lists_the_endpoints(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    response = client.get("/api/schema/")
    assert response.status_code == 200
    text = response.content.decode()
    for path in ("/api/members/", "/api/persons/", "/api/membership-events/{id}/correct/"):
        assert path in text
