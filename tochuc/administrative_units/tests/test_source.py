"""The province matcher: keys and names in any casing, with or without accents."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unidecode import unidecode

from tochuc.administrative_units.source import compact, package_data, resolve_province, slug

DATA = package_data()
PROVINCES = sorted(DATA.provinces_2025.values(), key=lambda entry: entry.key)


def test_the_package_lists_34_provinces_and_63_before_2025():
    assert len(DATA.provinces_2025) == 34
    assert len(DATA.provinces_legacy) == 63
    assert sorted(DATA.province_map["thanhphocantho"]) == [
        "thanhphocantho",
        "tinhhaugiang",
        "tinhsoctrang",
    ]


@pytest.mark.parametrize(
    "text", ["can_tho", "cantho", "thanhphocantho", "Cần Thơ", "Thành phố Cần Thơ", "TP. Cần Thơ"]
)
def test_can_tho_by_every_name(text):
    assert resolve_province(text).key == "thanhphocantho"


@pytest.mark.parametrize("entry", PROVINCES, ids=lambda entry: entry.slug)
def test_every_province_by_its_slug_key_and_name(entry):
    for text in (entry.slug, entry.key, entry.name, entry.short_name, entry.code):
        assert resolve_province(text) == entry


def test_slug_and_compact():
    assert slug("Bà Rịa - Vũng Tàu") == "ba_ria_vung_tau"
    assert compact("  CẦN-thơ ") == "cantho"


def test_close_matches_are_suggested():
    with pytest.raises(ValueError, match=re.escape("Có phải: Thành phố Cần Thơ («can_tho»)?")):
        resolve_province("can tha")


@st.composite
def spelled(draw, entry):
    """The province's name or short name, each letter in any case, accented or not."""
    name = draw(st.sampled_from([entry.name, entry.short_name]))
    letters = []
    for char in name:
        char = draw(st.sampled_from([char, unidecode(char) or char]))
        letters.append(draw(st.sampled_from([char.lower(), char.upper()])))
    separator = draw(st.sampled_from([" ", "_", "-", ""]))
    return separator.join("".join(letters).split(" "))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_spelling_of_a_real_province_resolves_to_it(data):
    entry = data.draw(st.sampled_from(PROVINCES))
    text = data.draw(spelled(entry))
    assert resolve_province(text) == entry
