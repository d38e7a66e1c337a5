"""REST API of the member registry: members as of a date, membership events and corrections."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tochuc.core.api import AS_OF_PARAMETER, as_of_from
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.core.services import decision_cite
from tochuc.members import selectors, services
from tochuc.members.filtersets import MemberFilterSet
from tochuc.members.models import EventCorrection, EventKind, MembershipEvent, MembershipSpan
from tochuc.organizations.models import Organization
from tochuc.people.models import Person

ORG_PARAMETER = OpenApiParameter(
    "org",
    OpenApiTypes.INT,
    description="Id tổ chức gốc của cây cần xem; mặc định là tổ chức của người dùng.",
)


class AsOfFilterBackend(filters.DjangoFilterBackend):
    """Hands the request's `as_of` to filtersets that take `on` (the age bands need it)."""

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        if getattr(view, "filterset_takes_date", False):
            kwargs["on"] = as_of_from(request)
        return kwargs


def refusal(exc: DjangoValidationError) -> serializers.ValidationError:
    """A service's refusal as an HTTP 400 carrying its Vietnamese messages."""
    return serializers.ValidationError({"non_field_errors": exc.messages})


class MemberSerializer(serializers.ModelSerializer):
    """A member counted on `as_of`: the person and what they were that day."""

    person = serializers.IntegerField(source="person_id")
    full_name = serializers.CharField(source="person.full_name")
    sex = serializers.CharField(source="person.sex")
    date_of_birth = serializers.DateField(source="person.date_of_birth")
    organization_code = serializers.CharField(source="organization.code")
    organization_name = serializers.CharField(allow_null=True)
    host_organization_code = serializers.CharField(
        source="host_organization.code", allow_null=True, default=None
    )

    class Meta:
        model = MembershipSpan
        fields = [
            "person", "full_name", "sex", "date_of_birth", "status", "organization",
            "organization_code", "organization_name", "host_organization",
            "host_organization_code", "exempt", "admitted_on", "confirmed_on", "card_number",
            "card_series",
        ]  # fmt: skip


@extend_schema_view(list=extend_schema(parameters=[AS_OF_PARAMETER, ORG_PARAMETER]))
class MemberViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Đảng viên counted on `as_of` (default today) in the subtree of `org`, in scope."""

    serializer_class = MemberSerializer
    filterset_class = MemberFilterSet
    filter_backends = [AsOfFilterBackend]
    filterset_takes_date = True
    queryset = MembershipSpan.objects.none()

    def get_queryset(self):
        on = as_of_from(self.request)
        user = self.request.user
        raw = self.request.query_params.get("org")
        if raw:
            if not raw.isdigit():
                raise serializers.ValidationError({"org": ["Id tổ chức không hợp lệ."]})
            root = get_object_or_404(Organization.objects.restrict(user), pk=int(raw))
        else:
            root = user.organization
        return selectors.member_rows(selectors.members_at(on=on, root=root, user=user), on=on)


@extend_schema_field(
    {
        "type": "string",
        "pattern": f"^({'|'.join(EventKind.values)})$",
        "description": "Loại sự kiện: " + "; ".join(f"`{k.value}` {k.label}" for k in EventKind),
    }
)
class EventKindField(serializers.ChoiceField):
    """The event kind, described by a pattern: an enum named «kind» exists in other apps."""

    def __init__(self, **kwargs):
        super().__init__(choices=EventKind.choices, **kwargs)


class DecisionSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=100)
    signed_on = serializers.DateField()
    issuer = serializers.CharField(max_length=255)


class MembershipEventSerializer(serializers.ModelSerializer):
    """An event as recorded; voided ones carry `is_void` and their correction's reason."""

    kind = EventKindField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    organization_code = serializers.CharField(
        source="organization.code", allow_null=True, default=None
    )
    decision = serializers.StringRelatedField()
    correction_reason = serializers.SerializerMethodField()

    class Meta:
        model = MembershipEvent
        fields = [
            "id", "person", "kind", "kind_label", "effective_on", "organization",
            "organization_code", "decision", "status", "admitted_on", "card_number",
            "card_series", "provincial_approval", "note", "is_void", "correction_reason",
            "recorded_at",
        ]  # fmt: skip

    def get_correction_reason(self, event) -> str | None:
        return event.correction.reason if event.is_void else None


