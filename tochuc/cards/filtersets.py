"""Filters of exchange records, for the API list (and any list page that wants them)."""

import django_filters

from tochuc.cards.campaign import STEPS
from tochuc.cards.models import CardExchange
from tochuc.core.api import as_of_from
from tochuc.core.text import fold
from tochuc.members.selectors import placed_in
from tochuc.organizations.selectors import subtree_ids


class CardExchangeFilterSet(django_filters.FilterSet):
    organization = django_filters.NumberFilter(field_name="organization_id", label="Tổ chức (id)")
    within = django_filters.NumberFilter(
        method="filter_within", label="Thuộc cây tổ chức (id), tính đến ngày as_of"
    )
    person = django_filters.NumberFilter(field_name="person_id", label="Đảng viên (id)")
    series = django_filters.CharFilter(label="Đợt thẻ")
    reached = django_filters.ChoiceFilter(
        choices=STEPS, method="filter_reached", label="Đã qua bước"
    )
    waiting = django_filters.ChoiceFilter(
        choices=STEPS, method="filter_waiting", label="Chưa qua bước"
    )
    q = django_filters.CharFilter(method="filter_q", label="Tìm theo họ tên (không dấu)")

    class Meta:
        model = CardExchange
        fields = ["organization", "within", "person", "series", "reached", "waiting", "q"]

    def filter_within(self, queryset, name, value):
        on = as_of_from(self.request)
        heirs = subtree_ids(root=value, on=on)
        return queryset.filter(organization_id__in=placed_in(heirs=heirs, on=on))

    def filter_reached(self, queryset, name, value):
        return queryset.filter(**{f"{value}_on__isnull": False})

    def filter_waiting(self, queryset, name, value):
        return queryset.filter(**{f"{value}_on__isnull": True})

    def filter_q(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(person__name_folded__contains=f" {word}")
        return queryset
