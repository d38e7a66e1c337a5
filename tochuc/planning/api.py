"""REST API of quy hoạch cán bộ: terms, plan entries (add, remove), structure targets, and
the figures: structure of a plan or a committee, removal candidates, appointment warnings.

Everything is scoped by `restrict`; writes go through `tochuc.planning.services`, and a
refusal is a 400 `{"detail": [messages]}` whose messages name the rule's source.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tochuc.cadres.models import Post
from tochuc.core.api import (
    AS_OF_PARAMETER,
    DATE_INPUT,
    FIGURE_ACTION,
    OUT_OF_SCOPE,
    DecisionInput,
    as_of_from,
    changeable_person,
    cite,
    pattern_choice,
    refusal,
    root_from,
)
from tochuc.core.scoping import CHANGE, MANAGE, VIEW
from tochuc.organizations.models import Organization
from tochuc.people.models import Person
from tochuc.planning import selectors, services
from tochuc.planning.filtersets import PlanEntryFilterSet, StructureTargetFilterSet
from tochuc.planning.models import (
    Level,
    PlanEntry,
    PlanningTerm,
    StructureCategory,
    StructureTarget,
)
from tochuc.planning.selectors import REASON_KINDS
from tochuc.planning.structure import StructureReport, committee_structure, plan_structure
from tochuc.planning.views.common import may_manage_terms

"""Figures are one object, not a filtered, paginated list."""


PlanningTrackField = pattern_choice("PlanningTrackField", PlanningTerm.Track.choices)
PlanningLevelField = pattern_choice("PlanningLevelField", Level.choices)
PlanningCategoryField = pattern_choice("PlanningCategoryField", StructureCategory.choices)

ORG_PARAMETER = OpenApiParameter(
    "org", str, description="Tổ chức gốc (id hoặc mã; mặc định: của người dùng)."
)
TERM_PARAMETER = OpenApiParameter("term", int, description="Nhiệm kỳ quy hoạch (id).")


def _term(request) -> PlanningTerm | None:
    raw = (request.query_params.get("term") or "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise serializers.ValidationError({"term": ["Nhiệm kỳ phải ghi bằng id (số)."]})
    return get_object_or_404(PlanningTerm, pk=int(raw))


# --- Serializers -------------------------------------------------------------------------------


class PlanningTermSerializer(serializers.ModelSerializer):
    track = PlanningTrackField(read_only=True)
    track_label = serializers.CharField(source="get_track_display", read_only=True)
    counting_date = serializers.DateField(read_only=True)

    class Meta:
        model = PlanningTerm
        fields = [
            "id", "name", "track", "track_label", "starts_on", "ends_on", "counting_on",
            "counting_date", "version",
        ]  # fmt: skip
        read_only_fields = fields


class PlanningTermCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=20)
    track = PlanningTrackField()
    starts_on = serializers.DateField(**DATE_INPUT)
    ends_on = serializers.DateField(**DATE_INPUT)
    counting_on = serializers.DateField(required=False, allow_null=True, **DATE_INPUT)


class PlanningTermUpdateSerializer(serializers.Serializer):
    starts_on = serializers.DateField(required=False, **DATE_INPUT)
    ends_on = serializers.DateField(required=False, **DATE_INPUT)
    counting_on = serializers.DateField(required=False, allow_null=True, **DATE_INPUT)
    version = serializers.IntegerField(
        required=False, allow_null=True, help_text="Phiên bản đã đọc (chống ghi đè)."
    )


class PlanEntrySerializer(serializers.ModelSerializer):
    term_name = serializers.CharField(source="term.__str__", read_only=True)
    post_title = serializers.CharField(source="post.title", read_only=True)
    organization = serializers.IntegerField(source="post.organization_id", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    decision = serializers.StringRelatedField()
    removal_decision = serializers.StringRelatedField()

    class Meta:
        model = PlanEntry
        fields = [
            "id", "term", "term_name", "post", "post_title", "organization", "person",
            "person_name", "added_on", "decision", "removed_on", "removal_reason",
            "removal_decision", "version",
        ]  # fmt: skip
        read_only_fields = fields


@extend_schema_field(OpenApiTypes.INT)
class ChangeablePlanPostField(serializers.PrimaryKeyRelatedField):
    """A post of an organization the user may change."""

    default_error_messages = {
        "does_not_exist": f"Chức danh {OUT_OF_SCOPE}",
        "incorrect_type": "Chức danh phải ghi bằng id (số).",
    }

    def get_queryset(self):
        return Post.objects.restrict(self.context["request"].user, CHANGE)


class PlanEntryCreateSerializer(serializers.Serializer):
    term = serializers.PrimaryKeyRelatedField(queryset=PlanningTerm.objects.all())
    post = ChangeablePlanPostField()
    person = serializers.IntegerField(help_text="Cá nhân (id), thuộc phạm vi của người dùng.")
    added_on = serializers.DateField(help_text="Ngày phê duyệt quy hoạch.", **DATE_INPUT)
    decision = DecisionInput()

    def validate(self, attrs):
        user = self.context["request"].user
        attrs["person"] = changeable_person(user, attrs["person"], attrs["added_on"])
        return attrs


class PlanEntryRemoveSerializer(serializers.Serializer):
    removed_on = serializers.DateField(
        help_text="Ngày đưa ra khỏi quy hoạch (người đó còn trong quy hoạch đến ngày hôm trước).",
        **DATE_INPUT,
    )
    reason = serializers.CharField()
    decision = DecisionInput(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, allow_null=True)


class StructureTargetSerializer(serializers.ModelSerializer):
    organization_code = serializers.CharField(source="organization.code", read_only=True)
    term_name = serializers.CharField(source="term.__str__", read_only=True)
    category = PlanningCategoryField(read_only=True)
    level = PlanningLevelField(read_only=True)
    decision = serializers.StringRelatedField()

    class Meta:
        model = StructureTarget
        fields = [
            "id", "organization", "organization_code", "term", "term_name", "category",
            "level", "minimum_share", "young_age", "decision", "version",
        ]  # fmt: skip
        read_only_fields = fields


@extend_schema_field(
    {"oneOf": [{"type": "integer"}, {"type": "string"}], "description": "Id hoặc mã tổ chức."}
)
class ManagedOrganizationField(serializers.Field):
    """An organization whose targets the user may set, by id or code."""

    default_error_messages = {"out_of_scope": f"Tổ chức {OUT_OF_SCOPE}"}

    def to_internal_value(self, data):
        raw = str(data).strip()
        organizations = Organization.objects.restrict(self.context["request"].user, MANAGE)
        found = (
            organizations.filter(pk=int(raw)).first()
            if raw.isdigit()
            else organizations.filter(code=raw).first()
            if raw
            else None
        )
        if found is None:
            self.fail("out_of_scope")
        return found

    def to_representation(self, value):
        return value.pk


class StructureTargetSetSerializer(serializers.Serializer):
    organization = ManagedOrganizationField()
    term = serializers.PrimaryKeyRelatedField(queryset=PlanningTerm.objects.all())
    category = PlanningCategoryField()
    level = PlanningLevelField()
    minimum_share = serializers.DecimalField(max_digits=5, decimal_places=2)
    young_age = serializers.IntegerField(required=False, allow_null=True)
    decision = DecisionInput(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, allow_null=True)


class PlanningPersonSerializer(serializers.ModelSerializer):
    sex = serializers.CharField(read_only=True)
    ethnicity = serializers.CharField(read_only=True)

    class Meta:
        model = Person
        fields = ["id", "full_name", "sex", "date_of_birth", "ethnicity"]
        read_only_fields = fields


class PlanningShareSerializer(serializers.Serializer):
    category = PlanningCategoryField(read_only=True)
    label = serializers.CharField()
    count = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.CharField(help_text="Tỷ lệ kiểu Việt Nam, ví dụ «40,00%».")
    minimum_share = serializers.DecimalField(
        source="minimum", max_digits=5, decimal_places=2, allow_null=True
    )
    meets = serializers.BooleanField(allow_null=True)
    persons = PlanningPersonSerializer(many=True)


class PlanningStructureSerializer(serializers.Serializer):
    term = serializers.IntegerField(source="term.pk", allow_null=True)
    level = PlanningLevelField(read_only=True)
    counting_on = serializers.DateField()
    total = serializers.IntegerField(help_text="Số người (mỗi người tính một lần).")
    shares = PlanningShareSerializer(many=True)


class RemovalCandidateSerializer(serializers.Serializer):
    entry = PlanEntrySerializer()
    reasons = serializers.ListField(child=serializers.CharField())
    kinds = serializers.ListField(child=serializers.CharField())


def _structure_data(report: StructureReport) -> dict:
    return PlanningStructureSerializer(report).data


# --- Viewsets ----------------------------------------------------------------------------------


class PlanningTermViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Nhiệm kỳ quy hoạch (shared by every organization); created by a province's
    department administrators."""

    serializer_class = PlanningTermSerializer
    queryset = PlanningTerm.objects.all()
    pagination_class = None

    @extend_schema(request=PlanningTermCreateSerializer, responses=PlanningTermSerializer)
    def create(self, request, *args, **kwargs):
        """Thêm nhiệm kỳ quy hoạch (quản trị Ban Tổ chức cấp tỉnh)."""
        if not may_manage_terms(request.user, timezone.localdate()):
            raise serializers.ValidationError(
                {"detail": ["Chỉ quản trị Ban Tổ chức cấp tỉnh được thêm nhiệm kỳ."]}
            )
        data = PlanningTermCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            term = services.term_create(**data.validated_data)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(PlanningTermSerializer(term).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PlanningTermUpdateSerializer, responses=PlanningTermSerializer)
    def partial_update(self, request, *args, **kwargs):
        """Sửa ngày của nhiệm kỳ và ngày tính tuổi (quản trị Ban Tổ chức cấp tỉnh); refused
        when a plan entry of the term would fall outside it; `version` guards a concurrent
        edit."""
        if not may_manage_terms(request.user, timezone.localdate()):
            raise serializers.ValidationError(
                {"detail": ["Chỉ quản trị Ban Tổ chức cấp tỉnh được sửa nhiệm kỳ."]}
            )
        term = self.get_object()
        data = PlanningTermUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            term = services.term_update(
                term=term,
                starts_on=values.get("starts_on", term.starts_on),
                ends_on=values.get("ends_on", term.ends_on),
                counting_on=values.get("counting_on", term.counting_on),
                expected_version=values.get("version"),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(PlanningTermSerializer(term).data)


@extend_schema_view(
    list=extend_schema(
        parameters=[AS_OF_PARAMETER, ORG_PARAMETER],
        description="Người trong quy hoạch vào ngày `as_of` của các chức danh thuộc cây tổ "
        "chức `org` (mỗi dòng là một lượt: một người, một chức danh).",
    ),
    retrieve=extend_schema(description="Một lượt quy hoạch."),
)
class PlanEntryViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Quy hoạch cán bộ: who is planned for which post, from which decision, until when."""

    serializer_class = PlanEntrySerializer
    filterset_class = PlanEntryFilterSet
    queryset = PlanEntry.objects.none()

    def get_queryset(self):
        action_ = VIEW if self.request.method in permissions.SAFE_METHODS else CHANGE
        entries = PlanEntry.objects.restrict(self.request.user, action_).select_related(
            "term", "post", "person", "decision", "removal_decision"
        )
        if self.action == "list":
            on = as_of_from(self.request)
            root = root_from(self.request)
            entries = selectors.plan_entries(
                root=root, on=on, user=self.request.user
            ).select_related("removal_decision")
        return entries.order_by("id")

    @extend_schema(request=PlanEntryCreateSerializer, responses=PlanEntrySerializer)
    def create(self, request, *args, **kwargs):
        """Phê duyệt quy hoạch: refused (400) by the rules of `rules.py` with their source."""
        data = PlanEntryCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            with transaction.atomic():
                entry = services.plan_add(
                    term=values["term"],
                    post=values["post"],
                    person=values["person"],
                    added_on=values["added_on"],
                    decision=cite(values["decision"]),
                )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(PlanEntrySerializer(entry).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PlanEntryRemoveSerializer, responses=PlanEntrySerializer)
    @action(detail=True, methods=["post"])
    def remove(self, request, pk=None, **kwargs):
        """Đưa ra khỏi quy hoạch from a date, with the reason; the entry is kept."""
        entry = self.get_object()
        data = PlanEntryRemoveSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            with transaction.atomic():
                entry = services.plan_remove(
                    entry=entry,
                    removed_on=values["removed_on"],
                    reason=values["reason"],
                    decision=cite(values.get("decision")),
                    expected_version=values.get("version"),
                )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(PlanEntrySerializer(entry).data)

    @extend_schema(
        parameters=[
            AS_OF_PARAMETER,
            ORG_PARAMETER,
            TERM_PARAMETER,
            OpenApiParameter("level", str, description="`commune` hoặc `province`."),
        ],
        responses=PlanningStructureSerializer,
    )
    @action(detail=False, methods=["get"], **FIGURE_ACTION)
    def structure(self, request, **kwargs):
        """Cơ cấu quy hoạch: shares of women, young, ethnic minority among the persons planned
        in a term for the subtree's posts of one level, each with its target and people."""
        on = as_of_from(request)
        root = root_from(request)
        term = _term(request) or selectors.default_term(on)
        if term is None:
            raise serializers.ValidationError({"term": ["Chưa có nhiệm kỳ quy hoạch."]})
        level = request.query_params.get("level") or None
        if level and level not in Level.values:
            raise serializers.ValidationError({"level": ["Cấp phải là commune hoặc province."]})
        report = plan_structure(root=root, term=term, on=on, user=request.user, level=level)
        return Response(_structure_data(report))

    @extend_schema(
        parameters=[AS_OF_PARAMETER, ORG_PARAMETER, TERM_PARAMETER],
        responses=PlanningStructureSerializer,
    )
    @action(detail=False, methods=["get"], url_path="committee-structure", **FIGURE_ACTION)
    def committee_structure(self, request, **kwargs):
        """Cơ cấu Ban Chấp hành of an organization on a date against the party term's
        targets, with the people behind each share."""
        on = as_of_from(request)
        root = root_from(request)
        term = _term(request)
        report = committee_structure(organization=root, on=on, user=request.user, term=term)
        return Response(_structure_data(report))

    @extend_schema(
        parameters=[
            AS_OF_PARAMETER,
            ORG_PARAMETER,
            TERM_PARAMETER,
            OpenApiParameter("kind", str, description="`age`, `discipline` hoặc `confidence`."),
        ],
        responses=RemovalCandidateSerializer(many=True),
    )
    @action(detail=False, methods=["get"], url_path="removal-candidates", **FIGURE_ACTION)
    def removal_candidates(self, request, **kwargs):
        """Đề nghị đưa ra khỏi quy hoạch: entries a rule in force on `as_of` puts out of the
        plan (over age, disciplined, low confidence); flagged, never removed."""
        on = as_of_from(request)
        kind = request.query_params.get("kind") or None
        if kind and kind not in REASON_KINDS:
            raise serializers.ValidationError({"kind": ["Lý do không hợp lệ."]})
        found = selectors.removal_candidates(
            root=root_from(request), on=on, user=request.user, term=_term(request), kind=kind
        )
        rows = [{"entry": c.entry, "reasons": c.reasons, "kinds": sorted(c.kinds)} for c in found]
        return Response(RemovalCandidateSerializer(rows, many=True).data)

    @extend_schema(
        parameters=[
            AS_OF_PARAMETER,
            OpenApiParameter("person", int, required=True, description="Cá nhân (id)."),
            OpenApiParameter("post", int, required=True, description="Chức danh (id)."),
        ],
        responses=inline_serializer(
            "PlanningAppointmentWarnings",
            {"warnings": serializers.ListField(child=serializers.CharField())},
        ),
    )
    @action(detail=False, methods=["get"], url_path="appointment-warnings", **FIGURE_ACTION)
    def appointment_warnings(self, request, **kwargs):
        """Cảnh báo khi bổ nhiệm người chưa được quy hoạch chức danh (hoặc tương đương)."""
        on = as_of_from(request)
        ids = {}
        for name in ("person", "post"):
            raw = request.query_params.get(name, "")
            if not raw.isdigit():
                raise serializers.ValidationError({name: ["Hãy ghi id (số)."]})
            ids[name] = int(raw)
        post = get_object_or_404(Post.objects.restrict(request.user), pk=ids["post"])
        person = get_object_or_404(Person.objects.restrict(request.user, on=on), pk=ids["person"])
        warnings = selectors.appointment_warnings(person=person, post=post, on=on)
        return Response({"warnings": warnings})


class StructureTargetViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Mục tiêu cơ cấu set by organizations in the user's scope; POST sets one (creates or
    replaces the target of that organization, term, category and level; role MANAGE)."""

    serializer_class = StructureTargetSerializer
    filterset_class = StructureTargetFilterSet
    queryset = StructureTarget.objects.none()

    def get_queryset(self):
        return (
            StructureTarget.objects.restrict(self.request.user)
            .select_related("organization", "term", "decision")
            .order_by("id")
        )

    @extend_schema(request=StructureTargetSetSerializer, responses=StructureTargetSerializer)
    def create(self, request, *args, **kwargs):
        """Đặt mục tiêu cơ cấu (quản trị Ban Tổ chức, trong phạm vi của mình)."""
        data = StructureTargetSetSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            with transaction.atomic():
                target = services.target_set(
                    organization=values["organization"],
                    term=values["term"],
                    category=values["category"],
                    level=values["level"],
                    minimum_share=values["minimum_share"],
                    young_age=values.get("young_age"),
                    decision=cite(values.get("decision")),
                    expected_version=values.get("version"),
                )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(StructureTargetSerializer(target).data, status=status.HTTP_201_CREATED)


def register(router) -> None:
    """Add this app's viewsets to the API router."""
    router.register("planning-terms", PlanningTermViewSet, basename="planningterm")
    router.register("plan-entries", PlanEntryViewSet, basename="planentry")
    router.register("structure-targets", StructureTargetViewSet, basename="structuretarget")
