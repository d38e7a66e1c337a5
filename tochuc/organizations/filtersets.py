"""Filters of organization lists, shared by the UI and the API."""

import django_filters

from tochuc.core.text import fold
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import OrganizationPeriod


class OrganizationPeriodFilterSet(django_filters.FilterSet):
    parent = django_filters.NumberFilter(field_name="parent_id", label="Trực thuộc (id)")
    kind = django_filters.MultipleChoiceFilter(choices=Kind.choices, label="Loại")
    code = django_filters.CharFilter(field_name="organization__code", label="Mã")
    administrative_unit = django_filters.NumberFilter(
        field_name="organization__administrative_unit_id", label="Đơn vị hành chính (id)"
    )
    q = django_filters.CharFilter(method="filter_q", label="Tìm theo tên (không dấu)")

    class Meta:
        model = OrganizationPeriod
        fields = ["parent", "kind", "code", "administrative_unit", "q"]

    def filter_q(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(name_folded__contains=f" {word}")
        return queryset
