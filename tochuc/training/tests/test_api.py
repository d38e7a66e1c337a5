"""API: figures and their drill-downs, writes through the services, scope."""

import pytest

from tochuc.training.models import Enrollment, Qualification
from tochuc.training.tests.conftest import person

pytestmark = pytest.mark.django_db
YEAR = "start=2025-01-01&end=2025-12-31"


def test_figures_and_drill_downs(client, small_tree, training):
    client.force_login(small_tree.users.province_admin)
    data = client.get(f"/api/training/enrollments/figures/?org=P&{YEAR}").json()
    assert (data["political_theory_people"], data["refresher_enrollments"]) == (3, 4)
    assert data["by_kind"][0] == {
        "kind": "advanced_political_theory",
        "label": "Cao cấp lý luận chính trị",
        "people": 2,
        "enrollments": 2,
    }
    people = client.get(
        f"/api/training/enrollments/trainees/?org=P&{YEAR}&group=political_theory"
    ).json()
    assert people["count"] == 3
    assert [p["enrollment_count"] for p in people["results"]] == [1, 1, 2]
    records = client.get(f"/api/training/enrollments/?org=P&{YEAR}&group=refresher").json()
    assert records["count"] == 4
    assert client.get(f"/api/training/enrollments/?org=P&{YEAR}&group=x").status_code == 400


def test_commune_user_is_kept_to_its_scope(client, small_tree, training):
    client.force_login(small_tree.users.a_viewer)
    data = client.get(f"/api/training/enrollments/figures/?{YEAR}").json()
    assert (data["political_theory_people"], data["refresher_enrollments"]) == (2, 3)
    assert client.get(f"/api/training/enrollments/{training.e4.pk}/").status_code == 404
    classes = {c["id"] for c in client.get("/api/training/classes/").json()["results"]}
    assert training.c2.pk in classes  # organized by the province, above A
    assert client.get("/api/training/enrollments/figures/?org=BSECRET").status_code == 404


def test_send_refused_by_the_rule_then_accepted_as_special(client, small_tree, training):
    outsider = person("Quần Chúng")
    Enrollment.objects.create(  # sent once by A, so A's users reach the person
        person=outsider, training_class=training.c4, sent_by=small_tree.a, enrolled_on="2025-11-01"
    )
    client.force_login(small_tree.users.a_editor)
    body = {
        "person": outsider.pk,
        "training_class": training.c2.pk,
        "sent_by": "A",
        "enrolled_on": "10/09/2025",
    }
    refused = client.post("/api/training/enrollments/", body, content_type="application/json")
    assert refused.status_code == 400
    assert "Quy định 350-QĐ/TW" in refused.json()["detail"][0]
    body["special_approval"] = True
    created = client.post("/api/training/enrollments/", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["special_approval"] is True
    foreign = {**body, "person": training.t3.pk}
    assert client.post(
        "/api/training/enrollments/", foreign, content_type="application/json"
    ).json() == {"person": ["Cá nhân không có hoặc không thuộc phạm vi của anh/chị."]}


def test_result_records_the_qualification(client, small_tree, training):
    client.force_login(small_tree.users.a_editor)
    response = client.post(
        f"/api/training/enrollments/{training.e1.pk}/result/",
        {"result": "completed", "completed_on": "2026-03-01", "version": 1},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["result"] == "completed"
    assert Qualification.objects.get(person=training.t1).level == "advanced"
    qualifications = client.get(f"/api/training/qualifications/?person={training.t1.pk}").json()
    assert qualifications["results"][0]["level_label"] == "Cao cấp"


def test_courses_classes_and_qualifications_writes(client, small_tree, courses, training):
    client.force_login(small_tree.users.a_editor)
    course = client.post(
        "/api/training/courses/",
        {"name": "Bồi dưỡng kỹ năng", "kind": "other_refresher", "organization": "A"},
        content_type="application/json",
    )
    assert course.status_code == 201, course.content
    klass = client.post(
        "/api/training/classes/",
        {
            "course": course.json()["id"],
            "name": "Kỹ năng 2026",
            "organizer": "A",
            "opens_on": "2026-01-05",
            "closes_on": "2026-01-03",
            "mode": "full_time",
        },
        content_type="application/json",
    )
    assert klass.status_code == 400 and "Ngày bế giảng" in klass.json()["detail"][0]
    patched = client.patch(
        f"/api/training/classes/{training.c3.pk}/",
        {"name": "Nguồn khóa I", "version": 1},
        content_type="application/json",
    )
    assert patched.status_code == 200 and patched.json()["name"] == "Nguồn khóa I"
    assert (
        client.patch(
            f"/api/training/classes/{training.c2.pk}/",  # organized by P: not A's to change
            {"name": "X"},
            content_type="application/json",
        ).status_code
        == 404
    )
    qualification = client.post(
        "/api/training/qualifications/",
        {
            "person": training.t2.pk,
            "kind": "foreign_language",
            "level": "B2",
            "obtained_on": "2019-05-05",
        },
        content_type="application/json",
    )
    assert qualification.status_code == 201, qualification.content
