"""Pages: classes scoped to the user, the forms, a person's training, figures with drill-downs."""

import datetime as dt

import pytest

from tochuc.training.models import Enrollment, Qualification, Result
from tochuc.training.tests.conftest import member

pytestmark = pytest.mark.django_db
D = dt.date
YEAR = "start=01/01/2025&end=31/12/2025"


def test_figures_page_with_drill_down_links(client, small_tree, training):
    t = small_tree
    client.force_login(t.users.province_admin)
    html = client.get(f"/dao-tao/so-lieu/?org={t.p.pk}&{YEAR}").content.decode()
    assert "Cử 3 cán bộ đi đào tạo cao cấp, trung cấp lý luận chính trị; 4 lượt bồi dưỡng" in html
    link = f"/dao-tao/so-lieu/nguoi/?org={t.p.pk}&start=01/01/2025&end=31/12/2025"
    assert f"{link}&group=political_theory" in html
    people = client.get(f"{link}&group=political_theory").content.decode()
    assert "Tổng số: <strong>3</strong> người." in people and "Học Viên Một" in people
    records = client.get(
        f"/dao-tao/so-lieu/luot/?org={t.p.pk}&{YEAR}&kind=professional"
    ).content.decode()
    assert "Tổng số: <strong>2</strong> lượt." in records and "Nghiệp vụ tháng 11" in records
    assert client.get(f"/dao-tao/so-lieu/luot/?org={t.p.pk}&group=bogus").status_code == 404


def test_commune_user_figures_default_to_the_commune(client, small_tree, training):
    client.force_login(small_tree.users.a_viewer)
    html = client.get(f"/dao-tao/so-lieu/?{YEAR}").content.decode()
    assert "Cử 2 cán bộ đi đào tạo cao cấp, trung cấp lý luận chính trị; 3 lượt bồi dưỡng" in html
    assert "Bí Mật Bê" not in html
    people = client.get(f"/dao-tao/so-lieu/nguoi/?{YEAR}&group=refresher").content.decode()
    assert "Học Viên Hai" in people and "Bí Mật Bê" not in people
    assert client.get(f"/dao-tao/so-lieu/?ma=BSECRET&{YEAR}").status_code == 404


def test_figures_page_query_count_is_fixed(
    client, small_tree, training, django_assert_max_num_queries
):
    client.force_login(small_tree.users.province_admin)
    with django_assert_max_num_queries(10):
        client.get(f"/dao-tao/so-lieu/?org={small_tree.p.pk}&{YEAR}")


def test_class_list_and_page_show_only_the_users_learners(client, small_tree, training):
    client.force_login(small_tree.users.a_viewer)
    html = client.get("/dao-tao/").content.decode()
    for name in ("Cao cấp LLCT K25", "Trung cấp LLCT K25", "Cán bộ nguồn 2025"):
        assert name in html
    assert "Bí Mật Bê" not in html
    page = client.get(f"/dao-tao/lop/{training.c2.pk}/").content.decode()
    assert "Học Viên Một" in page and "Bí Mật Bê" not in page
    assert "Học viên trong phạm vi anh/chị: <strong>1</strong>" in page
    assert "result-form" not in page  # a viewer sees results, not forms


def test_editor_sends_a_person_and_records_the_result(client, small_tree, training):
    t = small_tree
    newcomer = member("Người Mới", t.a, D(2025, 7, 20))
    client.force_login(t.users.a_editor)
    url = f"/dao-tao/lop/{training.c3.pk}/cu-hoc-vien/"
    form = {"person": newcomer.pk, "sent_by": "A", "enrolled_on": "20/09/2025"}
    assert client.post(url, form).status_code == 302
    enrollment = Enrollment.objects.get(person=newcomer)
    refused = client.post(url, form).content.decode()
    assert "đã có trong danh sách lớp" in refused
    foreign = client.post(url, {**form, "person": training.t3.pk}).content.decode()
    assert "Người được chọn không thuộc phạm vi anh/chị quản lý" in foreign
    prefix = f"r{enrollment.pk}"
    result = {
        f"{prefix}-result": "completed",
        f"{prefix}-completed_on": "10/10/2025",
        f"{prefix}-grade": "Khá",
        f"{prefix}-version": 1,
    }
    response = client.post(f"/dao-tao/hoc-vien/{enrollment.pk}/ket-qua/", result, follow=True)
    assert "Đã ghi kết quả của Người Mới" in response.content.decode()
    enrollment.refresh_from_db()
    assert (enrollment.result, enrollment.grade) == (Result.COMPLETED, "Khá")


