from django.db import migrations, models
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat, LPad

import tochuc.people.models


def backfill(apps, schema_editor):
    """Existing persons get «HS» + their id on 10 digits (the demo's shape)."""
    apps.get_model("people", "Person").objects.update(
        code=Concat(Value("HS"), LPad(Cast("id", CharField()), 10, Value("0")))
    )


class Migration(migrations.Migration):
    dependencies = [("people", "0003_specialty")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="code",
            field=models.CharField(max_length=32, null=True, verbose_name="mã hồ sơ"),
        ),
        migrations.AddField(
            model_name="historicalperson",
            name="code",
            field=models.CharField(
                db_index=True,
                default=tochuc.people.models.new_code,
                help_text="Khóa ổn định của hồ sơ, dùng khi trao đổi dữ liệu (nhập, xuất Excel).",
                max_length=32,
                verbose_name="mã hồ sơ",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="person",
            name="code",
            field=models.CharField(
                default=tochuc.people.models.new_code,
                help_text="Khóa ổn định của hồ sơ, dùng khi trao đổi dữ liệu (nhập, xuất Excel).",
                max_length=32,
                unique=True,
                verbose_name="mã hồ sơ",
            ),
        ),
    ]
