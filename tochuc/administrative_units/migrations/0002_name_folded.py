from django.db import migrations, models

from tochuc.core.text import fold


def fill_name_folded(apps, schema_editor):
    """Units loaded before this field existed get their folded name (for accent-free search)."""
    AdministrativeUnit = apps.get_model("administrative_units", "AdministrativeUnit")
    units = list(AdministrativeUnit.objects.only("id", "name"))
    for unit in units:
        unit.name_folded = fold(unit.name)
    AdministrativeUnit.objects.bulk_update(units, ["name_folded"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("administrative_units", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="administrativeunit",
            name="name_folded",
            field=models.CharField(default="", editable=False, max_length=120),
        ),
        migrations.RunPython(fill_name_folded, migrations.RunPython.noop),
    ]
