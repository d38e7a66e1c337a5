"""The API's default permission (its own module: DRF imports it while loading itself)."""

from rest_framework import permissions

from tochuc.core.scoping import CHANGE, VIEW


class ScopedPermission(permissions.BasePermission):
    """Authenticated users only; writes need a role that may change records.

    Which records a user reaches is decided by each viewset's `restrict` queryset.
    """

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        action = VIEW if request.method in permissions.SAFE_METHODS else CHANGE
        return user.may(action)
