from django.db import migrations


class Migration(migrations.Migration):
    """The utlåtande's history model had the same name as the remiss's; the rows (and the
    e-mails sent about them) stay, the table is renamed."""

    dependencies = [
        ("yttranden", "0004_pdfdokument"),
    ]

    operations = [
        migrations.RenameModel(old_name="Händelse", new_name="Utlåtandehändelse"),
    ]
