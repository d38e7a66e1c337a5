"""REST API of the indicator registry: the definitions, a figure for a subtree and date, and
the records behind it (paginated). The same registry serves the dashboard, the quarterly
report and the CLI, so the API's figures are the report's."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response

from tochuc.core.api import AS_OF_PARAMETER, as_of_from, root_from
from tochuc.core.formatting import parse_vn_date
from tochuc.indicators import registry

ORG = OpenApiParameter("org", OpenApiTypes.STR, description="Id hoặc mã tổ chức (gốc cây con).")
START = OpenApiParameter(
    "start", OpenApiTypes.DATE, description="Đầu kỳ của chỉ tiêu trong kỳ; mặc định đầu quý."
)
SINCE = OpenApiParameter(
    "since", OpenApiTypes.DATE, description="Mốc lũy kế; mặc định 01/07/2025 hoặc đầu năm."
)
PART = OpenApiParameter("part", OpenApiTypes.STR, description="Thành phần («whole» hoặc khóa).")


def query_from(request) -> registry.Query:
    """The registry query of the request: `org`, `as_of`, `start`, `since`."""
    dates = {}
    for name in ("start", "since"):
        raw = request.query_params.get(name)
        if raw:
            try:
                dates[name] = parse_vn_date(raw)
            except ValueError as exc:
                raise serializers.ValidationError({name: [str(exc)]}) from exc
    return registry.Query.of(root_from(request), as_of_from(request), user=request.user, **dates)


def indicator_or_404(key: str) -> registry.Indicator:
    try:
        return registry.get(key)
    except KeyError as exc:
        raise Http404(f"Không có chỉ tiêu «{key}».") from exc


def definition(indicator: registry.Indicator) -> dict:
    return {
        "key": indicator.key,
        "label": indicator.label,
        "line": indicator.line,
        "counts": indicator.counts,
        "unit": indicator.unit,
        "span": indicator.span,
        "section": indicator.section,
        "drills": list(indicator.drills),
        "method": indicator.method,
        "definition": indicator.definition,
    }


def cell(value):
    """A drill-down cell as JSON: dates ISO, numbers as they are, the rest as text."""
    if value is None or isinstance(value, int | float | str | bool):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


FIGURE = inline_serializer(
    "IndicatorFigure",
    {
        "key": serializers.CharField(),
        "label": serializers.CharField(),
        "counts": serializers.CharField(),
        "span": serializers.CharField(),
        "value": serializers.IntegerField(),
        "whole": serializers.IntegerField(allow_null=True),
        "percent": serializers.CharField(allow_null=True),
        "text": serializers.CharField(),
        "note": serializers.CharField(),
        "parts": serializers.ListField(child=serializers.DictField()),
        "checks": serializers.ListField(child=serializers.DictField()),
        "query": serializers.DictField(),
    },
)


class IndicatorViewSet(viewsets.ViewSet):
    """Chỉ tiêu báo cáo: `GET /api/indicators/` (definitions), `GET /api/indicators/{key}/`
    (the figure), `GET /api/indicators/{key}/records/?part=` (the records behind it)."""

    lookup_value_regex = r"[a-z_]+"

    @extend_schema(
        responses=inline_serializer("IndicatorDefinition", {"key": serializers.CharField()})
    )
    def list(self, request, *args, **kwargs):
        return Response([definition(i) for i in registry.REGISTRY.values()])

    @extend_schema(parameters=[ORG, AS_OF_PARAMETER, START, SINCE], responses=FIGURE)
    def retrieve(self, request, pk: str, *args, **kwargs):
        indicator = indicator_or_404(pk)
        query = query_from(request)
        return Response(indicator.compute(query).as_dict() | {"query": query.as_dict()})

    @extend_schema(
        parameters=[ORG, AS_OF_PARAMETER, START, SINCE, PART], responses=OpenApiTypes.OBJECT
    )
    @action(detail=True, methods=["get"])
    def records(self, request, pk: str, *args, **kwargs):
        indicator = indicator_or_404(pk)
        part = request.query_params.get("part", "")
        if part not in indicator.drills:
            raise serializers.ValidationError(
                {
                    "part": [
                        f"Chỉ tiêu này chỉ xem được: {', '.join(indicator.drills) or '(giá trị)'}."
                    ]
                }
            )
        found = indicator.records(query_from(request), part)
        paginator = LimitOffsetPagination()
        page = paginator.paginate_queryset(found.rows, request, view=self)
        headers = [column.header for column in found.columns]
        rows = [{c.header: cell(c.of(row)) for c in found.columns} for row in page]
        response = paginator.get_paginated_response(rows)
        response.data["title"] = found.title
        response.data["columns"] = headers
        return response


def register(router) -> None:
    router.register("indicators", IndicatorViewSet, basename="indicator")
