"""The Vietnamese login form and the forms department administrators manage users with."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from tochuc.accounts.models import Role
from tochuc.core.forms import ScopedOrganizationField, StyledForm


class LoginForm(AuthenticationForm):
    username = forms.CharField(label="Tên đăng nhập", max_length=150)
    password = forms.CharField(label="Mật khẩu", strip=False, widget=forms.PasswordInput)
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý chữ hoa, chữ thường.",
        "inactive": "Tài khoản này đã bị khóa.",
    }


class UserCreateForm(StyledForm):
    username = forms.CharField(label="Tên đăng nhập", max_length=150)
    full_name = forms.CharField(label="Họ và tên", max_length=150)
    organization = ScopedOrganizationField(label="Mã tổ chức (phạm vi được xem)")
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)
    password = forms.CharField(
        label="Mật khẩu ban đầu",
        strip=False,
        widget=forms.PasswordInput,
        help_text="Ít nhất 10 ký tự, không quá đơn giản.",
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class UserChangeForm(StyledForm):
    organization = ScopedOrganizationField(label="Mã tổ chức (phạm vi được xem)")
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)
    is_active = forms.BooleanField(label="Đang hoạt động", required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
