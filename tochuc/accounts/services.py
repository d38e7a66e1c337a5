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


@transaction.atomic
def user_change(
    *, user: User, organization: Organization, role: str, is_active: bool, changed_by: User
) -> User:
    """Move a user to another organization, change the role, or lock the account."""
    if user.pk == changed_by.pk and (not is_active or role != user.role):
        raise ValidationError("Không thể tự khóa hoặc tự đổi vai trò của chính mình.")
    if role not in Role.values:
        raise ValidationError(f"Vai trò «{role}» không có trong danh mục.")
    user.organization, user.role, user.is_active = organization, role, is_active
    user.save(update_fields=["organization", "role", "is_active"])
    return user
