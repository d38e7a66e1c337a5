"""TCVN3 and VNI text from old workbooks: the tables both ways, and a conservative detector."""

import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tochuc.demo.names import FAMILY, GIVEN, HOA_FAMILY, KHMER_FAMILY, MIDDLE
from tochuc.interchange.legacy import (
    detect,
    suspect,
    tcvn3_to_unicode,
    to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)

VOWELS = "aăâeêioôơuưy"
TONED = [
    unicodedata.normalize("NFC", v + t) for v in VOWELS for t in "\u0300\u0301\u0309\u0303\u0323"
]
LOWER = "".join(TONED) + "ăâêôơưđ"
LETTERS = LOWER + LOWER.upper()  # the 134 Vietnamese letters beyond ASCII
TCVN3_CAPITALS = "ĂÂĐÊÔƠƯ"

EXAMPLES = [
    ("Nguyễn Văn An", "NguyÔn V¨n An", "Nguyeãn Vaên An"),
    ("Trần Thị Hồng Nhung", "TrÇn ThÞ Hång Nhung", "Traàn Thò Hoàng Nhung"),
    ("Đảng bộ xã Phong Điền", "§¶ng bé x· Phong §iÒn", "Ñaûng boä xaõ Phong Ñieàn"),
    ("Trường Đại học Cần Thơ", "Tr\xadêng §¹i häc CÇn Th¬", "Tröôøng Ñaïi hoïc Caàn Thô"),
    ("ĐẢNG CỘNG SẢN VIỆT NAM", "§¶NG CéNG S¶N VIÖT NAM", "ÑAÛNG COÄNG SAÛN VIEÄT NAM"),
    ("Ô Môn, Ưu tú, Ơn nghĩa", "¤ M«n, ¦u tó, ¥n nghÜa", "OÂ Moân, Öu tuù, Ôn nghóa"),
]


def test_the_134_letters():
    assert len(set(LETTERS)) == 134


@pytest.mark.parametrize(("text", "tcvn3", "vni"), EXAMPLES)
def test_examples_both_ways(text, tcvn3, vni):
    assert unicode_to_tcvn3(text) == tcvn3
    assert tcvn3_to_unicode(tcvn3) == text
    assert unicode_to_vni(text) == vni
    assert vni_to_unicode(vni) == text
    assert to_unicode(tcvn3) == (text, "tcvn3")
    assert to_unicode(vni) == (text, "vni")
    assert to_unicode(text) == (text, None)


def test_capitals_tcvn3_lacks_take_the_lowercase_byte():
    """TCVN3 has no byte for 'Ễ': an all-caps .VnTimeH font drew the lowercase one."""
    assert unicode_to_tcvn3("NGUYỄN") == "NGUYÔN"
    assert tcvn3_to_unicode("NGUYÔN") == "NGUYỄN"
    assert tcvn3_to_unicode("Lª") == "Lê"  # a single capital: a name, not all caps


def test_output_is_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn An")
    assert unicode_to_vni(nfd) == "Nguyeãn Vaên An"
    assert to_unicode(nfd) == ("Nguyễn Văn An", None)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "CT-01",
        "nguyen.van.an@cantho.gov.vn",
        "0912 345 678",
        "Party Committee of Can Tho",
        "Hà Nội",
        "Hoàng Thị Bé",
        "Ô Môn",
        "Bà Rịa - Vũng Tàu",
        unicodedata.normalize("NFD", "Trần Thị Hồng Nhung"),
        "François Müller",
        "© 2025 – «Báo cáo»",
        "37°C",
    ],
)
def test_detect_leaves_unicode_ascii_and_foreign_text_alone(text):
    assert detect(text) is None


def test_text_that_reads_as_vietnamese_either_way_is_left_alone():
    """'Phan Thò Lan' is 'Phan Thị Lan' in VNI, but also well-formed Unicode: not converted."""
    assert unicode_to_vni("Phan Thị Lan") == "Phan Thò Lan"
    assert detect("Phan Thò Lan") is None


