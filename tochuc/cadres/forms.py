"""Forms of the cadres pages: posts and quotas, sourcing plans, assignments, moves, filters.

Organizations are typed by code and accepted only inside the queryset the view passes (the
user's change scope for writes); persons are chosen by id among those the user may change.
Every change that needs a decision cites it in full (number, date, issuer).
"""

from __future__ import annotations

import datetime as dt

from django import forms

from tochuc.cadres.models import AssignmentKind, Body, MoveKind, MovePurpose, SourcingPlan
from tochuc.core.forms import ScopedOrganizationField, StyledForm
from tochuc.members.forms import DecisionMixin
from tochuc.organizations.forms import VnDateField
from tochuc.people.catalogs import Expertise, Sex

MOBILITY_START = dt.date(2025, 7, 1)
"""Default start of the cumulative mobility count: the two-level government's first day."""

LEVELS = [("", "Mọi cấp"), ("province", "Cấp tỉnh"), ("commune", "Cấp xã")]
YES_NO = [("", "Tất cả"), ("1", "Có"), ("0", "Không")]


class PersonChoiceField(forms.IntegerField):
    """A person chosen by id (from the suggestions or a search), accepted only inside
    `queryset`."""

    def __init__(self, *, queryset=None, **kwargs):
        self.queryset = queryset
        kwargs.setdefault(
            "error_messages",
            {"required": "Hãy chọn một người trong danh sách gợi ý hoặc tìm theo tên."},
        )
        super().__init__(widget=forms.HiddenInput, **kwargs)

    def clean(self, value):
        pk = super().clean(value)
        if pk is None:
            return None
        person = self.queryset.filter(pk=pk).first()
        if person is None:
            raise forms.ValidationError("Người này không thuộc phạm vi anh/chị được cập nhật.")
        return person


class DecisionForm(DecisionMixin, StyledForm):
    """A styled form with the decision citation; `effective_field` names the date the
    decision may not postdate."""

    effective_field = ""

    def clean(self):
        cleaned = super().clean()
        self.clean_decision({**cleaned, "effective_on": cleaned.get(self.effective_field)})
        return cleaned


class PostCreateForm(DecisionForm):
    organization = ScopedOrganizationField(label="Mã tổ chức, cơ quan")
    body = forms.ChoiceField(label="Cơ quan", choices=Body.choices)
    title = forms.CharField(label="Tên chức danh", max_length=120)
    field = forms.ChoiceField(
        label="Lĩnh vực chuyên môn", choices=[("", "—"), *Expertise.choices], required=False
    )
    seats = forms.IntegerField(label="Số lượng (định mức)", min_value=1, max_value=999)
    valid_from = VnDateField(label="Từ ngày")
    per_central_guidance = forms.BooleanField(
        label="Tính theo hướng dẫn của Trung ương khi tổng hợp thiếu khuyết", required=False
    )
    effective_field = "valid_from"

    field_order = [
        "organization",
        "body",
        "title",
        "field",
        "seats",
        "valid_from",
        "per_central_guidance",
    ]

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class QuotaForm(DecisionForm):
    seats = forms.IntegerField(label="Số lượng mới", min_value=0, max_value=999)
    valid_from = VnDateField(label="Áp dụng từ ngày")
    version = forms.IntegerField(widget=forms.HiddenInput)
    effective_field = "valid_from"

    field_order = ["seats", "valid_from"]


