"""The quarterly report form: organization, quarter, date of the figures, and the free text."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from tochuc.core.formatting import parse_vn_date, vn_date
from tochuc.core.forms import ScopedOrganizationField, StyledForm
from tochuc.reports.quarterly import Quarter, report_date

FIRST_YEAR = 2015
"""The history of the synthetic and imported data starts here."""


def quarters_until(today: dt.date) -> list[tuple[str, str]]:
    """Every quarter from the first of 2015 to today's, newest first, as choices."""
    quarter = Quarter.of(today)
    found = []
    while quarter.year >= FIRST_YEAR:
        found.append((str(quarter), f"Quý {quarter.label.removeprefix('quý ')}"))
        quarter = Quarter.of(quarter.start - dt.timedelta(days=1))
    return found


class ReportForm(StyledForm):
    ma = ScopedOrganizationField(label="Tổ chức đảng (mã)")
    quarter = forms.ChoiceField(label="Quý")
    as_of = forms.CharField(
        label="Số liệu tính đến ngày",
        required=False,
        help_text="dd/mm/yyyy; để trống: cuối quý hoặc hôm nay nếu quý chưa kết thúc",
    )
    number = forms.CharField(label="Số, ký hiệu", max_length=60, required=False)
    signer_name = forms.CharField(label="Người ký", max_length=120, required=False)
    tasks = forms.CharField(
        label="Nhiệm vụ trọng tâm quý tới (mỗi dòng một ý)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ma"].queryset = organizations
        self.fields["quarter"].choices = quarters_until(timezone.localdate())

    def clean_as_of(self):
        text = self.cleaned_data["as_of"].strip()
        if not text:
            return None
        try:
            return parse_vn_date(text)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self):
        data = super().clean()
        if "quarter" in data and "as_of" in data:
            quarter = Quarter.parse(data["quarter"])
            data["quarter"] = quarter
            data["on"] = report_date(quarter, data["as_of"])
            if data["on"] < quarter.start:
                self.add_error(
                    "as_of",
                    f"Ngày {vn_date(data['on'])} trước ngày đầu {quarter.label} "
                    f"({vn_date(quarter.start)}).",
                )
        return data
