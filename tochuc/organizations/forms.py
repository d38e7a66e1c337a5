"""Forms for changes to the tree; each one cites a decision."""

from __future__ import annotations

from django import forms

from tochuc.core.forms import StyledForm
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import Organization

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class VnDateField(forms.DateField):
    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault(
            "error_messages", {"invalid": "Ngày không hợp lệ: hãy nhập theo dạng dd/mm/yyyy."}
        )
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}, format="%d/%m/%Y"
            ),
        )
        super().__init__(**kwargs)


class DecisionFields(StyledForm):
    """The citation every change carries."""

    decision_number = forms.CharField(label="Số, ký hiệu quyết định", max_length=100)
    decision_signed_on = VnDateField(label="Ngày ban hành quyết định")
    decision_issuer = forms.CharField(label="Cơ quan ban hành", max_length=255)

    def clean(self):
        cleaned = super().clean()
        effective = cleaned.get("effective_on")
        signed = cleaned.get("decision_signed_on")
        if effective and signed and signed > effective:
            self.add_error(
                "decision_signed_on", "Ngày ban hành quyết định không thể sau ngày hiệu lực."
            )
        return cleaned


class EstablishForm(DecisionFields):
    code = forms.CharField(label="Mã tổ chức", max_length=64)
    name = forms.CharField(label="Tên tổ chức", max_length=255)
    kind = forms.ChoiceField(label="Loại", choices=Kind.choices)
    effective_on = VnDateField(label="Ngày thành lập")

    field_order = ["code", "name", "kind", "effective_on"]

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if Organization.objects.filter(code=code).exists():
            raise forms.ValidationError(f"Mã tổ chức «{code}» đã được dùng.")
        return code


class ChangeForm(DecisionFields):
    name = forms.CharField(label="Tên mới", max_length=255)
    kind = forms.ChoiceField(label="Loại", choices=Kind.choices)
    parent_code = forms.CharField(
        label="Mã tổ chức cấp trên",
        max_length=64,
        required=False,
        help_text="Để trống nếu là cấp cao nhất.",
    )
    effective_on = VnDateField(label="Ngày hiệu lực")
    version = forms.IntegerField(widget=forms.HiddenInput)

    field_order = ["name", "kind", "parent_code", "effective_on"]

    def clean_parent_code(self):
        code = self.cleaned_data["parent_code"].strip()
        if not code:
            return None
        parent = Organization.objects.filter(code=code).first()
        if parent is None:
            raise forms.ValidationError(f"Không có tổ chức mã «{code}».")
        return parent


class DissolveForm(DecisionFields):
    effective_on = VnDateField(label="Ngày giải thể (ngày đầu tiên không còn tồn tại)")
    version = forms.IntegerField(widget=forms.HiddenInput)

    field_order = ["effective_on"]
