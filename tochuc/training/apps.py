from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "tochuc.training"
    label = "training"
    verbose_name = "Đào tạo, bồi dưỡng"

    def ready(self):
        from tochuc.core.rules import register
        from tochuc.training.rules import RULES

        register(*RULES)
