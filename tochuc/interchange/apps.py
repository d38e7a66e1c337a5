from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "tochuc.interchange"
    verbose_name = "Trao đổi dữ liệu Excel"