class SourcingPlanForm(StyledForm):
    planned_on = VnDateField(label="Ngày lập phương án")
    source = forms.ChoiceField(label="Phương án", choices=SourcingPlan.Source.choices)
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AssignForm(DecisionForm):
    person = PersonChoiceField(label="Người được bố trí", required=False)
    new_full_name = forms.CharField(label="Họ và tên", max_length=120, required=False)
    new_sex = forms.ChoiceField(label="Giới tính", choices=Sex.choices, required=False)
    new_date_of_birth = VnDateField(label="Ngày sinh", required=False)
    new_specialty = forms.ChoiceField(
        label="Chuyên ngành đào tạo", choices=[("", "—"), *Expertise.choices], required=False
    )
    kind = forms.ChoiceField(label="Hình thức", choices=AssignmentKind.choices)
    starts_on = VnDateField(label="Từ ngày")
    ends_on = VnDateField(
        label="Đến ngày",
        required=False,
        help_text="Để trống nếu không thời hạn; bổ nhiệm, bổ nhiệm lại tự tính 5 năm.",
    )
    decision_required = True
    effective_field = "starts_on"

    field_order = ["person", "kind", "starts_on", "ends_on"]

    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "Đến ngày: không thể trước ngày bắt đầu.")
        newcomer = (cleaned.get("new_full_name") or "").strip()
        if cleaned.get("person") and newcomer:
            self.add_error(
                "new_full_name", "Chọn một người có sẵn hoặc nhập người mới, không cả hai."
            )
        elif not cleaned.get("person") and not newcomer and "person" not in self.errors:
            self.add_error("person", "Hãy chọn một người trong danh sách gợi ý hoặc tìm theo tên.")
        elif newcomer:
            for name in ("new_sex", "new_date_of_birth"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, f"{self.fields[name].label}: cần nhập cho người mới.")
        return cleaned

    def newcomer(self) -> dict | None:
        """The new person's fields when the form names one instead of choosing."""
        data = self.cleaned_data
        if not (data.get("new_full_name") or "").strip():
            return None
        return {
            "full_name": data["new_full_name"],
            "sex": data["new_sex"],
            "date_of_birth": data["new_date_of_birth"],
            "specialty": data["new_specialty"],
        }


class AssignmentEndForm(StyledForm):
    ends_on = VnDateField(label="Thôi giữ chức danh từ sau ngày")
    version = forms.IntegerField(widget=forms.HiddenInput)


class MoveForm(DecisionForm):
    person = PersonChoiceField(label="Cán bộ")
    kind = forms.ChoiceField(label="Hình thức", choices=MoveKind.choices)
    origin = ScopedOrganizationField(label="Mã đơn vị đi")
    destination = ScopedOrganizationField(label="Mã đơn vị đến")
    decided_by = ScopedOrganizationField(label="Mã cấp quyết định")
    starts_on = VnDateField(label="Ngày bắt đầu")
    planned_end = VnDateField(label="Dự kiến kết thúc", required=False)
    purpose = forms.ChoiceField(label="Mục đích", choices=MovePurpose.choices)
    special_case = forms.CharField(
        label="Trường hợp đặc biệt (căn cứ quyết định của cấp có thẩm quyền)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    decision_required = True
    effective_field = "starts_on"

    field_order = [
        "person",
        "kind",
        "origin",
        "destination",
        "decided_by",
        "starts_on",
        "planned_end",
        "purpose",
        "special_case",
    ]

    def __init__(self, *args, persons, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons
        for name in ("origin", "destination", "decided_by"):
            self.fields[name].queryset = organizations


class MoveEndForm(StyledForm):
    ended_on = VnDateField(label="Ngày kết thúc thực tế")
    version = forms.IntegerField(widget=forms.HiddenInput)


class VacancyFilterForm(StyledForm):
    """Filters of the vacancy register; `commune` lists the organizations directly under the
    register's root."""

    field = forms.ChoiceField(
        label="Lĩnh vực", choices=[("", "Mọi lĩnh vực"), *Expertise.choices], required=False
    )
    commune = forms.TypedChoiceField(label="Đơn vị trực thuộc", coerce=int, required=False)
    plan = forms.ChoiceField(
        label="Phương án",
        choices=[
            ("", "Mọi phương án"),
            ("self", "Tự đảm bảo"),
            ("support", "Cần hỗ trợ"),
            ("none", "Chưa có phương án"),
        ],
        required=False,
    )
    central = forms.ChoiceField(
        label="Theo hướng dẫn của Trung ương", choices=YES_NO, required=False
    )

    def __init__(self, *args, communes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].choices = [("", "Toàn bộ")] + [
            (p.organization_id, p.name) for p in communes
        ]


class MoveFilterForm(StyledForm):
    kind = forms.ChoiceField(
        label="Hình thức", choices=[("", "Mọi hình thức"), *MoveKind.choices], required=False
    )
    since = VnDateField(label="Từ ngày", required=False)
    origin_level = forms.ChoiceField(label="Đơn vị đi", choices=LEVELS, required=False)
    destination_level = forms.ChoiceField(label="Đơn vị đến", choices=LEVELS, required=False)
    commune_decided = forms.ChoiceField(
        label="Do cấp xã quyết định", choices=YES_NO, required=False
    )
