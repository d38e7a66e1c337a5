"""`tochuc export_workbook --org CODE -o FILE [--user USERNAME]`: an organization's subtree as
an interchange workbook; `--template FILE` the empty template; `--docs FILE` the format
reference (docs/interchange.md)."""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from tochuc.accounts.models import User
from tochuc.core.formatting import vn_int
from tochuc.interchange.docs import markdown
from tochuc.interchange.exporter import export_subtree
from tochuc.interchange.template import template_workbook
from tochuc.organizations.models import Organization


class Command(BaseCommand):
    help = "Xuất tệp Excel trao đổi dữ liệu, tệp mẫu hoặc tài liệu định dạng tệp."

    def add_arguments(self, parser):
        parser.add_argument("--org", help="mã tổ chức gốc: xuất tổ chức này và cấp dưới")
        parser.add_argument("-o", "--output", help="tệp .xlsx kết quả (cùng --org)")
        parser.add_argument(
            "--user", help="xuất theo phạm vi và quyền của tài khoản này (mặc định: toàn bộ)"
        )
        parser.add_argument("--template", metavar="FILE", help="ghi tệp mẫu không có dữ liệu")
        parser.add_argument("--docs", metavar="FILE", help="ghi tài liệu định dạng (markdown)")

    def handle(self, *args, **options):
        if not (options["org"] or options["template"] or options["docs"]):
            raise CommandError("Hãy chỉ định --org MÃ -o TỆP, --template TỆP hoặc --docs TỆP.")
        if options["docs"]:
            Path(options["docs"]).write_text(markdown(), encoding="utf-8")
            self.stderr.write(f"Đã ghi {options['docs']}.")
        if options["template"]:
            with open(options["template"], "wb") as stream:
                template_workbook(stream)
            self.stderr.write(f"Đã ghi {options['template']}.")
        if options["org"]:
            self._export(options["org"], options["output"], options["user"])

    def _export(self, code: str, output: str | None, username: str | None) -> None:
        if not output:
            raise CommandError("Hãy chỉ định tệp kết quả: -o TỆP.")
        root = Organization.objects.filter(code=code).first()
        if root is None:
            raise CommandError(f"Không có tổ chức mã «{code}».")
        user = None
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"Không có tài khoản «{username}».")
        path = Path(output)
        try:
            with path.open("wb") as stream:
                counts = export_subtree(root, user, stream)
        except PermissionDenied as exc:
            path.unlink(missing_ok=True)
            raise CommandError(str(exc)) from exc
        for sheet, count in counts.items():
            self.stdout.write(f"{sheet}: {vn_int(count)}")
        self.stderr.write(f"Đã ghi {output}.")
