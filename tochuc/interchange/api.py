"""REST API of the import: upload a workbook (checked in the background), follow its
progress, read its problems and rows, confirm it (written in the background). A job is
visible to its uploader only (and superusers)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from tochuc.core.api import pattern_choice, refusal
from tochuc.interchange import jobs
from tochuc.interchange.models import ImportJob, ImportProblem, ImportRow
from tochuc.interchange.outcome import STATUS_LABELS

PROBLEMS_SHOWN = 1_000
"""Problems listed in a job's detail; the rows endpoint gives every erroneous row."""

ROW_STATUS = OpenApiParameter(
    "status",
    OpenApiTypes.STR,
    enum=list(STATUS_LABELS),
    description="; ".join(f"`{key}` {label}" for key, label in STATUS_LABELS.items()),
)


ImportJobStatusField = pattern_choice("ImportJobStatusField", ImportJob.Status.choices)
ImportRowStatusField = pattern_choice("ImportRowStatusField", list(STATUS_LABELS.items()))


class ImportCountSerializer(serializers.Serializer):
    sheet = serializers.CharField()
    create = serializers.IntegerField()
    update = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    error = serializers.IntegerField()


class ImportProgressSerializer(serializers.Serializer):
    phase = serializers.CharField()
    done = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.IntegerField()


class ImportProblemSerializer(serializers.ModelSerializer):
    text = serializers.CharField(read_only=True)

    class Meta:
        model = ImportProblem
        fields = ["sheet", "row", "column", "reason", "text"]


class ImportRowSerializer(serializers.ModelSerializer):
    status = ImportRowStatusField(read_only=True)

    class Meta:
        model = ImportRow
        fields = ["sheet", "row", "key", "status", "changes", "notes", "message"]


class ImportJobSerializer(serializers.ModelSerializer):
    status = ImportJobStatusField(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    counts = ImportCountSerializer(many=True, read_only=True)
    confirmable = serializers.BooleanField(read_only=True)
    progress = serializers.SerializerMethodField()

    class Meta:
        model = ImportJob
        fields = [
            "id", "original_name", "status", "status_label", "created_at", "checked_at",
            "applied_at", "counts", "problem_count", "confirmable", "error", "progress",
        ]  # fmt: skip

    @extend_schema_field(ImportProgressSerializer(allow_null=True))
    def get_progress(self, job: ImportJob) -> dict | None:
        """Phase, rows done of total and percent while the job runs; null otherwise."""
        return jobs.progress(job.pk) if job.running else None


class ImportJobDetailSerializer(ImportJobSerializer):
    problems = serializers.SerializerMethodField()

    class Meta(ImportJobSerializer.Meta):
        fields = [*ImportJobSerializer.Meta.fields, "problems"]

    @extend_schema_field(ImportProblemSerializer(many=True))
    def get_problems(self, job: ImportJob) -> list[dict]:
        """The first 1,000 problems (sheet, row, column, reason), in workbook order."""
        shown = jobs.problems_of(job)[:PROBLEMS_SHOWN]
        return ImportProblemSerializer(shown, many=True).data


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="Tệp Excel .xlsx theo mẫu trao đổi dữ liệu.")


class ImportJobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Nhập tệp Excel: `POST` a workbook (multipart `file`) → 202, checked in the background;
    `GET {id}/` status, progress, counts per sheet and the first 1,000 problems;
    `GET {id}/rows/?status=` every row; `POST {id}/confirm/` → 202, written in the background
    (all or nothing). Only the uploader (and superusers) see a job."""

    serializer_class = ImportJobSerializer
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_queryset(self):
        return jobs.jobs_visible(self.request.user)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ImportJobDetailSerializer
        if self.action == "rows":
            return ImportRowSerializer
        return ImportJobSerializer

    @extend_schema(
        request={"multipart/form-data": UploadSerializer},
        responses={202: ImportJobSerializer},
    )
    def create(self, request, *args, **kwargs):
        incoming = UploadSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            job = jobs.job_create(user=request.user, uploaded_file=incoming.validated_data["file"])
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(parameters=[ROW_STATUS], responses=ImportRowSerializer(many=True))
    @action(detail=True, methods=["get"])
    def rows(self, request, *args, **kwargs):
        """The job's rows in workbook order, of one status if asked (paginated)."""
        job = self.get_object()
        wanted = request.query_params.get("status") or None
        if wanted is not None and wanted not in STATUS_LABELS:
            raise serializers.ValidationError(
                {"status": [f"Chọn một trong {', '.join(STATUS_LABELS)}."]}
            )
        page = self.paginate_queryset(jobs.rows_of(job, wanted))
        return self.get_paginated_response(ImportRowSerializer(page, many=True).data)

    @extend_schema(request=None, responses={202: ImportJobSerializer})
    @action(detail=True, methods=["post"])
    def confirm(self, request, *args, **kwargs):
        """Write a job checked without problems, in the background (all or nothing)."""
        job = self.get_object()
        try:
            job = jobs.job_confirm(job=job, user=request.user)
        except PermissionDenied as exc:
            raise NotFound(str(exc)) from exc
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)


def register(router) -> None:
    router.register("imports", ImportJobViewSet, basename="importjob")