representable = st.text(
    alphabet=st.sampled_from(sorted({*LETTERS, *string.ascii_letters, " "})), max_size=40
)
tcvn3_words = st.lists(
    st.builds(
        str.__add__,
        st.sampled_from(["", *string.ascii_uppercase, *TCVN3_CAPITALS]),
        st.text(alphabet=LOWER + string.ascii_lowercase, max_size=8),
    ),
    max_size=6,
).map(" ".join)


@given(tcvn3_words)
def test_tcvn3_round_trip(text):
    """Words as people write them (a capital, if any, first), from what TCVN3 can hold."""
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == text


@given(representable)
def test_vni_round_trip(text):
    assert vni_to_unicode(unicode_to_vni(text)) == text


WORDS = [
    "Nguyễn", "nghĩa", "người", "quốc", "giữa", "khuya", "Huỳnh", "thuở", "khuỷu", "ngoài",
    "được", "Cần", "Thơ", "Đắk", "Lắk", "Hòa", "Hoà", "thuý", "Thúy", "kỳ", "ghế", "gì", "Bé",
]  # fmt: skip
INITIALS = ["", "b", "ch", "đ", "g", "h", "kh", "l", "m", "n", "nh", "ph", "th", "tr"]
RHYMES = [
    "à", "án", "ảnh", "ăn", "ắt", "ầu", "ấy", "ẹo", "ền", "ếch", "ì", "ình", "ít", "ò", "óc",
    "ỗi", "ông", "ơi", "ờn", "ợp", "ủa", "ùng", "ửa", "ười", "ương", "ướt", "ừu", "uyến", "oàn",
    "oái", "uể", "ỵ", "a", "an", "ơn", "ư", "ung", "uân",
]  # fmt: skip


def syllable(initial: str, rhyme: str, capital: bool) -> str:
    return (initial + rhyme).capitalize() if capital else initial + rhyme


syllables = st.one_of(
    st.sampled_from(WORDS),
    st.builds(syllable, st.sampled_from(INITIALS), st.sampled_from(RHYMES), st.booleans()),
)
unicode_text = st.lists(
    st.one_of(syllables, st.from_regex(r"[A-Za-z0-9@.\-]{1,10}", fullmatch=True)), max_size=8
).map(" ".join)


@given(unicode_text)
def test_detect_leaves_vietnamese_text_alone(text):
    assert detect(text) is None
    assert detect(unicodedata.normalize("NFD", text)) is None
    assert not suspect(text)


def names(family):
    return st.builds(
        lambda f, m, g: f"{f} {m} {g}",
        st.sampled_from(family),
        st.sampled_from([m for parts in MIDDLE.values() for m, _ in parts]),
        st.sampled_from([g for parts in GIVEN.values() for g, _ in parts]),
    )


FAMILIES = sorted({name for name, _ in FAMILY + KHMER_FAMILY + HOA_FAMILY})


def recognized(name: str) -> bool:
    return detect(unicode_to_tcvn3(name)) == "tcvn3" and detect(unicode_to_vni(name)) == "vni"


MARKED_FAMILIES = [name for name in FAMILIES if recognized(name)]


def test_family_names_that_read_as_unicode_in_a_legacy_encoding():
    """'Lý' is 'Lý' in TCVN3, 'Hồ' is 'Hoà' and 'Sơn' 'Sôn' in VNI: well-formed Unicode."""
    assert set(FAMILIES) - set(MARKED_FAMILIES) == {"Danh", "Hồ", "Kim", "Lý", "Phan", "Sơn"}


@given(names(MARKED_FAMILIES))
def test_detect_finds_the_encoding_of_realistic_names(name):
    """A family name it recognizes carries the whole name, whatever the other parts."""
    assert detect(unicode_to_tcvn3(name)) == "tcvn3"
    assert detect(unicode_to_vni(name)) == "vni"
    assert detect(unicode_to_tcvn3(name.upper())) == "tcvn3"
    assert detect(unicode_to_vni(name.upper())) == "vni"


@given(names(FAMILIES))
def test_detect_never_mistakes_one_encoding_for_the_other(name):
    assert detect(unicode_to_tcvn3(name)) in ("tcvn3", None)
    assert detect(unicode_to_vni(name)) in ("vni", None)
