"""Working-day deadlines."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tochuc.core.calendar import add_working_days, is_working_day, latest_start_past


@given(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), st.integers(1, 60))
def test_latest_start_past_is_the_exact_boundary(on, working_days):
    start = latest_start_past(on, working_days)
    assert add_working_days(start, working_days) < on
    assert add_working_days(start + dt.timedelta(days=1), working_days) >= on


@given(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), st.integers(-60, 60))
def test_adding_lands_on_a_working_day(day, count):
    result = add_working_days(day, count)
    assert result == day if count == 0 else is_working_day(result)
