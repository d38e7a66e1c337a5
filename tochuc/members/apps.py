from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "tochuc.members"
    label = "members"
    verbose_name = "Đảng viên"
