"""Legacy Vietnamese encodings found in old Excel files: TCVN3 (ABC) and VNI-Windows.

Text typed with the 8-bit .VnTime (TCVN3) or VNI-Times (VNI) fonts reaches a Unicode cell as
Latin-1 characters: "NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An" (VNI) for "Nguyễn Văn An".
"""

from __future__ import annotations

import re
import unicodedata

# Each lowercase Vietnamese letter and its TCVN3 byte (as a Latin-1 character); 0xAD is "ư".
_TCVN3_LOWER = dict(
    zip(
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
        "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ",
        strict=True,
    )
)
# TCVN3 has single bytes for these capitals only; the other capitals were typed with the
# lowercase bytes in an all-caps .VnTimeH font.
_TCVN3_UPPER = dict(zip("ĂÂĐÊÔƠƯ", "¡¢§£¤¥¦", strict=True))
_TO_TCVN3 = {**_TCVN3_LOWER, **_TCVN3_UPPER}
_FROM_TCVN3 = {byte: letter for letter, byte in _TO_TCVN3.items()}

# VNI-Windows: a base letter and one or two marks, or a single character (ơ ư đ ỉ ĩ ị ỵ).
_VNI_LOWER = {
    **dict(zip("àáảãạ", ["aø", "aù", "aû", "aõ", "aï"], strict=True)),
    **dict(zip("ăằắẳẵặ", ["aê", "aè", "aé", "aú", "aü", "aë"], strict=True)),
    **dict(zip("âầấẩẫậ", ["aâ", "aà", "aá", "aå", "aã", "aä"], strict=True)),
    **dict(zip("èéẻẽẹ", ["eø", "eù", "eû", "eõ", "eï"], strict=True)),
    **dict(zip("êềếểễệ", ["eâ", "eà", "eá", "eå", "eã", "eä"], strict=True)),
    **dict(zip("ìíỉĩị", ["ì", "í", "æ", "ó", "ò"], strict=True)),
    **dict(zip("òóỏõọ", ["oø", "où", "oû", "oõ", "oï"], strict=True)),
    **dict(zip("ôồốổỗộ", ["oâ", "oà", "oá", "oå", "oã", "oä"], strict=True)),
    **dict(zip("ơờớởỡợ", ["ô", "ôø", "ôù", "ôû", "ôõ", "ôï"], strict=True)),
    **dict(zip("ùúủũụ", ["uø", "uù", "uû", "uõ", "uï"], strict=True)),
    **dict(zip("ưừứửữự", ["ö", "öø", "öù", "öû", "öõ", "öï"], strict=True)),
    **dict(zip("ỳýỷỹỵ", ["yø", "yù", "yû", "yõ", "î"], strict=True)),
    "đ": "ñ",
}
_TO_VNI = {
    **_VNI_LOWER,
    **{letter.upper(): code.upper() for letter, code in _VNI_LOWER.items()},
}
_FROM_VNI = {code: letter for letter, code in _TO_VNI.items() if code != letter}
_VNI_CODES = re.compile("|".join(sorted(map(re.escape, _FROM_VNI), key=len, reverse=True)))

