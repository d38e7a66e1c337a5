from django.apps import AppConfig


class CadresConfig(AppConfig):
    name = "tochuc.cadres"
    label = "cadres"
    verbose_name = "Cán bộ và chức danh"
