"""Shared pytest fixtures: two communes with users, for scope tests across the project."""

pytest_plugins = ["tests.fixtures"]
