"""REST API of the interchange workbook: the empty template and a subtree's export."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action

from tochuc.interchange.export_views import (
    TEMPLATE_FILENAME,
    XLSX,
    export_filename,
    organization_from,
    xlsx_response,
)
from tochuc.interchange.exporter import export_subtree
from tochuc.interchange.template import template_workbook

ORG = OpenApiParameter(
    "org",
    OpenApiTypes.STR,
    description="Mã hoặc id của tổ chức gốc; mặc định tổ chức của tài khoản.",
)
WORKBOOK = {(200, XLSX): OpenApiTypes.BINARY}


class InterchangeViewSet(viewsets.ViewSet):
    """Tệp Excel trao đổi dữ liệu (docs/interchange.md): `template/` the empty workbook,
    `export/?org=` the data of an organization's subtree over its whole history."""

    @extend_schema(responses=WORKBOOK)
    @action(detail=False, methods=["get"])
    def template(self, request, *args, **kwargs):
        """The template: headers, drop-down lists, instructions sheet with examples."""
        return xlsx_response(template_workbook, TEMPLATE_FILENAME)

    @extend_schema(parameters=[ORG], responses=WORKBOOK)
    @action(detail=False, methods=["get"])
    def export(self, request, *args, **kwargs):
        """The subtree's workbook (404 outside the user's scope); logged as an export.
        Citizen IDs and phones are empty unless the user's role may read them."""
        root = organization_from(request)
        return xlsx_response(
            lambda stream: export_subtree(root, request.user, stream), export_filename(root)
        )


def register(router) -> None:
    router.register("interchange", InterchangeViewSet, basename="interchange")
