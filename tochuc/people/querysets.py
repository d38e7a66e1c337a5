"""Persons are scoped through their membership on a date, not through a fixed field."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone

from tochuc.core.scoping import VIEW


class PersonQuerySet(models.QuerySet):
    def restrict(self, user, action: str = VIEW, on: dt.date | None = None):
        """Persons who, on `on` (default today), are members placed or hosted in scope,
        admission candidates of an organization in scope, or cadres: holding a seat, moved
        (from or to a unit) or planned in scope then."""
        from tochuc.members.selectors import person_ids_in_scope

        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser:
            return self
        if not user.may(action):
            return self.none()
        from tochuc.admissions.models import Candidate
        from tochuc.cadres.selectors import cadres_in_scope_q

        on = on or timezone.localdate()
        candidates = Candidate.objects.restrict(user, action).values("person_id")
        return self.filter(
            Q(id__in=person_ids_in_scope(user, on))
            | Q(id__in=candidates)
            | cadres_in_scope_q(user, action, on)
        )
