"""The REST API router: every app registers its viewsets here."""

from rest_framework.routers import DefaultRouter

from tochuc.administrative_units.api import AdministrativeUnitViewSet
from tochuc.organizations.api import OrganizationViewSet

router = DefaultRouter()
router.register("administrative-units", AdministrativeUnitViewSet, basename="administrativeunit")
router.register("organizations", OrganizationViewSet, basename="organization")