# A run of letters or legacy bytes: whitespace, digits and ASCII punctuation separate words.
_WORD = re.compile(r"[^\s0-9!-/:-@\[-`{-~]+")
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_STOP_TONES = "\u0301\u0323"  # sắc, nặng: the only tones of a syllable ending in c ch k p t
_INITIALS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
)  # fmt: skip
_FINALS = ("", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t")
_NUCLEI = {
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
    "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
    "iêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
}  # fmt: skip
_CLOSED = {"ă", "â", "oă", "uâ", "iê", "yê", "uyê", "uô", "ươ"}  # need a final
_OPEN = {
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
    "ưa", "ưi", "ưu", "iêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyu", "ươi",
    "ươu", "yêu", "y",
}  # fmt: skip  # end in a glide (or are a lone 'y'): no final
_SHAPED = "ăâêôơư"
_FRONT = ("e", "ê", "i", "y")


def tcvn3_to_unicode(text: str) -> str:
    """'NguyÔn V¨n An' → 'Nguyễn Văn An'.

    A word with no lowercase letter and at least two capitals ('§¶NG', typed in an all-caps
    .VnTimeH font) is put in capitals: 'ĐẢNG'.
    """
    return unicodedata.normalize("NFC", _WORD.sub(_tcvn3_word, text))


def _tcvn3_word(match: re.Match) -> str:
    word = match.group()
    converted = "".join(_FROM_TCVN3.get(char, char) for char in word)
    capitals = sum("A" <= char <= "Z" or char in "¡¢£¤¥¦§" for char in word)
    if capitals >= 2 and not any("a" <= char <= "z" for char in word):
        return converted.upper()
    return converted


def unicode_to_tcvn3(text: str) -> str:
    """'Nguyễn Văn An' → 'NguyÔn V¨n An'; capitals TCVN3 lacks take the lowercase byte."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TO_TCVN3.get(char) or _TO_TCVN3.get(char.lower(), char) for char in text)


def vni_to_unicode(text: str) -> str:
    """'Nguyeãn Vaên An' → 'Nguyễn Văn An'."""
    return unicodedata.normalize("NFC", _VNI_CODES.sub(lambda m: _FROM_VNI[m.group()], text))


def unicode_to_vni(text: str) -> str:
    """'Nguyễn Văn An' → 'Nguyeãn Vaên An'."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TO_VNI.get(char, char) for char in text)


def _syllable(word: str) -> bool:
    """Whether a lowercase word is a well-formed Vietnamese syllable: initial, vowel nucleus,
    final, at most one tone, the tone on the vowel that carries it, and the spelling rules
    (gh/ngh/k before e ê i, c/ng not before them, ch/nh after a ê i y, 'â' or 'iê' closed by a
    final, 'ai' or 'ươi' by none, stops with sắc or nặng)."""
    bare, tone, position = [], None, None
    for char in word:
        marks = [m for m in unicodedata.normalize("NFD", char) if m in _TONES]
        if marks:
            if tone is not None or len(marks) > 1:
                return False
            tone, position = marks[0], len(bare)
        stripped = "".join(c for c in unicodedata.normalize("NFD", char) if c not in _TONES)
        bare.append(unicodedata.normalize("NFC", stripped))
    plain = "".join(bare)
    if len(plain) != len(bare):
        return False
    for initial in _INITIALS:
        if not plain.startswith(initial):
            continue
        for final in _FINALS:
            end = len(plain) - len(final)
            nucleus = plain[len(initial) : end]
            if plain.endswith(final) and nucleus in _NUCLEI and _spelled(initial, nucleus, final):
                offset = None if position is None else position - len(initial)
                if offset is None or _tone_fits(nucleus, final, tone, offset):
                    return True
    return False


def _spelled(initial: str, nucleus: str, final: str) -> bool:
    front = nucleus.startswith(_FRONT)
    if initial in ("gh", "ngh", "k") and not front:
        return False
    if initial in ("c", "ng") and front:
        return False
    if initial == "qu" and nucleus.startswith(("o", "u")):
        return False
    if final in ("ch", "nh") and not nucleus.endswith(("a", "ê", "i", "y")):
        return False
    if (nucleus in _CLOSED and not final) or (nucleus in _OPEN and final):
        return False
    return final != "k" or len(nucleus) == 1


def _tone_fits(nucleus: str, final: str, tone: str, offset: int) -> bool:
    """The tone sits on the last shaped vowel (ươ → ơ), else on the vowel the rules give."""
    if final in ("c", "ch", "k", "p", "t") and tone not in _STOP_TONES:
        return False
    shaped = [i for i, char in enumerate(nucleus) if char in _SHAPED]
    if shaped:
        return offset == shaped[-1]
    if len(nucleus) == 1 or final:
        return offset == len(nucleus) - 1
    if len(nucleus) == 3:
        return offset == 1
    return offset == 0 or nucleus in ("oa", "oe", "uy")


def _plausible(text: str) -> bool:
    """Every word is ASCII, or a well-formed Vietnamese syllable in lowercase, capitalized or
    in capitals (TCVN3 shows lowercase letters as Latin-1 capitals: 'TuÊn' for 'Tuấn')."""
    return all(
        word.isascii()
        or (word in (word.lower(), word.upper(), word.capitalize()) and _syllable(word.lower()))
        for word in _WORD.findall(text)
    )


_CONVERTERS = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}


def detect(text: str) -> str | None:
    """'tcvn3', 'vni' or None (Unicode, ASCII, or not sure).

    Heuristic: the text (NFC) holds no letter beyond Latin-1, and some word of it is neither
    ASCII nor a well-formed Vietnamese syllable; exactly one of the two conversions changes
    it into text whose every non-ASCII word is a well-formed syllable (initial, nucleus,
    final, one tone placed by the spelling rules). Unicode Vietnamese with a letter beyond
    Latin-1 (ă đ ơ ư ạ … ỹ, NFC or NFD) is never converted, nor is text that already reads as
    Vietnamese: so a name written in VNI with only Vietnamese-looking Latin-1 letters ("Phan
    Thò Lan" for "Phan Thị Lan") is left as it is.
    """
    text = unicodedata.normalize("NFC", text or "")
    if text.isascii() or any(ord(c) > 0xFF and c.isalpha() for c in text) or _plausible(text):
        return None
    converted = {name: convert(text) for name, convert in _CONVERTERS.items()}
    found = [name for name, new in converted.items() if new != text and _plausible(new)]
    return found[0] if len(found) == 1 else None


def suspect(text: str) -> bool:
    """Text that looks typed in a legacy encoding but that `detect` can't convert with
    confidence: only Latin-1 letters, and some non-ASCII word that is no Vietnamese syllable
    (e.g. "Mïi" or a cell mixing both encodings). The importer reports it instead of
    guessing."""
    text = unicodedata.normalize("NFC", text or "")
    if text.isascii() or any(ord(c) > 0xFF and c.isalpha() for c in text):
        return False
    return not _plausible(text) and detect(text) is None


def convert_as(text: str, encoding: str) -> str | None:
    """`text` read as `encoding` when that changes it into plausible Vietnamese, else None
    (for a column whose other cells were found in that encoding)."""
    text = unicodedata.normalize("NFC", text or "")
    if text.isascii() or any(ord(c) > 0xFF and c.isalpha() for c in text):
        return None
    new = _CONVERTERS[encoding](text)
    return new if new != text and _plausible(new) else None


def to_unicode(text: str) -> tuple[str, str | None]:
    """(the text in NFC, converted when `detect` recognizes an encoding; that encoding)."""
    text = unicodedata.normalize("NFC", text or "")
    encoding = detect(text)
    return (_CONVERTERS[encoding](text) if encoding else text), encoding
