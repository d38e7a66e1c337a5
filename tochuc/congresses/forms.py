"""Forms of the congress pages. Organizations are typed by code and accepted only within the
queryset the view passes (the user's change scope); persons are chosen by id among those the
user may change; decisions are cited in full (number, date, issuer)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms

from tochuc.congresses.models import CongressKind, DelegateKind, Role, TargetDirection
from tochuc.core.forms import ScopedOrganizationField, StyledForm
from tochuc.members.forms import DecisionMixin
from tochuc.organizations.forms import VnDateField

THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


class VnDecimalField(forms.DecimalField):
    """A number typed the Vietnamese way: «1.234,5», «94,28», «12» (a point is a thousands
    separator only in groups of three, as in «2.400»)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 16)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal"})
        self.localize = False

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        text = str(value).strip().replace(" ", "")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif THOUSANDS.match(text):
            text = text.replace(".", "")
        try:
            return Decimal(text)
        except InvalidOperation as exc:
            raise forms.ValidationError("Số không hợp lệ: ví dụ 1.234,5 hoặc 94,28.") from exc


class VnIntegerField(forms.IntegerField):
    """A count typed the Vietnamese way, with points between thousands: «2.400»."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(".", "").replace(" ", "")
        return super().to_python(value)


class PersonChoiceField(forms.IntegerField):
    """A person chosen by id (from a search), accepted only inside `queryset`."""

    def __init__(self, *, queryset=None, **kwargs):
        self.queryset = queryset
        kwargs.setdefault("error_messages", {"required": "Hãy tìm và chọn một người."})
        super().__init__(widget=forms.HiddenInput, **kwargs)

    def clean(self, value):
        pk = super().clean(value)
        person = self.queryset.filter(pk=pk).first()
        if person is None:
            raise forms.ValidationError("Người này không thuộc phạm vi anh/chị được cập nhật.")
        return person


class CongressForm(StyledForm):
    organization = ScopedOrganizationField(label="Mã tổ chức đảng")
    term = forms.CharField(label="Nhiệm kỳ", max_length=11, help_text="Ví dụ 2025-2030")
    ordinal = forms.CharField(label="Lần thứ", max_length=12, required=False)
    kind = forms.ChoiceField(label="Loại đại hội", choices=CongressKind.choices)
    opened_on = VnDateField(label="Ngày khai mạc")
    closed_on = VnDateField(label="Ngày bế mạc")
    delegates_summoned = VnIntegerField(
        label="Số đại biểu được triệu tập", min_value=1, max_value=100000
    )
    delegates_present = VnIntegerField(
        label="Số đại biểu có mặt", min_value=0, max_value=100000, required=False
    )
    members_represented = VnIntegerField(
        label="Số đảng viên của đảng bộ (nhập tay)",
        min_value=0,
        required=False,
        help_text="Để trống: tính từ danh sách đảng viên vào ngày khai mạc.",
    )
    age_counted_on = VnDateField(
        label="Thời điểm tính tuổi cấp ủy (nhập tay)",
        required=False,
        help_text="Để trống: theo chỉ thị về đại hội đang áp dụng.",
    )
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def clean(self):
        cleaned = super().clean()
        opened, closed = cleaned.get("opened_on"), cleaned.get("closed_on")
        if opened and closed and closed < opened:
            self.add_error("closed_on", "Ngày bế mạc: không thể trước ngày khai mạc.")
        return cleaned


class CongressEditForm(StyledForm):
    ordinal = forms.CharField(label="Lần thứ", max_length=12, required=False)
    opened_on = VnDateField(label="Ngày khai mạc")
    closed_on = VnDateField(label="Ngày bế mạc")
    delegates_summoned = CongressForm.base_fields["delegates_summoned"]
    delegates_present = CongressForm.base_fields["delegates_present"]
    members_represented = CongressForm.base_fields["members_represented"]
    age_counted_on = CongressForm.base_fields["age_counted_on"]
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea({"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class DelegateForm(StyledForm):
    person = PersonChoiceField(label="Đại biểu")
    kind = forms.ChoiceField(label="Loại đại biểu", choices=DelegateKind.choices)
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)

    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons


class SizesForm(DecisionMixin, StyledForm):
    """Số lượng cấp ủy được phê duyệt; the decision (optional) is cited by the quotas."""

    executive_size = forms.IntegerField(
        label="Số lượng ủy viên Ban Chấp hành", min_value=1, max_value=999
    )
    standing_size = forms.IntegerField(
        label="Số lượng ủy viên Ban Thường vụ",
        min_value=0,
        max_value=999,
        help_text="Kể cả Bí thư, Phó Bí thư; 0 nếu không có Ban Thường vụ.",
    )
    deputy_secretaries = forms.IntegerField(label="Số lượng Phó Bí thư", min_value=0, max_value=9)
    inspection_size = forms.IntegerField(
        label="Số lượng ủy viên Ủy ban Kiểm tra",
        min_value=0,
        max_value=99,
        help_text="Kể cả Chủ nhiệm.",
    )
    designated = forms.BooleanField(
        label="Cấp ủy do cấp trên chỉ định (không bầu tại đại hội)", required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    field_order = [
        "executive_size",
        "standing_size",
        "deputy_secretaries",
        "inspection_size",
        "designated",
    ]

    def clean(self):
        cleaned = super().clean()
        self.clean_decision(cleaned)
        return cleaned


class ElectionForm(DecisionMixin, StyledForm):
    """Kết quả bầu cử of one person; the vote record is asked for until the congress has one."""

    role = forms.ChoiceField(label="Chức danh", choices=Role.choices)
    person = PersonChoiceField(label="Người trúng cử")
    exception = forms.CharField(
        label="Trường hợp đặc biệt (căn cứ)",
        required=False,
        widget=forms.Textarea({"rows": 2}),
        help_text="Chỉ ghi khi đại hội vẫn bầu người không đủ tuổi theo quy định.",
    )

    field_order = ["role", "person", "exception"]

    def __init__(self, *args, persons, needs_record: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons
        self.decision_required = needs_record
        labels = {
            "decision_number": "Số biên bản kiểm phiếu (hoặc quyết định chỉ định)",
            "decision_signed_on": "Ngày biên bản",
            "decision_issuer": "Cơ quan (đại hội, cấp ủy chỉ định)",
        }
        for name, label in labels.items():
            self.fields[name].label = label
            if not needs_record:
                self.fields[name].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        self.clean_decision(cleaned)
        return cleaned


class TargetForm(StyledForm):
    name = forms.CharField(label="Tên chỉ tiêu", max_length=255)
    unit = forms.CharField(label="Đơn vị tính", max_length=50, help_text="Ví dụ %, đảng viên")
    target_value = VnDecimalField(label="Mức chỉ tiêu")
    direction = forms.ChoiceField(label="Yêu cầu", choices=TargetDirection.choices)


class ProgressForm(StyledForm):
    on = VnDateField(label="Đến ngày")
    value = VnDecimalField(label="Kết quả")
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)


class MemberRemoveForm(StyledForm):
    reason = forms.CharField(label="Lý do", max_length=500)
    removed_on = VnDateField(
        label="Thôi giữ từ ngày",
        required=False,
        help_text="Để trống: ghi nhầm từ đầu, hủy bố trí chức danh.",
    )
