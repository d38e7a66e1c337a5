"""`tochuc create_user USERNAME --organization CODE --role administrator`: a scoped account."""

import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tochuc.accounts.models import Role
from tochuc.accounts.services import user_create
from tochuc.organizations.models import Organization


class Command(BaseCommand):
    help = "Tạo người dùng thuộc một tổ chức, với vai trò xem / cập nhật / quản trị."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--organization", required=True, help="mã tổ chức, vd: 92")
        parser.add_argument("--role", choices=Role.values, default=Role.VIEWER)
        parser.add_argument("--full-name", default="")

    def handle(self, *args, **options):
        organization = Organization.objects.filter(code=options["organization"]).first()
        if organization is None:
            raise CommandError(f"Không có tổ chức mã «{options['organization']}».")
        password = os.environ.get("TOCHUC_NEW_PASSWORD") or getpass.getpass("Mật khẩu: ")
        try:
            user = user_create(
                username=options["username"],
                password=password,
                organization=organization,
                role=options["role"],
                full_name=options["full_name"],
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(f"Đã tạo {user.username} ({Role(user.role).label}) thuộc {organization}.")
