"""Filters of candidate and target lists, shared by the UI and the API."""

import django_filters

from tochuc.admissions.models import AdmissionTarget, Candidate, Stage, TargetKind
from tochuc.core.text import fold


class CandidateFilterSet(django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(choices=Stage.choices, method="filter_stage", label="Bước")
    q = django_filters.CharFilter(method="filter_q", label="Tìm theo họ tên (không dấu)")

    class Meta:
        model = Candidate
        fields = ["stage", "q"]

    def filter_stage(self, queryset, name, value):
        return queryset.at_stage(value)

    def filter_q(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(person__name_folded__contains=f" {word}")
        return queryset


class AdmissionTargetFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=TargetKind.choices, label="Loại chỉ tiêu")
    year = django_filters.NumberFilter(label="Năm")
    term = django_filters.CharFilter(label="Nhiệm kỳ")

    class Meta:
        model = AdmissionTarget
        fields = ["kind", "year", "term"]
