"""Tài khoản: users belong to an organization and see its subtree, with a role."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from simple_history.models import HistoricalRecords

from tochuc.core.scoping import CHANGE, MANAGE, VIEW, ScopedQuerySet


class Role(models.TextChoices):
    VIEWER = "viewer", "Xem"
    EDITOR = "editor", "Cập nhật"
    ADMINISTRATOR = "administrator", "Quản trị (Ban Tổ chức)"


ROLE_ACTIONS = {
    Role.VIEWER: {VIEW},
    Role.EDITOR: {VIEW, CHANGE},
    Role.ADMINISTRATOR: {VIEW, CHANGE, MANAGE},
}


class UserQuerySet(ScopedQuerySet):
    pass


class ScopedUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    organization = models.ForeignKey(
        "organizations.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="thuộc tổ chức",
        help_text="Người dùng thấy và sửa được cây tổ chức này (kể cả tiền thân của nó).",
    )
    role = models.CharField("vai trò", max_length=16, choices=Role.choices, default=Role.VIEWER)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects = ScopedUserManager()
    scope_field = "organization"

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def may(self, action: str) -> bool:
        """Whether this user's role allows `action` (within their scope)."""
        if self.is_superuser:
            return True
        return self.organization_id is not None and action in ROLE_ACTIONS[self.role]
