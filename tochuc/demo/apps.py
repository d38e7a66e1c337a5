from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "tochuc.demo"
    label = "demo"
    verbose_name = "Dữ liệu giả lập"
