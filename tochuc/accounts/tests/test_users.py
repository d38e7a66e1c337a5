"""Department administrators manage the users of their own subtree only."""

import pytest

from tests.fixtures import PASSWORD
from tochuc.accounts.models import Role, User

pytestmark = pytest.mark.django_db


def test_province_admin_lists_users_of_all_communes(client, small_tree):
    client.force_login(small_tree.users.province_admin)
    html = client.get("/tai-khoan/nguoi-dung/").content.decode()
    assert "xa_a_xem" in html and "xa_b_sua" in html


def test_commune_admin_lists_only_own_commune(client, small_tree):
    client.force_login(small_tree.users.a_admin)
    html = client.get("/tai-khoan/nguoi-dung/").content.decode()
    assert "xa_a_xem" in html and "xa_b_sua" not in html and ">tinh<" not in html


def test_editor_manages_nobody(client, small_tree):
    client.force_login(small_tree.users.a_editor)
    assert "xa_a_xem" not in client.get("/tai-khoan/nguoi-dung/").content.decode()
    assert client.get("/tai-khoan/nguoi-dung/them/").status_code == 403
    assert client.get(f"/tai-khoan/nguoi-dung/{small_tree.users.a_viewer.pk}/").status_code == 404


def test_admin_creates_a_user_inside_scope(client, small_tree):
    client.force_login(small_tree.users.a_admin)
    response = client.post(
        "/tai-khoan/nguoi-dung/them/",
        {
            "username": "moi",
            "full_name": "Nguyễn Văn Mới",
            "organization": "A1",
            "role": Role.VIEWER,
            "password": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="moi")
    assert user.organization == small_tree.a1 and user.last_name == "Mới"


def test_admin_cannot_create_a_user_outside_scope(client, small_tree):
    client.force_login(small_tree.users.a_admin)
    response = client.post(
        "/tai-khoan/nguoi-dung/them/",
        {
            "username": "lac",
            "full_name": "Người Lạ",
            "organization": "BSECRET",
            "role": Role.ADMINISTRATOR,
            "password": PASSWORD,
        },
    )
    assert "trong phạm vi anh/chị quản lý" in response.content.decode()
    assert not User.objects.filter(username="lac").exists()


def test_weak_password_is_explained(client, small_tree):
    client.force_login(small_tree.users.a_admin)
    response = client.post(
        "/tai-khoan/nguoi-dung/them/",
        {
            "username": "yeu",
            "full_name": "Mật Khẩu Yếu",
            "organization": "A",
            "role": Role.VIEWER,
            "password": "12345",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="yeu").exists()
    assert "quá ngắn" in response.content.decode()


def test_admin_locks_a_user_and_the_change_is_logged(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_admin)
    url = f"/tai-khoan/nguoi-dung/{t.users.a_viewer.pk}/"
    response = client.post(url, {"organization": "A", "role": Role.VIEWER, "is_active": ""})
    assert response.status_code == 302
    t.users.a_viewer.refresh_from_db()
    assert not t.users.a_viewer.is_active
    html = client.get(url).content.decode()
    assert "xa_a_quantri" in html and "Lịch sử thay đổi" in html


def test_admin_cannot_lock_themselves(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_admin)
    response = client.post(
        f"/tai-khoan/nguoi-dung/{t.users.a_admin.pk}/",
        {"organization": "A", "role": Role.ADMINISTRATOR, "is_active": ""},
    )
    assert "Không thể tự khóa" in response.content.decode()


def test_create_user_command(small_tree, monkeypatch):
    from django.core.management import CommandError, call_command

    monkeypatch.setenv("TOCHUC_NEW_PASSWORD", PASSWORD)
    call_command("create_user", "bt_tinh", organization="P", role="administrator", verbosity=0)
    assert User.objects.get(username="bt_tinh").organization == small_tree.p
    with pytest.raises(CommandError, match="Không có tổ chức"):
        call_command("create_user", "x", organization="KHONGCO")
    monkeypatch.setenv("TOCHUC_NEW_PASSWORD", "ngan")
    with pytest.raises(CommandError, match="quá ngắn"):
        call_command("create_user", "y", organization="P")
    assert not User.objects.filter(username__in=["x", "y"]).exists()
