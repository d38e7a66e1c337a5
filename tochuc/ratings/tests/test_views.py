"""Pages: hand-computed figures with their drill-downs, entry forms with the rule's refusals,
a person's standing with its flags, the previews, and scope (case: conftest)."""

import re

import pytest

from tochuc.ratings.models import ConfidenceVote, Discipline, OrganizationRating, PersonRating
from tochuc.ratings.tests.conftest import member_of

pytestmark = pytest.mark.django_db
END = "as_of=2025-12-31"


def row(html: str, table: str, attribute: str, value: str) -> list[str]:
    """The cell texts of the row `<tr data-{attribute}="{value}">` of table `#{table}`."""
    section = html.split(f'id="{table}"', 1)[1].split("</table>", 1)[0]
    found = re.search(rf'<tr data-{attribute}="{value}"[^>]*>(.*?)</tr>', section, re.S)
    assert found, (table, value)
    cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", found.group(1), re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


def total(html: str, row_id: str) -> list[str]:
    found = re.search(rf'<tr id="{row_id}">(.*?)</tr>', html, re.S)
    cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", found.group(1), re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


def test_overview_figures_of_commune_a(client, small_tree, case):
    t = small_tree
    client.force_login(t.users.a_viewer)
    html = client.get(f"/danh-gia/?year=2025&{END}").content.decode()
    assert row(html, "person-figures", "category", "excellent")[1:] == ["1", "2"]
    assert row(html, "person-figures", "category", "good")[1:] == ["2", "2"]
    assert row(html, "person-figures", "category", "completed")[1:] == ["3", "3"]
    assert row(html, "person-figures", "category", "not_completed")[1:] == ["1", "1"]
    assert total(html, "person-total")[1:] == ["6", "8"]
    assert row(html, "organization-figures", "category", "excellent")[1:] == ["1"]
    assert total(html, "organization-total")[1:] == ["2"]
    assert row(html, "vote-figures", "consequence", "dismissal")[1:] == ["1", "1"]
    assert row(html, "vote-figures", "consequence", "none")[1:] == ["2", "2"]
    assert row(html, "vote-figures", "consequence", "invalid")[2:] == ["1"]
    assert total(html, "vote-total")[1:] == ["4", "5"]
    assert "<strong>2</strong> người" in html  # P5 and P6 within a discipline period
    assert "Quy định 366-QĐ/TW" in html
    link = f"/danh-gia/ca-nhan/?org={t.a.pk}&year=2025&category=good"
    assert link in html


def test_overview_of_the_province_for_an_administrator(client, small_tree, case):
    client.force_login(small_tree.users.province_admin)
    html = client.get(f"/danh-gia/?year=2025&{END}").content.decode()
    assert row(html, "person-figures", "category", "excellent")[1:] == ["2", "3"]
    assert total(html, "person-total")[1:] == ["7", "9"]
    assert row(html, "vote-figures", "consequence", "dismissal")[1:] == ["2", "2"]


def test_overview_query_count_is_fixed(client, small_tree, case, django_assert_max_num_queries):
    client.force_login(small_tree.users.province_admin)
    with django_assert_max_num_queries(16):  # 2 of them: the persons by child, the children
        client.get(f"/danh-gia/?org={small_tree.p.pk}&year=2025&{END}")


def test_drill_down_lists(client, small_tree, case):
    t = small_tree
    client.force_login(t.users.a_viewer)
    html = client.get(f"/danh-gia/ca-nhan/?year=2025&category=good&{END}").content.decode()
    assert "Cán bộ Hai" in html and "Cán bộ Ba" in html and "Cán bộ Một" not in html
    assert "Bí Mật Bê" not in html
    html = client.get(f"/danh-gia/to-chuc/?year=2024&{END}").content.decode()
    assert "Đảng bộ xã An Cũ" in html and "Hoàn thành xuất sắc nhiệm vụ" in html
    html = client.get(f"/danh-gia/tin-nhiem/?year=2025&consequence=leave_post&{END}")
    html = html.content.decode()
    assert "Cán bộ Hai" in html and "Cán bộ Ba" not in html and "51,85%" in html
    html = client.get(f"/danh-gia/ky-luat/?{END}").content.decode()
    assert "Đảng viên Năm" in html and "Đảng viên Sáu" in html and "01/03/2027" in html
    html = client.get("/danh-gia/ky-luat/?as_of=2025-09-01").content.decode()
    assert "Đảng viên Sáu" in html and "Đảng viên Năm" not in html
    assert client.get("/danh-gia/ca-nhan/?category=bogus").status_code == 404


