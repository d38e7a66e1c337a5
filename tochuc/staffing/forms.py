"""Forms of the staffing pages: the unit typed by code and accepted only within the user's
change scope, the approving document cited in full."""

from __future__ import annotations

from django import forms

from tochuc.core.forms import ScopedOrganizationField, StyledForm
from tochuc.core.services import decision_cite
from tochuc.organizations.forms import VnDateField
from tochuc.staffing.models import Category


class HeadcountEditForm(StyledForm):
    approved = forms.IntegerField(label="Biên chế được giao", min_value=0)
    actual = forms.IntegerField(
        label="Số có mặt", min_value=0, required=False, help_text="Để trống nếu chưa có số liệu."
    )
    decision_number = forms.CharField(label="Số, ký hiệu văn bản giao biên chế", max_length=100)
    decision_signed_on = VnDateField(label="Ngày ban hành")
    decision_issuer = forms.CharField(label="Cơ quan ban hành", max_length=255)
    note = forms.CharField(label="Ghi chú", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def decision(self):
        data = self.cleaned_data
        return decision_cite(
            number=data["decision_number"],
            signed_on=data["decision_signed_on"],
            issuer=data["decision_issuer"],
        )

    @staticmethod
    def initial_for(headcount) -> dict:
        return {
            "approved": headcount.approved,
            "actual": headcount.actual,
            "decision_number": headcount.decision.number,
            "decision_signed_on": headcount.decision.signed_on,
            "decision_issuer": headcount.decision.issuer,
            "note": headcount.note,
            "version": headcount.version,
        }


class HeadcountForm(HeadcountEditForm):
    organization = ScopedOrganizationField(label="Mã cơ quan, đơn vị")
    year = forms.IntegerField(label="Năm", min_value=1990, max_value=2100)
    category = forms.ChoiceField(label="Loại biên chế", choices=Category.choices)

    field_order = ["organization", "year", "category", "approved", "actual"]

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
