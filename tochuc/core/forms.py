"""Form plumbing shared by every app."""

from django import forms
from django.core.exceptions import ValidationError


def bootstrap(form: forms.BaseForm) -> None:
    """Bootstrap classes on every widget: check boxes, selects, the rest as text controls."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(field.widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        field.widget.attrs.setdefault("class", css)


class StyledForm(forms.Form):
    """A form whose widgets carry Bootstrap classes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)


class ScopedOrganizationField(forms.CharField):
    """An organization entered by its code, accepted only inside `queryset` (the user's scope
    for the action at hand, e.g. `Organization.objects.restrict(user, CHANGE)`)."""

    def __init__(self, *, queryset=None, **kwargs):
        self.queryset = queryset
        super().__init__(max_length=64, **kwargs)

    def clean(self, value):
        code = super().clean(value).strip()
        organization = self.queryset.filter(code=code).first()
        if organization is None:
            raise forms.ValidationError(
                f"Không có tổ chức mã «{code}» trong phạm vi anh/chị quản lý."
            )
        return organization


def labelled(label: str, error: str) -> str:
    """`label: error`, unless there is no label or the error already starts with it."""
    return f"{label}: {error}" if label and not error.startswith(label) else error


def errors_named(form: forms.BaseForm) -> list[str]:
    """Every error of a form, each prefixed by the label of its field."""
    found = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        found.extend(labelled(label or "", error) for error in errors)
    return found


def refused(form: forms.BaseForm, exc: ValidationError) -> None:
    """A service's refusal shown on the form, as errors of the whole form."""
    for message in exc.messages:
        form.add_error(None, message)