def test_editor_records_a_rating_and_sees_the_derived_category(client, small_tree, case):
    t = small_tree
    newcomer = member_of("Người Mới Đánh Giá", t.a1)
    client.force_login(t.users.a_editor)
    listing = f"/danh-gia/ca-nhan/?year=2025&{END}"
    assert 'id="rating-form"' in client.get(listing).content.decode()
    form = {
        "person": newcomer.pk,
        "organization": "A1",
        "year": "2025",
        "score": "92,5",
        "exceeded_share": "12",
        "late_share": "0",
        "category": "",
        "next": listing,
    }
    response = client.post("/danh-gia/ca-nhan/them/", form, follow=True)
    html = response.content.decode()
    assert "Đã ghi nhận: Người Mới Đánh Giá, năm 2025 — Hoàn thành tốt nhiệm vụ." in html
    rating = PersonRating.objects.get(person=newcomer)
    assert rating.score == 92.5 and rating.category == "good"


def test_a_category_above_the_score_is_refused_on_the_form(client, small_tree, case):
    t = small_tree
    newcomer = member_of("Người Mới Đánh Giá", t.a1)
    client.force_login(t.users.a_editor)
    form = {
        "person": newcomer.pk,
        "organization": "A1",
        "year": "2025",
        "score": "85",
        "late_share": "0",
        "category": "excellent",
    }
    html = client.post(f"/danh-gia/ca-nhan/them/?{END}", form).content.decode()
    assert "Xếp loại: «Hoàn thành xuất sắc nhiệm vụ» không phù hợp" in html
    assert "Quy định 366-QĐ/TW" in html and "Người Mới Đánh Giá" in html  # still chosen
    assert not PersonRating.objects.filter(person=newcomer).exists()


