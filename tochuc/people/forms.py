"""The profile form (phiếu đảng viên): validation with Vietnamese messages naming the field."""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone

from tochuc.administrative_units.models import AdministrativeUnit, Generation, Level
from tochuc.administrative_units.selectors import current_unit_for
from tochuc.core.forms import bootstrap
from tochuc.organizations.forms import VnDateField
from tochuc.people.models import Person

PROFILE_FIELDS = [
    "full_name", "sex", "date_of_birth", "ethnicity", "religion", "residence_detail",
    "citizen_id", "phone", "general_education", "professional_level", "specialty",
    "political_theory", "state_management", "occupation", "sector",
]  # fmt: skip
"""Person fields edited as they are; hometown and residence are entered by unit code."""


def unit_for_code(code: str) -> tuple[AdministrativeUnit, str]:
    """The 2025 commune for `code` and, for a pre-2025 code, a note saying it was converted.

    A code of the 2025 list wins over the same code in the pre-2025 list (codes are reused).
    """
    units = AdministrativeUnit.objects.filter(code=code, level=Level.COMMUNE)
    unit = units.filter(generation=Generation.REFORM_2025).first()
    if unit is not None:
        return unit, ""
    legacy = units.filter(generation=Generation.LEGACY).first()
    if legacy is None:
        raise forms.ValidationError(f"Không có đơn vị hành chính cấp xã mã «{code}».")
    try:
        current = current_unit_for(legacy)
    except AdministrativeUnit.DoesNotExist as exc:
        raise forms.ValidationError(str(exc)) from exc
    return current, (
        f"Mã {code} ({legacy.name}) là đơn vị hành chính trước 01/07/2025; "
        f"đã chuyển thành {current.name} (mã {current.code})."
    )


class PersonForm(forms.ModelForm):
    """Profile fields; `conversions` lists the pre-2025 unit codes converted on the way."""

    date_of_birth = VnDateField(label="Ngày sinh")
    hometown_code = forms.CharField(
        label="Quê quán (mã xã)",
        required=False,
        help_text="Mã đơn vị hành chính cấp xã; mã trước 01/07/2025 được tự chuyển sang xã mới.",
    )
    residence_code = forms.CharField(label="Nơi thường trú (mã xã)", required=False)

    class Meta:
        model = Person
        fields = PROFILE_FIELDS

    field_order = [
        "full_name", "sex", "date_of_birth", "ethnicity", "religion", "hometown_code",
        "residence_code", "residence_detail",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conversions: list[str] = []
        if self.instance.pk:
            for name in ("hometown", "residence"):
                unit = getattr(self.instance, name)
                self.initial.setdefault(f"{name}_code", unit.code if unit else "")
        bootstrap(self)

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError("Họ và tên: không được để trống.")
        return name

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born > timezone.localdate():
            raise forms.ValidationError("Ngày sinh: không thể sau ngày hôm nay.")
        return born

    def clean_citizen_id(self):
        value = self.cleaned_data["citizen_id"].strip()
        if value and not re.fullmatch(r"\d{12}", value):
            raise forms.ValidationError("Số CCCD: phải gồm đúng 12 chữ số.")
        return value

    def clean_phone(self):
        value = re.sub(r"[\s.\-]", "", self.cleaned_data["phone"])
        if value and not re.fullmatch(r"\d{10,11}", value):
            raise forms.ValidationError("Số điện thoại: phải gồm 10 hoặc 11 chữ số.")
        return value

    def _unit(self, name: str, label: str):
        code = self.cleaned_data[f"{name}_code"].strip()
        if not code:
            return None
        try:
            unit, note = unit_for_code(code)
        except forms.ValidationError as exc:
            raise forms.ValidationError(f"{label}: {exc.messages[0]}") from exc
        if note:
            self.conversions.append(f"{label}: {note}")
        return unit

    def clean_hometown_code(self):
        return self._unit("hometown", "Quê quán")

    def clean_residence_code(self):
        return self._unit("residence", "Nơi thường trú")

    def profile(self) -> dict:
        """The cleaned values as Person fields."""
        data = {name: self.cleaned_data[name] for name in PROFILE_FIELDS}
        data["hometown"] = self.cleaned_data["hometown_code"]
        data["residence"] = self.cleaned_data["residence_code"]
        return data


class PersonEditForm(PersonForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
