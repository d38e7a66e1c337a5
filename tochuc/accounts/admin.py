from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from tochuc.accounts.models import User


@admin.register(User)
class TochucUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "get_full_name", "organization", "role", "is_active"]
    list_filter = ["role", "is_active", "is_superuser"]
    raw_id_fields = ["organization"]
    fieldsets = [*UserAdmin.fieldsets, ("Phạm vi", {"fields": ["organization", "role"]})]
