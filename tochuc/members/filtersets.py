"""Filters of member lists (spans of counted members), shared by the UI list and the API."""

from __future__ import annotations

import datetime as dt

import django_filters
from django.utils import timezone

from tochuc.core.text import fold
from tochuc.members.models import MembershipSpan, Status
from tochuc.members.replay import add_months
from tochuc.people.catalogs import ETHNICITIES, KINH, Sector, Sex

AGE_BANDS = {
    "under_30": ("Dưới 30 tuổi", None, 29),
    "30_45": ("Từ 30 đến 45 tuổi", 30, 45),
    "46_60": ("Từ 46 đến 60 tuổi", 46, 60),
    "over_60": ("Trên 60 tuổi", 61, None),
}
"""Age bands of the member reports: (label, lowest age, highest age), completed years."""

ALL = "Tất cả"
MINORITY = "minority"
ETHNICITY_CHOICES = [
    (KINH, "Kinh"),
    (MINORITY, "Dân tộc thiểu số"),
    *[(code, name) for code, name in ETHNICITIES if code != KINH],
]


def birth_lookups(on: dt.date, low: int | None, high: int | None) -> dict:
    """Lookups on `date_of_birth` for an age (completed years on `on`) in [low, high].

    The bounds are dates, so the comparison runs in the database on the indexed column.
    """
    lookups = {}
    if low is not None:  # aged at least `low`: born on or before `on` minus `low` years
        lookups["person__date_of_birth__lte"] = add_months(on, -12 * low)
    if high is not None:  # aged at most `high`: born after `on` minus `high + 1` years
        lookups["person__date_of_birth__gt"] = add_months(on, -12 * (high + 1))
    return lookups


class MemberFilterSet(django_filters.FilterSet):
    """Members counted on the list's date; `on` is that date (the age bands need it)."""

    status = django_filters.ChoiceFilter(choices=Status.choices, label="Tư cách", empty_label=ALL)
    sex = django_filters.ChoiceFilter(
        field_name="person__sex", choices=Sex.choices, label="Giới tính", empty_label=ALL
    )
    age_band = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _, _) in AGE_BANDS.items()],
        method="filter_age_band",
        label="Độ tuổi",
        empty_label=ALL,
    )
    ethnicity = django_filters.ChoiceFilter(
        choices=ETHNICITY_CHOICES, method="filter_ethnicity", label="Dân tộc", empty_label=ALL
    )
    admission_year = django_filters.NumberFilter(
        field_name="admitted_on", lookup_expr="year", label="Năm vào Đảng"
    )
    sector = django_filters.ChoiceFilter(
        field_name="person__sector",
        choices=Sector.choices,
        label="Lĩnh vực công tác",
        empty_label=ALL,
    )
    q = django_filters.CharFilter(method="filter_q", label="Họ tên (gõ không dấu được)")

    class Meta:
        model = MembershipSpan
        fields = ["status", "sex", "age_band", "ethnicity", "admission_year", "sector", "q"]

    def __init__(self, *args, on: dt.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.on = on or timezone.localdate()
        for field in self.form.fields.values():
            field.widget.attrs.setdefault("class", "form-select form-select-sm")
        self.form.fields["q"].widget.attrs["class"] = "form-control form-control-sm"
        self.form.fields["admission_year"].widget.attrs["class"] = "form-control form-control-sm"

    def filter_age_band(self, queryset, name, value):
        _, low, high = AGE_BANDS[value]
        return queryset.filter(**birth_lookups(self.on, low, high))

    def filter_ethnicity(self, queryset, name, value):
        if value == MINORITY:
            return queryset.exclude(person__ethnicity=KINH)
        return queryset.filter(person__ethnicity=value)

    def filter_q(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(person__name_folded__contains=f" {word}")
        return queryset
