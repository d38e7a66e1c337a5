"""Writes for accounts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from tochuc.accounts.models import Role, User
from tochuc.organizations.models import Organization


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    organization: Organization,
    role: str = Role.VIEWER,
    full_name: str = "",
) -> User:
    """A user scoped to `organization`'s subtree, with `role`; the password is validated."""
    from django.contrib.auth.password_validation import validate_password

    if role not in Role.values:
        raise ValidationError(f"Vai trò «{role}» không có trong danh mục.")
    if User.objects.filter(username=username).exists():
        raise ValidationError(f"Tên đăng nhập «{username}» đã được dùng.")
    first, _, last = full_name.rpartition(" ")
    user = User(
        username=username, organization=organization, role=role, first_name=first, last_name=last
    )
    validate_password(password, user)
    user.set_password(password)
    user.save()
    return user
