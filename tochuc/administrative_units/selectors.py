"""Reading administrative units: the list in force on a date and the 2025 lineage."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q, QuerySet

from tochuc.administrative_units.models import AdministrativeUnit, Generation


def in_province_q(province: AdministrativeUnit | int) -> Q:
    """Units under `province`: its children and, before 2025, its districts' communes."""
    province_id = getattr(province, "pk", province)
    return Q(parent_id=province_id) | Q(parent__parent_id=province_id)


def units_at(
    *,
    on: dt.date,
    province: AdministrativeUnit | int | None = None,
    level: str | None = None,
) -> QuerySet[AdministrativeUnit]:
    """Units in force on `on`, optionally only those under `province` and of one `level`."""
    units = AdministrativeUnit.objects.valid_at(on)
    if province is not None:
        units = units.filter(in_province_q(province))
    if level:
        units = units.filter(level=level)
    return units


def predecessors_of(unit: AdministrativeUnit) -> QuerySet[AdministrativeUnit]:
    """The units that passed into `unit`, each annotated with the link's `effective_on`,
    `is_whole` and `is_default`."""
    # The annotations reuse the join of the filter: they describe the link to `unit`.
    return (
        AdministrativeUnit.objects.filter(successor_links__successor=unit)
        .annotate(
            effective_on=F("successor_links__effective_on"),
            is_whole=F("successor_links__is_whole"),
            is_default=F("successor_links__is_default"),
        )
        .select_related("parent")
        .order_by("level", "code")
    )


def successors_of(unit: AdministrativeUnit) -> QuerySet[AdministrativeUnit]:
    """The units `unit` passed into, annotated like `predecessors_of`; default one first."""
    return (
        AdministrativeUnit.objects.filter(predecessor_links__predecessor=unit)
        .annotate(
            effective_on=F("predecessor_links__effective_on"),
            is_whole=F("predecessor_links__is_whole"),
            is_default=F("predecessor_links__is_default"),
        )
        .select_related("parent")
        .order_by("-is_default", "level", "code")
    )


def current_unit_for(legacy_unit: AdministrativeUnit) -> AdministrativeUnit:
    """The 2025 unit a record of `legacy_unit` is carried to.

    A commune goes to its default successor; a district, which has no successor of its own
    (the level was abolished), to the successor of its province. A 2025 unit is its own
    current unit.
    """
    unit = legacy_unit
    while unit is not None:
        if unit.generation == Generation.REFORM_2025:
            return unit
        successor = successors_of(unit).filter(is_default=True).first()
        if successor is not None:
            return current_unit_for(successor)
        unit = unit.parent
    raise AdministrativeUnit.DoesNotExist(
        f"Không có đơn vị hành chính kế thừa {legacy_unit.name} ({legacy_unit.code})."
    )
