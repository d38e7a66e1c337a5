"""`tochuc create_demo_users --province can_tho`: demo logins printed on the console."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tochuc.accounts.models import Role, User
from tochuc.accounts.services import user_create
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import OrganizationPeriod

DEMO_PASSWORD = "tochuc-demo-2025"


class Command(BaseCommand):
    help = "Tạo tài khoản dùng thử (dữ liệu giả lập, không dùng cho hệ thống thật)."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=DEMO_PASSWORD)

    def handle(self, *args, **options):
        today = timezone.localdate()
        periods = OrganizationPeriod.objects.valid_at(today).select_related("organization")
        province = periods.filter(kind=Kind.PROVINCIAL_COMMITTEE).order_by("name").first()
        commune = periods.filter(kind=Kind.COMMUNE_COMMITTEE).order_by("name").first()
        if province is None or commune is None:
            raise CommandError("Chưa có cây tổ chức: hãy chạy «tochuc build_party_tree» trước.")
        logins = [
            ("demo", province, Role.ADMINISTRATOR, "Quản trị Ban Tổ chức"),
            ("demo_xa", commune, Role.EDITOR, "Cán bộ Đảng ủy xã"),
        ]
        self.stdout.write("Tài khoản dùng thử:")
        for username, period, role, full_name in logins:
            User.objects.filter(username=username).delete()
            user_create(
                username=username,
                password=options["password"],
                organization=period.organization,
                role=role,
                full_name=full_name,
            )
            self.stdout.write(
                f"  {username} / {options['password']}  — {Role(role).label}, {period.name}"
            )
