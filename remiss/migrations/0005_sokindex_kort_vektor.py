import django.contrib.postgres.search
from django.db import migrations, models

# Django's icontains compares UPPER(diarienummer::text), so the trigram index must be on that
# expression to be used for a part of a diarienummer ("2023/74").
NYTT = (
    "CREATE INDEX remiss_sokpost_dnr_trgm ON \"remiss_sökpost\" "
    "USING gin (upper(diarienummer::text) gin_trgm_ops)"
)
GAMMALT = 'CREATE INDEX remiss_sokpost_dnr_trgm ON "remiss_sökpost" USING gin ("diarienummer" gin_trgm_ops)'


def _byt_index(sql):
    def byt(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("DROP INDEX IF EXISTS remiss_sokpost_dnr_trgm")
            schema_editor.execute(sql)

    return byt


class Migration(migrations.Migration):

    dependencies = [
        ('remiss', '0004_sokindex'),
    ]

    operations = [
        migrations.AddField(
            model_name='sökpost',
            name='vektor_kort',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(_byt_index(NYTT), _byt_index(GAMMALT)),
        migrations.AlterField(
            model_name='sökpost',
            name='typ',
            field=models.CharField(choices=[('remiss', 'Remiss'), ('remissinstans', 'Remissinstans'), ('tjansteutlatande', 'Tjänsteutlåtande'), ('beslut', 'Beslut'), ('sarskilt_uttalande', 'Särskilt uttalande'), ('reservation', 'Reservation')], max_length=30, verbose_name='typ'),
        ),
    ]
