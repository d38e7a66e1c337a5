"""Kinds of organizations and which kind may sit under which."""

from django.db import models


class Kind(models.TextChoices):
    PROVINCIAL_COMMITTEE = "provincial_committee", "Đảng bộ tỉnh, thành phố"
    COMMUNE_COMMITTEE = "commune_committee", "Đảng bộ xã, phường, đặc khu"
    SECTOR_COMMITTEE = "sector_committee", "Đảng bộ trực thuộc khối, ngành"
    DISTRICT_COMMITTEE = "district_committee", "Đảng bộ huyện, quận, thị xã, thành phố thuộc tỉnh"
    GRASSROOTS_COMMITTEE = "grassroots_committee", "Đảng bộ cơ sở"
    GRASSROOTS_CELL = "grassroots_cell", "Chi bộ cơ sở"
    SUB_COMMITTEE = "sub_committee", "Đảng bộ bộ phận"
    CELL = "cell", "Chi bộ trực thuộc"
    PARTY_AGENCY = "party_agency", "Cơ quan tham mưu, giúp việc cấp ủy"
    PEOPLES_COUNCIL = "peoples_council", "Hội đồng nhân dân"
    PEOPLES_COMMITTEE = "peoples_committee", "Ủy ban nhân dân"
    STATE_AGENCY = "state_agency", "Sở, ban, ngành, cơ quan chuyên môn"
    MASS_ORGANIZATION = "mass_organization", "Mặt trận Tổ quốc, đoàn thể"


PARTY_KINDS = frozenset(
    {
        Kind.PROVINCIAL_COMMITTEE,
        Kind.COMMUNE_COMMITTEE,
        Kind.SECTOR_COMMITTEE,
        Kind.DISTRICT_COMMITTEE,
        Kind.GRASSROOTS_COMMITTEE,
        Kind.GRASSROOTS_CELL,
        Kind.SUB_COMMITTEE,
        Kind.CELL,
    }
)
"""Kinds that hold party members (the rest carry seats and secondments)."""

DIRECTLY_UNDER_PROVINCE = frozenset(
    {Kind.COMMUNE_COMMITTEE, Kind.SECTOR_COMMITTEE, Kind.DISTRICT_COMMITTEE}
)
"""Đảng bộ trực thuộc tỉnh ủy, thành ủy (district committees only before 1 July 2025)."""

_COMMITTEES_ABOVE_GRASSROOTS = {
    Kind.PROVINCIAL_COMMITTEE,
    Kind.COMMUNE_COMMITTEE,
    Kind.SECTOR_COMMITTEE,
    Kind.DISTRICT_COMMITTEE,
}
_STATE_PARENTS = _COMMITTEES_ABOVE_GRASSROOTS | {Kind.PEOPLES_COMMITTEE, Kind.GRASSROOTS_COMMITTEE}

ALLOWED_PARENTS: dict[str, frozenset[str] | None] = {
    Kind.PROVINCIAL_COMMITTEE: None,
    Kind.COMMUNE_COMMITTEE: frozenset({Kind.PROVINCIAL_COMMITTEE}),
    Kind.SECTOR_COMMITTEE: frozenset({Kind.PROVINCIAL_COMMITTEE}),
    Kind.DISTRICT_COMMITTEE: frozenset({Kind.PROVINCIAL_COMMITTEE}),
    Kind.GRASSROOTS_COMMITTEE: frozenset(_COMMITTEES_ABOVE_GRASSROOTS),
    Kind.GRASSROOTS_CELL: frozenset(_COMMITTEES_ABOVE_GRASSROOTS),
    Kind.SUB_COMMITTEE: frozenset({Kind.GRASSROOTS_COMMITTEE}),
    Kind.CELL: frozenset({Kind.GRASSROOTS_COMMITTEE, Kind.SUB_COMMITTEE}),
    Kind.PARTY_AGENCY: frozenset(_COMMITTEES_ABOVE_GRASSROOTS),
    Kind.PEOPLES_COUNCIL: frozenset(_COMMITTEES_ABOVE_GRASSROOTS),
    Kind.PEOPLES_COMMITTEE: frozenset(_COMMITTEES_ABOVE_GRASSROOTS),
    Kind.STATE_AGENCY: frozenset(_STATE_PARENTS),
    Kind.MASS_ORGANIZATION: frozenset(_COMMITTEES_ABOVE_GRASSROOTS),
}
"""Which kinds may be the parent of each kind; None means a root (no parent).

State and agency units hang under the party committee that leads them, so that a commune
user's scope (the commune committee's subtree) covers the commune's People's Committee too.
"""


def parent_problem(kind: str, parent_kind: str | None) -> str:
    """A Vietnamese reason why `kind` cannot sit under `parent_kind`, or ''."""
    allowed = ALLOWED_PARENTS[kind]
    if allowed is None:
        return (
            ""
            if parent_kind is None
            else f"«{Kind(kind).label}» là cấp cao nhất, không có cấp trên."
        )
    if parent_kind is None:
        return f"«{Kind(kind).label}» phải có tổ chức cấp trên."
    if parent_kind not in allowed:
        return f"«{Kind(kind).label}» không thể trực thuộc «{Kind(parent_kind).label}»."
    return ""
