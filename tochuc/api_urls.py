"""The REST API router: every app registers its viewsets here."""

from rest_framework.routers import DefaultRouter

from tochuc.administrative_units.api import AdministrativeUnitViewSet
from tochuc.admissions.api import AdmissionTargetViewSet, CandidateViewSet
from tochuc.cadres.api import AssignmentViewSet, MoveViewSet, PostViewSet, SourcingPlanViewSet
from tochuc.cards.api import CardExchangeViewSet
from tochuc.congresses.api import register as register_congresses
from tochuc.indicators.api import register as register_indicators
from tochuc.interchange.api import register as register_imports
from tochuc.interchange.export_api import register as register_interchange
from tochuc.members.api import MembershipEventViewSet, MemberViewSet
from tochuc.organizations.api import OrganizationViewSet
from tochuc.people.api import PersonViewSet
from tochuc.planning.api import register as register_planning
from tochuc.ratings.api import register as register_ratings
from tochuc.reports.api import register as register_reports
from tochuc.staffing.api import register as register_staffing
from tochuc.training.api import register as register_training

router = DefaultRouter()
router.register("administrative-units", AdministrativeUnitViewSet, basename="administrativeunit")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("persons", PersonViewSet, basename="person")
router.register("members", MemberViewSet, basename="member")
router.register("membership-events", MembershipEventViewSet, basename="membershipevent")
router.register("candidates", CandidateViewSet, basename="candidate")
router.register("admission-targets", AdmissionTargetViewSet, basename="admissiontarget")
router.register("card-exchanges", CardExchangeViewSet, basename="cardexchange")
router.register("posts", PostViewSet, basename="post")
router.register("assignments", AssignmentViewSet, basename="assignment")
router.register("sourcing-plans", SourcingPlanViewSet, basename="sourcingplan")
router.register("moves", MoveViewSet, basename="move")
register_planning(router)
register_training(router)
register_ratings(router)
register_congresses(router)
register_staffing(router)
register_indicators(router)
register_reports(router)
register_imports(router)
register_interchange(router)
