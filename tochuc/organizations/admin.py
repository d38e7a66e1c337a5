from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tochuc.organizations.models import LineageEvent, Organization, OrganizationPeriod


class PeriodInline(admin.TabularInline):
    model = OrganizationPeriod
    fk_name = "organization"
    raw_id_fields = ["parent", "decision"]
    exclude = ["name_folded"]
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["code", "valid_from", "valid_to", "administrative_unit"]
    search_fields = ["code", "periods__name"]
    raw_id_fields = ["administrative_unit"]
    inlines = [PeriodInline]


@admin.register(LineageEvent)
class LineageEventAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "effective_on", "decision"]
    list_filter = ["kind"]
