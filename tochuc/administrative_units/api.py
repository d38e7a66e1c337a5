"""REST API for administrative units: public reference data for any signed-in user."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from tochuc.administrative_units.filtersets import AdministrativeUnitFilterSet
from tochuc.administrative_units.models import AdministrativeUnit, UnitLineage
from tochuc.core.api import ShownDateField


class AdministrativeUnitSerializer(serializers.ModelSerializer):
    valid_from = ShownDateField()
    valid_to = ShownDateField()

    class Meta:
        model = AdministrativeUnit
        fields = [
            "id",
            "generation",
            "level",
            "code",
            "key",
            "unit_type",
            "name",
            "short_name",
            "parent",
            "valid_from",
            "valid_to",
            "latitude",
            "longitude",
            "area_km2",
        ]


class LineageLinkSerializer(serializers.Serializer):
    """One predecessor or successor of a unit, with how the unit passed."""

    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    effective_on = serializers.DateField()
    is_whole = serializers.BooleanField()
    is_default = serializers.BooleanField()


def _links(links, side: str) -> list[dict]:
    return [
        {
            "id": getattr(link, f"{side}_id"),
            "code": getattr(link, side).code,
            "name": getattr(link, side).name,
            "effective_on": link.effective_on,
            "is_whole": link.is_whole,
            "is_default": link.is_default,
        }
        for link in links
    ]


class AdministrativeUnitDetailSerializer(AdministrativeUnitSerializer):
    predecessors = serializers.SerializerMethodField()
    successors = serializers.SerializerMethodField()

    class Meta(AdministrativeUnitSerializer.Meta):
        fields = [*AdministrativeUnitSerializer.Meta.fields, "predecessors", "successors"]

    @extend_schema_field(LineageLinkSerializer(many=True))
    def get_predecessors(self, unit):
        return _links(unit.predecessor_links.all(), "predecessor")

    @extend_schema_field(LineageLinkSerializer(many=True))
    def get_successors(self, unit):
        return _links(unit.successor_links.all(), "successor")


class AdministrativeUnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Đơn vị hành chính (tỉnh, huyện trước 01/07/2025, xã) with their 2025 lineage.

    Public reference data: every signed-in user sees all units, whatever their scope.
    Without `as_of` the list holds both generations (before and from 1 July 2025).
    Open-ended validity dates are null. The detail adds predecessors and successors.
    """

    queryset = AdministrativeUnit.objects.order_by("generation", "level", "code")
    filterset_class = AdministrativeUnitFilterSet

    def get_queryset(self):
        units = super().get_queryset()
        if self.action == "retrieve":
            units = units.prefetch_related(
                Prefetch(
                    "predecessor_links",
                    UnitLineage.objects.select_related("predecessor").order_by(
                        "predecessor__level", "predecessor__code"
                    ),
                ),
                Prefetch(
                    "successor_links",
                    UnitLineage.objects.select_related("successor").order_by(
                        "-is_default", "successor__code"
                    ),
                ),
            )
        return units

    def get_serializer_class(self):
        if self.action == "retrieve":
            return AdministrativeUnitDetailSerializer
        return AdministrativeUnitSerializer
