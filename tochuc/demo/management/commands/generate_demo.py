"""`tochuc generate_demo --province can_tho --seed 1 --members 20000`: synthetic members,
then the communes' seats, holders, sourcing plans and moves."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tochuc.demo.generator import Generator
from tochuc.people.models import Person


class Command(BaseCommand):
    help = "Sinh dữ liệu đảng viên giả lập (không phải người thật) cho một tỉnh, thành phố."

    def add_arguments(self, parser):
        parser.add_argument("--province", default="can_tho")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--members", type=int, default=20_000)
        parser.add_argument(
            "--append", action="store_true", help="sinh thêm dù cơ sở dữ liệu đã có đảng viên"
        )

    def handle(self, *args, **options):
        if Person.objects.exists() and not options["append"]:
            self.stdout.write("Cơ sở dữ liệu đã có hồ sơ: bỏ qua (dùng --append để sinh thêm).")
            return
        try:
            generator = Generator(
                province=options["province"], seed=options["seed"], today=timezone.localdate()
            )
        except ValidationError as exc:
            raise CommandError(exc.messages[0]) from exc
        if not generator.old_communes or not generator.new_communes:
            raise CommandError("Chưa có cây tổ chức: hãy chạy «tochuc build_party_tree» trước.")
        report = generator.run(options["members"])
        seats = generator.seats()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Đã sinh {report.persons} đảng viên giả lập, {report.events} sự kiện, "
                f"{report.spans} giai đoạn ({report.skipped} hồ sơ không hợp lệ bị bỏ qua); "
                f"{seats.posts} chức danh, {seats.assignments} lượt bố trí, "
                f"{seats.plans} phương án bố trí, {seats.moves} trường hợp điều động, tăng cường, "
                f"{seats.planned} lượt quy hoạch."
            )
