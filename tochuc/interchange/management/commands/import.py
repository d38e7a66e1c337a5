"""`tochuc import FILE [--dry-run] [--user USERNAME]`: import an interchange workbook now
(not through the background queue), all or nothing. Prints the rows per sheet and every
problem (sheet, row, column, reason); exits 1 when there is a problem (nothing written).
Without --user it is a system import, with no scope limit."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tochuc.accounts.models import User
from tochuc.core.formatting import vn_int
from tochuc.interchange import importer
from tochuc.interchange.outcome import STATUS_LABELS

BAR_WIDTH = 30


class ProgressBar:
    """A text progress bar redrawn in place on a command's output (an `OutputWrapper`):
    phase, bar, percent, done/total; at most every `interval` seconds, and at each phase's
    start and end."""

    def __init__(self, output, interval: float = 0.2):
        self.output = output
        self.interval = interval
        self.phase: str | None = None
        self.drawn_at = 0.0
        self.width = 0

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if phase == self.phase and done < total and now - self.drawn_at < self.interval:
            return
        if self.phase is not None and phase != self.phase:
            self._write("\n")
        self.phase, self.drawn_at = phase, now
        percent = min(100, done * 100 // total) if total else 0
        filled = BAR_WIDTH * percent // 100
        line = (
            f"{phase:<12} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {percent:3d}% "
            f"{vn_int(done)}/{vn_int(total)}"
        )
        self._write("\r" + line.ljust(self.width))
        self.width = len(line)

    def close(self) -> None:
        if self.phase is not None:
            self._write("\n")

    def _write(self, text: str) -> None:
        self.output.write(text, style_func=str, ending="")
        self.output.flush()


class Command(BaseCommand):
    help = (
        "Nhập tệp Excel trao đổi dữ liệu: kiểm tra từng dòng, rồi ghi toàn bộ hoặc không ghi "
        "gì; --dry-run chỉ kiểm tra."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp Excel .xlsx theo mẫu trao đổi dữ liệu")
        parser.add_argument(
            "--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì vào cơ sở dữ liệu"
        )
        parser.add_argument(
            "--user",
            help="nhập với phạm vi của người dùng này (mặc định: nhập hệ thống, toàn quyền)",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không có tệp «{path}».")
        user = None
        if options["user"]:
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Không có người dùng «{options['user']}».")
        dry_run = options["dry_run"]
        bar = ProgressBar(self.stderr) if options["verbosity"] >= 1 else None
        try:
            outcome = importer.run(
                path, user=user, apply=not dry_run, progress=bar or (lambda *_: None)
            )
        finally:
            if bar is not None:
                bar.close()
        for sheet, found in outcome.counts().items():
            parts = ", ".join(
                f"{label.lower()} {vn_int(found.get(status, 0))}"
                for status, label in STATUS_LABELS.items()
            )
            self.stdout.write(f"Sheet «{sheet}»: {parts}.")
        problems = outcome.problems
        for problem in problems:
            self.stdout.write(str(problem))
        if problems or not outcome.ok:
            self.stderr.write(
                f"Có {vn_int(len(problems))} lỗi; chưa có gì được ghi vào cơ sở dữ liệu."
            )
            raise SystemExit(1)
        if dry_run:
            self.stderr.write(
                "Tệp không có lỗi; chưa ghi gì (--dry-run).", style_func=self.style.SUCCESS
            )
        elif outcome.applied:
            self.stderr.write(
                "Đã ghi toàn bộ tệp vào cơ sở dữ liệu.", style_func=self.style.SUCCESS
            )
        else:
            raise CommandError("Chưa ghi được tệp (không rõ lý do); chưa có gì được ghi.")