def test_editor_opens_a_class_and_is_refused_outside_scope(client, small_tree, courses):
    client.force_login(small_tree.users.a_editor)
    form = {
        "course": courses.source.pk,
        "name": "Lớp nguồn 2026",
        "organizer": "A",
        "opens_on": "05/01/2026",
        "closes_on": "15/01/2026",
        "mode": "full_time",
    }
    response = client.post("/dao-tao/lop/them/", form)
    assert response.status_code == 302
    outside = client.post("/dao-tao/lop/them/", {**form, "organizer": "BSECRET"})
    assert "Không có tổ chức mã «BSECRET» trong phạm vi" in outside.content.decode()


def test_person_page_and_qualification_form(client, small_tree, training):
    client.force_login(small_tree.users.a_editor)
    url = f"/dao-tao/ca-nhan/{training.t1.pk}/"
    html = client.get(url).content.decode()
    assert "Cao cấp LLCT K25" in html and "Cán bộ nguồn 2025" in html
    assert "Lý luận chính trị: <strong>Trung cấp</strong>" in html
    form = {
        "kind": "political_theory",
        "level_choice": "political_theory:bachelor",
        "obtained_on": "01/06/2024",
        "institution": "Học viện",
    }
    assert client.post(url + "van-bang/", form).status_code == 302
    assert "Lý luận chính trị: <strong>Cử nhân</strong>" in client.get(url).content.decode()
    mismatch = client.post(url + "van-bang/", {**form, "kind": "professional"}).content.decode()
    assert "Hãy chọn một trình độ thuộc nhóm «Chuyên môn, nghiệp vụ»" in mismatch
    assert Qualification.objects.filter(person=training.t1).count() == 1
    assert client.get(f"/dao-tao/ca-nhan/{training.t3.pk}/").status_code == 404


def test_courses_page(client, small_tree, courses):
    client.force_login(small_tree.users.a_viewer)
    html = client.get("/dao-tao/chuong-trinh/").content.decode()
    assert "Cao cấp lý luận chính trị hệ không tập trung" in html
    assert client.get("/dao-tao/chuong-trinh/them/").status_code == 404


def test_editor_corrects_a_class_of_the_commune(client, small_tree, training):
    client.force_login(small_tree.users.a_editor)
    url = f"/dao-tao/lop/{training.c3.pk}/sua/"
    assert 'value="01/10/2025"' in client.get(url).content.decode()
    form = {
        "name": "Cán bộ nguồn khóa I",
        "opens_on": "01/10/2025",
        "closes_on": "20/09/2025",
        "mode": "full_time",
        "version": 1,
    }
    refused = client.post(url, form).content.decode()
    assert "Ngày bế giảng: 20/09/2025 trước ngày khai giảng 01/10/2025." in refused
    assert client.post(url, {**form, "closes_on": "12/10/2025"}).status_code == 302
    assert client.get(f"/dao-tao/lop/{training.c2.pk}/sua/").status_code == 404  # P's class


def test_editor_adds_a_course(client, small_tree):
    client.force_login(small_tree.users.a_editor)
    assert client.get("/dao-tao/chuong-trinh/them/").status_code == 200
    form = {"name": "Bồi dưỡng kỹ năng số", "kind": "other_refresher", "organization": "A1"}
    response = client.post("/dao-tao/chuong-trinh/them/", form, follow=True)
    assert "Đã thêm chương trình «Bồi dưỡng kỹ năng số»." in response.content.decode()