def test_rating_of_a_person_outside_the_scope_or_by_b_is_refused(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    form = {"person": case.pb.pk, "organization": "BSECRET", "year": "2024", "category": "good"}
    html = client.post(f"/danh-gia/ca-nhan/them/?{END}", form).content.decode()
    assert "không thuộc phạm vi anh/chị được cập nhật" in html
    assert "Không có tổ chức mã «BSECRET» trong phạm vi" in html
    assert PersonRating.objects.filter(person=case.pb).count() == 1


def test_correcting_a_rating_with_a_stale_version_is_refused(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    url = f"/danh-gia/ca-nhan/{case.r3.pk}/sua/?{END}"
    assert "Sửa đánh giá năm 2025" in client.get(url).content.decode()
    form = {"score": "95", "exceeded_share": "40", "late_share": "0", "version": "1"}
    assert client.post(url, form).status_code == 302
    case.r3.refresh_from_db()
    assert case.r3.category == "excellent" and case.r3.version == 2
    html = client.post(url, {**form, "score": "60"}).content.decode()
    assert "Bản ghi đã được người khác sửa" in html


def test_organization_rating_entry(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    form = {"organization": "A1", "year": "2024", "category": "good"}
    response = client.post(f"/danh-gia/to-chuc/them/?{END}", form, follow=True)
    assert "Đã ghi nhận: A1, năm 2024 — Hoàn thành tốt nhiệm vụ." in response.content.decode()
    html = client.post(f"/danh-gia/to-chuc/them/?{END}", form).content.decode()
    assert "đã có kết quả đánh giá năm 2024" in html
    assert OrganizationRating.objects.filter(organization=small_tree.a1, year=2024).count() == 1


def test_vote_entry_shows_consequence_and_quorum(client, small_tree, case):
    t = small_tree
    client.force_login(t.users.a_editor)
    form = {
        "person": case.p1.pk,
        "post": case.post.pk,
        "organization": "A",
        "held_on": "01/12/2025",
        "summoned": "30",
        "present": "27",
        "high": "3",
        "confidence": "6",
        "low": "18",
        "invalid": "0",
    }
    response = client.post(f"/danh-gia/tin-nhiem/them/?{END}", form, follow=True)
    html = response.content.decode()
    assert "Miễn nhiệm chức vụ đang đảm nhiệm" in html and "66,67% số phiếu thu về" in html
    assert "(đủ 2/3 số người được triệu tập)" in html and "Quy định 96-QĐ/TW" in html
    no_quorum = {**form, "present": "19", "high": "1", "low": "12"}
    response = client.post(f"/danh-gia/tin-nhiem/them/?{END}", no_quorum, follow=True)
    assert "Không hợp lệ: dưới 2/3 số người được triệu tập có mặt" in response.content.decode()
    assert ConfidenceVote.objects.filter(person=case.p1).count() == 3


def test_vote_entry_refusal_names_the_field(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    form = {
        "person": case.p5.pk,
        "post": case.post.pk,
        "organization": "A",
        "held_on": "01/12/2025",
        "summoned": "30",
        "present": "27",
        "high": "3",
        "confidence": "6",
        "low": "18",
    }
    html = client.post(f"/danh-gia/tin-nhiem/them/?{END}", form).content.decode()
    assert "Chức danh: Đảng viên Năm không giữ chức danh" in html


def test_discipline_entry_requires_the_decision(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    form = {
        "person": case.p1.pk,
        "organization": "A",
        "form": "reprimand",
        "decided_on": "01/11/2025",
    }
    html = client.post(f"/danh-gia/ky-luat/them/?{END}", form).content.decode()
    assert "Số, ký hiệu quyết định: cần nhập đủ số, ngày, cơ quan." in html
    form |= {
        "decision_number": "15-QĐ/UBKT",
        "decision_signed_on": "01/11/2025",
        "decision_issuer": "Ủy ban Kiểm tra Đảng ủy xã An",
    }
    response = client.post(f"/danh-gia/ky-luat/them/?{END}", form, follow=True)
    html = response.content.decode()
    assert "Đã ghi nhận kỷ luật" in html and "01/11/2027" in html  # 24 months, QĐ 377
    assert Discipline.objects.filter(person=case.p1).count() == 1


def test_person_page_flags_on_two_dates(client, small_tree, case):
    client.force_login(small_tree.users.a_viewer)
    url = f"/danh-gia/nguoi/{case.p5.pk}/"
    html = client.get(url + "?as_of=2025-12-31").content.decode()
    assert "Xem xét, không đưa vào quy hoạch chức vụ cao hơn" in html
    assert "Quy định 262-QĐ/TW" in html and "Kỷ luật cảnh cáo" in html
    assert "01/03/2027" in html and "Hoàn thành nhiệm vụ" in html and "Bị kỷ luật" in html
    assert "flag discipline warning" in html and "flag vote higher_planning_review" in html
    earlier = client.get(url + "?as_of=2025-09-01").content.decode()
    assert "flag discipline" not in earlier and "flag vote higher_planning_review" in earlier
    assert 'id="flags-none"' in client.get(f"/danh-gia/nguoi/{case.p1.pk}/?{END}").content.decode()


def test_person_page_of_commune_b_is_not_found_for_a(client, small_tree, case):
    client.force_login(small_tree.users.a_admin)
    assert client.get(f"/danh-gia/nguoi/{case.pb.pk}/?{END}").status_code == 404
    assert client.get(f"/danh-gia/tin-nhiem/{case.vb.pk}/").status_code == 404
    assert client.get(f"/danh-gia/ca-nhan/{case.rb.pk}/sua/").status_code == 404
    assert client.get(f"/danh-gia/?org={small_tree.b.pk}").status_code == 404


def test_viewer_gets_no_entry_forms(client, small_tree, case):
    client.force_login(small_tree.users.a_viewer)
    assert client.get("/danh-gia/ca-nhan/them/").status_code == 404
    assert client.get("/danh-gia/tin-nhiem/them/").status_code == 404
    assert 'id="rating-form"' not in client.get(f"/danh-gia/ca-nhan/?{END}").content.decode()
    assert client.post(f"/danh-gia/ca-nhan/{case.r3.pk}/sua/", {}).status_code == 404


def test_previews(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    url = "/danh-gia/xem-truoc/xep-loai/"
    html = client.get(
        url, {"year": "2025", "score": "92", "exceeded_share": "10", "late_share": "0"}
    )
    assert "Hoàn thành tốt nhiệm vụ" in html.content.decode()
    html = client.get(url, {"year": "2025", "score": "92"}).content.decode()
    assert "tỷ lệ nhiệm vụ chưa bảo đảm tiến độ" in html
    assert "không chấm điểm" in client.get(url, {"year": "2024"}).content.decode()
    counts = {"summoned": "30", "present": "27", "high": "5", "confidence": "8", "low": "14"}
    vote_url = "/danh-gia/xem-truoc/tin-nhiem/"
    now = client.get(vote_url, {**counts, "held_on": "15/09/2025"}).content.decode()
    assert "Đưa ra khỏi quy hoạch chức vụ cao hơn" in now and "51,85%" in now
    then = client.get(vote_url, {**counts, "held_on": "15/09/2022"}).content.decode()
    assert "Xem xét, không đưa vào quy hoạch chức vụ cao hơn" in then
    assert client.get(vote_url).content.decode().strip() == ""


def test_person_search_stays_in_scope(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    html = client.get(f"/ca-nhan/chon/?q=can bo&{END}").content.decode()
    assert "Cán bộ Một" in html and "Bí Mật Bê" not in html


def test_overview_breaks_persons_down_by_child_with_drill_downs(client, small_tree, case):
    t = small_tree
    client.force_login(t.users.a_viewer)
    html = client.get(f"/danh-gia/?year=2025&{END}").content.decode()
    # A's own ratings: 1, 1, 1, 1 — 4 persons; cell A1's: 1, 1, 2, 0 — 4 persons.
    assert row(html, "child-figures", "organization", str(t.a.pk))[1:] == ["1", "1", "1", "1", "4"]
    assert row(html, "child-figures", "organization", str(t.a1.pk))[1:] == ["1", "1", "2", "0", "4"]
    link = f"/danh-gia/ca-nhan/?org={t.a1.pk}&year=2025&category=completed"
    assert link in html
    assert f"/danh-gia/ca-nhan/?org={t.a.pk}&year=2025&category=good&direct=1" in html
    listed = client.get(f"/danh-gia/ca-nhan/?org={t.a1.pk}&year=2025&category=completed&{END}")
    listed = listed.content.decode()
    assert "Cán bộ Ba" in listed and "Cán bộ Bốn" in listed and "Đảng viên Năm" not in listed
    direct = client.get(f"/danh-gia/ca-nhan/?org={t.a.pk}&year=2025&direct=1&{END}")
    direct = direct.content.decode()
    assert "Đảng viên Sáu" in direct and "Cán bộ Hai" not in direct  # P2: by A1 only
    client.force_login(t.users.province_admin)
    html = client.get(f"/danh-gia/?org={t.p.pk}&year=2025&{END}").content.decode()
    assert row(html, "child-figures", "organization", str(t.a.pk))[1:] == ["1", "2", "3", "1", "6"]
    client.force_login(t.users.a_viewer)
    html = client.get(f"/danh-gia/?org={t.p.pk}&year=2025&{END}")
    assert html.status_code == 404 or "Bí Mật Bê" not in html.content.decode()
