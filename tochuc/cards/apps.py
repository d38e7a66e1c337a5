from django.apps import AppConfig


class CardsConfig(AppConfig):
    name = "tochuc.cards"
    label = "cards"
    verbose_name = "Thẻ đảng viên"
