"""Access scope as a queryset method, the NetBox way: `Model.objects.restrict(user, action)`.

Every model a user can reach names, in `scope_field`, the path from it to the organization
that owns it. `restrict` keeps the rows whose organization lies in the user's scope (see
`tochuc.accounts.scope`) and returns nothing for an action the user's role does not allow.
"""

from __future__ import annotations

from django.db import models

VIEW, CHANGE, MANAGE = "view", "change", "manage"


class ScopedQuerySet(models.QuerySet):
    def restrict(self, user, action: str = VIEW):
        from tochuc.accounts.scope import organization_ids_in_scope

        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser:
            return self
        if not user.may(action):
            return self.none()
        field = self.model.scope_field
        return self.filter(**{f"{field}__in": organization_ids_in_scope(user)})
