"""Overdue confirmations, hand-computed with working days."""

import datetime as dt

import pytest

from tochuc.core.calendar import add_working_days
from tochuc.members.alerts import confirmation_overdue

D = dt.date
pytestmark = pytest.mark.django_db


def test_working_days_skip_weekends():
    assert add_working_days(D(2025, 12, 5), 1) == D(2025, 12, 8)  # Friday → Monday
    assert add_working_days(D(2025, 12, 8), -1) == D(2025, 12, 5)
    assert add_working_days(D(2025, 6, 2), 30) == D(2025, 7, 14)


def test_confirmation_overdue_after_30_working_days(small_tree, members):
    # P2: admitted 01/06/2024, probation ended 01/06/2025 (a Sunday), never confirmed.
    # 30 working days after 01/06/2025 is Friday 11/07/2025: overdue from 12/07/2025.
    def overdue(on):
        return {s.person_id for s in confirmation_overdue(on=on, root=small_tree.p)}

    assert add_working_days(D(2025, 6, 1), 30) == D(2025, 7, 11)
    assert members.p2.pk not in overdue(D(2025, 7, 11))
    assert members.p2.pk in overdue(D(2025, 7, 12))
    assert members.p3.pk not in overdue(D(2025, 12, 4))  # still within probation
