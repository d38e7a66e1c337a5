"""The organization page shows its members counted on the chosen date."""

import pytest

pytestmark = pytest.mark.django_db


def test_organization_page_counts_members_as_of_the_date(client, small_tree, members):
    client.force_login(small_tree.users.province_admin)
    html = client.get(f"/to-chuc/{small_tree.a.pk}/?as_of=04/12/2025").content.decode()
    assert ">3</a> (chính thức 1, dự bị 2)" in html
    html = client.get(f"/to-chuc/{small_tree.a.pk}/?as_of=19/11/2025").content.decode()
    assert ">4</a> (chính thức 1, dự bị 3)" in html


def test_organization_page_flags_overdue_confirmations(client, small_tree, members):
    client.force_login(small_tree.users.province_admin)
    html = client.get(f"/to-chuc/{small_tree.a.pk}/?as_of=04/12/2025").content.decode()
    assert "1 đảng viên dự bị quá 30 ngày làm việc" in html
