from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "tochuc.organizations"
    label = "organizations"
    verbose_name = "Tổ chức"
