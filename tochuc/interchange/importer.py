"""Importing an interchange workbook: read, plan every row, and write all of it or nothing.

`run(source, user=…, apply=False)` is the dry run: every row gets its status (create,
update, unchanged, error) and every problem its sheet, row, column and reason; nothing is
written. `apply=True` plans again inside one transaction and writes only when no row has a
problem. Records are matched by their keys (`workbook.Sheet.key`), never by database ids,
so importing the same file twice changes nothing.

Planning works on keys only (organization codes, «mã hồ sơ», post keys, decision
citations); ids are given when writing, sheet by sheet, in `SHEETS` order. Lookups are set
based: a constant number of queries per sheet, in chunks for long key lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tochuc.core.bulk import BulkWriter
from tochuc.core.dating import BEGINNING, END_OF_TIME
from tochuc.core.models import Decision
from tochuc.interchange.outcome import Outcome, Progress, no_progress
from tochuc.interchange.reader import Row, read

CHUNK = 5_000
CHANGE_REASON = "Nhập từ tệp Excel"
Citation = tuple[str, dt.date, str]


def chunks(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    """Lists of at most `size` values (SQLite limits the parameters of one statement)."""
    batch: list = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def day_from(value: dt.date | None) -> dt.date:
    return value or BEGINNING


def day_to(value: dt.date | None) -> dt.date:
    return value or END_OF_TIME


class Context:
    """What the sheets share while planning and writing: the user's scope, the keys known in
    the database and those the file creates, and the decisions cited."""

    def __init__(self, user):
        self.user = user
        self.unrestricted = user is None or user.is_superuser
        self.now = timezone.now()
        self.writer = BulkWriter()
        self.org_ids: dict[str, int] = {}
        self.org_new: set[str] = set()
        self.org_allowed: set[str] = set()
        self.person_ids: dict[str, int] = {}
        self.person_new: set[str] = set()
        self.post_ids: dict[tuple[str, str, str], int] = {}
        self.post_new: set[tuple[str, str, str]] = set()
        self.citations: dict[int, Citation] = {}
        self.decision_ids: dict[Citation, int] = {}
        self.touched_organizations: set[int] = set()
        self.party_periods: dict[str, list[tuple[dt.date, dt.date]]] = {}
        self.births: dict[str, dt.date] = {}

    @property
    def history_user(self):
        return self.user if self.user is not None and self.user.pk else None

    # Organizations ---------------------------------------------------------------------------

    def organization_known(self, code: str | None) -> bool:
        return code in self.org_ids or code in self.org_new

    def may_change(self, code: str | None) -> bool:
        """Whether the user may change records of the organization `code`."""
        return self.unrestricted or code in self.org_allowed

    def check_organization(self, row: Row, name: str, *, in_scope: bool = True) -> None:
        """Refuse the row when the organization in column `name` is unknown or out of scope."""
        code = row[name]
        if code is None:
            return
        if not self.organization_known(code):
            row.refuse(
                name,
                f"Không có tổ chức mã «{code}» trong hệ thống hoặc trong sheet «Tổ chức».",
            )
        elif in_scope and not self.may_change(code):
            row.refuse(name, f"Tổ chức «{code}» ngoài phạm vi bạn được cập nhật.")

    def check_person(self, row: Row, name: str = "person") -> None:
        code = row[name]
        if code and code not in self.person_ids and code not in self.person_new:
            row.refuse(name, f"Không có hồ sơ mã «{code}» trong hệ thống hoặc sheet «Cá nhân».")

    def load_persons(self, codes: Iterable[str]) -> None:
        """Ids and birth dates of stored persons the file refers to but doesn't list."""
        from tochuc.people.models import Person

        wanted = {c for c in codes if c and c not in self.person_ids and c not in self.person_new}
        for batch in chunks(wanted):
            for pk, code, birth in Person.objects.filter(code__in=batch).values_list(
                "id", "code", "date_of_birth"
            ):
                self.person_ids[code] = pk
                self.births.setdefault(code, birth)

    def persons_allowed(self, ids: Iterable[int]) -> set[int]:
        """Of these stored persons, those the user may change: anyone who was ever a member
        placed or hosted, a candidate, a seat holder or moved in an organization of the
        user's scope (a member who died or left is still the commune's to correct)."""
        ids = set(ids)
        if self.unrestricted:
            return ids
        if not self.user.may("change"):
            return set()
        from tochuc.accounts.scope import organization_ids_in_scope
        from tochuc.admissions.models import Candidate
        from tochuc.cadres.models import Assignment, Move
        from tochuc.members.models import MembershipSpan

        scope = organization_ids_in_scope(self.user)
        allowed: set[int] = set()
        for batch in chunks(ids):
            for queryset in (
                MembershipSpan.objects.filter(
                    Q(organization__in=scope) | Q(host_organization__in=scope)
                ),
                Candidate.objects.filter(organization__in=scope),
                Assignment.objects.filter(post__organization__in=scope),
                Move.objects.filter(Q(origin__in=scope) | Q(destination__in=scope)),
            ):
                allowed |= set(
                    queryset.filter(person_id__in=batch).values_list("person_id", flat=True)
                )
        return allowed

    # Decisions -------------------------------------------------------------------------------

    def citation(self, row: Row) -> Citation | None:
        """The row's decision citation; refuses a partial one."""
        parts = (row["decision_number"], row["decision_date"], row["decision_issuer"])
        if all(part is None for part in parts):
            return None
        if any(part is None for part in parts):
            for name, part in zip(
                ("decision_number", "decision_date", "decision_issuer"), parts, strict=True
            ):
                if part is None:
                    row.refuse(
                        name,
                        "Quyết định phải ghi đủ số, ngày và cơ quan ban hành "
                        "(hoặc để trống cả ba).",
                    )
            return None
        return parts  # type: ignore[return-value]

    def load_citations(self, ids: Iterable[int | None]) -> None:
        """Citations of these decisions, for comparing the file with the database."""
        wanted = {pk for pk in ids if pk and pk not in self.citations}
        for batch in chunks(wanted):
            for pk, number, signed_on, issuer in Decision.objects.filter(id__in=batch).values_list(
                "id", "number", "signed_on", "issuer"
            ):
                self.citations[pk] = (number, signed_on, issuer)
                self.decision_ids[(number, signed_on, issuer)] = pk

    def decision_id(self, citation: Citation | None) -> int | None:
        """The id of the cited decision, created when new (call while writing)."""
        if citation is None:
            return None
        if citation not in self.decision_ids:
            decision, _ = Decision.objects.get_or_create(
                number=citation[0], signed_on=citation[1], issuer=citation[2]
            )
            self.decision_ids[citation] = decision.pk
        return self.decision_ids[citation]

    def prepare_decisions(self, citations: Iterable[Citation | None]) -> None:
        """Find or create every decision cited, in a few queries (call while writing)."""
        wanted = {c for c in citations if c is not None and c not in self.decision_ids}
        numbers = {c[0] for c in wanted}
        for batch in chunks(numbers):
            for pk, number, signed_on, issuer in Decision.objects.filter(
                number__in=batch
            ).values_list("id", "number", "signed_on", "issuer"):
                self.decision_ids[(number, signed_on, issuer)] = pk
        missing = [c for c in wanted if c not in self.decision_ids]
        created = Decision.objects.bulk_create(
            [Decision(number=n, signed_on=s, issuer=i) for n, s, i in missing]
        )
        for citation, decision in zip(missing, created, strict=True):
            self.decision_ids[citation] = decision.pk


