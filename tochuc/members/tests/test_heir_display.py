"""Pages show where a member belongs on the date: after a merger, the successor."""

import pytest

pytestmark = pytest.mark.django_db


def test_list_and_member_page_show_the_successor(client, small_tree, members):
    client.force_login(small_tree.users.province_admin)
    html = client.get(f"/dang-vien/?org={small_tree.a.pk}&as_of=04/12/2025").content.decode()
    assert 'Đảng bộ xã An Mới <span class="text-muted small">(từ Đảng bộ xã An Cũ)' in html
    page = client.get(f"/dang-vien/{members.p1.pk}/?as_of=04/12/2025").content.decode()
    assert "Đảng bộ xã An Mới" in page
    before = client.get(f"/dang-vien/{members.p1.pk}/?as_of=30/06/2025").content.decode()
    assert "Đảng bộ xã An Cũ" in before and 'small">(từ' not in before


def test_global_search_finds_members_in_scope_only(client, small_tree, members):
    client.force_login(small_tree.users.a_viewer)
    html = client.get("/tim-kiem/?q=nguyen van mot&as_of=04/12/2025").content.decode()
    assert "Nguyễn Văn Một" in html
    html = client.get("/tim-kiem/?q=hoang thi nam&as_of=04/12/2025").content.decode()
    assert "Hoàng Thị Năm" not in html  # P5 belongs to commune B
