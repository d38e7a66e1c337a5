"""Querysets of the organization tree (kept apart from models to avoid import cycles)."""

from __future__ import annotations

from tochuc.core.dating import EffectiveDatedQuerySet
from tochuc.core.scoping import ScopedQuerySet


class OrganizationQuerySet(ScopedQuerySet, EffectiveDatedQuerySet):
    pass


class PeriodQuerySet(ScopedQuerySet, EffectiveDatedQuerySet):
    pass
