"""Importing an interchange workbook of a whole province vs PostgreSQL COPY vs
django-import-export.

On a source database with the demo of `make demo` (Cần Thơ, N synthetic members; built here
when missing), exports the province's subtree (code 92) as an interchange workbook, then
imports that file into an empty database holding only the migrations and the administrative
units, as a department moving onto tochuc would:

- the dry run (`importer.run(apply=False)`: read, check every row, write nothing);
- the import (`apply=True`), with the time of each phase from the progress callback (read,
  then check and write sheet by sheet, then the commit), the queries it ran (every statement
  through Django's cursors, counted by `connection.execute_wrapper`, and the COPY or
  `executemany` batches of `BulkWriter`), and the peak memory of the process;
- the same file imported again (every row unchanged);
- the floor: the rows the import wrote for decisions, organizations, their periods, persons,
  membership events and spans, read back into memory as tuples and written with COPY
  (`BulkWriter.insert`) into another empty database: no parsing, no checking;
- django-import-export 4 with a `ModelResource` for `Person` (`import_id_fields` the code,
  one field per column of «Cá nhân») and one for `MembershipEvent` (person and organization
  by code through `ForeignKeyWidget`, keyed like the sheet: person, kind, date), the sheets
  loaded by tablib from the same file, `import_data(dry_run=False, use_transactions=True)`;
  once as configured by default (a lookup and a save per row) and once with `use_bulk`,
  `skip_diff` and `CachedInstanceLoader` for persons (its documented speed-ups). It has no
  replay, so it writes no spans; its organizations and decisions are copied in first, not
  timed. Too slow for the whole file, it imports the first `--iex-sample` persons and their
  events; the full time is extrapolated from the per-row time (labelled so);
- with `--sqlite`, the import into a SQLite file under /tmp.

Each step runs in its own process (Django binds one database per process); databases are
named after the source's (`<name>_tpl`, `_import`, `_copy`, `_iex`, `_iexbulk`) and dropped
at the end unless `--keep`. The exported file is kept (with its rows per sheet beside it,
`.json`) and reused by later runs. So that the import doesn't refuse the file, the export
leaves out the persons whose stored history the replay refuses, and leaves empty the places
of organizations the importer can't read back, each with a WARNING; it runs with `work_mem`
at 64 MB (see `step_source`).

    .venv/bin/python benchmarks/interchange.py \
      --url postgres://postgres@127.0.0.1:5432/bench_src --members 140000 --sqlite
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from harness import setup

ROOT_CODE = "92"
PROVINCE = "can_tho"
READ, CHECK, WRITE = "Đọc tệp", "Kiểm tra", "Ghi"
COPIED = (
    "core.Decision",
    "organizations.Organization",
    "organizations.OrganizationPeriod",
    "people.Person",
    "members.MembershipEvent",
    "members.MembershipSpan",
)
"""What the COPY floor writes (parents first); django-import-export gets the first three."""
PREREQUISITES = COPIED[:3]


# The orchestrating process: databases, children, the table ----------------------------------


def database_url(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def admin(url: str, *statements: str) -> None:
    """Run statements on the server's `postgres` database (CREATE / DROP DATABASE)."""
    import psycopg

    with psycopg.connect(database_url(url, "postgres"), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def fresh_database(url: str, name: str, template: str | None = None) -> str:
    clause = f" TEMPLATE {template}" if template else ""
    admin(url, f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}{clause}")
    return database_url(url, name)


def child(step: str, url: str, **spec) -> dict:
    """Run `step` in a new process on the database `url`; its printed lines pass through
    and its last line (RESULT {json}) is returned."""
    command = [sys.executable, __file__, "--child", json.dumps({"step": step, "url": url, **spec})]
    process = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    result = None
    for line in process.stdout.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT ") :])
        else:
            print("   ", line)
    if process.returncode or result is None:
        raise SystemExit(f"step {step} failed (exit {process.returncode})")
    return result


def rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds:,.0f}" if seconds else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument(
        "--url",
        default=os.environ.get("BENCH_DATABASE_URL"),
        help="source PostgreSQL database (demo built there when empty)",
    )
    parser.add_argument("--members", type=int, default=140_000, help="demo size when missing")
    parser.add_argument("--workbook", help="the exported workbook (default: under /tmp)")
    parser.add_argument("--sqlite", action="store_true", help="also import into SQLite")
    parser.add_argument(
        "--iex-sample",
        type=int,
        default=10_000,
        help="persons (and their events) django-import-export imports; 0: the whole file",
    )
    parser.add_argument("--no-iex", action="store_true", help="skip django-import-export")
    parser.add_argument("--keep", action="store_true", help="keep the databases made here")
    parser.add_argument("-v", "--verbose", action="store_true", help="most frequent queries")
    args = parser.parse_args()
    if args.child:
        return run_child(json.loads(args.child))
    if not args.url or not args.url.startswith("postgres"):
        parser.error("--url postgres://… (or BENCH_DATABASE_URL) is required")
    name = urlsplit(args.url).path.lstrip("/")
    workbook = args.workbook or f"/tmp/tochuc_interchange_{name}.xlsx"

    print(f"source {name}: demo of {args.members:,} members when missing; export to {workbook}")
    source = child("source", args.url, members=args.members, workbook=workbook)
    print(f"  export: {source['export_s']:.1f} s" if source["export_s"] else "  (file kept)")
    if source["blanked"]:
        print(f"  {source['blanked']} places the importer can't read left empty (see above)")
    if source.get("refused"):
        print(f"  {len(source['refused'])} persons the replay refuses left out (see above)")
    sheets = source["sheets"]
    rows_in_file = sum(sheets.values())
    persons = sheets["Cá nhân"]
    print(
        "  rows: "
        + ", ".join(f"{sheet} {count:,}" for sheet, count in sheets.items())
        + f" (total {rows_in_file:,})"
    )

    template = f"{name}_tpl"
    print(f"{template}: migrations and the administrative units of {PROVINCE}")
    child("template", fresh_database(args.url, template))
    made = [template]

    def copy_of_template(suffix: str) -> str:
        made.append(f"{name}_{suffix}")
        return fresh_database(args.url, f"{name}_{suffix}", template)

    table: list[tuple] = []  # (label, database, rows, seconds, persons, queries, batches, MB)
    target = copy_of_template("import")
    print("dry run (PostgreSQL)")
    dry = child("import", target, workbook=workbook, apply=False, verbose=args.verbose)
    print("import (PostgreSQL)")
    imported = child("import", target, workbook=workbook, apply=True, verbose=args.verbose)
    print("import again, every row unchanged (PostgreSQL)")
    again = child("import", target, workbook=workbook, apply=True, verbose=args.verbose)
    for label, found in (
        ("import, dry run", dry),
        ("import", imported),
        ("import again (unchanged)", again),
    ):
        table.append(
            (label, "PostgreSQL", rows_in_file, found["seconds"], persons, found["queries"],
             found["batches"], found["peak_mb"])
        )  # fmt: skip

    print("COPY of the rows the import wrote (PostgreSQL)")
    copied = child("copy", copy_of_template("copy"), source=target, models=COPIED)
    table.append(
        (f"COPY of the rows written ({len(COPIED)} tables)", "PostgreSQL",
         sum(copied["rows"].values()), copied["seconds"], copied["rows"]["people.Person"], None,
         len(COPIED), copied["peak_mb"])
    )  # fmt: skip

    iex: dict[str, dict] = {}
    if not args.no_iex:
        for config, suffix in (("default", "iex"), ("bulk", "iexbulk")):
            print(f"django-import-export ({config}), sample of {args.iex_sample or 'all'} persons")
            iex[config] = child(
                "iex",
                copy_of_template(suffix),
                source=target,
                workbook=workbook,
                config=config,
                sample=args.iex_sample,
            )

    sqlite = None
    if args.sqlite:
        path = Path(f"/tmp/{name}_tpl.sqlite3")
        path.unlink(missing_ok=True)
        print(f"SQLite: {path}")
        child("template", f"sqlite:///{path}")
        work = Path(f"/tmp/{name}_import.sqlite3")
        shutil.copyfile(path, work)
        print("import (SQLite)")
        sqlite = child(
            "import", f"sqlite:///{work}", workbook=workbook, apply=True, verbose=args.verbose
        )
        table.append(
            ("import", "SQLite", rows_in_file, sqlite["seconds"], persons, sqlite["queries"],
             sqlite["batches"], sqlite["peak_mb"])
        )  # fmt: skip
        if not args.keep:
            path.unlink(missing_ok=True)
            work.unlink(missing_ok=True)

    print()
    print(f"{persons:,} persons, {rows_in_file:,} rows in the workbook")
    print(
        f"| {'what':<48} | {'database':<10} | {'rows':>9} | {'time':>9} | {'rows/s':>8} | "
        f"{'persons/s':>9} | {'queries':>7} | {'COPY':>4} | {'MB':>5} |"
    )
    for label, database, rows, seconds, people, queries, batches, mb in table:
        print(
            f"| {label:<48} | {database:<10} | {rows:>9,} | {seconds:>7.1f} s | "
            f"{rate(rows, seconds):>8} | {rate(people, seconds):>9} | "
            f"{queries if queries is not None else '-':>7} | {batches:>4} | {mb:>5.0f} |"
        )
    for config, found in iex.items():
        label = f"django-import-export ({config})"
        n_persons, n_events = found["persons"], found["events"]
        print(
            f"| {label + ', sample':<48} | PostgreSQL | {n_persons + n_events:>9,} | "
            f"{found['persons_s'] + found['events_s']:>7.1f} s | "
            f"{rate(n_persons + n_events, found['persons_s'] + found['events_s']):>8} | "
            f"{rate(n_persons, found['persons_s'] + found['events_s']):>9} | "
            f"{found['queries']:>7} | {'-':>4} | {found['peak_mb']:>5.0f} |"
        )
        found["estimate"] = (
            found["load_s"]
            + found["persons_s"] / n_persons * persons
            + found["events_s"] / n_events * sheets["Sự kiện đảng viên"]
        )
        whole = persons + sheets["Sự kiện đảng viên"]
        print(
            f"| {label + ', extrapolated to the file':<48} | PostgreSQL | {whole:>9,} | "
            f"{found['estimate']:>7.0f} s | {rate(whole, found['estimate']):>8} | "
            f"{rate(persons, found['estimate']):>9} | {'-':>7} | {'-':>4} | {'-':>5} |"
        )

    print()
    read_s = dict(imported["phases"])["read"]
    print(
        f"import ÷ COPY: {imported['seconds'] / copied['seconds']:.1f}× "
        f"(without reading the file: {(imported['seconds'] - read_s) / copied['seconds']:.1f}×)"
    )
    print(f"dry run ÷ import: {dry['seconds'] / imported['seconds']:.2f}")
    if sqlite:
        print(f"SQLite import ÷ PostgreSQL import: {sqlite['seconds'] / imported['seconds']:.2f}")
    for config, found in iex.items():
        members_sheets = found["estimate"]
        print(
            f"django-import-export ({config}, extrapolated) ÷ import: "
            f"{members_sheets / imported['seconds']:.1f}× "
            f"(per row: persons {found['persons_s'] / found['persons'] * 1000:.2f} ms, "
            f"events {found['events_s'] / found['events'] * 1000:.2f} ms; "
            f"{found['queries'] / (found['persons'] + found['events']):.1f} queries per row; "
            f"tablib load of the whole file {found['load_s']:.1f} s)"
        )

    print()
    for label, found in (("dry run", dry), ("import", imported), ("import again", again)) + (
        (("SQLite import", sqlite),) if sqlite else ()
    ):
        print(f"phases of the {label}: " + "; ".join(f"{k} {v:.1f} s" for k, v in found["phases"]))
    print(
        "COPY per table: "
        + "; ".join(
            f"{m.split('.')[1]} {copied['rows'][m]:,} rows {copied['per_table'][m]:.1f} s"
            for m in COPIED
        )
    )
    print("rows written by the import (BulkWriter): " + json.dumps(imported["written"]))

    if not args.keep:
        admin(args.url, *(f"DROP DATABASE IF EXISTS {db}" for db in reversed(made)))


