"""Vietnamese text normalization for search and matching."""

import unicodedata

from unidecode import unidecode


def fold(text: str) -> str:
    """Accent- and case-insensitive form: 'Phường Cái Khế' → 'phuong cai khe'; 'Đ' → 'd'."""
    return " ".join(unidecode(unicodedata.normalize("NFC", text or "")).lower().split())


def search_key(text: str) -> str:
    """The folded text with a leading space, so that ' word' matches the start of a word."""
    return " " + fold(text)
