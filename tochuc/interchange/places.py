"""A place written in a cell → an administrative unit of 1 July 2025, without a query per cell.

A cell holds a unit code ('31117') or names, smallest first and comma separated: «Phường Ninh
Kiều, Thành phố Cần Thơ», «Ninh Kiều, Cần Thơ», «P. Cái Khế, Q. Ninh Kiều, TP Cần Thơ» (an
address before 1 July 2025). A unit of the old list is carried to its 2025 successor through
the default lineage, and the note says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import NamedTuple

from tochuc.administrative_units.models import AdministrativeUnit, Generation, Level, UnitLineage
from tochuc.core.text import fold
from tochuc.interchange.cells import CellError, clean_text

NEW, OLD = Generation.REFORM_2025, Generation.LEGACY
COMMUNE, DISTRICT, PROVINCE = Level.COMMUNE, Level.DISTRICT, Level.PROVINCE
EXAMPLE = "«Phường Ninh Kiều, Thành phố Cần Thơ»"
_LEVEL_WORD = re.compile(
    r"(thanh pho|thi tran|thi xa|dac khu|phuong|tinh|quan|huyen|xa|tp|tt|tx|p|x|q|h)"
    r"(?:\.\s*|\s+)(.+)"
)
_ABBREVIATIONS = {
    "tp": "thanh pho",
    "tt": "thi tran",
    "tx": "thi xa",
    "p": "phuong",
    "x": "xa",
    "q": "quan",
    "h": "huyen",
}
LEVEL_TYPES = {
    COMMUNE: {None, "phuong", "xa", "thi tran", "dac khu"},
    DISTRICT: {None, "quan", "huyen", "thi xa", "thanh pho"},
    PROVINCE: {None, "tinh", "thanh pho"},
}
# Where a single name is looked for, in this order.
_SINGLE_POOLS = [
    (NEW, COMMUNE),
    (NEW, PROVINCE),
    (OLD, COMMUNE),
    (OLD, DISTRICT),
    (OLD, PROVINCE),
]
_NICKNAMES = {"hochiminh": "hcm"}
MAX_LISTED = 5


def _key(text: str) -> str:
    """Accent-, case-, space- and punctuation-free: 'Phường 01' → 'phuong1'."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"\b0+(?=\d)", "", fold(text)))


def _exact(text: str) -> str:
    """Case-, space- and punctuation-free but with its accents: 'Xã Cẩm Giàng' → 'xãcẩmgiàng'."""
    return re.sub(r"[\W_]", "", unicodedata.normalize("NFC", text).casefold())


class _Unit(NamedTuple):
    id: int
    generation: str
    level: str
    code: str
    name: str
    short_name: str
    unit_type: str
    parent_id: int | None


class _Part(NamedTuple):
    """One comma-separated part of a cell: its keys with and without the level word."""

    exact: str
    keys: tuple[str, ...]
    unit_type: str | None

    @classmethod
    def of(cls, text: str) -> _Part:
        folded = fold(text)
        match = _LEVEL_WORD.fullmatch(folded)
        if match is None:
            return cls(_exact(text), (_key(text),), None)
        word = match[1]
        return cls(_exact(text), (_key(text), _key(match[2])), _ABBREVIATIONS.get(word, word))


