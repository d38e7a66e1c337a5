"""REST API of biên chế: headcounts (approved and actual, per unit, year and category) and
the figures behind the report lines, within the user's scope.

Report lines served:
- "tinh giản 3.846 biên chế, đạt 14,6% so với năm 2015" → `GET /api/staffing/headcounts/
  reduction/` (with the reduction target in force on `as_of`);
- cán bộ dôi dư, thiếu per unit after the 2025 reorganization → `GET /api/staffing/headcounts/
  balance/`.
Writes go through `tochuc.staffing.services`; a refusal is a 400 `{"detail": [messages]}`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tochuc.core.api import (
    AS_OF_PARAMETER,
    FIGURE_ACTION,
    DecisionInput,
    OrganizationRefField,
    as_of_from,
    refusal,
)
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.core.services import decision_cite
from tochuc.organizations.models import Organization
from tochuc.staffing import selectors, services
from tochuc.staffing.filtersets import HeadcountFilterSet
from tochuc.staffing.models import BASELINE_YEAR, Category, Headcount


@extend_schema_field(
    {
        "type": "string",
        "pattern": f"^({'|'.join(Category.values)})$",
        "description": "; ".join(f"`{value}` {label}" for value, label in Category.choices),
    }
)
class CategoryField(serializers.ChoiceField):
    """Loại biên chế, documented as a pattern (no enum component to collide with)."""

    def __init__(self, **kwargs):
        super().__init__(choices=Category.choices, **kwargs)


class HeadcountSerializer(serializers.ModelSerializer):
    organization = OrganizationRefField()
    category = CategoryField(required=False, default=Category.CIVIL_SERVANTS)
    actual = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    decision = DecisionInput(write_only=True)
    decision_cited = serializers.StringRelatedField(source="decision", read_only=True)
    difference = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Headcount
        fields = [
            "id", "organization", "year", "category", "approved", "actual", "difference",
            "decision", "decision_cited", "note", "version",
        ]  # fmt: skip
        read_only_fields = ["id", "difference", "decision_cited", "version"]
        validators: list = []


class HeadcountUpdateSerializer(serializers.Serializer):
    approved = serializers.IntegerField(min_value=0, required=False)
    actual = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    decision = DecisionInput(required=False)
    note = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, allow_null=True)


class ReductionRowSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="organization_id")
    name = serializers.CharField()
    direct = serializers.BooleanField(help_text="Cơ quan, đơn vị trực thuộc trực tiếp tổ chức.")
    baseline = serializers.IntegerField()
    approved = serializers.IntegerField()
    reduction = serializers.IntegerField()
    percent = serializers.CharField()


class TargetLineSerializer(serializers.Serializer):
    category = CategoryField()
    baseline = serializers.IntegerField()
    approved = serializers.IntegerField()
    reduction = serializers.IntegerField()
    percent = serializers.CharField()
    target_percent = serializers.IntegerField()
    required = serializers.IntegerField()
    met = serializers.BooleanField(allow_null=True)


class TargetCheckSerializer(serializers.Serializer):
    rule = serializers.CharField(source="rule.code")
    source = serializers.CharField(source="rule.source")
    baseline_year = serializers.IntegerField()
    by_year = serializers.IntegerField()
    year = serializers.IntegerField()
    met = serializers.BooleanField(allow_null=True)
    lines = TargetLineSerializer(many=True)


class ReductionSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="organization_id")
    as_of = serializers.DateField(source="on")
    year = serializers.IntegerField()
    baseline_year = serializers.IntegerField()
    category = serializers.CharField(allow_blank=True)
    baseline = serializers.IntegerField(help_text="Biên chế được giao năm gốc.")
    approved = serializers.IntegerField(help_text="Biên chế được giao năm xem.")
    reduction = serializers.IntegerField()
    percent = serializers.CharField(help_text="Một chữ số thập phân, ví dụ 14,6%.")
    sentence = serializers.CharField()
    rows = ReductionRowSerializer(many=True)
    records = serializers.ListField(child=serializers.IntegerField())
    target = TargetCheckSerializer(allow_null=True)


class BalanceRowSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="organization_id")
    name = serializers.CharField()
    category = CategoryField()
    approved = serializers.IntegerField()
    actual = serializers.IntegerField(allow_null=True)
    difference = serializers.IntegerField(allow_null=True)


class BalanceSerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    as_of = serializers.DateField(source="on")
    year = serializers.IntegerField()
    surplus_total = serializers.IntegerField()
    shortage_total = serializers.IntegerField()
    approved_total = serializers.IntegerField()
    actual_total = serializers.IntegerField()
    surplus = BalanceRowSerializer(many=True)
    shortage = BalanceRowSerializer(many=True)
    balanced = BalanceRowSerializer(many=True)
    missing = BalanceRowSerializer(many=True)


ORG = OpenApiParameter(
    "org", OpenApiTypes.STR, description="Tổ chức (id hoặc mã; mặc định: của người dùng)."
)
YEAR = OpenApiParameter("year", OpenApiTypes.INT, description="Năm (mặc định: năm của as_of).")
CATEGORY = OpenApiParameter(
    "category", OpenApiTypes.STR, enum=Category.values, description="Một loại biên chế."
)
BASELINE = OpenApiParameter(
    "baseline", OpenApiTypes.INT, description=f"Năm gốc (mặc định {BASELINE_YEAR})."
)


def _figure_params(request) -> tuple[Organization, dict]:
    params = request.query_params
    on = as_of_from(request)
    errors, years = {}, {}
    for name, default in (("year", on.year), ("baseline", BASELINE_YEAR)):
        raw = (params.get(name) or "").strip()
        if raw and not (raw.isdigit() and 1990 <= int(raw) <= 2100):
            errors[name] = ["Năm phải từ 1990 đến 2100."]
        years[name] = int(raw) if raw and name not in errors else default
    category = params.get("category", "")
    if category and category not in Category.values:
        errors["category"] = [f"«{category}» không có trong danh mục."]
    if errors:
        raise serializers.ValidationError(errors)
    raw = (params.get("org") or "").strip()
    organizations = Organization.objects.restrict(request.user)
    if not raw:
        if request.user.organization_id is None:
            raise serializers.ValidationError({"org": ["Hãy chọn tổ chức."]})
        root = get_object_or_404(organizations, pk=request.user.organization_id)
    elif raw.isdigit():
        root = get_object_or_404(organizations, pk=int(raw))
    else:
        root = get_object_or_404(organizations, code=raw)
    return root, {
        "on": on,
        "year": years["year"],
        "baseline": years["baseline"],
        "category": category,
    }


class HeadcountViewSet(viewsets.ModelViewSet):
    """Biên chế of units in the user's scope (writes need the change role and a unit in
    change scope); `reduction` and `balance` give the report's figures for a subtree."""

    serializer_class = HeadcountSerializer
    filterset_class = HeadcountFilterSet
    queryset = Headcount.objects.none()
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self):
        action_ = VIEW if self.request.method in permissions.SAFE_METHODS else CHANGE
        return (
            Headcount.objects.restrict(self.request.user, action_)
            .select_related("decision")
            .order_by("id")
        )

    def perform_create(self, serializer):
        data = serializer.validated_data
        try:
            serializer.instance = services.headcount_set(
                organization=data["organization"],
                year=data["year"],
                category=data.get("category", Category.CIVIL_SERVANTS),
                approved=data["approved"],
                actual=data.get("actual"),
                decision=decision_cite(**data["decision"]),
                note=data.get("note", ""),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc

    @extend_schema(request=HeadcountUpdateSerializer, responses=HeadcountSerializer)
    def update(self, request, *args, **kwargs):
        headcount = self.get_object()
        data = HeadcountUpdateSerializer(data=request.data, partial=kwargs.get("partial", False))
        data.is_valid(raise_exception=True)
        values = data.validated_data
        decision = headcount.decision
        if values.get("decision"):
            decision = decision_cite(**values["decision"])
        try:
            headcount = services.headcount_update(
                headcount=headcount,
                approved=values.get("approved", headcount.approved),
                actual=values.get("actual", headcount.actual),
                decision=decision,
                note=values.get("note", headcount.note),
                expected_version=values.get("version"),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(HeadcountSerializer(headcount).data)

    @extend_schema(request=HeadcountUpdateSerializer, responses=HeadcountSerializer)
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def perform_destroy(self, instance):
        try:
            services.headcount_delete(headcount=instance)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc

    @extend_schema(
        parameters=[ORG, YEAR, BASELINE, CATEGORY, AS_OF_PARAMETER],
        responses=ReductionSerializer,
    )
    @action(detail=False, methods=["get"], **FIGURE_ACTION)
    def reduction(self, request, **kwargs):
        """«Tinh giản N biên chế, đạt P% so với năm 2015» of a subtree as it stands on
        `as_of`, restated through the lineage, per unit directly under it, with the ids of
        the records behind it and the reduction target in force on `as_of`."""
        root, p = _figure_params(request)
        figure = selectors.staff_reduction(
            root=root,
            on=p["on"],
            year=p["year"],
            baseline_year=p["baseline"],
            user=request.user,
            category=p["category"],
        )
        records = selectors.headcounts_counted(
            root=root,
            on=p["on"],
            years={p["year"], p["baseline"]},
            user=request.user,
            category=p["category"],
        )
        target = selectors.reduction_target_check(
            root=root, on=p["on"], year=p["year"], user=request.user
        )
        data = {
            "organization_id": root.pk,
            "on": p["on"],
            "year": figure.year,
            "baseline_year": figure.baseline_year,
            "category": figure.category,
            "baseline": figure.baseline,
            "approved": figure.approved,
            "reduction": figure.reduction,
            "percent": figure.percent,
            "sentence": figure.sentence,
            "rows": figure.rows,
            "records": list(records.order_by("id").values_list("id", flat=True)),
            "target": target,
        }
        return Response(ReductionSerializer(data).data)

    @extend_schema(parameters=[ORG, YEAR, CATEGORY, AS_OF_PARAMETER], responses=BalanceSerializer)
    @action(detail=False, methods=["get"], **FIGURE_ACTION)
    def balance(self, request, **kwargs):
        """Dôi dư, thiếu per unit (actual − approved) for a year, with totals."""
        root, p = _figure_params(request)
        result = selectors.staff_balance(
            root=root, on=p["on"], year=p["year"], user=request.user, category=p["category"]
        )
        data = {
            "organization": root.pk,
            "on": result.on,
            "year": result.year,
            "surplus_total": result.surplus_total,
            "shortage_total": result.shortage_total,
            "approved_total": result.approved_total,
            "actual_total": result.actual_total,
            "surplus": result.surplus,
            "shortage": result.shortage,
            "balanced": result.balanced,
            "missing": result.missing,
        }
        return Response(BalanceSerializer(data).data, status=status.HTTP_200_OK)


def register(router) -> None:
    """Add this app's viewsets to the API router."""
    router.register("staffing/headcounts", HeadcountViewSet, basename="staffing-headcount")
