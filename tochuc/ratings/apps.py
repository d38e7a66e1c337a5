from django.apps import AppConfig


class RatingsConfig(AppConfig):
    name = "tochuc.ratings"
    label = "ratings"
    verbose_name = "Đánh giá, xếp loại và lấy phiếu tín nhiệm"

    def ready(self):
        from tochuc.core.rules import register
        from tochuc.ratings.rules import RULES

        register(*RULES)
