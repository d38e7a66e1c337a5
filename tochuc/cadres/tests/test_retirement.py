"""Retirement dates by Nghị định 135/2020, hand-computed, and a property of the roadmap."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tochuc.cadres.retirement import required_months, retirement_date
from tochuc.members.replay import add_months

D = dt.date


def test_roadmap_examples():
    assert retirement_date(sex="male", birth=D(1961, 1, 15)) == D(2021, 4, 15)  # 60y3m
    assert retirement_date(sex="male", birth=D(1962, 1, 1)) == D(2022, 7, 1)  # 60y6m
    assert retirement_date(sex="male", birth=D(1966, 6, 1)) == D(2028, 6, 1)  # 62y
    assert retirement_date(sex="male", birth=D(1970, 3, 3)) == D(2032, 3, 3)  # 62y cap
    assert retirement_date(sex="female", birth=D(1966, 1, 1)) == D(2021, 5, 1)  # 55y4m
    assert retirement_date(sex="female", birth=D(1975, 5, 10)) == D(2035, 5, 10)  # 60y
    assert required_months("female", 2040) == 720 and required_months("male", 2021) == 723


@given(st.sampled_from(["male", "female"]), st.dates(D(1955, 1, 1), D(2000, 12, 31)))
def test_retirement_is_the_first_day_the_required_age_is_reached(sex, birth):
    day = retirement_date(sex=sex, birth=birth)
    months = (day.year - birth.year) * 12 + day.month - birth.month
    assert add_months(birth, months) == day
    assert months >= required_months(sex, day.year)
    earlier = add_months(birth, months - 1)
    assert months - 1 < required_months(sex, earlier.year)
