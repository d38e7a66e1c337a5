"""Derives the default party tree of a province from its administrative units.

Before 1 July 2025: provincial committee → district committees → commune (grassroots)
committees, one per legacy province merged into today's. From 1 July 2025: the provincial
committee → one committee per commune, ward and special zone. Lineage follows the unit
mapping: old provincial committees merge into the new one, old commune committees pass to
the new commune committees (split communes to their default successor), district committees
are dissolved. Re-running creates nothing that exists already (keyed by organization code).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from tochuc.administrative_units.models import (
    AdministrativeUnit,
    Generation,
    Level,
    UnitLineage,
)
from tochuc.administrative_units.source import resolve_province
from tochuc.core.dating import REFORM_2025, day_before
from tochuc.core.models import Decision
from tochuc.core.text import search_key
from tochuc.organizations.closure import closure_refresh
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import (
    LineageEvent,
    LineageKind,
    LineageLink,
    Organization,
    OrganizationPeriod,
)
from tochuc.organizations.succession import succession_refresh

LAST_LEGACY_DAY = day_before(REFORM_2025)


@dataclass(frozen=True)
class Citation:
    number: str = "202/2025/QH15"
    signed_on: dt.date = dt.date(2025, 6, 12)
    issuer: str = "Quốc hội"
    title: str = (
        "Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh; căn cứ lập cây tổ chức đảng "
        "mặc định (thay bằng quyết định của cấp ủy khi có)"
    )


@dataclass
class BuildReport:
    province: str
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    existing: int = 0
    lineage_links: int = 0
    closure_rows: int = 0


def committee_name(unit: AdministrativeUnit) -> str:
    """'Đảng bộ phường Cái Khế', 'Đảng bộ thành phố Cần Thơ', 'Đảng bộ huyện Phong Điền'."""
    return f"Đảng bộ {unit.unit_type.lower()} {unit.short_name}"


def organization_code(unit: AdministrativeUnit) -> str:
    """Stable codes: '92', '92.31120' from 2025; 'L92', 'L92.916', 'L92.916.31117' before."""
    chain = [unit.code]
    parent = unit.parent
    while parent is not None:
        chain.insert(0, parent.code)
        parent = parent.parent
    prefix = "L" if unit.generation == Generation.LEGACY else ""
    return prefix + ".".join(chain)


def today_provinces():
    """The 34 provinces and centrally-run cities from 1 July 2025 that are loaded."""
    return AdministrativeUnit.objects.filter(
        generation=Generation.REFORM_2025, level=Level.PROVINCE
    ).order_by("code")


def find_province(text: str) -> AdministrativeUnit:
    """Today's loaded province called `text` ('can_tho', '92', 'Cần Thơ')."""
    try:
        entry = resolve_province(text)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
    province = today_provinces().filter(code=entry.code).first()
    if province is None:
        raise ValidationError(
            f"Chưa có dữ liệu đơn vị hành chính của {entry.name}: "
            f"hãy chạy «tochuc load_admin_units --province {entry.slug}» trước."
        )
    return province


def _kind_for(unit: AdministrativeUnit) -> str:
    if unit.level == Level.PROVINCE:
        return Kind.PROVINCIAL_COMMITTEE
    if unit.level == Level.DISTRICT:
        return Kind.DISTRICT_COMMITTEE
    return (
        Kind.COMMUNE_COMMITTEE
        if unit.generation != Generation.LEGACY
        else Kind.GRASSROOTS_COMMITTEE
    )


