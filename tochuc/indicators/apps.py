from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "tochuc.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu báo cáo"

    def ready(self):
        from tochuc.indicators import definitions  # noqa: F401  (registers the indicators)
