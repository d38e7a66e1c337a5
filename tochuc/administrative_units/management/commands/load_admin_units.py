"""`tochuc load_admin_units [--province can_tho]`: units and lineage from `vietnamadminunits`."""

from django.core.management.base import BaseCommand, CommandError

from tochuc.administrative_units.loader import load_admin_units


class Command(BaseCommand):
    help = (
        "Nạp đơn vị hành chính (34 tỉnh, thành phố từ 01/07/2025 và 63 tỉnh, thành phố trước "
        "đó) cùng quan hệ kế thừa từ gói vietnamadminunits. Chạy lại không tạo bản ghi trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            help="Chỉ nạp một tỉnh, thành phố (từ 01/07/2025), vd: can_tho, «Cần Thơ»; "
            "bỏ trống để nạp cả nước.",
        )

    def handle(self, *args, **options):
        try:
            report = load_admin_units(province=options["province"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] >= 1:
            for line in report.summary():
                self.stdout.write(line)
