"""Pages: the board with drill-downs, the list not yet declared, a member's exchange."""

import pytest

from tochuc.cards.models import CardExchange
from tochuc.cards.tests.conftest import full_member
from tochuc.members.models import EventKind, MembershipEvent

pytestmark = pytest.mark.django_db
LATE = "2025-12-31"


def test_board_shows_rows_percent_and_drill_down_links(client, small_tree, campaign):
    t = small_tree
    client.force_login(t.users.province_admin)
    html = client.get(f"/the-dang/?org={t.p.pk}&as_of={LATE}").content.decode()
    assert "Đảng bộ xã An Mới" in html and "đạt 75,00%" in html and "đạt 60,00%" in html
    assert f"/the-dang/danh-sach/?org={t.a.pk}&figure=done&as_of={LATE}" in html


def test_board_defaults_to_the_users_organization(client, small_tree, campaign):
    client.force_login(small_tree.users.a_viewer)
    html = client.get(f"/the-dang/?as_of={LATE}").content.decode()
    assert "Chi bộ ấp An Một" in html and "Đảng viên sinh hoạt trực tiếp" in html


def test_board_query_count_is_fixed(client, small_tree, campaign, django_assert_max_num_queries):
    client.force_login(small_tree.users.province_admin)
    with django_assert_max_num_queries(14):
        client.get(f"/the-dang/?org={small_tree.p.pk}&as_of={LATE}")


def test_drill_down_lists_the_members_behind_a_figure(client, small_tree, campaign):
    t = small_tree
    client.force_login(t.users.a_viewer)
    html = client.get(f"/the-dang/danh-sach/?org={t.a.pk}&figure=done&as_of={LATE}").content
    html = html.decode()
    assert "Thẻ Một" in html and "Thẻ Ba" in html and "Thẻ Bốn" not in html
    direct = client.get(f"/the-dang/danh-sach/?org={t.a.pk}&figure=eligible&direct=1").content
    assert "Thẻ Ba" in direct.decode() and "Thẻ Một" not in direct.decode()
    assert client.get(f"/the-dang/danh-sach/?org={t.a.pk}&figure=bogus").status_code == 404


def test_not_declared_list(client, small_tree, campaign):
    t = small_tree
    client.force_login(t.users.a_viewer)
    html = client.get(f"/the-dang/chua-ke-khai/?org={t.a.pk}&as_of=2025-10-31").content.decode()
    assert "Thẻ Bảy" in html and "Thẻ Bốn" not in html


def test_commune_a_cannot_open_commune_b(client, small_tree, campaign):
    t = small_tree
    client.force_login(t.users.a_admin)
    assert client.get(f"/the-dang/?org={t.b.pk}").status_code == 404
    assert client.get(f"/the-dang/?org={t.p.pk}").status_code == 404
    assert client.get(f"/the-dang/danh-sach/?org={t.b.pk}&figure=eligible").status_code == 404
    url = f"/the-dang/dang-vien/{campaign.m7.pk}/?as_of={LATE}"  # moved to B on 05/11
    assert client.get(url).status_code == 404


def test_editor_declares_and_records_steps_through_the_page(client, small_tree):
    t = small_tree
    person = full_member("Người Trên Trang", t.a1, card="C-9")
    client.force_login(t.users.a_editor)
    page = f"/the-dang/dang-vien/{person.pk}/"
    assert "declare-form" in client.get(page + "?as_of=2025-09-01").content.decode()
    client.post(page + "ke-khai/", {"declared_on": "01/09/2025"})
    exchange = CardExchange.objects.get(person=person)
    for name, day in (("photographed", 2), ("verified", 3), ("signed", 4), ("sent", 5)):
        form = {"step": name, "on": f"0{day}/09/2025", "version": exchange.version}
        assert client.post(page + "ghi-nhan/", form).status_code == 302
        exchange.refresh_from_db()
    response = client.post(
        page + "ghi-nhan/",
        {"step": "received", "on": "01/10/2025", "card_number": "N-9", "version": exchange.version},
        follow=True,
    )
    assert "Đã ghi nhận «Nhận thẻ mới»" in response.content.decode()
    assert MembershipEvent.objects.filter(person=person, kind=EventKind.CARD_EXCHANGE).exists()
    html = client.get(page + "?as_of=2025-10-01").content.decode()
    assert "N-9" in html and "Lịch sử thay đổi" in html


def test_refusal_is_shown_and_nothing_written(client, small_tree):
    t = small_tree
    person = full_member("Người Bị Từ Chối", t.a1, card="C-8")
    client.force_login(t.users.a_editor)
    page = f"/the-dang/dang-vien/{person.pk}/"
    client.post(page + "ke-khai/", {"declared_on": "01/09/2025"})
    response = client.post(
        page + "ghi-nhan/", {"step": "signed", "on": "02/09/2025", "version": 1}, follow=True
    )
    assert "bước trước, «Đối chiếu căn cước công dân», chưa xong" in response.content.decode()
    assert CardExchange.objects.get(person=person).signed_on is None


def test_viewer_cannot_record(client, small_tree, campaign):
    client.force_login(small_tree.users.a_viewer)
    page = f"/the-dang/dang-vien/{campaign.m4.pk}/"
    assert client.get(page + "?as_of=2025-12-31").status_code == 200
    form = {"step": "photographed", "on": "02/09/2025", "version": 1}
    assert client.post(page + "ghi-nhan/", form).status_code == 404
    assert CardExchange.objects.get(person=campaign.m4).photographed_on is None


def test_drill_down_query_count_is_fixed(
    client, small_tree, campaign, django_assert_max_num_queries
):
    client.force_login(small_tree.users.province_admin)
    with django_assert_max_num_queries(12):
        client.get(f"/the-dang/danh-sach/?org={small_tree.p.pk}&figure=eligible&as_of={LATE}")


def test_figures_are_written_the_vietnamese_way():
    from tochuc.cards.templatetags.card_figures import vn_int_filter

    assert vn_int_filter(126014) == "126.014"


def test_scope_walk_reaches_the_card_pages_of_commune_b(small_tree):
    from tests.test_scope_routes import urls_to_walk

    urls = urls_to_walk(small_tree)
    person = small_tree.card_person.pk
    for expected in ("/the-dang/", f"/the-dang/dang-vien/{person}/", "/api/card-exchanges/"):
        assert expected in urls
    assert f"/the-dang/dang-vien/{person}/ghi-nhan/" in urls
