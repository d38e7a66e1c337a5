"""Scope-walk hook of the people app: the same person as the members app's hook."""

from tochuc.members.tests.scope_target import snapshot, target

__all__ = ["snapshot", "target"]
