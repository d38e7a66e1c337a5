"""Reading the `vietnamadminunits` package: its SQLite dataset and its 2025 converter map.

The package is the single source of the unit lists (63 provinces before 1 July 2025, 34
after) and of the old → new mapping. Only its files are read here; its address converter is
never called (it geocodes over the network).
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import vietnamadminunits
from unidecode import unidecode

from tochuc.core.text import fold

DATA_DIR = Path(vietnamadminunits.__file__).parent / "data"
DATASET = DATA_DIR / "dataset.db"
CONVERTER = DATA_DIR / "converter_2025.json"

_PROVINCE_PREFIXES = ("thanhpho", "tinh", "tp")


def compact(text: str) -> str:
    """Accent-, case- and separator-free form: 'Cần Thơ', 'can_tho', 'CAN-THO' → 'cantho'."""
    return re.sub(r"[^a-z0-9]", "", unidecode(fold(text)))


def slug(short_name: str) -> str:
    """The key a person types for a province: 'Cần Thơ' → 'can_tho'."""
    return re.sub(r"[^a-z0-9]+", "_", fold(short_name)).strip("_")


def province_type(name: str) -> str:
    """'Thành phố Cần Thơ' → 'Thành phố'; 'Tỉnh Hậu Giang' → 'Tỉnh'."""
    return "Thành phố" if name.startswith("Thành phố") else "Tỉnh"


def _rows(sql: str) -> list[dict]:
    with sqlite3.connect(f"{DATASET.as_uri()}?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(sql)]


@dataclass(frozen=True)
class ProvinceEntry:
    """A province of one list, with the words it may be called by."""

    key: str
    code: str
    name: str
    short_name: str
    words: frozenset[str]

    @property
    def slug(self) -> str:
        return slug(self.short_name)

    @property
    def label(self) -> str:
        return f"{self.name} («{self.slug}»)"


@dataclass
class PackageData:
    """The package's tables and converter map, read once per process."""

    units_2025: list[dict]
    units_legacy: list[dict]
    province_map: dict[str, list[str]]
    wards_whole: dict[str, dict[str, list[str]]]
    wards_divided: dict[str, dict[str, list[dict]]]
    provinces_2025: dict[str, ProvinceEntry] = field(init=False)
    provinces_legacy: dict[str, ProvinceEntry] = field(init=False)

    def __post_init__(self):
        self.provinces_2025 = _province_entries(self.units_2025)
        self.provinces_legacy = _province_entries(self.units_legacy)

    @cached_property
    def merged_into(self) -> dict[str, str]:
        """Legacy province key → the key of the 2025 province it became part of."""
        return {old: new for new, olds in self.province_map.items() for old in olds}


def _province_entries(rows: list[dict]) -> dict[str, ProvinceEntry]:
    entries: dict[str, ProvinceEntry] = {}
    for row in rows:
        key = row["provinceKey"]
        if key in entries:
            continue
        words = {
            key,
            row["provinceShortKey"],
            compact(row["province"]),
            compact(row["provinceShort"]),
            row["provinceCode"],
        }
        words.update(json.loads(row.get("provinceKeywords") or "[]"))
        entries[key] = ProvinceEntry(
            key=key,
            code=row["provinceCode"],
            name=row["province"],
            short_name=row["provinceShort"],
            words=frozenset(compact(w) for w in words if w),
        )
    return entries


@lru_cache(maxsize=1)
def package_data() -> PackageData:
    converter = json.loads(CONVERTER.read_text(encoding="utf-8"))
    return PackageData(
        units_2025=_rows("SELECT * FROM admin_units ORDER BY provinceCode, wardCode"),
        units_legacy=_rows(
            "SELECT * FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"
        ),
        province_map=converter["DICT_PROVINCE"],
        wards_whole=converter["DICT_PROVINCE_WARD_NO_DIVIDED"],
        wards_divided=converter["DICT_PROVINCE_WARD_DIVIDED"],
    )


def _matches(text: str, entries: dict[str, ProvinceEntry]) -> list[ProvinceEntry]:
    wanted = compact(text)
    candidates = {wanted}
    candidates.update(wanted[len(p) :] for p in _PROVINCE_PREFIXES if wanted.startswith(p))
    return [entry for entry in entries.values() if candidates & entry.words]


def resolve_province(text: str, data: PackageData | None = None) -> ProvinceEntry:
    """Today's (2025) province called `text`: a key ('can_tho', 'thanhphocantho'), a name
    ('Cần Thơ', 'Thành phố Cần Thơ'), in any casing, with or without accents.

    Raises ValueError with a Vietnamese message: for a pre-2025 province, naming the province
    it merged into; otherwise listing close matches.
    """
    data = data or package_data()
    found = _matches(text, data.provinces_2025)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        names = ", ".join(entry.label for entry in found)
        raise ValueError(f"«{text}» khớp với nhiều tỉnh, thành phố: {names}. Hãy ghi rõ hơn.")
    legacy = _matches(text, data.provinces_legacy)
    if len(legacy) == 1:
        successor = data.provinces_2025[data.merged_into[legacy[0].key]]
        raise ValueError(
            f"{legacy[0].name} đã được sắp xếp vào {successor.name} từ 01/07/2025: "
            f"hãy nạp «{successor.slug}» (gồm cả đơn vị hành chính trước sắp xếp)."
        )
    raise ValueError(_unknown_province_message(text, data))


def _unknown_province_message(text: str, data: PackageData) -> str:
    by_word = {entry.slug.replace("_", ""): entry for entry in data.provinces_2025.values()}
    for entry in data.provinces_legacy.values():
        successor = data.provinces_2025[data.merged_into[entry.key]]
        by_word.setdefault(entry.slug.replace("_", ""), successor)
    close = difflib.get_close_matches(compact(text), list(by_word), n=5, cutoff=0.6)
    suggestions = list(dict.fromkeys(by_word[word].label for word in close))
    message = f"Không tìm thấy tỉnh, thành phố «{text}» trong danh mục 34 tỉnh, thành phố."
    if suggestions:
        return f"{message} Có phải: {', '.join(suggestions)}?"
    every = ", ".join(sorted(entry.slug for entry in data.provinces_2025.values()))
    return f"{message} Các giá trị hợp lệ: {every}."