# The steps, each in its own process ------------------------------------------------------------


def run_child(spec: dict) -> None:
    setup(spec["url"])
    result = STEPS[spec["step"]](spec)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps(result))


def step_source(spec: dict) -> dict:
    """The demo when missing, planner statistics, and the workbook when missing."""
    from django.core.management import call_command
    from django.db import connection

    from tochuc.interchange.exporter import subtree_rows
    from tochuc.interchange.template import write_workbook
    from tochuc.interchange.workbook import ORGANIZATIONS, PERSONS, SHEETS
    from tochuc.organizations.models import Organization
    from tochuc.people.models import Person

    if not Organization.objects.filter(code=ROOT_CODE).exists():
        call_command("load_admin_units", province=PROVINCE, verbosity=0)
        call_command("build_party_tree", province=PROVINCE, verbosity=0)
    if not Person.objects.exists():
        started = time.perf_counter()
        call_command("generate_demo", province=PROVINCE, members=spec["members"], verbosity=0)
        print(f"demo written in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        # Without room to hash the 387,000 span ids of `exporter.related_persons` (the default
        # work_mem, 4 MB), PostgreSQL tests `id IN (spans) OR …` by scanning them once per
        # person: the export of 140,000 members then takes hours instead of a minute.
        cursor.execute("SET work_mem = '64MB'")
    path = Path(spec["workbook"])
    counted = path.with_suffix(".json")  # rows per sheet (an exported file has no dimensions)
    if path.exists() and counted.exists():
        return {"export_s": None, "sheets": json.loads(counted.read_text()), "blanked": None}
    rows = subtree_rows(Organization.objects.get(code=ROOT_CODE), None)
    blanked: list[str] = []
    rows[ORGANIZATIONS.name] = readable_places(rows[ORGANIZATIONS.name], blanked)
    refused = refused_histories()
    for sheet in SHEETS:  # the persons whose stored history replay refuses, left out
        key = "code" if sheet is PERSONS else "person"
        if any(c.name == key for c in sheet.columns):
            rows[sheet.name] = without(rows[sheet.name], key, refused)
    started = time.perf_counter()
    with path.open("wb") as stream:
        sheets = write_workbook(rows, stream)
    seconds = time.perf_counter() - started
    counted.write_text(json.dumps(sheets, ensure_ascii=False))
    if blanked:
        print(
            f"WARNING: {len(blanked)} places of «{ORGANIZATIONS.name}» that the importer can't "
            f"read back were left empty in the file (e.g. «{blanked[0]}»)"
        )
    if refused:
        print(
            f"WARNING: {len(refused)} persons whose stored events the replay refuses were left "
            f"out of the file ({', '.join(sorted(refused)[:5])})"
        )
    return {
        "export_s": seconds,
        "sheets": sheets,
        "blanked": len(blanked),
        "refused": sorted(refused),
    }


def without(rows, key: str, codes: set[str]):
    return (row for row in rows if row.get(key) not in codes)


def refused_histories() -> set[str]:
    """Codes of the persons whose stored events `members.replay.replay` refuses (the import
    would refuse the whole file for them), replayed as the importer does."""
    from itertools import groupby
    from operator import itemgetter

    from tochuc.members.models import MembershipEvent
    from tochuc.members.replay import Fact, Refusal, replay
    from tochuc.organizations.kinds import PARTY_KINDS
    from tochuc.organizations.models import OrganizationPeriod
    from tochuc.people.models import Person

    periods: dict[int, list] = {}
    for pk, start, end in OrganizationPeriod.objects.filter(kind__in=PARTY_KINDS).values_list(
        "organization_id", "valid_from", "valid_to"
    ):
        periods.setdefault(pk, []).append((start, end))

    def exists(pk, day):
        return any(start <= day <= end for start, end in periods.get(pk, ()))

    persons = {pk: (code, birth) for pk, code, birth in Person.objects.values_list(
        "id", "code", "date_of_birth"
    )}  # fmt: skip
    events = (
        MembershipEvent.objects.filter(is_void=False)
        .order_by("person_id", "effective_on", "id")
        .values_list(
            "person_id", "id", "kind", "effective_on", "organization_id", "status",
            "admitted_on", "card_number", "card_series", "provincial_approval",
        )
    )  # fmt: skip
    refused = set()
    for person, found in groupby(events.iterator(chunk_size=10_000), key=itemgetter(0)):
        code, birth = persons[person]
        try:
            replay([Fact(*row[1:]) for row in found], birth=birth, party_organization_exists=exists)
        except Refusal as refusal:
            print(f"replay refuses {code}: {refusal}")
            refused.add(code)
    return refused


def readable_places(rows, blanked: list[str]):
    """The rows, with the places the importer's resolver refuses left empty (and listed in
    `blanked`): the exporter labels a pre-2025 district «Quận Ninh Kiều, Thành phố Cần Thơ",
    which `PlaceResolver` does not read (it reads communes and provinces)."""
    from tochuc.interchange.cells import CellError
    from tochuc.interchange.places import PlaceResolver

    resolver = PlaceResolver()
    for row in rows:
        if row.get("place"):
            try:
                resolver.resolve(row["place"], carry=False)
            except CellError:
                blanked.append(row["place"])
                row = {**row, "place": None}
        yield row


def step_template(spec: dict) -> dict:
    from django.core.management import call_command

    call_command("load_admin_units", province=PROVINCE, verbosity=0)
    return {}


class Queries:
    """Counts (and times) every statement run through Django's cursors, by shape."""

    def __init__(self):
        self.count = 0
        self.shapes: Counter = Counter()
        self.seconds: Counter = Counter()

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            shape = re.sub(r"(%s|\?)(, (%s|\?))+", "…", sql)
            shape = re.sub(r"\d+", "N", shape)[:140]
            self.shapes[shape] += 1
            self.seconds[shape] += time.perf_counter() - started

    def top(self, n: int = 8) -> list[str]:
        return [
            f"{count:>6} × {self.seconds[shape]:6.2f} s  {shape}"
            for shape, count in self.shapes.most_common(n)
        ]


def step_import(spec: dict) -> dict:
    from django.db import connection

    from tochuc.core import bulk
    from tochuc.interchange import importer

    written: Counter = Counter()
    batches = [0]
    insert = bulk.BulkWriter.insert

    def counted(self, model, fields, rows, **constant):
        count = insert(self, model, fields, rows, **constant)
        written[model.__name__] += count
        batches[0] += 1
        return count

    bulk.BulkWriter.insert = counted
    marks: list[tuple[float, str, int, int]] = []

    def progress(phase: str, done: int, total: int) -> None:
        marks.append((time.perf_counter(), phase, done, total))

    queries = Queries()
    started = time.perf_counter()
    with connection.execute_wrapper(queries):
        outcome = importer.run(spec["workbook"], user=None, apply=spec["apply"], progress=progress)
    ended = time.perf_counter()
    if not outcome.ok or (spec["apply"] and not outcome.applied):
        for problem in outcome.problems[:20]:
            print(problem)
        raise SystemExit("the import refused the file")
    statuses: Counter = Counter()
    for counts in outcome.counts().values():
        statuses.update(counts)
    print(
        f"{'applied' if outcome.applied else 'checked'} in {ended - started:.1f} s; rows "
        f"{dict(statuses)}; {queries.count} queries, {batches[0]} COPY/executemany batches"
    )
    if spec.get("verbose"):
        print(*queries.top(), sep="\n")
    return {
        "seconds": ended - started,
        "queries": queries.count,
        "batches": batches[0],
        "written": dict(written),
        "statuses": dict(statuses),
        "phases": phases(marks, started, ended),
    }


def phases(marks: list[tuple[float, str, int, int]], started: float, ended: float) -> list:
    """(label, seconds): the read, each sheet's check and write, and the commit."""
    from tochuc.interchange.importer import handlers

    names = [h.sheet.name for h in handlers()]
    first: dict[tuple[str, int], float] = {}
    for at, phase, done, _ in marks:
        if phase != READ:
            first.setdefault((phase, done), at)
    check_start = first.get((CHECK, 0), ended)
    found = [("read", check_start - started)]
    last = check_start
    for phase, short in ((CHECK, "check"), (WRITE, "write")):
        for index, name in enumerate(names):
            if (phase, index) not in first:
                continue
            end = first.get((phase, index + 1), ended)
            found.append((f"{short} «{name}»", end - first[(phase, index)]))
            last = end
    found.append(("commit" if (WRITE, 0) in first else "rest", ended - last))
    return [(label, seconds) for label, seconds in found if seconds >= 0.05]


def _models(labels):
    from django.apps import apps

    return [apps.get_model(label) for label in labels]


def _read_rows(source_url: str, models) -> dict:
    """The rows the import wrote into `source_url`, as tuples of every column (those above
    this database's largest id: both started from the same template)."""
    import psycopg

    from tochuc.core.bulk import _max_id

    found = {}
    with psycopg.connect(source_url) as source:
        for model in models:
            fields = [f.attname for f in model._meta.concrete_fields]
            columns = ", ".join(f'"{model._meta.get_field(f).column}"' for f in fields)
            rows = source.execute(
                f'SELECT {columns} FROM "{model._meta.db_table}" WHERE id > %s ORDER BY id',
                [_max_id(model)],
            ).fetchall()
            found[model] = (fields, rows)
    return found


def step_copy(spec: dict) -> dict:
    from django.db import transaction

    from tochuc.core.bulk import BulkWriter

    models = _models(spec["models"])
    data = _read_rows(spec["source"], models)
    per_table = {}
    started = time.perf_counter()
    with transaction.atomic():
        writer = BulkWriter()
        for model in models:
            fields, rows = data[model]
            at = time.perf_counter()
            writer.insert(model, fields, rows)
            per_table[model._meta.label] = time.perf_counter() - at
        writer.next_ids = {model: 0 for model in models}
        writer.finish()
    seconds = time.perf_counter() - started
    rows = {m._meta.label: len(data[m][1]) for m in models}
    print(f"COPY of {sum(rows.values()):,} rows in {seconds:.1f} s")
    return {"seconds": seconds, "rows": rows, "per_table": per_table}


def iex_resources(config: str):
    """The two ModelResources, as the sheets «Cá nhân» and «Sự kiện đảng viên» read."""
    from import_export import fields, resources, widgets
    from import_export.instance_loaders import CachedInstanceLoader

    from tochuc.core.models import Decision
    from tochuc.core.text import search_key
    from tochuc.interchange.places import PlaceResolver
    from tochuc.interchange.workbook import BOOL, CHOICE, DATE, EVENTS, PERSONS, PLACE
    from tochuc.members.models import MembershipEvent
    from tochuc.organizations.models import Organization
    from tochuc.people.models import Person

    class Label(widgets.Widget):
        """A label of the drop-down list → its code; an empty cell → the field's default."""

        def __init__(self, choices, empty):
            super().__init__()
            self.codes = {label: code for code, label in choices}
            self.empty = empty

        def clean(self, value, row=None, **kwargs):
            return self.empty if value in (None, "") else self.codes.get(value, value)

    class Mark(widgets.Widget):
        def clean(self, value, row=None, **kwargs):
            return bool(value and str(value).strip())

    class Place(widgets.Widget):
        """«Phường …, Thành phố Cần Thơ» → the unit's id (every unit read once, each
        distinct label resolved once)."""

        def clean(self, value, row=None, **kwargs):
            if not value:
                return None
            if value not in places:
                places[value] = resolver.resolve(value)[0]
            return places[value]

    class Text(widgets.CharWidget):
        def clean(self, value, row=None, **kwargs):
            return "" if value is None else str(value)

    class DecisionCited(widgets.ForeignKeyWidget):
        """The decision cited by the three columns (number, date, issuer), one query."""

        def clean(self, value, row=None, **kwargs):
            if not value:
                return None
            return Decision.objects.get(
                number=value,
                signed_on=widgets.DateWidget().clean(row["Ngày quyết định"]),
                issuer=row["Cơ quan ban hành"],
            )

    def field_of(model, column):
        model_field = model._meta.get_field(column.name)
        empty = model_field.get_default() if model_field.has_default() else ""
        if column.type == DATE:
            widget = widgets.DateWidget()
        elif column.type == CHOICE:
            widget = Label(column.choices, None if model_field.null else empty)
        elif column.type == BOOL:
            widget = Mark()
        elif column.type == PLACE:
            return fields.Field(
                attribute=f"{column.name}_id", column_name=column.header, widget=Place()
            )
        else:
            widget = Text()
        return fields.Field(attribute=column.name, column_name=column.header, widget=widget)

    resolver, places = PlaceResolver(), {}
    bulk = config == "bulk"
    person_fields = {c.name: field_of(Person, c) for c in PERSONS.columns}

    class PersonResource(resources.ModelResource):
        locals().update(person_fields)

        class Meta:
            model = Person
            fields = tuple(person_fields)
            import_id_fields = ("code",)
            use_bulk = bulk
            skip_diff = bulk
            if bulk:
                instance_loader_class = CachedInstanceLoader

        def before_save_instance(self, instance, row, **kwargs):
            instance.name_folded = search_key(instance.full_name)  # save() does it per row

    event_fields = {
        c.name: field_of(MembershipEvent, c)
        for c in EVENTS.columns
        if c.name not in ("person", "person_name", "organization")
        and not c.name.startswith("decision")
    }
    event_fields["person"] = fields.Field(
        attribute="person",
        column_name=EVENTS.column("person").header,
        widget=widgets.ForeignKeyWidget(Person, "code"),
    )
    event_fields["organization"] = fields.Field(
        attribute="organization",
        column_name=EVENTS.column("organization").header,
        widget=widgets.ForeignKeyWidget(Organization, "code"),
    )
    event_fields["decision"] = fields.Field(
        attribute="decision",
        column_name=EVENTS.column("decision_number").header,
        widget=DecisionCited(Decision),
    )

    class EventResource(resources.ModelResource):
        locals().update(event_fields)

        class Meta:
            model = MembershipEvent
            fields = tuple(event_fields)
            import_id_fields = ("person", "kind", "effective_on")
            use_bulk = bulk
            skip_diff = bulk

    return PersonResource(), EventResource()


def step_iex(spec: dict) -> dict:
    from django.db import connection, transaction
    from openpyxl import load_workbook
    from tablib import Dataset
    from tablib.formats._xlsx import XLSXFormat

    from tochuc.core.bulk import BulkWriter
    from tochuc.interchange.workbook import EVENTS, PERSONS

    models = _models(PREREQUISITES)
    data = _read_rows(spec["source"], models)
    with transaction.atomic():  # what the sample refers to; not timed
        writer = BulkWriter()
        for model in models:
            writer.insert(model, *data[model])
        writer.next_ids = {model: 0 for model in models}
        writer.finish()

    # tablib's loader, sheet by sheet (`Databook.load` refuses the instructions sheet, whose
    # rows are wider than its first).
    started = time.perf_counter()
    book = load_workbook(spec["workbook"], read_only=True, data_only=True)
    persons, events = Dataset(), Dataset()
    XLSXFormat.import_sheet(persons, book[PERSONS.name])
    XLSXFormat.import_sheet(events, book[EVENTS.name])
    book.close()
    load_s = time.perf_counter() - started
    if spec["sample"]:
        persons = Dataset(*persons[: spec["sample"]], headers=persons.headers)
        codes = set(persons.get_col(persons.headers.index(PERSONS.column("code").header)))
        column = events.headers.index(EVENTS.column("person").header)
        events = Dataset(*(r for r in events if r[column] in codes), headers=events.headers)
    person_resource, event_resource = iex_resources(spec["config"])

    queries = Queries()
    with connection.execute_wrapper(queries):
        started = time.perf_counter()
        result = person_resource.import_data(
            persons, dry_run=False, use_transactions=True, raise_errors=True
        )
        persons_s = time.perf_counter() - started
        assert result.totals["new"] == len(persons), result.totals
        started = time.perf_counter()
        result = event_resource.import_data(
            events, dry_run=False, use_transactions=True, raise_errors=True
        )
        events_s = time.perf_counter() - started
        assert result.totals["new"] == len(events), result.totals
    print(
        f"{spec['config']}: tablib load {load_s:.1f} s; {len(persons):,} persons "
        f"{persons_s:.1f} s, {len(events):,} events {events_s:.1f} s; {queries.count} queries"
    )
    return {
        "load_s": load_s,
        "persons": len(persons),
        "persons_s": persons_s,
        "events": len(events),
        "events_s": events_s,
        "queries": queries.count,
    }


STEPS = {
    "source": step_source,
    "template": step_template,
    "import": step_import,
    "copy": step_copy,
    "iex": step_iex,
}


if __name__ == "__main__":
    main()
