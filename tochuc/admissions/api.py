"""REST API: candidates and their steps, admission targets, progress to target. Scoped."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tochuc.admissions import selectors, services
from tochuc.admissions.filtersets import AdmissionTargetFilterSet, CandidateFilterSet
from tochuc.admissions.models import AdmissionTarget, Candidate, TargetKind
from tochuc.core.api import AS_OF_PARAMETER, as_of_from
from tochuc.core.scoping import CHANGE
from tochuc.core.services import decision_cite
from tochuc.organizations.models import Organization
from tochuc.people.catalogs import Sex


def refused(exc: DjangoValidationError) -> serializers.ValidationError:
    """A service's Vietnamese refusal as a 400 body."""
    return serializers.ValidationError({"non_field_errors": exc.messages})


class AdmissionDecisionInput(serializers.Serializer):
    number = serializers.CharField(max_length=100)
    signed_on = serializers.DateField()
    issuer = serializers.CharField(max_length=255)


def _cite(data: dict | None):
    return decision_cite(**data) if data else None


@extend_schema_field(OpenApiTypes.INT)
class ScopedOrganizationField(serializers.PrimaryKeyRelatedField):
    """An organization the user may change records of."""

    default_error_messages = {
        "does_not_exist": "Tổ chức id={pk_value} không có hoặc không thuộc phạm vi của anh/chị."
    }

    def get_queryset(self):
        return Organization.objects.restrict(self.context["request"].user, CHANGE)


class CandidateSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(source="person.full_name", read_only=True)
    date_of_birth = serializers.DateField(source="person.date_of_birth", read_only=True)
    stage = serializers.CharField(read_only=True)
    stage_label = serializers.CharField(source="get_stage_display", read_only=True)
    committee_decision = serializers.StringRelatedField()

    class Meta:
        model = Candidate
        fields = [
            "id", "person", "full_name", "date_of_birth", "organization", "stage", "stage_label",
            "course_passed_on", "applied_on", "cell_resolution_on", "committee_decision_on",
            "committee_decision", "admission_event", "withdrawn_on", "withdrawal_reason", "note",
            "version",
        ]  # fmt: skip
        read_only_fields = fields


class CandidateCreateSerializer(serializers.Serializer):
    full_name = serializers.CharField(max_length=120)
    sex = serializers.ChoiceField(choices=Sex.choices)
    date_of_birth = serializers.DateField()
    organization = ScopedOrganizationField()
    course_passed_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class CandidateStepSerializer(serializers.Serializer):
    step = serializers.ChoiceField(choices=list(services.STEPS))
    on = serializers.DateField(allow_null=True)
    decision = AdmissionDecisionInput(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, allow_null=True)


class CandidateAdmitSerializer(serializers.Serializer):
    effective_on = serializers.DateField()
    decision = AdmissionDecisionInput(required=False, allow_null=True)
    provincial_approval = serializers.BooleanField(required=False, default=False)
    version = serializers.IntegerField(required=False, allow_null=True)


class CandidateWithdrawSerializer(serializers.Serializer):
    on = serializers.DateField()
    reason = serializers.CharField()
    version = serializers.IntegerField(required=False, allow_null=True)


class CandidateViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Quần chúng ưu tú in the user's scope; `org` (+ `as_of`) narrows to a subtree.

    Steps are written through the `step`, `admit` and `withdraw` actions; refusals are 400s
    with the rule's Vietnamese message.
    """

    serializer_class = CandidateSerializer
    filterset_class = CandidateFilterSet
    queryset = Candidate.objects.none()

    def get_queryset(self):
        user = self.request.user
        if self.action in ("step", "admit", "withdraw"):
            return Candidate.objects.restrict(user, CHANGE).select_related("person")
        org = self.request.query_params.get("org")
        if self.action == "list" and org:
            if not org.isdigit():
                raise serializers.ValidationError({"org": ["Tổ chức phải ghi bằng id (số)."]})
            root = get_object_or_404(Organization.objects.restrict(user), pk=int(org))
            candidates = selectors.candidates_in(root=root, on=as_of_from(self.request), user=user)
        else:
            candidates = Candidate.objects.restrict(user)
        return candidates.select_related("person", "committee_decision").order_by("id")

    def get_serializer_class(self):
        return {
            "create": CandidateCreateSerializer,
            "step": CandidateStepSerializer,
            "admit": CandidateAdmitSerializer,
            "withdraw": CandidateWithdrawSerializer,
        }.get(self.action, CandidateSerializer)

    def _shown(self, candidate, code=status.HTTP_200_OK):
        candidate = Candidate.objects.select_related("person", "committee_decision").get(
            pk=candidate.pk
        )
        return Response(CandidateSerializer(candidate).data, status=code)

    @extend_schema(
        parameters=[
            OpenApiParameter("org", OpenApiTypes.INT, description="Cây tổ chức (id)"),
            AS_OF_PARAMETER,
        ]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=CandidateCreateSerializer, responses=CandidateSerializer)
    def create(self, request, *args, **kwargs):
        data = self._valid(request)
        try:
            candidate = services.candidate_register(**data)
        except DjangoValidationError as exc:
            raise refused(exc) from exc
        return self._shown(candidate, status.HTTP_201_CREATED)

    def _valid(self, request) -> dict:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    @extend_schema(request=CandidateStepSerializer, responses=CandidateSerializer)
    @action(detail=True, methods=["post"])
    def step(self, request, pk=None, **kwargs):
        candidate = self.get_object()
        data = self._valid(request)
        try:
            candidate = services.candidate_step(
                candidate=candidate,
                step=data["step"],
                on=data["on"],
                decision=_cite(data.get("decision")),
                expected_version=data.get("version"),
            )
        except DjangoValidationError as exc:
            raise refused(exc) from exc
        return self._shown(candidate)

    @extend_schema(request=CandidateAdmitSerializer, responses=CandidateSerializer)
    @action(detail=True, methods=["post"])
    def admit(self, request, pk=None, **kwargs):
        candidate = self.get_object()
        data = self._valid(request)
        try:
            services.candidate_admit(
                candidate=candidate,
                effective_on=data["effective_on"],
                decision=_cite(data.get("decision")),
                recorded_by=request.user,
                provincial_approval=data["provincial_approval"],
                expected_version=data.get("version"),
            )
        except DjangoValidationError as exc:
            raise refused(exc) from exc
        return self._shown(candidate)

    @extend_schema(request=CandidateWithdrawSerializer, responses=CandidateSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None, **kwargs):
        candidate = self.get_object()
        data = self._valid(request)
        try:
            candidate = services.candidate_withdraw(
                candidate=candidate,
                on=data["on"],
                reason=data["reason"],
                expected_version=data.get("version"),
            )
        except DjangoValidationError as exc:
            raise refused(exc) from exc
        return self._shown(candidate)


class AdmissionTargetSerializer(serializers.ModelSerializer):
    organization = ScopedOrganizationField()
    decision = AdmissionDecisionInput(required=False, allow_null=True, write_only=True)
    decision_cited = serializers.StringRelatedField(source="decision", read_only=True)
    year = serializers.IntegerField(required=False, allow_null=True)
    term = serializers.CharField(required=False, allow_blank=True, default="")
    starts_on = serializers.DateField(required=False, allow_null=True)
    ends_on = serializers.DateField(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, allow_null=True)

    class Meta:
        model = AdmissionTarget
        fields = [
            "id", "organization", "kind", "year", "term", "starts_on", "ends_on", "count",
            "decision", "decision_cited", "version",
        ]  # fmt: skip
        validators: list = []


class AdmissionProgressSerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    period = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    restated = serializers.BooleanField()
    count = serializers.IntegerField()
    target = serializers.IntegerField()
    percent = serializers.CharField()
    sentence = serializers.CharField()
    events = serializers.ListField(child=serializers.IntegerField())


class AdmissionTargetViewSet(viewsets.ModelViewSet):
    """Chỉ tiêu kết nạp of organizations in the user's scope (writes need the change role).

    `progress` serves "Kết nạp N, đạt P% chỉ tiêu năm YYYY (đến dd/mm/yyyy)" with the ids of
    the admission events behind N.
    """

    serializer_class = AdmissionTargetSerializer
    filterset_class = AdmissionTargetFilterSet
    queryset = AdmissionTarget.objects.none()
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self):
        action_ = "view" if self.request.method in ("GET", "HEAD", "OPTIONS") else CHANGE
        return (
            AdmissionTarget.objects.restrict(self.request.user, action_)
            .select_related("decision")
            .order_by("id")
        )

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data["decision"] = _cite(data.get("decision"))
        if data.get("kind") == TargetKind.YEAR:
            data.pop("starts_on", None), data.pop("ends_on", None)
        try:
            serializer.instance = services.target_set(
                expected_version=data.pop("version", None), **data
            )
        except DjangoValidationError as exc:
            raise refused(exc) from exc

    def perform_update(self, serializer):
        data = serializer.validated_data
        target = serializer.instance
        if "organization" in data and data["organization"] != target.organization:
            raise serializers.ValidationError(
                {
                    "organization": [
                        "Không đổi được tổ chức của một chỉ tiêu: hãy giao chỉ tiêu mới."
                    ]
                }
            )
        try:
            serializer.instance = services.target_update(
                target=target,
                count=data.get("count", target.count),
                decision=_cite(data.get("decision")),
                starts_on=data.get("starts_on"),
                ends_on=data.get("ends_on"),
                expected_version=data.get("version"),
            )
        except DjangoValidationError as exc:
            raise refused(exc) from exc

    def perform_destroy(self, instance):
        try:
            services.target_delete(target=instance)
        except DjangoValidationError as exc:
            raise refused(exc) from exc

    @extend_schema(
        parameters=[
            OpenApiParameter("org", OpenApiTypes.INT, required=True, description="Tổ chức (id)"),
            OpenApiParameter("year", OpenApiTypes.INT, description="Năm (hoặc term)"),
            OpenApiParameter("term", OpenApiTypes.STR, description="Nhiệm kỳ, ví dụ 2025-2030"),
            OpenApiParameter("as_then", OpenApiTypes.BOOL, description="Theo cây tại ngày kết nạp"),
            AS_OF_PARAMETER,
        ],
        responses=AdmissionProgressSerializer,
    )
    @action(detail=False, methods=["get"])
    def progress(self, request, **kwargs):
        params = request.query_params
        on = as_of_from(request)
        org, year, term = params.get("org", ""), params.get("year", ""), params.get("term", "")
        errors = {}
        if not org.isdigit():
            errors["org"] = ["Hãy chọn tổ chức (id)."]
        if term and not services.TERM_PATTERN.match(term):
            errors["term"] = ["Nhiệm kỳ phải ghi dạng «2025-2030»."]
        if not term and not (year.isdigit() and 1900 < int(year) < 3000):
            errors["year"] = ["Hãy ghi năm (ví dụ 2025) hoặc nhiệm kỳ."]
        if errors:
            raise serializers.ValidationError(errors)
        root = get_object_or_404(Organization.objects.restrict(request.user), pk=int(org))
        restated = params.get("as_then", "").lower() not in ("1", "true")
        result = selectors.admission_progress(
            root=root, on=on, year=None if term else int(year), term=term, restated=restated,
            user=request.user,
        )  # fmt: skip
        return Response(
            AdmissionProgressSerializer(
                {
                    "organization": root.pk,
                    "period": result.period_label,
                    "start": result.start,
                    "end": result.end,
                    "restated": restated,
                    "count": result.count,
                    "target": result.target,
                    "percent": result.percent,
                    "sentence": result.sentence,
                    "events": list(
                        result.events.order_by("effective_on", "id").values_list("id", flat=True)
                    ),
                }
            ).data
        )
