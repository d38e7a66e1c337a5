"""Filters of congress lists, delegates, committee members and targets, shared by the UI and
the API."""

import django_filters
from django import forms

from tochuc.congresses.models import (
    TERM_PATTERN,
    CommitteeMember,
    Congress,
    CongressKind,
    Delegate,
    DelegateKind,
    ResolutionTarget,
    Role,
)
from tochuc.organizations.forms import DATE_FORMATS


class VnDateFilter(django_filters.DateFilter):
    field_class = forms.DateField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                attrs={"placeholder": "dd/mm/yyyy", "class": "form-control"}, format="%d/%m/%Y"
            ),
        )
        super().__init__(*args, **kwargs)


class CongressFilterSet(django_filters.FilterSet):
    term = django_filters.CharFilter(method="filter_term", label="Nhiệm kỳ")
    kind = django_filters.ChoiceFilter(
        choices=CongressKind.choices, label="Loại đại hội", empty_label="Mọi loại"
    )
    start = VnDateFilter(field_name="opened_on", lookup_expr="gte", label="Khai mạc từ ngày")
    end = VnDateFilter(field_name="opened_on", lookup_expr="lte", label="đến ngày")

    class Meta:
        model = Congress
        fields = ["term", "kind", "start", "end"]

    def filter_term(self, queryset, name, value):
        """«2025–2030» and «2025-2030» alike (terms are stored with a hyphen)."""
        match = TERM_PATTERN.match(value.strip())
        return queryset.filter(term=f"{match[1]}-{match[2]}") if match else queryset.none()


class DelegateFilterSet(django_filters.FilterSet):
    congress = django_filters.NumberFilter(label="Đại hội (id)")
    kind = django_filters.ChoiceFilter(
        choices=DelegateKind.choices, label="Loại đại biểu", empty_label="Mọi loại"
    )

    class Meta:
        model = Delegate
        fields = ["congress", "kind"]


class CommitteeMemberFilterSet(django_filters.FilterSet):
    congress = django_filters.NumberFilter(label="Đại hội (id)")
    role = django_filters.ChoiceFilter(choices=Role.choices, label="Chức danh")

    class Meta:
        model = CommitteeMember
        fields = ["congress", "role"]


class ResolutionTargetFilterSet(django_filters.FilterSet):
    congress = django_filters.NumberFilter(label="Đại hội (id)")

    class Meta:
        model = ResolutionTarget
        fields = ["congress"]
