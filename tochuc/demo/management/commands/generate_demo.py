"""`tochuc generate_demo --province can_tho --seed 1 [--members 140000] [--today YYYY-MM-DD]`:
synthetic members with their histories, card exchange and training, then the province's
admission targets, headcounts, seats, holders, sourcing plans, moves and succession planning
(`tochuc.demo.generator`). The same seed and day give the same data; `-v 2` also prints the
report figures of the province as the selectors compute them.

Cần Thơ's default 140,000 members take about 40 s on SQLite (the whole command, on a fresh
migrated file with the units and the party tree loaded; 2-CPU machine) and about 55 s on
PostgreSQL.

National mode, for benchmarks on PostgreSQL:

    tochuc load_admin_units
    tochuc build_party_tree --province all
    tochuc generate_demo --province all --seed 1            # 5.6 million members

Members are shared in proportion to each province's communes (Cần Thơ 173,683), one province
and one transaction at a time (an interruption keeps the provinces done), in memory bounded
by a batch of 20,000 members and one province's tallies, written with COPY. Measured on the
same machine with PostgreSQL's default settings: `--members 1000000` in 9 min 18 s (about
1,800 members a second, each with 3.8 events and 3.7 spans on average), so about an hour for
the whole country; most of it is the database maintaining its indexes, so more
`shared_buffers` and `max_wal_size` help.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from tochuc.core.bulk import bulk_load_settings
from tochuc.core.formatting import vn_int
from tochuc.demo.generator import NATIONAL_MEMBERS, Generator, generate_national
from tochuc.demo.summary import figure_lines, figures, report_lines
from tochuc.organizations.models import Organization
from tochuc.people.models import Person

PROVINCE_MEMBERS = 140_000
NO_TREE = "Chưa có cây tổ chức: hãy chạy «tochuc build_party_tree» trước."


class Command(BaseCommand):
    help = "Sinh dữ liệu đảng viên giả lập (không phải người thật) cho một tỉnh hoặc cả nước."

    def add_arguments(self, parser):
        parser.add_argument("--province", default="can_tho", help="tỉnh, thành phố hoặc «all»")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--members",
            type=int,
            help=f"số đảng viên (mặc định {vn_int(PROVINCE_MEMBERS)} một tỉnh, "
            f"{vn_int(NATIONAL_MEMBERS)} cả nước)",
        )
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            help="ngày hiện tại của dữ liệu (YYYY-MM-DD; mặc định hôm nay): cùng seed và cùng "
            "ngày cho cùng dữ liệu",
        )
        parser.add_argument(
            "--append",
            action="store_true",
            help="sinh thêm đảng viên dù cơ sở dữ liệu đã có (chỉ tiêu kết nạp, biên chế, chức "
            "danh chỉ sinh một lần mỗi tỉnh)",
        )

    def handle(self, *args, **options):
        if Person.objects.exists() and not options["append"]:
            self.stdout.write("Cơ sở dữ liệu đã có hồ sơ: bỏ qua (dùng --append để sinh thêm).")
            return
        today, seed = options["today"] or timezone.localdate(), options["seed"]
        verbosity = options["verbosity"]
        with bulk_load_settings():
            if options["province"] == "all":
                report = generate_national(
                    seed=seed,
                    members=options["members"] or NATIONAL_MEMBERS,
                    today=today,
                    log=self.stdout.write if verbosity >= 1 else None,
                )
                if not report.persons:
                    raise CommandError(NO_TREE)
                root = None
            else:
                try:
                    generator = Generator(province=options["province"], seed=seed, today=today)
                except ValidationError as exc:
                    raise CommandError(exc.messages[0]) from exc
                if not generator.ready:
                    raise CommandError(NO_TREE)
                with transaction.atomic():
                    report = generator.run(options["members"] or PROVINCE_MEMBERS)
                root = Organization.objects.get(pk=generator.place.province)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics, or the first queries plan badly
        lines = report_lines(report) if verbosity >= 1 else []
        if verbosity >= 2 and root is not None:
            lines += figure_lines(figures(root=root, on=today), today)
        for line in lines:
            self.stdout.write(line)
