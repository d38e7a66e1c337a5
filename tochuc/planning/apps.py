from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "tochuc.planning"
    label = "planning"
    verbose_name = "Quy hoạch cán bộ"
