from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tochuc.core.models import Decision


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "signed_on", "issuer", "title"]
    search_fields = ["number", "issuer", "title"]
