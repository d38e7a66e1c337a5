"""REST API of the card exchange: records (list, detail, declare, steps) and progress."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tochuc.cards import selectors, services
from tochuc.cards.campaign import STEP_NAMES, STEPS, campaign_series
from tochuc.cards.filtersets import CardExchangeFilterSet
from tochuc.cards.models import CardExchange
from tochuc.core.api import AS_OF_PARAMETER, as_of_from, refusal
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.members.selectors import members_at
from tochuc.organizations.models import Organization
from tochuc.people.models import Person


class CardExchangeSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    next_step = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = CardExchange
        fields = [
            "id", "person", "person_name", "series", "organization", "old_card_number",
            *(f"{step}_on" for step in STEP_NAMES), "verified_by", "new_card_number", "event",
            "next_step", "version",
        ]  # fmt: skip
        read_only_fields = fields


class DeclareSerializer(serializers.Serializer):
    person = serializers.IntegerField()
    declared_on = serializers.DateField(input_formats=["%Y-%m-%d", "%d/%m/%Y"])


class StepSerializer(serializers.Serializer):
    step = serializers.ChoiceField(choices=STEPS[1:])
    on = serializers.DateField(input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    card_number = serializers.CharField(max_length=20, required=False, allow_blank=True)
    version = serializers.IntegerField(required=False)


class ProgressSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="organization_id")
    name = serializers.CharField()
    direct = serializers.BooleanField()
    eligible = serializers.IntegerField(source="progress.eligible")
    done = serializers.IntegerField(source="progress.done")
    percent = serializers.CharField(source="progress.percent")
    not_declared = serializers.IntegerField(source="progress.not_declared")
    steps = serializers.DictField(source="progress.steps", child=serializers.IntegerField())


class CardExchangeViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Hồ sơ đổi thẻ within the user's scope; POST declares a member, `step` records a step,
    `progress` gives eligible, done and 'đạt P%' of a subtree with one row per child."""

    serializer_class = CardExchangeSerializer
    filterset_class = CardExchangeFilterSet
    queryset = CardExchange.objects.none()

    def get_queryset(self):
        action_ = VIEW if self.request.method in permissions.SAFE_METHODS else CHANGE
        return (
            CardExchange.objects.restrict(self.request.user, action_)
            .select_related("person")
            .order_by("id")
        )

    @extend_schema(request=DeclareSerializer, responses=CardExchangeSerializer)
    def create(self, request, *args, **kwargs):
        """Kê khai đổi thẻ for a member counted in the user's scope on the declaration date."""
        data = DeclareSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        on = data.validated_data["declared_on"]
        in_scope = members_at(on=on, user=request.user).filter(
            person_id=data.validated_data["person"]
        )
        if not request.user.may(CHANGE) or not in_scope.exists():
            raise serializers.ValidationError(
                {"person": ["Đảng viên không sinh hoạt trong phạm vi của anh/chị vào ngày đó."]}
            )
        person = Person.objects.get(pk=data.validated_data["person"])
        try:
            exchange = services.card_exchange_declare(
                person=person, declared_on=on, recorded_by=request.user
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(CardExchangeSerializer(exchange).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=StepSerializer, responses=CardExchangeSerializer)
    @action(detail=True, methods=["post"])
    def step(self, request, pk=None, **kwargs):
        """Record the next step; `card_number` is required for «received»."""
        exchange = self.get_object()
        data = StepSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            exchange = services.card_exchange_step(
                exchange=exchange,
                step=values["step"],
                on=values["on"],
                recorded_by=request.user,
                expected_version=values.get("version"),
                card_number=values.get("card_number", ""),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(CardExchangeSerializer(exchange).data)

    @extend_schema(
        parameters=[
            AS_OF_PARAMETER,
            OpenApiParameter("org", int, description="Tổ chức (mặc định: của người dùng)."),
        ],
        responses=inline_serializer(
            "CardExchangeProgress",
            {
                "organization": serializers.IntegerField(),
                "as_of": serializers.DateField(),
                "series": serializers.CharField(),
                "eligible": serializers.IntegerField(),
                "done": serializers.IntegerField(),
                "percent": serializers.CharField(),
                "not_declared": serializers.IntegerField(),
                "steps": serializers.DictField(child=serializers.IntegerField()),
                "rows": ProgressSerializer(many=True),
            },
        ),
    )
    @action(detail=False, methods=["get"], filterset_class=None, pagination_class=None)
    def progress(self, request, **kwargs):
        """Đổi thẻ of a subtree as of a date: «đổi thẻ 126.014 đảng viên (đạt 94,28%)»."""
        on = as_of_from(request)
        raw = request.query_params.get("org") or request.user.organization_id
        if raw is None:
            raise serializers.ValidationError({"org": ["Hãy chọn tổ chức."]})
        try:
            pk = int(raw)
        except (TypeError, ValueError) as exc:
            raise serializers.ValidationError({"org": ["Mã tổ chức không hợp lệ."]}) from exc
        root = get_object_or_404(Organization.objects.restrict(request.user), pk=pk)
        rows, total = selectors.card_exchange_board(root=root, on=on, user=request.user)
        return Response(
            {
                "organization": root.pk,
                "as_of": on,
                "series": campaign_series(on),
                "eligible": total.eligible,
                "done": total.done,
                "percent": total.percent,
                "not_declared": total.not_declared,
                "steps": total.steps,
                "rows": ProgressSerializer(rows, many=True).data,
            }
        )
