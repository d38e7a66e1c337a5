"""Vietnamese figures and dates: examples from the seed reports, and properties."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tochuc.core.formatting import parse_vn_date, vn_date, vn_int, vn_percent, vn_ratio


def test_report_examples():
    assert vn_ratio(3114, 3129) == "3.114/3.129"
    assert vn_ratio(1043, 1043) == "1.043/1.043"
    assert vn_int(126014) == "126.014"
    assert vn_percent(4673, 4833) == "96,69%"
    assert vn_percent(1, 8) == "12,50%"
    assert vn_percent(1, 0) == "—"
    assert vn_date(dt.date(2025, 12, 4)) == "04/12/2025"


def test_rounding_is_half_up():
    assert vn_percent(1, 800) == "0,13%"  # 0.125 → 0.13, not banker's 0.12
    assert vn_percent(3, 800) == "0,38%"  # 0.375 → 0.38


@given(st.integers(0, 10**7), st.integers(1, 10**7))
def test_percent_equals_decimal_half_up(part, whole):
    exact = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    integer, fraction = vn_percent(part, whole).rstrip("%").split(",")
    assert Decimal(f"{integer.replace('.', '')}.{fraction}") == exact


@given(st.integers(0, 10**12))
def test_thousands_dots_round_trip(n):
    assert int(vn_int(n).replace(".", "")) == n


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_date_round_trip(day):
    assert parse_vn_date(vn_date(day)) == day
    assert parse_vn_date(day.isoformat()) == day


@given(st.text(max_size=20))
def test_parse_never_crashes_and_speaks_vietnamese(text):
    try:
        parse_vn_date(text)
    except ValueError as exc:
        assert "không hợp lệ" in str(exc)


@pytest.mark.parametrize("bad", ["31/02/2025", "2025-13-01", "hôm qua", ""])
def test_bad_dates_are_refused(bad):
    with pytest.raises(ValueError, match="dd/mm/yyyy"):
        parse_vn_date(bad)
