"""REST API for organizations: list, detail, filter by parent, kind and as_of."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from tochuc.core.api import AS_OF_PARAMETER, ShownDateField, as_of_from
from tochuc.organizations.filtersets import OrganizationPeriodFilterSet
from tochuc.organizations.models import Organization, OrganizationPeriod
from tochuc.organizations.selectors import lineage_of, periods_at


class PeriodSerializer(serializers.ModelSerializer):
    valid_from = ShownDateField()
    valid_to = ShownDateField()
    decision = serializers.StringRelatedField()

    class Meta:
        model = OrganizationPeriod
        fields = ["name", "kind", "parent", "valid_from", "valid_to", "decision"]


class OrganizationSerializer(serializers.Serializer):
    """An organization as it stood on the requested date."""

    id = serializers.IntegerField(source="organization_id")
    code = serializers.CharField(source="organization.code")
    name = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    parent = serializers.IntegerField(source="parent_id", allow_null=True)
    administrative_unit = serializers.IntegerField(
        source="organization.administrative_unit_id", allow_null=True
    )
    valid_from = ShownDateField(source="organization.valid_from")
    valid_to = ShownDateField(source="organization.valid_to")
    child_count = serializers.IntegerField(allow_null=True)


class LineageSerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    code = serializers.CharField()
    kind = serializers.CharField()
    effective_on = serializers.DateField()
    is_default = serializers.BooleanField()
    decision = serializers.CharField()


class OrganizationDetailSerializer(OrganizationSerializer):
    periods = serializers.SerializerMethodField()
    predecessors = serializers.SerializerMethodField()
    successors = serializers.SerializerMethodField()

    @staticmethod
    def _links(links, side: str) -> list[dict]:
        return [
            {
                "organization": getattr(link, f"{side}_id"),
                "code": getattr(link, side).code,
                "kind": link.event.kind,
                "effective_on": link.event.effective_on,
                "is_default": link.is_default,
                "decision": str(link.event.decision),
            }
            for link in links
        ]

    @extend_schema_field(PeriodSerializer(many=True))
    def get_periods(self, period):
        return PeriodSerializer(
            period.organization.periods.select_related("decision"), many=True
        ).data

    @extend_schema_field(LineageSerializer(many=True))
    def get_predecessors(self, period):
        return self._links(lineage_of(period.organization)["predecessors"], "predecessor")

    @extend_schema_field(LineageSerializer(many=True))
    def get_successors(self, period):
        return self._links(lineage_of(period.organization)["successors"], "successor")


@extend_schema_view(
    list=extend_schema(parameters=[AS_OF_PARAMETER]),
    retrieve=extend_schema(parameters=[AS_OF_PARAMETER]),
)
class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    """Tổ chức as of a date (default today), within the user's scope.

    `id` is the organization's id; name, kind and parent are those in force on `as_of`.
    The detail of an organization that did not exist on `as_of` shows its last period.
    """

    serializer_class = OrganizationSerializer
    filterset_class = OrganizationPeriodFilterSet
    queryset = OrganizationPeriod.objects.none()

    def get_queryset(self):
        return periods_at(on=as_of_from(self.request), user=self.request.user).order_by(
            "organization__code"
        )

    def get_serializer_class(self):
        return OrganizationDetailSerializer if self.action == "retrieve" else OrganizationSerializer

    def retrieve(self, request, pk=None, **kwargs):
        organization = get_object_or_404(Organization.objects.restrict(request.user), pk=pk)
        on = as_of_from(request)
        period = (
            periods_at(on=on).filter(organization=organization).first()
            or organization.periods.select_related("organization", "parent").last()
        )
        if not hasattr(period, "child_count"):
            period.child_count = None
        return Response(self.get_serializer(period).data)
