"""Pages: figures shown the Vietnamese way with drill-downs, forms scoped to the user."""

import pytest

from tochuc.staffing.models import Headcount

pytestmark = pytest.mark.django_db
END = "as_of=2025-12-31"


def test_reduction_page_with_units_target_and_records(client, small_tree, headcounts):
    t = small_tree
    client.force_login(t.users.province_admin)
    html = client.get(f"/bien-che/tinh-gian/?org={t.p.pk}&year=2025&{END}").content.decode()
    assert "Tinh giản 63 biên chế, đạt 23,3% so với biên chế năm 2015" in html
    assert f"/bien-che/tinh-gian/?org={t.a.pk}&year=2025&baseline=2015" in html
    assert "18,7%" in html and "37,5%" in html
    assert "Kết luận 28-KL/TW" in html and "đạt</span>" in html
    records = client.get(
        f"/bien-che/tinh-gian/ban-ghi/?org={t.p.pk}&year=2025&{END}"
    ).content.decode()
    assert records.count('class="year-2015"') == 4 and records.count('class="year-2025"') == 5
    assert "Đảng bộ xã An Trước" in records


def test_reduction_page_by_code_and_baseline(client, small_tree, headcounts):
    client.force_login(small_tree.users.province_admin)
    html = client.get(f"/bien-che/tinh-gian/?ma=P&year=2025&baseline=2020&{END}").content.decode()
    assert "Tinh giản 51 biên chế, đạt 19,8% so với biên chế năm 2020" in html


def test_reduction_page_query_count_is_fixed(
    client, small_tree, headcounts, django_assert_max_num_queries
):
    client.force_login(small_tree.users.province_admin)
    with django_assert_max_num_queries(14):
        client.get(f"/bien-che/tinh-gian/?org={small_tree.p.pk}&year=2025&{END}")


def test_balance_page(client, small_tree, headcounts):
    client.force_login(small_tree.users.province_admin)
    html = client.get(f"/bien-che/doi-du/?org={small_tree.p.pk}&year=2025&{END}").content.decode()
    assert "Dôi dư <strong>3</strong> (1 đơn vị)" in html
    assert "thiếu <strong>6</strong> (2 đơn vị)" in html
    assert "có mặt 162/165 được giao" in html
    assert 'id="missing"' in html


def test_headcount_table_with_totals_and_edit_links(client, small_tree, headcounts):
    t, h = small_tree, headcounts
    client.force_login(t.users.a_editor)
    html = client.get(f"/bien-che/?year=2025&{END}").content.decode()
    assert f"/bien-che/{h.a25.pk}/sua/" in html and "Bí Mật Bê" not in html
    assert (
        'id="headcount-total"><th colspan="3">Tổng cộng</th><th class="text-end">122</th>' in html
    )
    assert "(1 dòng chưa có số)" in html


def test_commune_user_cannot_open_the_province(client, small_tree, headcounts):
    client.force_login(small_tree.users.a_viewer)
    assert client.get(f"/bien-che/tinh-gian/?org={small_tree.p.pk}").status_code == 404
    assert client.get(f"/bien-che/{headcounts.b25.pk}/sua/").status_code == 404


def test_create_and_edit_through_the_forms(client, small_tree):
    client.force_login(small_tree.users.a_editor)
    form = {
        "organization": "A",
        "year": "2026",
        "category": "civil_servants",
        "approved": "70",
        "actual": "",
        "decision_number": "12/QĐ-UBND",
        "decision_signed_on": "20/12/2025",
        "decision_issuer": "UBND thành phố",
    }
    assert client.post("/bien-che/them/", form).status_code == 302
    row = Headcount.objects.get(organization=small_tree.a, year=2026)
    refused = client.post("/bien-che/them/", form).content.decode()
    assert "đã có biên chế cán bộ, công chức năm 2026" in refused
    out_of_scope = client.post("/bien-che/them/", {**form, "organization": "BSECRET"})
    assert "Không có tổ chức mã «BSECRET» trong phạm vi" in out_of_scope.content.decode()
    edit = {**form, "approved": "69", "actual": "72", "version": "1"}
    assert client.post(f"/bien-che/{row.pk}/sua/", edit).status_code == 302
    row.refresh_from_db()
    assert (row.approved, row.actual, row.version) == (69, 72, 2)
    stale = client.post(f"/bien-che/{row.pk}/sua/", edit).content.decode()
    assert "Bản ghi đã được người khác sửa" in stale


def test_viewer_cannot_open_the_forms(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    assert client.get("/bien-che/them/").status_code == 404


def test_edit_page_shows_the_change_log(client, small_tree, headcounts):
    client.force_login(small_tree.users.a_editor)
    html = client.get(f"/bien-che/{headcounts.a25.pk}/sua/").content.decode()
    assert 'value="75"' in html and 'value="25/QĐ-UBND"' in html
