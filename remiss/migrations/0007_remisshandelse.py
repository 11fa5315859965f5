from django.db import migrations


class Migration(migrations.Migration):
    """The remiss's history model had the same name as the utlåtande's; the rows stay, the
    table is renamed."""

    dependencies = [
        ("remiss", "0006_sokindex_atkomst"),
    ]

    operations = [
        migrations.RenameModel(old_name="Händelse", new_name="Remisshändelse"),
    ]
