"""Filters of the headcount list (API)."""

import django_filters

from tochuc.staffing.models import Category, Headcount


class HeadcountFilterSet(django_filters.FilterSet):
    year = django_filters.NumberFilter(label="Năm")
    category = django_filters.ChoiceFilter(choices=Category.choices, label="Loại biên chế")
    organization = django_filters.NumberFilter(field_name="organization_id", label="Đơn vị (id)")

    class Meta:
        model = Headcount
        fields = ["year", "category", "organization"]