class PlaceResolver:
    """Every administrative unit and its default successor, read once (two queries); then
    `resolve` turns cells into 2025 units and `label` writes them, from memory."""

    def __init__(self):
        self.units: dict[int, _Unit] = {
            row[0]: _Unit(*row)
            for row in AdministrativeUnit.objects.values_list(
                "id", "generation", "level", "code", "name", "short_name", "unit_type", "parent_id"
            )
        }
        self.successor: dict[int, int] = {}
        for predecessor, successor in (
            UnitLineage.objects.filter(is_default=True)
            .order_by("successor__level", "successor__code")
            .values_list("predecessor_id", "successor_id")
        ):
            self.successor.setdefault(predecessor, successor)
        self.by_code: dict[str, list[int]] = defaultdict(list)
        self.by_name: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.children: dict[int, list[int]] = defaultdict(list)
        for unit in sorted(self.units.values(), key=lambda u: u.generation != NEW):
            if unit.level != DISTRICT:
                self.by_code[unit.code].append(unit.id)
            keys = {_key(unit.name), _key(unit.short_name)}
            keys.update(_NICKNAMES[k] for k in list(keys) if k in _NICKNAMES)
            for key in keys:
                self.by_name[(unit.generation, unit.level)][key].append(unit.id)
            if unit.parent_id is not None:
                self.children[unit.parent_id].append(unit.id)
        self.merged: dict[int, set[int]] = defaultdict(set)
        for predecessor, successor in self.successor.items():
            if self.units[predecessor].level == PROVINCE:
                self.merged[successor].add(predecessor)
        self._cache: dict[str, int | str] = {}
        self._labels: dict[str, set[int]] | None = None

    def label(self, unit_id: int) -> str:
        """The unit and the units above it: «Phường Ninh Kiều, Thành phố Cần Thơ»."""
        names = []
        while unit_id is not None:
            unit = self.units[unit_id]
            names.append(unit.name)
            unit_id = unit.parent_id
        return ", ".join(names)

    def denoted(self, value) -> frozenset[int]:
        """Every unit, old or new, whose code or whole label the cell writes: a stored unit
        among them is what the cell means («Thành phố Cần Thơ» is both lists' city)."""
        text = clean_text(value)
        if not text:
            return frozenset()
        digits = text.replace(" ", "")
        if digits.isdigit():
            return frozenset(self.by_code.get(digits, ()))
        if self._labels is None:
            self._labels = defaultdict(set)
            for unit_id in self.units:
                self._labels[_key(self.label(unit_id))].add(unit_id)
        return frozenset(self._labels.get(_key(text), ()))

    def resolve(self, value, *, carry: bool = True) -> tuple[int | None, str | None]:
        """(id of the 2025 unit the cell names, note when it was carried from an old unit);
        with `carry=False`, the unit named, old or new, as it is (an organization's place
        before 2025). An empty cell → (None, None); unknown or ambiguous → CellError."""
        text = clean_text(value)
        if not text:
            return None, None
        if text not in self._cache:
            try:
                self._cache[text] = self._resolve(text)
            except CellError as error:
                self._cache[text] = str(error)
        result = self._cache[text]
        if isinstance(result, str):
            raise CellError(result)
        return self._carried(result) if carry else (result, None)

    def _resolve(self, text: str) -> int:
        digits = text.replace(" ", "")
        if digits.isdigit():
            found = (
                self.by_code.get(digits)
                or self.by_code.get(digits.zfill(5))
                or self.by_code.get(digits.zfill(2))
            )
            if not found:
                raise CellError(
                    f"Không có đơn vị hành chính mã «{text}»: ghi mã xã, phường (5 chữ số) hoặc "
                    f"tỉnh, thành phố (2 chữ số), hoặc ghi tên, ví dụ {EXAMPLE}."
                )
            return found[0]
        parts = [_Part.of(part) for part in re.split(r"[,;]", text) if part.strip()]
        found = []
        if len(parts) == 1:
            found = next(filter(None, (self._match(parts[0], *p) for p in _SINGLE_POOLS)), [])
        if len(parts) >= 3:
            found = self._old_address(*parts[-3:])
        if not found and len(parts) >= 2:
            found = self._pair(*parts[-2:])
        if not found:
            raise CellError(
                f"Không tìm thấy đơn vị hành chính «{text}»: ghi tên xã, phường và tỉnh, thành "
                f"phố theo danh mục từ 01/07/2025, ví dụ {EXAMPLE}, hoặc ghi mã đơn vị."
            )
        if len({self._current(unit_id) for unit_id in found}) > 1:
            listed = "; ".join(self.label(unit_id) for unit_id in found[:MAX_LISTED])
            more = ", …" if len(found) > MAX_LISTED else ""
            raise CellError(
                f"Có {len(found)} đơn vị hành chính ứng với «{text}» ({listed}{more}): ghi rõ tên "
                f"xã, phường và tỉnh, thành phố, ví dụ «{self.label(found[0])}», hoặc ghi mã "
                "đơn vị."
            )
        return found[0]

    def _carried(self, unit_id: int) -> tuple[int, str | None]:
        current = self._current(unit_id)
        if current is None:
            raise CellError(
                f"Đơn vị hành chính «{self.label(unit_id)}» không có đơn vị kế thừa từ "
                f"01/07/2025: ghi theo danh mục mới, ví dụ {EXAMPLE}."
            )
        if current == unit_id:
            return current, None
        return current, (
            f'đã chuyển từ "{self.label(unit_id)}" (trước 01/07/2025) sang "{self.label(current)}"'
        )

    def _current(self, unit_id: int | None) -> int | None:
        """The 2025 unit an old one is carried to, as `selectors.current_unit_for` does."""
        while unit_id is not None:
            unit = self.units[unit_id]
            if unit.generation == NEW:
                return unit_id
            unit_id = self.successor.get(unit_id, unit.parent_id)
        return None

    def _match(
        self,
        part: _Part,
        generation: str,
        level: str,
        parents: set[int] | None = None,
        *,
        strict: bool = False,
    ) -> list[int]:
        """Units of the pool named by `part`; the level word (required when `strict`) and the
        accents break ties."""
        names = self.by_name[(generation, level)]
        keys = part.keys if part.unit_type in LEVEL_TYPES[level] else part.keys[:1]
        found: list[int] = []
        for key in keys:
            found = [
                unit_id
                for unit_id in names.get(key, ())
                if parents is None or self.units[unit_id].parent_id in parents
            ]
            if found:
                break
        if part.unit_type and (strict or len(found) > 1):
            typed = [i for i in found if fold(self.units[i].unit_type) == part.unit_type]
            found = typed if strict else typed or found
        if len(found) > 1:
            exact = [i for i in found if part.exact.endswith(_exact(self.units[i].short_name))]
            found = exact or found
        return found

    def _old_provinces(self, part: _Part, *, strict: bool = False) -> set[int]:
        """Old provinces named by `part`, or merged into the 2025 province it names."""
        new = self._match(part, NEW, PROVINCE, strict=strict)
        merged = {old for province in new for old in self.merged.get(province, ())}
        return set(self._match(part, OLD, PROVINCE, strict=strict)) | merged

    def _districts(self, provinces: set[int]) -> set[int]:
        return {d for p in provinces for d in self.children[p] if self.units[d].level == DISTRICT}

    def _pair(self, commune: _Part, upper: _Part) -> list[int]:
        """«commune, province» (2025 first, then the old communes) or «commune, district»; a
        level word that fits a district rather than a province ('TP Sóc Trăng') is heeded."""
        provinces = set(self._match(upper, NEW, PROVINCE))
        found = self._match(commune, NEW, COMMUNE, provinces)
        if not found:
            districts = self._districts(self._old_provinces(upper, strict=True))
            found = self._match(commune, OLD, COMMUNE, districts)
        if not found:
            districts = set(self._match(upper, OLD, DISTRICT))
            found = self._match(commune, OLD, COMMUNE, districts)
        if not found:  # «district, province» before 2025 (a district committee's place)
            found = self._match(commune, OLD, DISTRICT, self._old_provinces(upper, strict=True))
        return found

    def _old_address(self, commune: _Part, district: _Part, province: _Part) -> list[int]:
        """«commune, district, province» of the list before 1 July 2025."""
        districts = set(self._match(district, OLD, DISTRICT, self._old_provinces(province)))
        return self._match(commune, OLD, COMMUNE, districts)