def handlers():
    from tochuc.interchange import cadres, campaigns, organizations, people

    events, classes = people.Events(), campaigns.Classes()
    return (
        organizations.Organizations(),
        organizations.Lineage(),
        people.Persons(),
        events,
        cadres.Posts(),
        cadres.Assignments(),
        cadres.Moves(),
        cadres.Plans(),
        cadres.Targets(),
        campaigns.CardExchanges(events),
        campaigns.Headcounts(),
        classes,
        campaigns.Enrollments(classes),
    )


class _Refused(Exception):
    """Raised inside the transaction to roll back when the plan has problems."""


def _plan(sheets: dict[str, list[Row]], context: Context, outcome: Outcome, progress: Progress):
    chosen = handlers()
    total = len(chosen)
    for done, handler in enumerate(chosen):
        progress("Kiểm tra", done, total)
        rows = sheets.get(handler.sheet.name, [])
        handler.plan(rows, context)
        outcome.rows.extend(row.result for row in rows)
    progress("Kiểm tra", total, total)
    return chosen


def run(source, *, user=None, apply: bool = False, progress: Progress = no_progress) -> Outcome:
    """Read and plan the workbook `source` (a path or a binary file); with `apply`, write it
    in one transaction when no row has a problem. `user=None` is a system import (no scope)."""
    outcome = Outcome()
    sheets = read(source, outcome, progress)
    if outcome.file_problems:
        return outcome
    if not apply:
        _plan(sheets, Context(user), outcome, progress)
        return outcome
    try:
        with transaction.atomic():
            context = Context(user)
            chosen = _plan(sheets, context, outcome, progress)
            if not outcome.ok:
                raise _Refused
            for done, handler in enumerate(chosen):
                progress("Ghi", done, len(chosen))
                handler.write(context)
            context.writer.finish()
            progress("Ghi", len(chosen), len(chosen))
            outcome.applied = True
    except _Refused:
        outcome.applied = False
    return outcome
