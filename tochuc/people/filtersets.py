"""Filters of person lists, shared by the UI and the API."""

import django_filters

from tochuc.core.text import fold
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person


class PersonFilterSet(django_filters.FilterSet):
    sex = django_filters.ChoiceFilter(choices=Sex.choices, label="Giới tính")
    q = django_filters.CharFilter(method="filter_q", label="Họ tên (gõ không dấu được)")

    class Meta:
        model = Person
        fields = ["sex", "q"]

    def filter_q(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(name_folded__contains=f" {word}")
        return queryset
