"""REST API of persons in scope; citizen ID and phone masked by role, unmasked reads logged."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from tochuc.core.api import AS_OF_PARAMETER, as_of_from
from tochuc.people.filtersets import PersonFilterSet
from tochuc.people.models import Person
from tochuc.people.sensitive import sensitive_values
from tochuc.people.services import sensitive_values_many

PURPOSE = "API persons"


class PersonSerializer(serializers.ModelSerializer):
    """A profile; `citizen_id` and `phone` come from the view as the user may see them."""

    citizen_id = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()
    hometown_code = serializers.CharField(source="hometown.code", allow_null=True, default=None)
    residence_code = serializers.CharField(source="residence.code", allow_null=True, default=None)

    class Meta:
        model = Person
        fields = [
            "id", "full_name", "sex", "date_of_birth", "ethnicity", "religion", "hometown",
            "hometown_code", "residence", "residence_code", "residence_detail", "citizen_id",
            "phone", "general_education", "professional_level", "specialty", "political_theory",
            "state_management", "occupation", "sector", "version",
        ]  # fmt: skip

    @extend_schema_field(serializers.CharField())
    def get_citizen_id(self, person) -> str:
        return self.context["sensitive"][person.pk]["citizen_id"]

    @extend_schema_field(serializers.CharField())
    def get_phone(self, person) -> str:
        return self.context["sensitive"][person.pk]["phone"]


@extend_schema_view(
    list=extend_schema(parameters=[AS_OF_PARAMETER]),
    retrieve=extend_schema(parameters=[AS_OF_PARAMETER]),
)
class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    """Cá nhân who are members placed or hosted in the user's scope on `as_of` (default today)."""

    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet
    queryset = Person.objects.none()

    def get_queryset(self):
        on = as_of_from(self.request)
        people = Person.objects.restrict(self.request.user, on=on)
        return people.select_related("hometown", "residence").order_by("name_folded", "id")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        sensitive = sensitive_values_many(page, request.user, purpose=PURPOSE)
        serializer = self.get_serializer(page, many=True, context={"sensitive": sensitive})
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        person = self.get_object()
        sensitive = {person.pk: sensitive_values(person, request.user, purpose=PURPOSE)}
        return Response(self.get_serializer(person, context={"sensitive": sensitive}).data)

    def get_serializer(self, *args, context=None, **kwargs):
        return self.get_serializer_class()(
            *args, context={**self.get_serializer_context(), **(context or {})}, **kwargs
        )
