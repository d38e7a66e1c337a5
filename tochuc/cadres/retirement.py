"""Retirement age by the roadmap of Nghị định 135/2020/NĐ-CP (rule "retirement_age").

From 2021 the normal retirement age rises from 60 years 3 months (men) and 55 years 4 months
(women) by 3 months (men) and 4 months (women) a year, until 62 (men, 2028) and 60 (women,
2035). A person retires on the day they reach the age required in that calendar year.
"""

from __future__ import annotations

import datetime as dt

from tochuc.core.rules import rule_in_force
from tochuc.members.replay import add_months


def required_months(sex: str, year: int) -> int:
    """Retirement age, in months, for someone reaching it in `year`."""
    p = rule_in_force("retirement_age", dt.date(max(year, 2021), 1, 1)).parameters[sex]
    base, step, cap = p["base_2020"], p["step"], p["cap"]
    return min(base + step * max(year - 2020, 0), cap)


def retirement_date(*, sex: str, birth: dt.date) -> dt.date:
    """The day a person born on `birth` reaches the retirement age of that year."""
    months = required_months(sex, birth.year + 55) if sex == "female" else 60 * 12
    while True:
        day = add_months(birth, months)
        needed = required_months(sex, day.year)
        if months >= needed:
            return day
        months = needed
