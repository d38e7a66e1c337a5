"""Filters of administrative unit lists, shared by the UI and the API."""

import datetime as dt

import django_filters
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from tochuc.administrative_units.models import AdministrativeUnit, Generation, Level
from tochuc.administrative_units.selectors import in_province_q
from tochuc.core.dating import valid_at_q
from tochuc.core.formatting import parse_vn_date
from tochuc.core.text import fold


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):
    """A row id (integer, never a decimal)."""

    field_class = forms.IntegerField


class VnDateField(forms.DateField):
    """A date typed 'YYYY-MM-DD' or 'dd/mm/yyyy', refused with a Vietnamese message."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return parse_vn_date(str(value))
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


@extend_schema_field(OpenApiTypes.DATE)
class VnDateFilter(django_filters.DateFilter):
    field_class = VnDateField


class AdministrativeUnitFilterSet(django_filters.FilterSet):
    as_of = VnDateFilter(
        method="filter_as_of", label="Có hiệu lực vào ngày (YYYY-MM-DD hoặc dd/mm/yyyy)"
    )
    level = django_filters.ChoiceFilter(choices=Level.choices, label="Cấp")
    generation = django_filters.ChoiceFilter(choices=Generation.choices, label="Danh mục")
    parent = IdFilter(field_name="parent_id", label="Trực thuộc (id)")
    province = IdFilter(method="filter_province", label="Thuộc tỉnh, thành phố (id)")
    code = django_filters.CharFilter(label="Mã")
    q = django_filters.CharFilter(method="filter_q", label="Tìm theo tên (không dấu)")

    class Meta:
        model = AdministrativeUnit
        fields = ["as_of", "level", "generation", "parent", "province", "code", "q"]

    def filter_as_of(self, queryset, name, value):
        return queryset.filter(valid_at_q(value))

    def filter_province(self, queryset, name, value):
        return queryset.filter(in_province_q(value))

    def filter_q(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(name_folded__contains=word)
        return queryset
