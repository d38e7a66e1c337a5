"""Forms of the planning pages: add a person to a post's plan, remove an entry, structure
targets, terms, and the filters of the lists.

Persons are chosen by id among those the user may change; organizations are typed by code
and accepted only inside the queryset the view passes; decisions are cited in full.
"""

from __future__ import annotations

from django import forms

from tochuc.core.forms import ScopedOrganizationField, StyledForm, bootstrap
from tochuc.members.forms import DecisionMixin
from tochuc.organizations.forms import VnDateField
from tochuc.planning.models import Level, PlanningTerm, StructureCategory
from tochuc.planning.selectors import REASON_KINDS


class PersonChoiceField(forms.IntegerField):
    """A person chosen by id (from a search), accepted only inside `queryset`."""

    def __init__(self, *, queryset=None, **kwargs):
        self.queryset = queryset
        kwargs.setdefault(
            "error_messages", {"required": "Hãy chọn một người (tìm theo họ tên) trong danh sách."}
        )
        super().__init__(widget=forms.HiddenInput, **kwargs)

    def clean(self, value):
        pk = super().clean(value)
        person = self.queryset.filter(pk=pk).first()
        if person is None:
            raise forms.ValidationError("Người này không thuộc phạm vi anh/chị được cập nhật.")
        return person


class ShareField(forms.DecimalField):
    """A percentage typed the Vietnamese way (22,5) or with a point (22.5)."""

    def __init__(self, **kwargs):
        super().__init__(min_value=0, max_value=100, max_digits=5, decimal_places=2, **kwargs)

    def to_python(self, value):
        return super().to_python(value.replace(",", ".") if isinstance(value, str) else value)


class TermChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PlanningTerm) -> str:
        return str(obj)


class DecisionForm(DecisionMixin):
    """Decision fields (all three, or none unless required); `effective_field` names the date
    the decision may not postdate."""

    effective_field = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.decision_required:
            for name in ("decision_number", "decision_signed_on", "decision_issuer"):
                self.fields[name].label += " (bắt buộc)"
        bootstrap(self)

    def clean(self):
        cleaned = super().clean()
        self.clean_decision({**cleaned, "effective_on": cleaned.get(self.effective_field)})
        return cleaned


class PlanAddForm(DecisionForm):
    term = TermChoiceField(label="Nhiệm kỳ quy hoạch", queryset=PlanningTerm.objects.none())
    person = PersonChoiceField(label="Người được quy hoạch")
    added_on = VnDateField(label="Ngày phê duyệt")
    decision_required = True
    effective_field = "added_on"

    field_order = ["term", "person", "added_on"]

    def __init__(self, *args, persons, terms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons
        self.fields["term"].queryset = terms


class PlanRemoveForm(DecisionForm):
    removed_on = VnDateField(label="Ngày đưa ra khỏi quy hoạch")
    reason = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)
    effective_field = "removed_on"

    field_order = ["removed_on", "reason"]


class TargetForm(DecisionForm):
    organization = ScopedOrganizationField(label="Mã đơn vị giao mục tiêu")
    term = TermChoiceField(label="Nhiệm kỳ", queryset=PlanningTerm.objects.all())
    category = forms.ChoiceField(label="Cơ cấu", choices=StructureCategory.choices)
    level = forms.ChoiceField(label="Cấp", choices=Level.choices)
    minimum_share = ShareField(label="Tỷ lệ tối thiểu (%)")
    young_age = forms.IntegerField(
        label="Cán bộ trẻ: dưới … tuổi",
        required=False,
        min_value=18,
        max_value=70,
        help_text="Chỉ dùng cho cơ cấu «Trẻ tuổi».",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    field_order = ["organization", "term", "category", "level", "minimum_share", "young_age"]

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("category") == StructureCategory.YOUNG and not cleaned.get("young_age"):
            self.add_error("young_age", "Cán bộ trẻ: hãy nhập «dưới … tuổi».")
        return cleaned


class TargetEditForm(DecisionForm):
    minimum_share = ShareField(label="Tỷ lệ tối thiểu (%)")
    young_age = forms.IntegerField(
        label="Cán bộ trẻ: dưới … tuổi", required=False, min_value=18, max_value=70
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class TermForm(StyledForm):
    name = forms.CharField(label="Nhiệm kỳ", max_length=20, help_text="Ví dụ 2025–2030")
    track = forms.ChoiceField(label="Khối", choices=PlanningTerm.Track.choices)
    starts_on = VnDateField(label="Từ ngày")
    ends_on = VnDateField(label="Đến ngày")
    counting_on = VnDateField(
        label="Ngày tính tuổi quy hoạch",
        required=False,
        help_text="Để trống: ngày bắt đầu nhiệm kỳ.",
    )


class TermEditForm(StyledForm):
    starts_on = VnDateField(label="Từ ngày")
    ends_on = VnDateField(label="Đến ngày")
    counting_on = VnDateField(
        label="Ngày tính tuổi quy hoạch",
        required=False,
        help_text="Để trống: ngày bắt đầu nhiệm kỳ.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class PlanFilterForm(StyledForm):
    term = TermChoiceField(
        label="Nhiệm kỳ",
        queryset=PlanningTerm.objects.all(),
        required=False,
        empty_label="Các nhiệm kỳ chưa kết thúc",
    )
    post = forms.TypedChoiceField(label="Chức danh", coerce=int, required=False)
    q = forms.CharField(label="Họ tên", required=False, max_length=120)

    def __init__(self, *args, posts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].choices = [("", "Mọi chức danh")] + [
            (p.pk, f"{p.title} — {p.organization_name or p.organization.code}") for p in posts
        ]


class TermFilterForm(StyledForm):
    term = TermChoiceField(
        label="Nhiệm kỳ",
        queryset=PlanningTerm.objects.all(),
        required=False,
        empty_label="Các nhiệm kỳ chưa kết thúc",
    )


class CandidateFilterForm(TermFilterForm):
    kind = forms.ChoiceField(
        label="Lý do", choices=[("", "Mọi lý do"), *REASON_KINDS.items()], required=False
    )


class StructureFilterForm(StyledForm):
    term = TermChoiceField(label="Nhiệm kỳ", queryset=PlanningTerm.objects.all(), required=False)
    level = forms.ChoiceField(
        label="Cấp", choices=[("", "Theo cấp của tổ chức"), *Level.choices], required=False
    )
