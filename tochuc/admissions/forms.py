"""Forms of the admission pages; organizations are entered by code, decisions cited in full."""

from __future__ import annotations

from django import forms

from tochuc.admissions.models import TargetKind
from tochuc.admissions.services import STEPS
from tochuc.core.forms import ScopedOrganizationField, StyledForm
from tochuc.core.scoping import CHANGE
from tochuc.organizations.forms import VnDateField
from tochuc.organizations.models import Organization
from tochuc.people.catalogs import Sex


class OptionalDecisionFields(StyledForm):
    """A decision citation: all three parts, or none."""

    decision_number = forms.CharField(
        label="Số, ký hiệu quyết định", max_length=100, required=False
    )
    decision_signed_on = VnDateField(label="Ngày ban hành quyết định", required=False)
    decision_issuer = forms.CharField(label="Cơ quan ban hành", max_length=255, required=False)
    decision_required = False

    def clean(self):
        cleaned = super().clean()
        parts = [
            cleaned.get(f) for f in ("decision_number", "decision_signed_on", "decision_issuer")
        ]
        if (any(parts) or self.decision_required) and not all(parts):
            raise forms.ValidationError(
                "Quyết định phải có đủ số, ngày ban hành và cơ quan ban hành."
            )
        return cleaned


class ScopedForm(StyledForm):
    """A form whose organization is entered by code within the user's change scope."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.restrict(user, CHANGE)


class CandidateForm(ScopedForm):
    full_name = forms.CharField(label="Họ và tên", max_length=120)
    sex = forms.ChoiceField(label="Giới tính", choices=Sex.choices)
    date_of_birth = VnDateField(label="Ngày sinh")
    organization = ScopedOrganizationField(label="Mã chi bộ, đảng bộ xem xét")
    course_passed_on = VnDateField(
        label="Ngày cấp giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng", required=False
    )
    note = forms.CharField(
        label="Ghi chú", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class StepForm(OptionalDecisionFields):
    step = forms.ChoiceField(
        choices=[(k, v[1]) for k, v in STEPS.items()], widget=forms.HiddenInput
    )
    on = VnDateField(label="Ngày", required=False, help_text="Để trống để xóa ngày đã ghi.")
    version = forms.IntegerField(widget=forms.HiddenInput)

    field_order = ["step", "on"]

    def clean(self):
        data = self.cleaned_data
        self.decision_required = data.get("step") == "decision" and bool(data.get("on"))
        return super().clean()


class AdmitForm(OptionalDecisionFields):
    effective_on = VnDateField(label="Ngày kết nạp")
    provincial_approval = forms.BooleanField(
        label="Có ý kiến đồng ý của cấp ủy tỉnh (người trên 60 tuổi)", required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    field_order = ["effective_on"]


class WithdrawForm(StyledForm):
    on = VnDateField(label="Ngày dừng xem xét")
    reason = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class TargetForm(OptionalDecisionFields, ScopedForm):
    organization = ScopedOrganizationField(label="Mã tổ chức đảng")
    kind = forms.ChoiceField(label="Loại chỉ tiêu", choices=TargetKind.choices)
    year = forms.IntegerField(label="Năm", required=False, min_value=1900, max_value=2999)
    term = forms.CharField(
        label="Nhiệm kỳ", max_length=9, required=False, help_text="Ví dụ 2025-2030"
    )
    starts_on = VnDateField(label="Nhiệm kỳ từ ngày", required=False)
    ends_on = VnDateField(label="Nhiệm kỳ đến ngày", required=False)
    count = forms.IntegerField(label="Chỉ tiêu (người)", min_value=0)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    field_order = ["organization", "kind", "year", "term", "starts_on", "ends_on", "count"]


class TargetEditForm(OptionalDecisionFields):
    starts_on = VnDateField(label="Nhiệm kỳ từ ngày", required=False)
    ends_on = VnDateField(label="Nhiệm kỳ đến ngày", required=False)
    count = forms.IntegerField(label="Chỉ tiêu (người)", min_value=0)
    version = forms.IntegerField(widget=forms.HiddenInput)

    field_order = ["count", "starts_on", "ends_on"]
