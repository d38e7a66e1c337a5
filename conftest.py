"""Shared pytest fixtures: two communes with users, for scope tests across the project."""

import pytest

pytest_plugins = ["tests.fixtures", "tests.quarter_data"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that check the production hasher set it back."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
