"""What an import found: per row its status and problems, per sheet the counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
STATUS_LABELS = {
    CREATE: "Thêm mới",
    UPDATE: "Cập nhật",
    UNCHANGED: "Không đổi",
    ERROR: "Lỗi",
}

Progress = Callable[[str, int, int], None]
"""`progress(phase, done, total)`: phase is a Vietnamese label («Đọc tệp», «Kiểm tra», «Ghi»)."""


def no_progress(phase: str, done: int, total: int) -> None:
    """The default progress callback: reports nowhere."""


@dataclass(frozen=True)
class Problem:
    """One reason a row (or the file, row 0) cannot be imported, in Vietnamese."""

    sheet: str
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"Sheet «{self.sheet}»" if self.sheet else "Tệp"
        if self.row:
            where += f", dòng {self.row}"
        if self.column:
            where += f", cột «{self.column}»"
        return f"{where}: {self.reason}"


@dataclass
class RowResult:
    """One data row: what importing it does (`status`), and why not when it can't."""

    sheet: str
    row: int
    key: str
    status: str = CREATE
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def refuse(self, column: str, reason: str) -> None:
        self.status = ERROR
        self.problems.append(Problem(self.sheet, self.row, column, reason))


@dataclass
class Outcome:
    """The whole import: every row's result and the problems of the file itself."""

    rows: list[RowResult] = field(default_factory=list)
    file_problems: list[Problem] = field(default_factory=list)
    applied: bool = False

    @property
    def problems(self) -> list[Problem]:
        return [*self.file_problems, *(p for row in self.rows for p in row.problems)]

    @property
    def ok(self) -> bool:
        return not self.file_problems and all(row.status != ERROR for row in self.rows)

    def counts(self) -> dict[str, dict[str, int]]:
        """{sheet: {status: rows}} in sheet order of appearance."""
        found: dict[str, Counter] = {}
        for row in self.rows:
            found.setdefault(row.sheet, Counter())[row.status] += 1
        return {sheet: dict(counter) for sheet, counter in found.items()}
