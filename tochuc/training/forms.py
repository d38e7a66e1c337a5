"""Forms of the training pages: organizations typed by code and accepted only within the
user's change scope, dates dd/mm/yyyy, decisions cited in full or not at all."""

from __future__ import annotations

from django import forms

from tochuc.core.forms import ScopedOrganizationField, StyledForm
from tochuc.core.services import decision_cite
from tochuc.organizations.forms import VnDateField
from tochuc.training.models import (
    SUMMARY_FIELDS,
    CourseKind,
    Mode,
    QualificationKind,
    Result,
)


class OptionalDecision(StyledForm):
    """A decision citation: number, date and issuer together, or none of them."""

    decision_number = forms.CharField(
        label="Số, ký hiệu quyết định", max_length=100, required=False
    )
    decision_signed_on = VnDateField(label="Ngày ban hành quyết định", required=False)
    decision_issuer = forms.CharField(label="Cơ quan ban hành", max_length=255, required=False)

    def clean(self):
        cleaned = super().clean()
        names = ("decision_number", "decision_signed_on", "decision_issuer")
        parts = [cleaned.get(name) for name in names]
        if any(parts) and not all(parts):
            for name, value in zip(names, parts, strict=True):
                if not value and name not in self.errors:
                    self.add_error(name, "Cần nhập đủ số, ngày ban hành và cơ quan ban hành.")
        return cleaned

    def decision(self):
        """The cited decision (created on first use), or None."""
        data = self.cleaned_data
        if not data.get("decision_number"):
            return None
        return decision_cite(
            number=data["decision_number"],
            signed_on=data["decision_signed_on"],
            issuer=data["decision_issuer"],
        )

    @staticmethod
    def initial_for(decision) -> dict:
        if decision is None:
            return {}
        return {
            "decision_number": decision.number,
            "decision_signed_on": decision.signed_on,
            "decision_issuer": decision.issuer,
        }


def _scoped(form: forms.Form, organizations, *names: str) -> None:
    for name in names:
        form.fields[name].queryset = organizations


class CourseForm(StyledForm):
    name = forms.CharField(label="Tên chương trình", max_length=255)
    kind = forms.ChoiceField(label="Loại", choices=CourseKind.choices)
    organization = ScopedOrganizationField(label="Mã đơn vị quản lý chương trình")
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self, organizations, "organization")


class CourseEditForm(StyledForm):
    name = forms.CharField(label="Tên chương trình", max_length=255)
    kind = forms.ChoiceField(label="Loại", choices=CourseKind.choices)
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ClassEditForm(OptionalDecision):
    name = forms.CharField(label="Tên lớp", max_length=255)
    opens_on = VnDateField(label="Ngày khai giảng")
    closes_on = VnDateField(label="Ngày bế giảng")
    mode = forms.ChoiceField(label="Hình thức", choices=Mode.choices)
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    field_order = ["name", "opens_on", "closes_on", "mode"]


class ClassForm(ClassEditForm):
    course = forms.ModelChoiceField(label="Chương trình", queryset=None, empty_label=None)
    organizer = ScopedOrganizationField(label="Mã đơn vị tổ chức lớp")

    field_order = ["course", "name", "organizer", "opens_on", "closes_on", "mode"]

    def __init__(self, *args, organizations, courses, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self, organizations, "organizer")
        self.fields["course"].queryset = courses
        self.fields["course"].label_from_instance = lambda course: (
            f"{course.name} ({course.get_kind_display()})"
        )


class EnrollmentForm(OptionalDecision):
    person = forms.IntegerField(
        label="Học viên",
        min_value=1,
        widget=forms.HiddenInput,
        error_messages={"required": "Hãy tìm theo họ tên và chọn học viên."},
    )
    sent_by = ScopedOrganizationField(label="Mã đơn vị cử đi học")
    enrolled_on = VnDateField(label="Ngày cử đi học")
    special_approval = forms.BooleanField(
        label="Trường hợp đặc biệt đã được cấp có thẩm quyền quyết định", required=False
    )
    note = forms.CharField(label="Ghi chú", required=False)

    field_order = ["person", "sent_by", "enrolled_on", "special_approval"]

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self, organizations, "sent_by")


class ResultForm(StyledForm):
    result = forms.ChoiceField(label="Kết quả", choices=Result.choices)
    completed_on = VnDateField(label="Ngày kết thúc học", required=False)
    grade = forms.CharField(label="Xếp loại", max_length=32, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


def _level_choices() -> list:
    groups = []
    for kind, (_, catalogue) in SUMMARY_FIELDS.items():
        label = QualificationKind(kind).label
        groups.append((label, [(f"{kind}:{v}", lbl) for v, lbl in catalogue.choices[1:]]))
    return [("", "—"), *groups]


class QualificationForm(StyledForm):
    kind = forms.ChoiceField(label="Loại văn bằng", choices=QualificationKind.choices)
    level_choice = forms.ChoiceField(
        label="Trình độ (chuyên môn, lý luận chính trị, quản lý nhà nước)",
        choices=_level_choices,
        required=False,
    )
    level_text = forms.CharField(
        label="Trình độ (ngoại ngữ, tin học)",
        max_length=64,
        required=False,
        help_text="Ví dụ: B1, bậc 3/6, ứng dụng CNTT cơ bản.",
    )
    major = forms.CharField(label="Chuyên ngành", max_length=160, required=False)
    obtained_on = VnDateField(label="Ngày cấp")
    institution = forms.CharField(label="Cơ sở đào tạo", max_length=255, required=False)
    note = forms.CharField(label="Ghi chú", required=False)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in SUMMARY_FIELDS:
            chosen_kind, _, level = (cleaned.get("level_choice") or "").partition(":")
            if chosen_kind != kind:
                self.add_error(
                    "level_choice",
                    f"Hãy chọn một trình độ thuộc nhóm «{QualificationKind(kind).label}».",
                )
            cleaned["level"] = level
        elif kind:
            if not cleaned.get("level_text", "").strip():
                self.add_error("level_text", "Hãy nhập trình độ.")
            cleaned["level"] = cleaned.get("level_text", "").strip()
        return cleaned
