"""`tochuc report --org CODE --as-of DATE [--quarter N-YYYY] --format json|docx|xlsx|pdf -o FILE`:
the quarterly report of an organization's subtree, written to FILE (or the JSON to standard
output when FILE is «-»). The JSON shape is documented in docs/report-json.md."""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tochuc.core.formatting import parse_vn_date, vn_int
from tochuc.organizations.models import Organization
from tochuc.reports import services
from tochuc.reports.quarterly import Quarter


class Command(BaseCommand):
    help = "Xuất báo cáo tình hình công tác tổ chức xây dựng Đảng quý (json, docx, xlsx, pdf)."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="mã tổ chức đảng (gốc của báo cáo)")
        parser.add_argument("--as-of", required=True, help="ngày tính số liệu, dd/mm/yyyy")
        parser.add_argument("--quarter", help="quý N-YYYY (mặc định: quý của ngày tính số liệu)")
        parser.add_argument("--format", choices=services.FORMATS, default="json")
        parser.add_argument("-o", "--output", required=True, help="tệp kết quả («-»: in ra)")
        parser.add_argument("--tasks", default="", help="nhiệm vụ quý tới (mỗi dòng một ý)")
        parser.add_argument("--number", default="", help="số, ký hiệu văn bản")

    def handle(self, *args, **options):
        try:
            on = parse_vn_date(options["as_of"])
            quarter = Quarter.parse(options["quarter"]) if options["quarter"] else Quarter.of(on)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        root = Organization.objects.filter(code=options["org"]).first()
        if root is None:
            raise CommandError(f"Không có tổ chức mã «{options['org']}».")
        try:
            content = services.build(root=root, quarter=quarter, on=on, tasks=options["tasks"])
            result = services.export(
                content=content, fmt=options["format"], number=options["number"]
            )
        except ValidationError as exc:
            raise CommandError(exc.messages[0]) from exc
        if options["output"] == "-":
            if options["format"] != "json":
                raise CommandError("Chỉ in được định dạng json ra màn hình; hãy chỉ định tệp.")
            sys.stdout.write(result.data.decode() + "\n")
            return
        Path(options["output"]).write_bytes(result.data)
        if options["verbosity"] >= 1:
            self.stderr.write(f"Đã ghi {options['output']} ({vn_int(len(result.data))} byte).")
