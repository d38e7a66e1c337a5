from django.apps import AppConfig


class StaffingConfig(AppConfig):
    name = "tochuc.staffing"
    label = "staffing"
    verbose_name = "Biên chế và tinh giản biên chế"

    def ready(self):
        from tochuc.core.rules import register
        from tochuc.staffing.rules import RULES

        register(*RULES)
