"""Login page, throttling, password hashing and production hardening."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.hashers import identify_hasher

from tests.fixtures import PASSWORD
from tochuc import settings as production_settings

pytestmark = pytest.mark.django_db


def test_login_page_is_vietnamese(client):
    response = client.get("/tai-khoan/dang-nhap/")
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()
    assert "Mật khẩu" in response.content.decode()


def test_login_with_good_password_lands_on_the_dashboard(client, small_tree):
    response = client.post(
        "/tai-khoan/dang-nhap/", {"username": "xa_a_xem", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith("/chi-so/")
    assert "Đảng bộ xã An Mới" in response.content.decode()


def test_wrong_password_message_is_vietnamese(client, small_tree):
    response = client.post("/tai-khoan/dang-nhap/", {"username": "xa_a_xem", "password": "sai"})
    assert "không đúng" in response.content.decode()


def test_login_is_throttled_after_repeated_failures(client, small_tree):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/tai-khoan/dang-nhap/", {"username": "xa_a_xem", "password": "sai"})
    response = client.post("/tai-khoan/dang-nhap/", {"username": "xa_a_xem", "password": PASSWORD})
    assert response.status_code == 429
    assert "tạm khóa" in response.content.decode()


def test_passwords_are_hashed_with_argon2(settings, db):
    from tochuc.accounts.services import user_create
    from tochuc.organizations.models import Organization

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    organization = Organization.objects.create(code="X")
    user = user_create(username="argon", password=PASSWORD, organization=organization)
    assert identify_hasher(user.password).algorithm == "argon2"
    assert "Argon2PasswordHasher" in production_settings.PASSWORD_HASHERS[0]


def test_weak_password_is_refused_in_vietnamese(small_tree):
    from django.core.exceptions import ValidationError

    from tochuc.accounts.services import user_create

    with pytest.raises(ValidationError):
        user_create(username="yeu", password="123", organization=small_tree.a)


def test_production_settings_pass_the_deploy_check():
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TOCHUC_DEBUG", "TOCHUC_TEST", "DJANGO_ALLOW_ASYNC"))
    }
    env["TOCHUC_SECRET_KEY"] = "x" * 20 + "-production-secret-for-the-deploy-check-0123456789"
    env["TOCHUC_ALLOWED_HOSTS"] = "tochuc.example.vn"
    result = subprocess.run(
        [sys.executable, "-m", "tochuc.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
