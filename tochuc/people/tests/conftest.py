"""The members app's fixtures (persons with hand-written histories) for the people tests."""

from tochuc.members.tests.conftest import decision, members

__all__ = ["decision", "members"]
