"""Form plumbing shared by every app: errors by label, a service's refusal on the form."""

from django import forms
from django.core.exceptions import ValidationError

from tochuc.core.forms import errors_named, labelled, refused


class _Form(forms.Form):
    year = forms.IntegerField(label="Năm")
    note = forms.CharField()


def test_errors_named_prefix_each_error_with_its_label_once():
    form = _Form({"year": "2025", "note": "x"})
    assert form.is_valid()
    form.add_error("year", "sai")
    form.add_error("year", "Năm đã khóa sổ.")
    form.add_error("note", "trống")
    refused(form, ValidationError(["Đã có bản ghi.", "Phiên bản cũ."]))
    assert errors_named(form) == [
        "Năm: sai",
        "Năm đã khóa sổ.",
        "trống",
        "Đã có bản ghi.",
        "Phiên bản cũ.",
    ]


def test_labelled():
    assert labelled("Năm", "sai") == "Năm: sai"
    assert labelled("Năm", "Năm không hợp lệ") == "Năm không hợp lệ"
    assert labelled("", "sai") == "sai"


def test_page_filters_under_the_names_of_each_app():
    from django.template import Context, Template

    form = _Form({"year": "2025", "note": "x"})
    form.is_valid()
    form.add_error("year", "sai")
    text = Template(
        "{% load page_filters plan_figures congress_figures %}"
        "{{ n|vn_int }} {{ n|plan_int }} {{ none|vn_int }} {{ d|get_item:'k' }} "
        "{{ form.year|named_errors|join:';' }} {{ form.year|labelled_errors|join:';' }} "
        "{{ form.year|field_errors|join:';' }}"
    ).render(Context({"n": 3114, "none": None, "d": {"k": 7}, "form": form}))
    assert text == "3.114 3.114 0 7 Năm: sai Năm: sai Năm: sai"
