"""Forms of the ratings pages: annual ratings (persons, organizations), confidence votes,
disciplines, and the filters of the lists.

Organizations are typed by code and accepted only inside the user's change scope; persons
are chosen by id among those the user may change (a search fills the choices); decisions
are cited in full (number, date, issuer).
"""

from __future__ import annotations

from decimal import Decimal

from django import forms

from tochuc.core.forms import ScopedOrganizationField, StyledForm
from tochuc.members.forms import DecisionMixin
from tochuc.organizations.forms import VnDateField
from tochuc.ratings.models import Category, DisciplineForm


class VnDecimalField(forms.DecimalField):
    """A number typed the Vietnamese way (85,5) or with a dot (85.5)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 5)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal(0))
        kwargs.setdefault("max_value", Decimal(100))
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace(",", ".")
        return super().to_python(value)


class PersonChoiceField(forms.IntegerField):
    """A person chosen by id, accepted only inside `queryset` (the user's change scope)."""

    def __init__(self, *, queryset=None, **kwargs):
        self.queryset = queryset
        kwargs.setdefault("error_messages", {"required": "hãy chọn một người (tìm theo họ tên)."})
        super().__init__(widget=forms.HiddenInput, **kwargs)

    def clean(self, value):
        pk = super().clean(value)
        person = self.queryset.filter(pk=pk).first()
        if person is None:
            raise forms.ValidationError("người này không thuộc phạm vi anh/chị được cập nhật.")
        return person


class DecisionForm(DecisionMixin, StyledForm):
    """Styled, with an optional (or required) decision citation; `effective_field` names the
    date the decision may not postdate."""

    effective_field = ""

    def clean(self):
        cleaned = super().clean()
        self.clean_decision({**cleaned, "effective_on": cleaned.get(self.effective_field)})
        return cleaned


CATEGORY_CHOICES = [("", "— theo kết quả chấm điểm —"), *Category.choices]


class RatingInputsForm(DecisionForm):
    """The inputs of an annual rating; the category may be left blank (derived by the rule)."""

    score = VnDecimalField(label="Tổng điểm (thang 100, từ năm 2025)")
    exceeded_share = VnDecimalField(label="Tỷ lệ nhiệm vụ hoàn thành vượt yêu cầu (%)")
    late_share = VnDecimalField(label="Tỷ lệ nhiệm vụ chưa bảo đảm tiến độ (%)")
    category = forms.ChoiceField(label="Xếp loại", choices=CATEGORY_CHOICES, required=False)
    lowered_reason = forms.CharField(
        label="Lý do xếp loại thấp hơn mức theo điểm",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def inputs(self) -> dict:
        """The service's keyword arguments for the rating inputs."""
        data = self.cleaned_data
        return {
            "category": data["category"],
            "score": data["score"],
            "exceeded_share": data["exceeded_share"],
            "late_share": data["late_share"],
            "lowered_reason": data["lowered_reason"],
            "note": data["note"],
            "decision": self.decision(),
        }


class PersonRatingForm(RatingInputsForm):
    person = PersonChoiceField(label="Cá nhân được đánh giá")
    organization = ScopedOrganizationField(label="Mã tổ chức, cơ quan đánh giá")
    year = forms.IntegerField(label="Năm đánh giá", min_value=1900, max_value=2999)

    field_order = ["person", "organization", "year", "score", "exceeded_share", "late_share"]

    def __init__(self, *args, persons, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons
        self.fields["organization"].queryset = organizations


class OrganizationRatingForm(RatingInputsForm):
    organization = ScopedOrganizationField(label="Mã tổ chức được đánh giá")
    year = forms.IntegerField(label="Năm đánh giá", min_value=1900, max_value=2999)

    field_order = ["organization", "year", "score", "exceeded_share", "late_share"]

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class RatingEditForm(RatingInputsForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    field_order = ["score", "exceeded_share", "late_share", "category"]


class VoteFiguresForm(StyledForm):
    """The figures of a vote: what recording sets and a correction may change."""

    post = forms.ModelChoiceField(
        label="Chức danh", queryset=None, required=False, empty_label="— không ghi —"
    )
    held_on = VnDateField(label="Ngày lấy phiếu")
    summoned = forms.IntegerField(label="Số người được triệu tập", min_value=1)
    present = forms.IntegerField(label="Số người có mặt", min_value=0)
    high = forms.IntegerField(label="Phiếu tín nhiệm cao", min_value=0)
    confidence = forms.IntegerField(label="Phiếu tín nhiệm", min_value=0)
    low = forms.IntegerField(label="Phiếu tín nhiệm thấp", min_value=0)
    invalid = forms.IntegerField(label="Phiếu không hợp lệ", min_value=0, required=False)

    def __init__(self, *args, posts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = posts
        self.fields["post"].label_from_instance = lambda post: (
            f"{post.title} — {post.organization.code}"
        )

    def clean_invalid(self) -> int:
        return self.cleaned_data.get("invalid") or 0

    def figures(self) -> dict:
        """The service's keyword arguments for the vote's figures."""
        names = ("post", "held_on", "summoned", "present", "high", "confidence", "low")
        return {name: self.cleaned_data[name] for name in (*names, "invalid")}


class VoteForm(VoteFiguresForm):
    person = PersonChoiceField(label="Người được lấy phiếu")
    organization = ScopedOrganizationField(label="Mã cơ quan, tổ chức lấy phiếu")

    field_order = ["person", "post", "organization", "held_on"]

    def __init__(self, *args, persons, organizations, posts, **kwargs):
        super().__init__(*args, posts=posts, **kwargs)
        self.fields["person"].queryset = persons
        self.fields["organization"].queryset = organizations


class VoteEditForm(VoteFiguresForm):
    """Sửa kết quả lấy phiếu: figures, date and post; the person and organization stay."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class DisciplineFieldsForm(DecisionForm):
    """What recording a discipline sets and a correction may change (the decision required)."""

    form = forms.ChoiceField(label="Hình thức kỷ luật", choices=DisciplineForm.choices)
    decided_on = VnDateField(label="Ngày quyết định kỷ luật có hiệu lực")
    reason = forms.CharField(
        label="Nội dung vi phạm", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    decision_required = True
    effective_field = "decided_on"


class DisciplineEditForm(DisciplineFieldsForm):
    """Sửa quyết định kỷ luật: form, date, decision, reason; the person and organization stay."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    field_order = ["form", "decided_on", "reason"]


class DisciplineEntryForm(DecisionForm):
    person = PersonChoiceField(label="Người bị kỷ luật")
    organization = ScopedOrganizationField(label="Mã cấp xử lý")
    form = forms.ChoiceField(label="Hình thức kỷ luật", choices=DisciplineForm.choices)
    decided_on = VnDateField(label="Ngày quyết định kỷ luật có hiệu lực")
    reason = forms.CharField(
        label="Nội dung vi phạm", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    decision_required = True
    effective_field = "decided_on"

    field_order = ["person", "organization", "form", "decided_on", "reason"]

    def __init__(self, *args, persons, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons
        self.fields["organization"].queryset = organizations
