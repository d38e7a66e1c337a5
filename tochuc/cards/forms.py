"""Forms of the card exchange: declare a member, record a step."""

from __future__ import annotations

from django import forms

from tochuc.cards.campaign import STEPS
from tochuc.organizations.forms import VnDateField


class BootstrapForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")


class DeclareForm(BootstrapForm):
    declared_on = VnDateField(label="Ngày kê khai")


class StepForm(BootstrapForm):
    step = forms.ChoiceField(choices=STEPS[1:], widget=forms.HiddenInput)
    on = VnDateField(label="Ngày thực hiện")
    card_number = forms.CharField(label="Số thẻ đảng viên mới", max_length=20, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, step: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if step and step != "received":
            del self.fields["card_number"]
