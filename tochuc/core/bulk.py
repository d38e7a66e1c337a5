"""Fast inserts for the demo generator: rows are plain tuples with ids assigned here, written
with COPY on PostgreSQL and one `executemany` per batch on SQLite (no ORM instances, no round
trip per row), inside the caller's transaction. For large loads, the secondary indexes can
be rebuilt once at the end (`deferred_indexes`) and, on PostgreSQL, the foreign keys checked
once at the end (`BulkWriter.foreign_keys_checked_at_end`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import DatabaseError, IntegrityError, connection, models, transaction

SQLITE_BULK_PRAGMAS = (
    "PRAGMA synchronous=OFF",
    "PRAGMA cache_size=-262144",
    "PRAGMA temp_store=MEMORY",
)
"""Durability traded for speed while the demo loads (SQLite only; `synchronous` is set back
to the project's setting afterwards, the others only size this connection's caches)."""


@contextmanager
def bulk_load_settings():
    """SQLite pragmas for a bulk load (not inside a transaction, where SQLite refuses them)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        for pragma in SQLITE_BULK_PRAGMAS:
            cursor.execute(pragma)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=NORMAL")


class BulkWriter:
    """Assigns ids (from the table's current maximum) and inserts rows of chosen columns."""

    def __init__(self):
        self.next_ids: dict[type[models.Model], int] = {}
        self.floors: dict[type[models.Model], int] = {}  # the largest id before our rows

    def ids(self, model: type[models.Model], count: int) -> range:
        """`count` fresh primary keys of `model`, reserved for rows written by this writer."""
        if model not in self.next_ids:
            self.next_ids[model] = _max_id(model) + 1
        start = self.next_ids[model]
        self.next_ids[model] = start + count
        return range(start, start + count)

    def taken(self, model: type[models.Model], next_id: int) -> None:
        """Ids below `next_id` were assigned by the caller (from `ids(model, 0).start` on)."""
        self.next_ids[model] = next_id

    def insert(
        self, model: type[models.Model], fields: Sequence[str], rows: Iterable[tuple], **constant
    ) -> int:
        """Insert `rows` (values of `fields`; `constant` gives the same value to every row)
        into `model`'s table; returns the number of rows. Every NOT NULL column must be
        given. SQLite gets the constants as literals, so each row binds only its own values."""
        if model not in self.floors:
            self.floors[model] = _max_id(model)
        return _writer(model, fields, constant)(rows)

    @contextmanager
    def foreign_keys_checked_at_end(self):
        """On PostgreSQL, when allowed (a superuser, as for `pg_restore --disable-triggers`):
        no foreign-key trigger per row inside (`session_replication_role = replica` for the
        transaction), then every foreign key of the rows written here checked at once, one
        anti-join per key, raising `IntegrityError` on the first missing parent. Elsewhere,
        or when not allowed, the database checks each row as usual."""
        replica = connection.vendor == "postgresql" and _set_local(
            "session_replication_role", "replica"
        )
        yield
        if replica:
            _set_local("session_replication_role", "DEFAULT")
            self.check_foreign_keys()

    def check_foreign_keys(self) -> None:
        """Every foreign key of the rows written by this writer points to an existing row."""
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for model, floor in self.floors.items():
                table = quote(model._meta.db_table)
                for key in model._meta.concrete_fields:
                    if not key.is_relation:
                        continue
                    parent = key.related_model._meta
                    cursor.execute(
                        f"SELECT c.id FROM {table} c WHERE c.id > %s AND c.{quote(key.column)} "
                        f"IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {quote(parent.db_table)} p "
                        f"WHERE p.{quote(parent.pk.column)} = c.{quote(key.column)}) LIMIT 1",
                        [floor],
                    )
                    missing = cursor.fetchone()
                    if missing:
                        raise IntegrityError(
                            f"{model.__name__} {missing[0]}: {key.name} refers to a missing row"
                        )

    def finish(self) -> None:
        """Move PostgreSQL's id sequences past the ids assigned here (SQLite follows itself)."""
        if connection.vendor != "postgresql" or not self.next_ids:
            return
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(self.next_ids)):
                cursor.execute(sql)


