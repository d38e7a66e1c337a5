"""Cells → typed values, or a Vietnamese reason (`CellError`) and nothing else."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils.datetime import to_excel

from tochuc.core.formatting import vn_date
from tochuc.interchange.cells import (
    CellError,
    clean_text,
    clean_text_noted,
    parse_bool,
    parse_choice,
    parse_code,
    parse_date,
    parse_int,
)

SEX = [("male", "Nam"), ("female", "Nữ")]
ETHNICITIES = [(f"e{i}", name) for i, name in enumerate(
    ["Kinh", "Khmer", "Hoa", "Chăm", "Tày", "Thái", "Mường", "Nùng", "Mông", "Dao", "Gia Rai",
     "Ê Đê", "Ba Na", "Xơ Đăng"]
)]  # fmt: skip
anything = st.one_of(
    st.none(),
    st.text(),
    st.integers(),
    st.floats(),
    st.datetimes(),
    st.dates(),
    st.booleans(),
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        (42, "42"),
        (912345678.0, "912345678"),
        (1.5, "1.5"),
        (dt.date(1990, 9, 5), "05/09/1990"),
        (dt.datetime(1990, 9, 5, 0, 0), "05/09/1990"),
        ("  Nguyễn\u00a0 Văn\tAn\n ", "Nguyễn Văn An"),
        ("Ngu\u200byễn\ufeff Văn An", "Nguyễn Văn An"),
        (unicodedata.normalize("NFD", "Trần Thị Hồng"), "Trần Thị Hồng"),
        ("NguyÔn V¨n An", "Nguyễn Văn An"),
        ("CT-01", "CT-01"),
    ],
)
def test_clean_text(value, expected):
    assert clean_text(value) == expected


def test_clean_text_notes_a_converted_encoding():
    assert clean_text_noted("Nguyeãn Vaên An") == ("Nguyễn Văn An", "đã chuyển từ mã VNI")
    assert clean_text_noted(" §¶ng bé ") == ("Đảng bộ", "đã chuyển từ mã TCVN3")
    assert clean_text_noted("Đảng bộ") == ("Đảng bộ", None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("  ", None),
        (dt.datetime(1990, 9, 5, 13, 30), dt.date(1990, 9, 5)),
        (dt.date(2025, 7, 1), dt.date(2025, 7, 1)),
        (1, dt.date(1900, 1, 1)),
        (59, dt.date(1900, 2, 28)),
        (61, dt.date(1900, 3, 1)),
        (45839, dt.date(2025, 7, 1)),
        (45839.75, dt.date(2025, 7, 1)),
        (2958465, dt.date(9999, 12, 31)),
        ("05/09/1990", dt.date(1990, 9, 5)),
        ("5/9/1990", dt.date(1990, 9, 5)),
        ("05-09-1990", dt.date(1990, 9, 5)),
        ("05.09.1990", dt.date(1990, 9, 5)),
        ("1990-09-05", dt.date(1990, 9, 5)),
        ("1990-09-05 00:00:00", dt.date(1990, 9, 5)),
        ("05/09/1990 00:00:00", dt.date(1990, 9, 5)),
        ("31/12/9999", dt.date(9999, 12, 31)),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (
            "31/02/2020",
            "Ngày «31/02/2020» không hợp lệ: ghi theo dạng dd/mm/yyyy (ví dụ 05/09/1990).",
        ),
        (
            "05/09/90",
            "Ngày «05/09/90» không hợp lệ: năm phải ghi đủ 4 chữ số, ghi theo dạng dd/mm/yyyy "
            "(ví dụ 05/09/1990).",
        ),
        (
            "01/01/1899",
            "Ngày «01/01/1899» không hợp lệ: năm phải từ 1900 đến 2100, ghi theo dạng dd/mm/yyyy "
            "(ví dụ 05/09/1990).",
        ),
        ("01/01/9999", None),
        (dt.date(2101, 1, 1), None),
        ("05/09-1990", None),
        ("09/13/1990", None),
        ("hôm qua", None),
        (0, None),
        (60, None),
        (-3, None),
        (2958466, None),
        (float("nan"), None),
        (True, None),
    ],
)
def test_parse_date_refuses(value, reason):
    with pytest.raises(CellError) as refused:
        parse_date(value)
    if reason:
        assert str(refused.value) == reason
    assert "dd/mm/yyyy" in str(refused.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        (7, 7),
        (7.0, 7),
        ("1234", 1234),
        ("1.234", 1234),
        ("1 234 567", 1234567),
        ("-12", -12),
    ],
)
def test_parse_int(value, expected):
    assert parse_int(value) == expected


@pytest.mark.parametrize(
    ("value", "kwargs", "reason"),
    [
        ("abc", {}, "Giá trị «abc» không phải là số nguyên: ghi chữ số, ví dụ 1234 hoặc 1.234."),
        (1.5, {}, "Giá trị «1.5» không phải là số nguyên."),
        ("1,5", {}, None),
        ("12.34", {}, None),
        (True, {}, None),
        (-1, {"minimum": 0}, "Giá trị «-1» không hợp lệ: phải từ 0 trở lên."),
        (
            "2.000",
            {"minimum": 1, "maximum": 1000},
            "Giá trị «2.000» không hợp lệ: phải từ 1 đến 1.000.",
        ),
        (11, {"maximum": 10}, "Giá trị «11» không hợp lệ: phải không quá 10."),
    ],
)
def test_parse_int_refuses(value, kwargs, reason):
    with pytest.raises(CellError) as refused:
        parse_int(value, **kwargs)
    if reason:
        assert str(refused.value) == reason


@pytest.mark.parametrize(
    "value", ["x", "X", "có", "Có", "co", 1, "1", "true", "TRUE", "đúng", "yes", "✓", True]
)
def test_parse_bool_true(value):
    assert parse_bool(value) is True


@pytest.mark.parametrize(
    "value", [None, "", "  ", "không", "Không", "khong", 0, "0", "false", "sai", "no", False]
)
def test_parse_bool_false(value):
    assert parse_bool(value) is False


@pytest.mark.parametrize("value", ["có lẽ", "2", 2, "★", dt.date(2025, 1, 1)])
def test_parse_bool_refuses(value):
    with pytest.raises(CellError, match='ghi "x" hoặc "có" nếu đúng, để trống nếu không'):
        parse_bool(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("Nữ", "female"),
        ("nu", "female"),
        (" NỮ ", "female"),
        (unicodedata.normalize("NFD", "Nữ"), "female"),
        ("male", "male"),
        ("N a m", "male"),
    ],
)
def test_parse_choice(value, expected):
    assert parse_choice(value, SEX) == expected


def test_parse_choice_aliases():
    assert parse_choice("Gái", SEX, aliases={"gai": "female", "Trai": "male"}) == "female"
    assert parse_choice("trai", SEX, aliases={"gai": "female", "Trai": "male"}) == "male"


def test_parse_choice_refuses_and_lists_the_labels():
    with pytest.raises(CellError) as refused:
        parse_choice("abc", SEX)
    assert str(refused.value) == ("Giá trị «abc» không có trong danh mục; chọn một trong: Nam, Nữ.")
    with pytest.raises(CellError) as refused:
        parse_choice("Kinh Khmer", iter(ETHNICITIES))
    assert str(refused.value) == (
        "Giá trị «Kinh Khmer» không có trong danh mục; chọn một trong: Kinh, Khmer, Hoa, Chăm, "
        "Tày, Thái, Mường, Nùng, Mông, Dao, Gia Rai, Ê Đê, … (xem danh mục trong sheet Hướng "
        "dẫn)."
    )
    assert parse_choice("xo dang", ETHNICITIES) == "e13"


def test_parse_code():
    assert parse_code(None) == ""
    assert parse_code("  ct-01  a ") == "ct-01 a"
    assert parse_code(1001.0) == "1001"
    assert parse_code("A" * 64) == "A" * 64
    with pytest.raises(CellError, match="tối đa 64 ký tự"):
        parse_code("A" * 65)


@given(anything)
def test_parsers_refuse_only_with_cell_error(value):
    for parse in (
        parse_date,
        parse_int,
        parse_bool,
        parse_code,
        lambda v: parse_choice(v, SEX),
        lambda v: parse_int(v, minimum=0, maximum=100),
    ):
        try:
            parse(value)
        except CellError as error:
            assert str(error)
    assert isinstance(clean_text(value), str)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_round_trip_through_text(day):
    assert parse_date(vn_date(day)) == day
    assert parse_date(day.isoformat()) == day


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_round_trip_through_excel_serials(day):
    assert parse_date(to_excel(day)) == day


@given(st.text())
def test_clean_text_is_idempotent_and_ignores_the_normal_form(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert clean_text(unicodedata.normalize("NFD", text)) == clean_text(
        unicodedata.normalize("NFC", text)
    )


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_parse_int_reads_vietnamese_thousands(number):
    assert parse_int(f"{number:,}".replace(",", ".")) == number
    assert parse_int(f"{number:,}".replace(",", " ")) == number
