"""Loads administrative units and their 1 July 2025 lineage from `vietnamadminunits`.

Set-based and idempotent: the desired rows are computed from the package, compared with what
the database holds (one read per level), and only the differences are written with bulk
operations, so a re-run changes nothing. Units are keyed by (generation, level, code).
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from unidecode import unidecode

from tochuc.administrative_units.models import (
    AdministrativeUnit,
    Generation,
    Level,
    UnitLineage,
)
from tochuc.administrative_units.source import (
    PackageData,
    package_data,
    province_type,
    resolve_province,
)
from tochuc.core.dating import BEGINNING, END_OF_TIME, REFORM_2025, day_before
from tochuc.core.formatting import vn_int
from tochuc.core.text import fold

LAST_LEGACY_DAY = day_before(REFORM_2025)
VALIDITY = {
    Generation.LEGACY: (BEGINNING, LAST_LEGACY_DAY),
    Generation.REFORM_2025: (REFORM_2025, END_OF_TIME),
}
UNIT_FIELDS = [
    "key",
    "unit_type",
    "name",
    "name_folded",
    "short_name",
    "parent_id",
    "latitude",
    "longitude",
    "area_km2",
    "valid_from",
    "valid_to",
]
LINK_FIELDS = ["effective_on", "is_whole", "is_default"]
ORDER = [
    (Generation.LEGACY, Level.PROVINCE),
    (Generation.LEGACY, Level.DISTRICT),
    (Generation.LEGACY, Level.COMMUNE),
    (Generation.REFORM_2025, Level.PROVINCE),
    (Generation.REFORM_2025, Level.COMMUNE),
]
BATCH = 500

UnitRef = tuple[str, str, str]  # (generation, level, code)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class LoadReport:
    """What a load did: per (generation, level) and for lineage links."""

    provinces: list[str] = field(default_factory=list)
    units: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    lineage: Counts = field(default_factory=Counts)
    unresolved: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def created(self) -> int:
        return sum(c.created for c in self.units.values()) + self.lineage.created

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.units.values()) + self.lineage.updated

    def summary(self) -> list[str]:
        """Vietnamese lines for the management command."""
        scope = "cả nước" if len(self.provinces) > 1 else ", ".join(self.provinces) or "không có"
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        lines = [f"Nạp đơn vị hành chính ({scope}) trong {seconds} giây:"]
        for generation, level in ORDER:
            counts = self.units.get((generation, level))
            if counts is None:
                continue
            lines.append(
                f"  {Level(level).label} – {Generation(generation).label}: "
                f"{vn_int(counts.total)} đơn vị (thêm mới {vn_int(counts.created)}, "
                f"cập nhật {vn_int(counts.updated)}, không đổi {vn_int(counts.unchanged)})"
            )
        link = self.lineage
        lines.append(
            f"  Kế thừa (01/07/2025): {vn_int(link.total)} liên kết (thêm mới "
            f"{vn_int(link.created)}, cập nhật {vn_int(link.updated)}, không đổi "
            f"{vn_int(link.unchanged)}, xóa {vn_int(link.deleted)})"
        )
        if self.unresolved:
            lines.append(f"  Không đối chiếu được {len(self.unresolved)} khóa:")
            lines.extend(f"    - {key}" for key in self.unresolved)
        else:
            lines.append("  Mọi khóa trong bảng chuyển đổi đều đối chiếu được.")
        return lines


def _key_fold(key: str) -> str:
    return re.sub(r"[^a-z0-9_]", "", unidecode(key).lower())


class KeyIndex:
    """Package keys → unit refs; exact first, then accent-folded when that is unambiguous.

    The package keeps accents in a few keys on purpose ('xãcẩmgiang' vs 'xãcẩmgiàng' in one
    province) so folding is only a fallback.
    """

    def __init__(self):
        self.exact: dict[str, UnitRef] = {}
        self.folded: dict[str, set[UnitRef]] = defaultdict(set)

    def add(self, key: str, ref: UnitRef) -> None:
        self.exact[key] = ref
        self.folded[_key_fold(key)].add(ref)

    def get(self, key: str) -> UnitRef | None:
        if key in self.exact:
            return self.exact[key]
        refs = self.folded.get(_key_fold(key), set())
        return next(iter(refs)) if len(refs) == 1 else None


@dataclass
class Plan:
    """The rows the package implies for the provinces being loaded."""

    units: dict[UnitRef, dict] = field(default_factory=dict)
    parents: dict[UnitRef, UnitRef | None] = field(default_factory=dict)
    links: dict[tuple[UnitRef, UnitRef], tuple[bool, bool]] = field(default_factory=dict)
    legacy_keys: KeyIndex = field(default_factory=KeyIndex)
    new_keys: KeyIndex = field(default_factory=KeyIndex)
    unresolved: list[str] = field(default_factory=list)

    def unit(self, ref: UnitRef, parent: UnitRef | None, key: str, **values) -> None:
        if ref in self.units:
            return
        valid_from, valid_to = VALIDITY[ref[0]]
        self.units[ref] = {
            "key": key,
            "name_folded": fold(values["name"]),
            "valid_from": valid_from,
            "valid_to": valid_to,
            "area_km2": None,
            **values,
        }
        self.parents[ref] = parent

    def link(self, predecessor: UnitRef, successor: UnitRef, *, whole: bool, default: bool):
        self.links.setdefault((predecessor, successor), (whole, default))


def _float(value) -> float | None:
    return None if value in (None, "") else float(value)


def _plan_legacy(plan: Plan, rows: list[dict]) -> None:
    old, district, commune = Generation.LEGACY, Level.DISTRICT, Level.COMMUNE
    for row in rows:
        province = (old, Level.PROVINCE, row["provinceCode"])
        plan.unit(
            province,
            None,
            row["provinceKey"],
            unit_type=province_type(row["province"]),
            name=row["province"],
            short_name=row["provinceShort"],
            latitude=_float(row["provinceLat"]),
            longitude=_float(row["provinceLon"]),
        )
        district_key = f"{row['provinceKey']}_{row['districtKey']}"
        district_ref = (old, district, row["districtCode"])
        plan.unit(
            district_ref,
            province,
            district_key,
            unit_type=row["districtType"],
            name=row["district"],
            short_name=row["districtShort"],
            latitude=_float(row["districtLat"]),
            longitude=_float(row["districtLon"]),
        )
        # An island district without communes is named "prov_district_" in the converter.
        plan.legacy_keys.add(f"{district_key}_", district_ref)
        if not row["wardCode"]:
            continue
        commune_key = f"{district_key}_{row['wardKey']}"
        commune_ref = (old, commune, row["wardCode"])
        plan.unit(
            commune_ref,
            district_ref,
            commune_key,
            unit_type=row["wardType"],
            name=row["ward"],
            short_name=row["wardShort"],
            latitude=_float(row["wardLat"]),
            longitude=_float(row["wardLon"]),
        )
        plan.legacy_keys.add(commune_key, commune_ref)


def _plan_2025(plan: Plan, rows: list[dict]) -> None:
    new = Generation.REFORM_2025
    for row in rows:
        province = (new, Level.PROVINCE, row["provinceCode"])
        plan.unit(
            province,
            None,
            row["provinceKey"],
            unit_type=province_type(row["province"]),
            name=row["province"],
            short_name=row["provinceShort"],
            latitude=_float(row["provinceLat"]),
            longitude=_float(row["provinceLon"]),
        )
        commune_key = f"{row['provinceKey']}_{row['wardKey']}"
        commune_ref = (new, Level.COMMUNE, row["wardCode"])
        plan.unit(
            commune_ref,
            province,
            commune_key,
            unit_type=row["wardType"],
            name=row["ward"],
            short_name=row["wardShort"],
            latitude=_float(row["wardLat"]),
            longitude=_float(row["wardLon"]),
            area_km2=_float(row["wardAreaKm2"]),
        )
        plan.new_keys.add(commune_key, commune_ref)


def _plan_lineage(plan: Plan, data: PackageData, new_provinces: list[str]) -> None:
    province_refs = {
        (ref[0], values["key"]): ref
        for ref, values in plan.units.items()
        if ref[1] == Level.PROVINCE
    }
    for new_key in new_provinces:
        successor = province_refs[(Generation.REFORM_2025, new_key)]
        for old_key in data.province_map.get(new_key, []):
            predecessor = province_refs.get((Generation.LEGACY, old_key))
            if predecessor is None:
                plan.unresolved.append(f"{new_key}: tỉnh cũ «{old_key}»")
                continue
            plan.link(predecessor, successor, whole=True, default=True)

        def new_ward(ward_key: str, new_key: str = new_key) -> UnitRef | None:
            ref = plan.new_keys.get(f"{new_key}_{ward_key}")
            if ref is None:
                plan.unresolved.append(f"{new_key}: xã, phường mới «{ward_key}»")
            return ref

        def old_unit(old_key: str, new_key: str = new_key) -> UnitRef | None:
            ref = plan.legacy_keys.get(old_key)
            if ref is None:
                plan.unresolved.append(f"{new_key}: đơn vị cũ «{old_key}»")
            return ref

        for ward_key, old_keys in data.wards_whole.get(new_key, {}).items():
            successor = new_ward(ward_key)
            for old_key in old_keys:
                predecessor = old_unit(old_key)
                if successor and predecessor:
                    plan.link(predecessor, successor, whole=True, default=True)
        for old_key, parts in data.wards_divided.get(new_key, {}).items():
            predecessor = old_unit(old_key)
            for part in parts:
                successor = new_ward(part["newWardKey"])
                if successor and predecessor:
                    plan.link(
                        predecessor, successor, whole=False, default=bool(part["isDefaultNewWard"])
                    )


def build_plan(data: PackageData, new_provinces: list[str]) -> Plan:
    """Everything the package says about `new_provinces` and the legacy ones merged in."""
    wanted_new = set(new_provinces)
    wanted_old = {old for new in new_provinces for old in data.province_map.get(new, [])}
    plan = Plan()
    _plan_legacy(plan, [r for r in data.units_legacy if r["provinceKey"] in wanted_old])
    _plan_2025(plan, [r for r in data.units_2025 if r["provinceKey"] in wanted_new])
    _plan_lineage(plan, data, new_provinces)
    return plan


def _write_units(plan: Plan, report: LoadReport) -> dict[UnitRef, int]:
    """Upsert every planned unit, level by level so that parents have ids first."""
    ids: dict[UnitRef, int] = {}
    for generation, level in ORDER:
        wanted = {ref: v for ref, v in plan.units.items() if ref[:2] == (generation, level)}
        if not wanted:
            continue
        existing = {
            row["code"]: row
            for row in AdministrativeUnit.objects.filter(generation=generation, level=level)
            .order_by()
            .values("id", "code", *UNIT_FIELDS)
        }
        fresh, changed = [], []
        counts = report.units[(generation, level)]
        for ref, values in wanted.items():
            parent = plan.parents[ref]
            values = {**values, "parent_id": ids[parent] if parent else None}
            row = existing.get(ref[2])
            if row is None:
                fresh.append(
                    AdministrativeUnit(generation=generation, level=level, code=ref[2], **values)
                )
            elif any(row[name] != values[name] for name in UNIT_FIELDS):
                changed.append(AdministrativeUnit(id=row["id"], **values))
            else:
                counts.unchanged += 1
        AdministrativeUnit.objects.bulk_create(fresh, batch_size=BATCH)
        AdministrativeUnit.objects.bulk_update(changed, UNIT_FIELDS, batch_size=BATCH)
        counts.created += len(fresh)
        counts.updated += len(changed)
        codes = dict(
            AdministrativeUnit.objects.filter(generation=generation, level=level)
            .order_by()
            .values_list("code", "id")
        )
        ids.update({ref: codes[ref[2]] for ref in wanted})
    return ids


def _write_lineage(plan: Plan, ids: dict[UnitRef, int], report: LoadReport) -> None:
    """Upsert the planned links; drop links into the loaded 2025 units the package lacks."""
    wanted = {(ids[pred], ids[succ]): flags for (pred, succ), flags in plan.links.items()}
    new_provinces = [
        ids[ref] for ref in plan.units if ref[:2] == (Generation.REFORM_2025, Level.PROVINCE)
    ]
    existing = {
        (row["predecessor_id"], row["successor_id"]): row
        for row in UnitLineage.objects.filter(
            Q(successor_id__in=new_provinces) | Q(successor__parent_id__in=new_provinces)
        )
        .order_by()
        .values("id", "predecessor_id", "successor_id", *LINK_FIELDS)
    }
    fresh, changed = [], []
    for (pred, succ), (whole, default) in wanted.items():
        values = {"effective_on": REFORM_2025, "is_whole": whole, "is_default": default}
        row = existing.get((pred, succ))
        if row is None:
            fresh.append(UnitLineage(predecessor_id=pred, successor_id=succ, **values))
        elif any(row[name] != values[name] for name in LINK_FIELDS):
            changed.append(UnitLineage(id=row["id"], **values))
        else:
            report.lineage.unchanged += 1
    stale = [row["id"] for pair, row in existing.items() if pair not in wanted]
    UnitLineage.objects.bulk_create(fresh, batch_size=BATCH)
    UnitLineage.objects.bulk_update(changed, LINK_FIELDS, batch_size=BATCH)
    for start in range(0, len(stale), BATCH):
        UnitLineage.objects.filter(id__in=stale[start : start + BATCH]).delete()
    report.lineage.created += len(fresh)
    report.lineage.updated += len(changed)
    report.lineage.deleted += len(stale)


def load_admin_units(*, province: str | None = None) -> LoadReport:
    """Load the 34 provinces of 2025 (or one, named by `province`) with their communes, the
    legacy provinces merged into them with their districts and communes, and the lineage.

    `province` is a key or a name ('can_tho', 'thanhphocantho', 'Cần Thơ'); an unknown one
    raises ValueError (Vietnamese message) before anything is written.
    """
    started = time.perf_counter()
    data = package_data()
    if province is None:
        new_provinces = list(data.provinces_2025)
    else:
        new_provinces = [resolve_province(province, data).key]
    plan = build_plan(data, new_provinces)
    report = LoadReport(
        provinces=[data.provinces_2025[key].name for key in new_provinces],
        unresolved=list(dict.fromkeys(plan.unresolved)),
    )
    with transaction.atomic():
        ids = _write_units(plan, report)
        _write_lineage(plan, ids, report)
    report.seconds = time.perf_counter() - started
    return report
