"""The level (cấp) of a post on a date: commune level when its organization lies at or under
a commune party committee then, province level otherwise.

The same idea as `tochuc.cadres.selectors._at_commune_level`, for one fixed date, so that a
queryset of posts or plan entries can be annotated in the same query.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef

from tochuc.core.dating import valid_at_q
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import OrganizationClosure
from tochuc.planning.models import Level


def at_commune_level(field: str, on: dt.date) -> Exists:
    """Whether the organization in `field` lies at or under a commune committee on `on`."""
    return Exists(
        OrganizationClosure.objects.filter(
            valid_at_q(on),
            valid_at_q(on, "ancestor__periods__"),
            descendant=OuterRef(field),
            ancestor__periods__kind=Kind.COMMUNE_COMMITTEE,
        )
    )


def level_of(organization_id: int, on: dt.date) -> str:
    """The level of an organization's posts on `on`."""
    commune = OrganizationClosure.objects.filter(
        valid_at_q(on),
        valid_at_q(on, "ancestor__periods__"),
        descendant_id=organization_id,
        ancestor__periods__kind=Kind.COMMUNE_COMMITTEE,
    ).exists()
    return Level.COMMUNE if commune else Level.PROVINCE


def level_from_flag(commune: bool) -> str:
    return Level.COMMUNE if commune else Level.PROVINCE
