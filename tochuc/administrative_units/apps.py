from django.apps import AppConfig


class AdministrativeUnitsConfig(AppConfig):
    name = "tochuc.administrative_units"
    label = "administrative_units"
    verbose_name = "Đơn vị hành chính"
