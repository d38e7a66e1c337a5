"""REST API plumbing shared by every app: scoped viewsets, permissions, the as_of parameter."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers, viewsets

from tochuc.core.dating import shown
from tochuc.core.formatting import parse_vn_date

AS_OF_PARAMETER = OpenApiParameter(
    "as_of",
    OpenApiTypes.DATE,
    description="Ngày xem dữ liệu (YYYY-MM-DD hoặc dd/mm/yyyy); mặc định là hôm nay.",
)


def as_of_from(request) -> dt.date:
    """The `as_of` query parameter as a date (today when absent); 400 when malformed."""
    raw = request.query_params.get("as_of")
    if not raw:
        return timezone.localdate()
    try:
        return parse_vn_date(raw)
    except ValueError as exc:
        raise serializers.ValidationError({"as_of": [str(exc)]}) from exc


class ShownDateField(serializers.DateField):
    """A validity date: the open-end sentinels are shown as null."""

    def to_representation(self, value):
        return super().to_representation(shown(value)) if shown(value) else None


class ScopedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only viewset whose queryset is always restricted to the user's scope."""

    def get_queryset(self):
        return super().get_queryset().restrict(self.request.user)
