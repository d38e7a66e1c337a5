"""Shared pytest fixtures: two communes with users, for scope tests across the project."""

import pytest

pytest_plugins = ["tests.fixtures", "tests.quarter_data"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that check the production hasher set it back."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def tasks_run_immediately(settings):
    """Background tasks (django-tasks) run at once, in the test's transaction, instead of
    waiting in the database queue for `tochuc db_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
