"""Filters of ratings, votes and disciplines, shared by the API lists (and any page)."""

import django_filters

from tochuc.core.api import as_of_from
from tochuc.core.text import fold
from tochuc.ratings.models import (
    Category,
    ConfidenceVote,
    Discipline,
    DisciplineForm,
    OrganizationRating,
    PersonRating,
)
from tochuc.ratings.selectors import placed


class WithinFilterSet(django_filters.FilterSet):
    """`within`: records of organizations of a subtree (id), restated on `as_of`."""

    within = django_filters.NumberFilter(
        method="filter_within", label="Thuộc cây tổ chức (id), tính đến ngày as_of"
    )
    organization = django_filters.NumberFilter(field_name="organization_id", label="Tổ chức (id)")

    def filter_within(self, queryset, name, value):
        return queryset.filter(organization_id__in=placed(root=value, on=as_of_from(self.request)))


class PersonNameFilterSet(WithinFilterSet):
    person = django_filters.NumberFilter(field_name="person_id", label="Cá nhân (id)")
    q = django_filters.CharFilter(method="filter_q", label="Tìm theo họ tên (không dấu)")

    def filter_q(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(person__name_folded__contains=f" {word}")
        return queryset


class PersonRatingFilterSet(PersonNameFilterSet):
    year = django_filters.NumberFilter(label="Năm đánh giá")
    category = django_filters.ChoiceFilter(choices=Category.choices, label="Xếp loại")

    class Meta:
        model = PersonRating
        fields = ["year", "category", "organization", "within", "person", "q"]


class OrganizationRatingFilterSet(WithinFilterSet):
    year = django_filters.NumberFilter(label="Năm đánh giá")
    category = django_filters.ChoiceFilter(choices=Category.choices, label="Xếp loại")

    class Meta:
        model = OrganizationRating
        fields = ["year", "category", "organization", "within"]


class ConfidenceVoteFilterSet(PersonNameFilterSet):
    held_from = django_filters.DateFilter(
        field_name="held_on", lookup_expr="gte", label="Lấy phiếu từ ngày"
    )
    held_to = django_filters.DateFilter(
        field_name="held_on", lookup_expr="lte", label="Lấy phiếu đến ngày"
    )
    post = django_filters.NumberFilter(field_name="post_id", label="Chức danh (id)")

    class Meta:
        model = ConfidenceVote
        fields = ["held_from", "held_to", "post", "organization", "within", "person", "q"]


class DisciplineFilterSet(PersonNameFilterSet):
    form = django_filters.ChoiceFilter(choices=DisciplineForm.choices, label="Hình thức")
    decided_from = django_filters.DateFilter(
        field_name="decided_on", lookup_expr="gte", label="Quyết định từ ngày"
    )
    decided_to = django_filters.DateFilter(
        field_name="decided_on", lookup_expr="lte", label="Quyết định đến ngày"
    )

    class Meta:
        model = Discipline
        fields = ["form", "decided_from", "decided_to", "organization", "within", "person", "q"]
