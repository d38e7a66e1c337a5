"""Forms of membership events: one form whose fields follow the event kind."""

from __future__ import annotations

from django import forms

from tochuc.core.forms import bootstrap
from tochuc.core.scoping import CHANGE
from tochuc.core.services import decision_cite
from tochuc.members.models import EventKind, Status
from tochuc.organizations.forms import VnDateField
from tochuc.organizations.models import Organization

K = EventKind
WITH_ORGANIZATION = {
    K.ADMISSION: "Mã tổ chức đảng kết nạp",
    K.READMISSION: "Mã tổ chức đảng kết nạp lại",
    K.TRANSFER_IN: "Mã tổ chức đảng nơi chuyển đến",
    K.TRANSFER: "Mã tổ chức đảng nơi chuyển đến",
    K.TEMPORARY_TRANSFER: "Mã tổ chức đảng nơi sinh hoạt tạm thời",
}
"""Kinds naming an organization, with the label of its code field."""
DECISION_REQUIRED = {K.ADMISSION, K.READMISSION}
WITH_CARD = {K.CARD_ISSUE, K.CARD_EXCHANGE}
WITH_APPROVAL = {K.ADMISSION, K.READMISSION}
RECORDABLE = [(k.value, k.label) for k in K if k != K.CONFIRMATION]
"""Kinds the event form records; confirmation has its own form (dated by the rule)."""
FIRST_KINDS = [(K.ADMISSION.value, K.ADMISSION.label), (K.TRANSFER_IN.value, K.TRANSFER_IN.label)]


class DecisionMixin(forms.Form):
    """Decision fields (number, date, issuer): all three or none, required where the rule says."""

    decision_number = forms.CharField(
        label="Số, ký hiệu quyết định", max_length=100, required=False
    )
    decision_signed_on = VnDateField(label="Ngày ban hành quyết định", required=False)
    decision_issuer = forms.CharField(label="Cơ quan ban hành", max_length=255, required=False)
    decision_required = False

    def clean_decision(self, cleaned: dict) -> None:
        parts = [cleaned.get(f"decision_{p}") for p in ("number", "signed_on", "issuer")]
        incomplete = any(parts) and not all(parts)
        if incomplete or (self.decision_required and not any(parts)):
            for name, value in zip(("number", "signed_on", "issuer"), parts, strict=True):
                if not value and f"decision_{name}" not in self.errors:
                    label = self.fields[f"decision_{name}"].label
                    self.add_error(f"decision_{name}", f"{label}: cần nhập đủ số, ngày, cơ quan.")
        effective, signed = cleaned.get("effective_on"), cleaned.get("decision_signed_on")
        if effective and signed and signed > effective:
            self.add_error(
                "decision_signed_on",
                "Ngày ban hành quyết định: không thể sau ngày hiệu lực của sự kiện.",
            )

    def decision(self):
        """The cited decision (created on first use), or None when none was entered."""
        data = self.cleaned_data
        if not data.get("decision_number"):
            return None
        return decision_cite(
            number=data["decision_number"],
            signed_on=data["decision_signed_on"],
            issuer=data["decision_issuer"],
        )


class EventForm(DecisionMixin):
    """Ghi nhận một sự kiện; `kind` decides which fields are shown and required.

    The organization is entered by code and must be one the user may change.
    """

    kind = forms.ChoiceField(label="Loại sự kiện", choices=K.choices, widget=forms.HiddenInput)
    effective_on = VnDateField(label="Ngày hiệu lực")
    organization_code = forms.CharField(label="Mã tổ chức đảng", max_length=64)
    status = forms.ChoiceField(label="Tư cách khi chuyển đến", choices=Status.choices)
    admitted_on = VnDateField(label="Ngày vào Đảng")
    card_number = forms.CharField(label="Số thẻ đảng viên", max_length=20)
    card_series = forms.CharField(label="Đợt thẻ", max_length=8, required=False)
    provincial_approval = forms.BooleanField(
        label="Có ý kiến đồng ý của cấp ủy tỉnh (kết nạp người trên 60 tuổi)", required=False
    )
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    field_order = ["kind", "effective_on", "organization_code", "status", "admitted_on"]

    def __init__(self, *args, kind: str, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.kind = kind
        self.initial["kind"] = kind
        self.decision_required = kind in DECISION_REQUIRED
        if kind in WITH_ORGANIZATION:
            self.fields["organization_code"].label = WITH_ORGANIZATION[kind]
        else:
            del self.fields["organization_code"]
        if kind != K.TRANSFER_IN:
            del self.fields["status"], self.fields["admitted_on"]
        if kind not in WITH_CARD:
            del self.fields["card_number"], self.fields["card_series"]
        elif kind == K.CARD_EXCHANGE:
            del self.fields["card_series"]  # the series is the rule's new one
        if kind not in WITH_APPROVAL:
            del self.fields["provincial_approval"]
        for name in ("decision_number", "decision_signed_on", "decision_issuer"):
            self.fields[name].required = False
            if self.decision_required:
                self.fields[name].label += " (bắt buộc)"
        bootstrap(self)

    def clean_kind(self):
        if self.cleaned_data["kind"] != self.kind:
            raise forms.ValidationError("Loại sự kiện không khớp với biểu mẫu.")
        return self.kind

    def clean_organization_code(self):
        code = self.cleaned_data["organization_code"].strip()
        organization = Organization.objects.restrict(self.user, CHANGE).filter(code=code).first()
        if organization is None:
            label = self.fields["organization_code"].label
            raise forms.ValidationError(
                f"{label}: không có tổ chức mã «{code}» trong phạm vi anh/chị được cập nhật."
            )
        return organization

    def clean(self):
        cleaned = super().clean()
        self.clean_decision(cleaned)
        return cleaned

    def event_details(self) -> dict:
        """Keyword arguments of `event_record` (besides person, decision and recorded_by)."""
        data = self.cleaned_data
        details = {
            "kind": self.kind,
            "effective_on": data["effective_on"],
            "organization": data.get("organization_code"),
        }
        for name in ("status", "admitted_on", "card_number", "card_series", "note"):
            if data.get(name):
                details[name] = data[name]
        if data.get("provincial_approval"):
            details["provincial_approval"] = True
        return details


class ConfirmForm(DecisionMixin):
    """Chuyển đảng chính thức: the date is the end of probation, only the decision is asked."""

    decision_required = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)

    def clean(self):
        cleaned = super().clean()
        self.clean_decision(cleaned)
        return cleaned


class CorrectionForm(forms.Form):
    """Đính chính: the reason, and optionally the event that replaces the voided one."""

    reason = forms.CharField(label="Lý do đính chính", widget=forms.Textarea(attrs={"rows": 2}))
    replace = forms.BooleanField(label="Ghi nhận sự kiện thay thế", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Lý do đính chính: không được để trống.")
        return reason
