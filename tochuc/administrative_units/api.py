"""Placeholder replaced by the administrative units API."""

from tochuc.core.api import ScopedReadOnlyViewSet


class AdministrativeUnitViewSet(ScopedReadOnlyViewSet):
    pass