@extend_schema_field(OpenApiTypes.INT)
class ChangeableOrganizationField(serializers.PrimaryKeyRelatedField):
    """An organization the requesting user may change."""

    def get_queryset(self):
        return Organization.objects.restrict(self.context["request"].user, CHANGE)


@extend_schema_field(OpenApiTypes.INT)
class ChangeablePersonField(serializers.PrimaryKeyRelatedField):
    """A person the requesting user may change on `as_of`."""

    def get_queryset(self):
        request = self.context["request"]
        return Person.objects.restrict(request.user, CHANGE, on=as_of_from(request))


class EventWriteSerializer(serializers.Serializer):
    """What `event_record` needs; the organization must be one the user may change."""

    kind = EventKindField()
    effective_on = serializers.DateField()
    organization = ChangeableOrganizationField(required=False, allow_null=True)
    decision = DecisionSerializer(required=False, allow_null=True)
    status = serializers.CharField(required=False, allow_blank=True, default="")
    admitted_on = serializers.DateField(required=False, allow_null=True, default=None)
    card_number = serializers.CharField(required=False, allow_blank=True, default="")
    card_series = serializers.CharField(required=False, allow_blank=True, default="")
    provincial_approval = serializers.BooleanField(required=False, default=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")


def event_details(validated: dict) -> dict:
    """Keyword arguments of `event_record` from validated data, the decision cited."""
    details = {k: v for k, v in validated.items() if k != "person"}
    cited = details.pop("decision", None)
    details["decision"] = decision_cite(**cited) if cited else None
    return details


class EventCreateSerializer(EventWriteSerializer):
    person = ChangeablePersonField()


class CorrectionSerializer(serializers.Serializer):
    reason = serializers.CharField()
    replacement = EventWriteSerializer(required=False, allow_null=True)


class CorrectionResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = EventCorrection
        fields = ["id", "event", "replacement", "reason", "recorded_at"]


class EventFilterSet(filters.FilterSet):
    person = filters.NumberFilter(field_name="person_id", label="Cá nhân (id)")
    kind = filters.MultipleChoiceFilter(choices=EventKind.choices, label="Loại")

    class Meta:
        model = MembershipEvent
        fields = ["person", "kind"]


@extend_schema_view(
    list=extend_schema(parameters=[AS_OF_PARAMETER]),
    retrieve=extend_schema(parameters=[AS_OF_PARAMETER]),
    create=extend_schema(
        parameters=[AS_OF_PARAMETER],
        request=EventCreateSerializer,
        responses={201: MembershipEventSerializer},
    ),
)
class MembershipEventViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Sự kiện đảng viên of persons in scope on `as_of`, voided ones included.

    Creating an event replays the person's whole history against the rules; a refusal is a
    400 with the Vietnamese message, and nothing is written.
    """

    serializer_class = MembershipEventSerializer
    filterset_class = EventFilterSet
    queryset = MembershipEvent.objects.none()

    def get_queryset(self):
        action_needed = VIEW if self.request.method in ("GET", "HEAD", "OPTIONS") else CHANGE
        people = Person.objects.restrict(
            self.request.user, action_needed, on=as_of_from(self.request)
        )
        return (
            MembershipEvent.objects.filter(person__in=people)
            .select_related("organization", "decision", "correction")
            .order_by("person_id", "effective_on", "id")
        )

    def get_serializer_class(self):
        if self.action == "create":
            return EventCreateSerializer
        if self.action == "correct":
            return CorrectionSerializer
        return MembershipEventSerializer

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        person = serializer.validated_data["person"]
        try:
            with transaction.atomic():
                event = services.event_record(
                    person=person,
                    recorded_by=request.user,
                    **event_details(serializer.validated_data),
                )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(MembershipEventSerializer(event).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[AS_OF_PARAMETER],
        request=CorrectionSerializer,
        responses={201: CorrectionResultSerializer},
    )
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None, **kwargs):
        """Đính chính: void this event (with a reason), optionally recording its replacement."""
        event = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        replacement = serializer.validated_data.get("replacement")
        try:
            with transaction.atomic():
                correction = services.event_correct(
                    event=event,
                    reason=serializer.validated_data["reason"],
                    replacement=event_details(replacement) if replacement else None,
                    recorded_by=request.user,
                )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(CorrectionResultSerializer(correction).data, status=status.HTTP_201_CREATED)
