"""The organizer of a class records the results of all its learners, the sender those of the
learners it sent; and a programme is corrected on its edit page and through the API.

Hand-computed with the `training` fixture: C4 «Nghiệp vụ tháng 11» is organized by A and has
E7 (T2, sent by A) and E8 (T4, sent by BSECRET1), so A's editor sees 2 learners with 2 result
forms; C2 is organized by P with E4 (T3, sent by BSECRET): A neither organizes nor sent it,
B's editor sent it.
"""

import datetime as dt

import pytest

from tochuc.training.models import Course, Result
from tochuc.training.tests.conftest import open_class

D = dt.date
pytestmark = pytest.mark.django_db


def result_form(enrollment, result="completed", on="07/11/2025"):
    prefix = f"r{enrollment.pk}"
    return {
        f"{prefix}-result": result,
        f"{prefix}-completed_on": on,
        f"{prefix}-grade": "Giỏi",
        f"{prefix}-version": enrollment.version,
    }


def test_organizer_records_results_of_every_learner(client, small_tree, training):
    client.force_login(small_tree.users.a_editor)
    page = client.get(f"/dao-tao/lop/{training.c4.pk}/").content.decode()
    assert "Học Viên Bốn Bí Mật Bê" in page and "Học Viên Hai" in page
    assert "Học viên trong phạm vi anh/chị: <strong>2</strong>" in page
    assert f"r{training.e8.pk}-result" in page and f"r{training.e7.pk}-result" in page
    url = f"/dao-tao/hoc-vien/{training.e8.pk}/ket-qua/"
    response = client.post(url, result_form(training.e8), follow=True)
    assert "Đã ghi kết quả của Học Viên Bốn Bí Mật Bê" in response.content.decode()
    training.e8.refresh_from_db()
    assert (training.e8.result, training.e8.completed_on, training.e8.version) == (
        Result.COMPLETED,
        D(2025, 11, 7),
        2,
    )
    stale_form = result_form(training.e8, on="06/11/2025") | {f"r{training.e8.pk}-version": 1}
    stale = client.post(url, stale_form, follow=True)
    assert "Bản ghi đã được người khác sửa" in stale.content.decode()
    # E4 of P's class C2: A neither organized the class nor sent the learner.
    assert client.post(f"/dao-tao/hoc-vien/{training.e4.pk}/ket-qua/").status_code == 404
    assert (
        f"r{training.e4.pk}-result"
        not in client.get(f"/dao-tao/lop/{training.c2.pk}/").content.decode()
    )


def test_sender_keeps_the_right_to_record(client, small_tree, training):
    client.force_login(small_tree.users.b_editor)
    url = f"/dao-tao/hoc-vien/{training.e4.pk}/ket-qua/"
    form = result_form(training.e4, result="not_completed", on="30/06/2026")
    assert client.post(url, form).status_code == 302
    training.e4.refresh_from_db()
    assert training.e4.result == Result.NOT_COMPLETED
    # B's editor sees only its own learner of A's class C4, and may record it.
    page = client.get(f"/dao-tao/lop/{training.c4.pk}/").content.decode()
    assert "Học Viên Bốn" in page and "Học Viên Hai" not in page
    assert client.post(f"/dao-tao/hoc-vien/{training.e7.pk}/ket-qua/").status_code == 404


def test_organizer_and_sender_through_the_api(client, small_tree, training):
    data = {"result": "completed", "completed_on": "2025-11-07", "version": 1}
    client.force_login(small_tree.users.a_editor)
    response = client.post(
        f"/api/training/enrollments/{training.e8.pk}/result/", data, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["result"] == "completed"
    foreign = client.post(
        f"/api/training/enrollments/{training.e4.pk}/result/", data, content_type="application/json"
    )
    assert foreign.status_code == 404
    client.force_login(small_tree.users.b_editor)
    own = {"result": "not_completed", "completed_on": "2026-06-30", "version": 1}
    response = client.post(
        f"/api/training/enrollments/{training.e4.pk}/result/", own, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["result"] == "not_completed"


def test_course_edit_page_and_api(client, small_tree, courses):
    client.force_login(small_tree.users.a_editor)
    listing = client.get("/dao-tao/chuong-trinh/").content.decode()
    url = f"/dao-tao/chuong-trinh/{courses.source.pk}/sua/"
    assert url in listing
    assert f"/dao-tao/chuong-trinh/{courses.advanced.pk}/sua/" not in listing  # kept by LP
    assert 'value="Bồi dưỡng cán bộ nguồn cấp xã"' in client.get(url).content.decode()
    open_class(courses.source, "Lớp nguồn", small_tree.a, D(2025, 10, 1), D(2025, 10, 10))
    form = {"name": "Bồi dưỡng cán bộ nguồn xã, phường", "kind": "professional", "version": 1}
    refused = client.post(url, form).content.decode()
    assert "Loại chương trình: không đổi được loại của chương trình đã có lớp" in refused
    form["kind"] = "source_cadre_refresher"
    assert client.post(url, form).status_code == 302
    course = Course.objects.get(pk=courses.source.pk)
    assert (course.name, course.version) == ("Bồi dưỡng cán bộ nguồn xã, phường", 2)
    assert "Bản ghi đã được người khác sửa" in client.post(url, form).content.decode()
    assert client.get(f"/dao-tao/chuong-trinh/{courses.advanced.pk}/sua/").status_code == 404
    api = f"/api/training/courses/{courses.professional.pk}/"
    response = client.patch(
        api, {"name": "Nghiệp vụ tổ chức", "version": 1}, content_type="application/json"
    )
    assert response.status_code == 200
    assert (response.json()["name"], response.json()["version"]) == ("Nghiệp vụ tổ chức", 2)
    stale = client.patch(api, {"note": "x", "version": 1}, content_type="application/json")
    assert stale.status_code == 400
    outside = client.patch(
        f"/api/training/courses/{courses.advanced.pk}/",
        {"name": "X"},
        content_type="application/json",
    )
    assert outside.status_code == 404
