"""The admission pages: pipeline through forms, refusals shown in Vietnamese, targets, progress."""

import datetime as dt

import pytest

from tochuc.admissions.models import AdmissionTarget, Candidate, Stage

D = dt.date
pytestmark = pytest.mark.django_db
DECISION = {"decision_number": "20-QĐ/ĐU", "decision_signed_on": "01/09/2025",
            "decision_issuer": "Đảng ủy xã An Mới"}  # fmt: skip


def post_step(client, candidate, action, **fields):
    data = {"action": action, f"{action}-version": Candidate.objects.get(pk=candidate.pk).version}
    data |= {f"{action}-{k}": v for k, v in fields.items()}
    data.setdefault(f"{action}-step", action)
    return client.post(f"/ket-nap/{candidate.pk}/cap-nhat/", data)


def test_pipeline_through_the_pages(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    response = client.post(
        "/ket-nap/them/",
        {"full_name": "Nguyễn Thị Ưu Tú", "sex": "female", "date_of_birth": "02/02/2000",
         "organization": "A1", "course_passed_on": "10/01/2025"},
    )  # fmt: skip
    candidate = Candidate.objects.get(person__full_name="Nguyễn Thị Ưu Tú")
    assert response.status_code == 302 and candidate.stage == Stage.COURSE
    response = post_step(client, candidate, "resolution", on="01/03/2025")
    assert "chỉ ghi nhận được sau bước «Làm đơn xin vào Đảng»" in response.content.decode()
    assert Candidate.objects.get(pk=candidate.pk).stage == Stage.COURSE
    assert post_step(client, candidate, "application", on="01/02/2025").status_code == 302
    assert post_step(client, candidate, "resolution", on="20/08/2025").status_code == 302
    response = post_step(client, candidate, "decision", on="01/09/2025")
    assert "phải có đủ số, ngày ban hành" in response.content.decode()
    assert post_step(client, candidate, "decision", on="01/09/2025", **DECISION).status_code == 302
    response = post_step(client, candidate, "admit", effective_on="31/08/2025", **DECISION)
    assert "không thể trước ngày quyết định kết nạp" in response.content.decode()
    response = post_step(client, candidate, "admit", effective_on="15/09/2025")
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.stage == Stage.ADMITTED
    assert str(candidate.admission_event.decision).startswith("20-QĐ/ĐU")
    page = client.get(f"/ket-nap/{candidate.pk}/").content.decode()
    assert "Đã kết nạp" in page and "15/09/2025" in page and 'id="form-admit"' not in page


def test_list_filters_by_stage(client, small_tree, admissions):
    client.force_login(small_tree.users.a_viewer)
    page = client.get("/ket-nap/").content.decode()
    assert "Quần chúng Bốn" in page and "Giới thiệu quần chúng ưu tú" not in page
    page = client.get("/ket-nap/?stage=course").content.decode()
    assert "Quần chúng Bốn" not in page
    page = client.get("/ket-nap/?stage=admitted&q=bon").content.decode()
    assert "Quần chúng Bốn" in page


def test_viewer_cannot_write(client, small_tree, admissions):
    client.force_login(small_tree.users.a_viewer)
    candidate = admissions.q4_candidate
    assert client.get("/ket-nap/them/").status_code == 404
    assert client.get("/ket-nap/chi-tieu/them/").status_code == 404
    assert post_step(client, candidate, "withdraw", on="01/01/2026", reason="x").status_code == 404


def test_targets_pages(client, small_tree, admissions):
    t = small_tree
    client.force_login(t.users.a_editor)
    page = client.get("/ket-nap/chi-tieu/?as_of=31/12/2025").content.decode()
    assert "năm 2025" in page and "nhiệm kỳ 2025-2030" in page and "Bí Mật Bê" not in page
    response = client.post(
        "/ket-nap/chi-tieu/them/",
        {"organization": "A", "kind": "year", "year": "2026", "count": "4", **DECISION},
    )
    assert response.status_code == 302
    target = AdmissionTarget.objects.get(organization=t.a, year=2026)
    assert (target.count, target.decision.number) == (4, "20-QĐ/ĐU")
    response = client.post(f"/ket-nap/chi-tieu/{target.pk}/", {"count": "6", "version": "1"})
    assert response.status_code == 302 and AdmissionTarget.objects.get(pk=target.pk).count == 6
    response = client.post(f"/ket-nap/chi-tieu/{target.pk}/", {"count": "7", "version": "1"})
    assert "người khác sửa" in response.content.decode()
    response = client.post(
        "/ket-nap/chi-tieu/them/",
        {"organization": "A", "kind": "term", "term": "2025", "count": "4"},
    )
    assert "dạng «2025-2030»" in response.content.decode()


def test_progress_page_with_drilldown(client, small_tree, admissions):
    client.force_login(small_tree.users.province_admin)
    page = client.get("/ket-nap/tien-do/?year=2025&as_of=31/12/2025").content.decode()
    assert "Kết nạp 4, đạt 80,00% chỉ tiêu năm 2025 (đến 31/12/2025)" in page
    for name in ("Quần chúng Bốn", "Quần chúng Năm", "Quần chúng Sáu", "Quần chúng Bảy"):
        assert name in page
    assert "Quần chúng Tám" not in page  # voided
    assert "Đảng bộ xã An Cũ" in page  # Q4's organization under its name at the time
    page = client.get("/ket-nap/tien-do/?year=2025&as_then=1&as_of=31/12/2025").content.decode()
    assert "Kết nạp 3, đạt 60,00%" in page
    page = client.get(
        f"/ket-nap/tien-do/?org={small_tree.lp.pk}&year=2024&as_of=31/03/2024"
    ).content.decode()
    assert "Kết nạp 2, đạt 40,00% chỉ tiêu năm 2024 (đến 31/03/2024)" in page
    page = client.get("/ket-nap/tien-do/?term=2025-2030&as_of=31/12/2025").content.decode()
    assert "Kết nạp 3, đạt 15,00% chỉ tiêu nhiệm kỳ 2025-2030" in page


def test_commune_user_sees_own_progress_only(client, small_tree, admissions):
    client.force_login(small_tree.users.a_viewer)
    page = client.get("/ket-nap/tien-do/?year=2025&as_of=31/12/2025").content.decode()
    assert "Kết nạp 2, đạt 66,67% chỉ tiêu năm 2025" in page
    assert "Quần chúng Sáu" not in page


def test_pages_do_not_query_per_row(client, small_tree, admissions, django_assert_max_num_queries):
    client.force_login(small_tree.users.province_admin)
    for url in ("/ket-nap/?as_of=31/12/2025", "/ket-nap/tien-do/?year=2025&as_of=31/12/2025",
                "/ket-nap/chi-tieu/?as_of=31/12/2025"):  # fmt: skip
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200
