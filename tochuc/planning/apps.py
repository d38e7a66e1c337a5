from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "tochuc.planning"
    label = "planning"
    verbose_name = "Quy hoạch cán bộ"

    def ready(self):
        from tochuc.core.rules import register
        from tochuc.planning.rules import RULES

        register(*RULES)
