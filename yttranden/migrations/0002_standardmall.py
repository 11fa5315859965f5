"""Stockholms stads standardmall for tjänsteutlåtanden, so that a new installation has one.
``Mall.objects.standard()`` recreates it from the same list if it is ever missing."""

from django.db import migrations

from yttranden.models.mall import STANDARDMALL, STANDARDMALL_NAMN


def skapa_standardmall(apps, schema_editor):
    Mall = apps.get_model("yttranden", "Mall")
    Mallavsnitt = apps.get_model("yttranden", "Mallavsnitt")
    mall, skapad = Mall.objects.get_or_create(nämnd=None, defaults={"namn": STANDARDMALL_NAMN})
    if skapad:
        Mallavsnitt.objects.bulk_create(
            Mallavsnitt(
                mall=mall, ordning=nr, rubrik=rubrik, förifylld_text=text, obligatoriskt=True
            )
            for nr, (rubrik, text) in enumerate(STANDARDMALL, start=1)
        )


class Migration(migrations.Migration):
    dependencies = [("yttranden", "0001_initial")]

    operations = [migrations.RunPython(skapa_standardmall, migrations.RunPython.noop)]