@transaction.atomic
def build_party_tree(*, province: str, citation: Citation | None = None) -> BuildReport:
    """Create the default party tree of `province` (before and after 1 July 2025)."""
    citation = citation or Citation()
    new_province = find_province(province)
    report = BuildReport(province=new_province.name)
    old_provinces = list(
        AdministrativeUnit.objects.filter(
            successor_links__successor=new_province, level=Level.PROVINCE
        )
    )
    old_ids = [p.id for p in old_provinces]
    units = list(
        AdministrativeUnit.objects.filter(
            Q(id__in=[new_province.id, *old_ids])
            | Q(parent_id__in=[new_province.id, *old_ids])
            | Q(parent__parent_id__in=old_ids)
        ).select_related("parent__parent")
    )
    decision, _ = Decision.objects.get_or_create(
        number=citation.number,
        signed_on=citation.signed_on,
        issuer=citation.issuer,
        defaults={"title": citation.title},
    )

    codes = {unit.id: organization_code(unit) for unit in units}
    existing = dict(Organization.objects.filter(code__in=codes.values()).values_list("code", "id"))
    report.existing = len(existing)
    fresh = [unit for unit in units if codes[unit.id] not in existing]
    created = bulk_create_with_history(
        [
            Organization(
                code=codes[unit.id],
                administrative_unit=unit,
                valid_from=unit.valid_from,
                valid_to=unit.valid_to,
            )
            for unit in fresh
        ],
        Organization,
        batch_size=1000,
    )
    org_ids = dict(existing)
    if created and created[0].pk is None:  # backends that don't return ids
        created = list(Organization.objects.filter(code__in=[o.code for o in created]))
    org_ids.update({o.code: o.pk for o in created})
    bulk_create_with_history(
        [
            OrganizationPeriod(
                organization_id=org_ids[codes[unit.id]],
                name=committee_name(unit),
                name_folded=search_key(committee_name(unit)),
                kind=_kind_for(unit),
                parent_id=org_ids[codes[unit.parent_id]] if unit.parent_id else None,
                valid_from=unit.valid_from,
                valid_to=unit.valid_to,
                decision=decision if unit.generation == Generation.REFORM_2025 else None,
            )
            for unit in fresh
        ],
        OrganizationPeriod,
        batch_size=1000,
    )
    for unit in fresh:
        report.created[_kind_for(unit)] += 1

    fresh_ids = {org_ids[codes[u.id]] for u in fresh}
    report.lineage_links = _record_lineage(units, codes, org_ids, fresh_ids, decision)
    roots = [org_ids[codes[u.id]] for u in units if u.level == Level.PROVINCE]
    report.closure_rows = closure_refresh(roots) if fresh else 0
    if fresh:
        succession_refresh(org_ids.values())
    return report


def _record_lineage(units, codes, org_ids, fresh_ids, decision) -> int:
    """Merges into the new committees and the dissolution of district committees."""
    by_unit = {u.id: org_ids[codes[u.id]] for u in units}
    mapping: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for predecessor_id, successor_id, is_default in UnitLineage.objects.filter(
        successor_id__in=[u.id for u in units if u.generation == Generation.REFORM_2025],
        predecessor_id__in=list(by_unit),
    ).values_list("predecessor_id", "successor_id", "is_default"):
        mapping[by_unit[successor_id]].append((by_unit[predecessor_id], is_default))

    merges = {succ: preds for succ, preds in mapping.items() if succ in fresh_ids}
    events = LineageEvent.objects.bulk_create(
        LineageEvent(kind=LineageKind.MERGED, effective_on=REFORM_2025, decision=decision)
        for _ in merges
    )
    links = [
        LineageLink(event=event, predecessor_id=p, successor_id=successor, is_default=d)
        for event, (successor, predecessors) in zip(events, merges.items(), strict=True)
        for p, d in predecessors
    ]
    districts = [by_unit[u.id] for u in units if u.level == Level.DISTRICT]
    fresh_districts = [d for d in districts if d in fresh_ids]
    if fresh_districts:
        event = LineageEvent.objects.create(
            kind=LineageKind.DISSOLVED,
            effective_on=REFORM_2025,
            decision=decision,
            note="Kết thúc hoạt động của đảng bộ cấp huyện khi bỏ cấp huyện.",
        )
        links += [LineageLink(event=event, predecessor_id=d) for d in fresh_districts]
    LineageLink.objects.bulk_create(links, batch_size=2000)
    return len(links)
