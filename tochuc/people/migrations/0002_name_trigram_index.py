"""On PostgreSQL, a trigram index so that accent-insensitive name search stays fast on
millions of persons (`name_folded LIKE '% word%'`). SQLite keeps the plain index."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS person_name_trgm ON people_person "
    "USING gin (name_folded gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS person_name_trgm"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(run(CREATE), run(DROP))]
