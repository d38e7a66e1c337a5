"""`tochuc build_party_tree --province can_tho`: the default party tree from the units."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tochuc.core.formatting import parse_vn_date
from tochuc.organizations.builder import Citation, build_party_tree, today_provinces
from tochuc.organizations.kinds import Kind


class Command(BaseCommand):
    help = "Lập cây tổ chức đảng mặc định của một tỉnh, thành phố từ đơn vị hành chính."

    def add_arguments(self, parser):
        parser.add_argument(
            "--province", required=True, help="vd: can_tho, «Cần Thơ»; «all»: cả 34 tỉnh, thành phố"
        )
        parser.add_argument("--decision-number", default=Citation.number)
        parser.add_argument("--decision-date", default=Citation.signed_on.strftime("%d/%m/%Y"))
        parser.add_argument("--decision-issuer", default=Citation.issuer)

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        try:
            signed_on: dt.date = parse_vn_date(options["decision_date"])
            citation = Citation(
                number=options["decision_number"],
                signed_on=signed_on,
                issuer=options["decision_issuer"],
            )
            provinces = (
                list(today_provinces().values_list("code", flat=True))
                if options["province"] == "all"
                else [options["province"]]
            )
            for province in provinces:
                self._report(build_party_tree(province=province, citation=citation))
        except (ValidationError, ValueError) as exc:
            message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(message) from exc

    def _report(self, report):
        if self.verbosity < 1:
            return
        self.stdout.write(f"Cây tổ chức đảng của {report.province}:")
        for kind, count in sorted(report.created.items()):
            self.stdout.write(f"  + {count} {Kind(kind).label}")
        self.stdout.write(
            f"  đã có sẵn {report.existing} tổ chức; {report.lineage_links} liên kết kế thừa; "
            f"{report.closure_rows} dòng bảng bao đóng."
        )
