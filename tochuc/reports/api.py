"""REST API of the quarterly report: the live content of a report (the JSON of
docs/report-json.md), issuing it (a frozen snapshot), issued reports with what changed since,
and their documents (docx, xlsx, pdf, json)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from tochuc.core.api import DATE_INPUT, OrganizationRefField, refusal, root_from
from tochuc.core.formatting import parse_vn_date
from tochuc.reports import selectors, services
from tochuc.reports.models import IssuedReport
from tochuc.reports.quarterly import Quarter, report_date

QUARTER = OpenApiParameter("quarter", OpenApiTypes.STR, description="Quý N-YYYY, ví dụ 4-2025.")
ORG = OpenApiParameter("org", OpenApiTypes.STR, description="Id hoặc mã tổ chức.")
AS_OF = OpenApiParameter(
    "as_of", OpenApiTypes.DATE, description="Ngày tính số liệu; mặc định cuối quý hoặc hôm nay."
)
FORMAT = OpenApiParameter(
    "fmt",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    enum=list(services.FORMATS),
    description="Định dạng tệp.",
)


def _quarter(raw: str | None) -> Quarter:
    try:
        return Quarter.parse(raw or "")
    except ValueError as exc:
        raise serializers.ValidationError({"quarter": [str(exc)]}) from exc


class IssuedReportSerializer(serializers.ModelSerializer):
    issued_by = serializers.StringRelatedField()
    organization = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = IssuedReport
        fields = ["id", "organization", "quarter", "as_of", "number", "signer_name",
                  "issued_by", "issued_at", "content"]  # fmt: skip


class IssueSerializer(serializers.Serializer):
    organization = OrganizationRefField()
    quarter = serializers.CharField()
    as_of = serializers.DateField(required=False, allow_null=True, **DATE_INPUT)
    tasks = serializers.CharField(required=False, allow_blank=True, default="")
    number = serializers.CharField(required=False, allow_blank=True, default="", max_length=60)
    signer_name = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=120
    )


class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    """Báo cáo quý: `GET quarterly/` the live content; `POST /api/reports/` issues (freezes)
    it; `GET {id}/` an issued report with `changes` since; `GET {id}/download/{fmt}/`."""

    serializer_class = IssuedReportSerializer

    def get_queryset(self):
        return selectors.issued_reports(self.request.user)

    def retrieve(self, request, *args, **kwargs):
        report = self.get_object()
        changes = selectors.changes_since(report, request.user)
        data = self.get_serializer(report).data
        data["changes"] = [
            {"key": c.key, "label": c.label, "before": c.before, "after": c.after} for c in changes
        ]
        return Response(data)

    @extend_schema(request=IssueSerializer, responses=IssuedReportSerializer)
    def create(self, request, *args, **kwargs):
        incoming = IssueSerializer(data=request.data, context={"request": request})
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        quarter = _quarter(data["quarter"])
        try:
            report = services.issue(
                user=request.user,
                root=data["organization"],
                quarter=quarter,
                on=report_date(quarter, data.get("as_of")),
                tasks=data["tasks"],
                number=data["number"],
                signer_name=data["signer_name"],
            )
        except PermissionDenied as exc:
            raise NotFound(str(exc)) from exc
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(self.get_serializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[ORG, QUARTER, AS_OF], responses=OpenApiTypes.OBJECT)
    @action(detail=False, methods=["get"], pagination_class=None)
    def quarterly(self, request, **kwargs):
        """The report's content now (not issued): figures, tables, parameters."""
        quarter = _quarter(request.query_params.get("quarter"))
        raw = request.query_params.get("as_of")
        try:
            on = report_date(quarter, parse_vn_date(raw) if raw else None)
            content = services.build(
                root=root_from(request), quarter=quarter, on=on, user=request.user
            )
        except ValueError as exc:
            raise serializers.ValidationError({"as_of": [str(exc)]}) from exc
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(content)

    @extend_schema(parameters=[FORMAT], responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"], url_path=r"download/(?P<fmt>[a-z]+)")
    def download(self, request, pk=None, fmt="docx", **kwargs):
        """The issued report's document (`fmt`: docx, xlsx, pdf, json), rendered from its
        frozen content; logged as an export."""
        report = self.get_object()
        if fmt not in services.FORMATS:
            raise serializers.ValidationError({"format": [f"Chọn một trong {services.FORMATS}."]})
        result = services.export(
            content=report.content,
            fmt=fmt,
            user=request.user,
            number=report.number,
            signer_name=report.signer_name,
        )
        response = HttpResponse(result.data, content_type=result.content_type)
        response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
        return response


def register(router) -> None:
    router.register("reports", ReportViewSet, basename="report")
