from django.apps import AppConfig


class CongressesConfig(AppConfig):
    name = "tochuc.congresses"
    label = "congresses"
    verbose_name = "Đại hội đảng bộ"

    def ready(self):
        from tochuc.congresses.rules import RULES
        from tochuc.core.rules import register

        register(*RULES)