def _set_local(name: str, value: str) -> bool:
    """SET LOCAL a PostgreSQL setting for the transaction; False when refused."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL {name} = {value}")
    except DatabaseError:
        return False
    return True


def _max_id(model: type[models.Model]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(model._meta.db_table)}"
        )
        return cursor.fetchone()[0]


def _writer(model: type[models.Model], fields: Sequence[str], constant: dict):
    """A function writing rows of `fields` (and the `constant` values) into `model`'s table
    through the connection's DB-API object (COPY on PostgreSQL, executemany on SQLite)."""
    names = [*fields, *constant]
    _check_columns(model, names)
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in names)
    connection.ensure_connection()
    raw = connection.connection
    if connection.vendor == "postgresql":
        extra = tuple(constant.values())

        def copy_rows(rows: Iterable[tuple]) -> int:
            count = 0
            with (
                raw.cursor() as cursor,
                cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row + extra if extra else row)
                    count += 1
            return count

        return copy_rows
    values = ["?"] * len(fields) + [_sqlite_literal(v) for v in constant.values()]
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(values)})"
    return lambda rows: raw.executemany(sql, rows).rowcount


def update_rows(model: type[models.Model], fields: Sequence[str], rows: Sequence[tuple]) -> None:
    """Set `fields` of the rows whose id is each tuple's first value (id, *values), one
    statement per chunk (UPDATE … FROM VALUES, on both databases)."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = [model._meta.get_field(name).column for name in fields]
    assignments = ", ".join(f"{quote(c)} = v.{quote(c)}" for c in columns)
    names = ", ".join(quote(c) for c in ["id", *columns])
    placeholders = "(" + ", ".join(["%s"] * (len(columns) + 1)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 2_000):
            chunk = rows[start : start + 2_000]
            values = ", ".join([placeholders] * len(chunk))
            cursor.execute(
                f"WITH v({names}) AS (VALUES {values}) "
                f"UPDATE {table} SET {assignments} FROM v WHERE {table}.id = v.id",
                [value for row in chunk for value in row],
            )


def delete_ids(model: type[models.Model], ids: Sequence[int]) -> None:
    """Delete rows by id, without signals (the rows were just written by the generator)."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 2_000):
            chunk = ids[start : start + 2_000]
            cursor.execute(
                f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(chunk))})", chunk
            )


@contextmanager
def deferred_indexes(models_: Sequence[type[models.Model]]):
    """When the first table is empty: drop the tables' secondary indexes (not those backing
    a primary key or a unique constraint on PostgreSQL), and create them again after the
    load, in one sorted pass each. Both happen in the caller's transaction, so a failed load
    leaves the schema as it was.

    Rows loaded meanwhile must not break a (deferred) foreign key, even for a while: SQLite
    would then look for children of every parent row inserted, without the dropped indexes."""
    tables = [m._meta.db_table for m in models_]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {quote(tables[0])} LIMIT 1")
        indexes = [] if cursor.fetchone() else _secondary_indexes(cursor, tables)
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
    yield
    with connection.cursor() as cursor:
        if indexes and connection.vendor == "postgresql":
            _set_local("maintenance_work_mem", "'512MB'")
        for _, sql in indexes:
            cursor.execute(sql)


def _secondary_indexes(cursor, tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes of `tables` that can be dropped and rebuilt."""
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = ANY(%s) AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            [tables],
        )
    else:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join(['%s'] * len(tables))})",
            tables,
        )
    return cursor.fetchall()


def _sqlite_literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, dt.datetime):
        value = connection.ops.adapt_datetimefield_value(value)
    return "'" + str(value).replace("'", "''") + "'"


_checked: set[tuple] = set()


def _check_columns(model: type[models.Model], names: Sequence[str]) -> None:
    key = (model, tuple(names))
    if key in _checked:
        return
    given = set(names)
    missing = [
        f.name
        for f in model._meta.concrete_fields
        if not f.null and not f.primary_key and f.name not in given and f.attname not in given
    ]
    if missing:
        raise ValueError(f"{model.__name__}: missing NOT NULL fields {missing}")
    _checked.add(key)


def decision_ids(specs) -> dict[tuple[str, object, str], int]:
    """Ids of the decisions (number, signed_on, issuer, title), created when missing;
    keyed by (number, signed_on, issuer)."""
    from tochuc.core.models import Decision

    specs = list(specs)
    found = {
        (d.number, d.signed_on, d.issuer): d.pk
        for d in Decision.objects.filter(
            issuer__in={s[2] for s in specs}, number__in={s[0] for s in specs}
        )
    }
    missing = [
        Decision(number=n, signed_on=on, issuer=issuer, title=title)
        for n, on, issuer, title in specs
        if (n, on, issuer) not in found
    ]
    for d in Decision.objects.bulk_create(missing, batch_size=1000):
        found[(d.number, d.signed_on, d.issuer)] = d.pk
    return found
