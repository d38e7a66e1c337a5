"""REST API plumbing shared by every app: scoped viewsets, permissions, the as_of parameter."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import permissions, serializers, viewsets

from tochuc.core.dating import shown
from tochuc.core.formatting import parse_vn_date
from tochuc.core.scoping import CHANGE, VIEW

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


DATE_INPUT = {"input_formats": ["%Y-%m-%d", "%d/%m/%Y"]}
"""Date inputs accept ISO and the Vietnamese dd/mm/yyyy."""

OUT_OF_SCOPE = "không có hoặc không thuộc phạm vi của anh/chị."
"""Said of a record that is missing or outside the user's scope, without telling which."""

FIGURE_ACTION = {"filterset_class": None, "pagination_class": None}
"""Figures are one object, not a filtered, paginated list."""


def refusal(exc: DjangoValidationError) -> serializers.ValidationError:
    """A service's Vietnamese refusal as a 400 body `{"detail": [messages]}`."""
    return serializers.ValidationError({"detail": exc.messages})


def action_needed(request) -> str:
    """VIEW for reads, CHANGE for writes."""
    return VIEW if request.method in permissions.SAFE_METHODS else CHANGE


def pattern_choice(name: str, choices) -> type[serializers.ChoiceField]:
    """A choice field documented as a pattern rather than an enum component, so that field
    names shared by several apps («kind», «level») never collide in the schema."""
    values = [value for value, _ in choices]
    schema = {
        "type": "string",
        "pattern": f"^({'|'.join(values)})$",
        "description": "; ".join(f"`{value}` {label}" for value, label in choices),
    }

    def __init__(self, **kwargs):
        serializers.ChoiceField.__init__(self, choices=choices, **kwargs)

    return extend_schema_field(schema)(
        type(name, (serializers.ChoiceField,), {"__init__": __init__})
    )


def root_from(request, param: str = "org"):
    """The organization named by the query parameter `param` (id or code; default the
    user's own), within the user's view scope; 404 outside it."""
    from tochuc.organizations.models import Organization

    raw = (request.query_params.get(param) or "").strip()
    organizations = Organization.objects.restrict(request.user)
    if not raw:
        if request.user.organization_id is None:
            raise serializers.ValidationError({param: ["Hãy chọn tổ chức."]})
        return get_object_or_404(organizations, pk=request.user.organization_id)
    if raw.isdigit():
        return get_object_or_404(organizations, pk=int(raw))
    return get_object_or_404(organizations, code=raw)


@extend_schema_field(
    {"oneOf": [{"type": "integer"}, {"type": "string"}], "description": "Id hoặc mã tổ chức."}
)
class OrganizationRefField(serializers.Field):
    """An organization the user may change, by id or code."""

    default_error_messages = {"out_of_scope": f"Tổ chức {OUT_OF_SCOPE}"}

    def to_internal_value(self, data):
        from tochuc.organizations.models import Organization

        raw = str(data).strip()
        organizations = Organization.objects.restrict(self.context["request"].user, CHANGE)
        if raw.isdigit():
            found = organizations.filter(pk=int(raw)).first()
        else:
            found = organizations.filter(code=raw).first() if raw else None
        if found is None:
            self.fail("out_of_scope")
        return found

    def to_representation(self, value):
        return value.pk


class DecisionInput(serializers.Serializer):
    """Quyết định (number, date, issuer) cited by a write: created on first use."""

    number = serializers.CharField(max_length=100)
    signed_on = serializers.DateField(**DATE_INPUT)
    issuer = serializers.CharField(max_length=255)


def cite(data: dict | None):
    """The decision a `DecisionInput` names (created on first use), or None."""
    from tochuc.core.services import decision_cite

    return decision_cite(**data) if data else None


def changeable_person(user, pk: int, on: dt.date):
    """The person `pk` if the user may change them on `on` or today; 400 otherwise."""
    from tochuc.people.models import Person

    for day in dict.fromkeys((on, timezone.localdate())):
        person = Person.objects.restrict(user, CHANGE, on=day).filter(pk=pk).first()
        if person is not None:
            return person
    raise serializers.ValidationError({"person": [f"Cá nhân {OUT_OF_SCOPE}"]})
