"""Filters of plan entries and structure targets, shared by the list page and the API."""

import django_filters

from tochuc.core.text import fold
from tochuc.planning.models import Level, PlanEntry, StructureCategory, StructureTarget


class PlanEntryFilterSet(django_filters.FilterSet):
    term = django_filters.NumberFilter(field_name="term_id", label="Nhiệm kỳ (id)")
    post = django_filters.NumberFilter(field_name="post_id", label="Chức danh (id)")
    person = django_filters.NumberFilter(field_name="person_id", label="Cá nhân (id)")
    q = django_filters.CharFilter(method="filter_q", label="Tìm theo họ tên (không dấu)")

    class Meta:
        model = PlanEntry
        fields = ["term", "post", "person", "q"]

    def filter_q(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(person__name_folded__contains=f" {word}")
        return queryset


class StructureTargetFilterSet(django_filters.FilterSet):
    term = django_filters.NumberFilter(field_name="term_id", label="Nhiệm kỳ (id)")
    category = django_filters.CharFilter(
        label="Cơ cấu: " + "; ".join(f"{v} {label}" for v, label in StructureCategory.choices)
    )
    level = django_filters.CharFilter(
        label="Cấp: " + "; ".join(f"{v} {label}" for v, label in Level.choices)
    )
    organization = django_filters.NumberFilter(field_name="organization_id", label="Đơn vị (id)")

    class Meta:
        model = StructureTarget
        fields = ["term", "category", "level", "organization"]
