"""The upload form of the import page."""

from django import forms

from tochuc.core.forms import StyledForm
from tochuc.interchange.jobs import MAX_UPLOAD_MB, upload_refusals


class UploadForm(StyledForm):
    file = forms.FileField(
        label="Tệp Excel (.xlsx)",
        help_text=f"Theo mẫu tệp của hệ thống, tối đa {MAX_UPLOAD_MB} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        error_messages={"required": "Hãy chọn tệp Excel cần nhập."},
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        refusals = upload_refusals(uploaded)
        if refusals:
            raise forms.ValidationError(refusals)
        return uploaded
