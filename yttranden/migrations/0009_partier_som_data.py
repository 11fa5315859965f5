"""The parties become data (nämnder.Parti): the eight the fixed list held, and any other
abbreviation an existing särskilt uttalande or reservation names, so every recorded uttalande
still names known parties."""

from django.db import migrations

PARTIER = [
    ("S", "Socialdemokraterna"),
    ("M", "Moderaterna"),
    ("L", "Liberalerna"),
    ("C", "Centerpartiet"),
    ("KD", "Kristdemokraterna"),
    ("V", "Vänsterpartiet"),
    ("MP", "Miljöpartiet"),
    ("SD", "Sverigedemokraterna"),
]


def skapa_partier(apps, schema_editor):
    Parti = apps.get_model("nämnder", "Parti")
    Uttalande = apps.get_model("yttranden", "Uttalande")
    kända = {p.lower() for p in Parti.objects.values_list("förkortning", flat=True)}
    for ordning, (förkortning, namn) in enumerate(PARTIER, start=1):
        if förkortning.lower() not in kända:
            Parti.objects.create(förkortning=förkortning, namn=namn, ordning=ordning)
            kända.add(förkortning.lower())
    for partier in Uttalande.objects.values_list("partier", flat=True):
        for förkortning in partier or []:
            if förkortning.lower() not in kända:
                Parti.objects.create(förkortning=förkortning, namn=förkortning, ordning=50)
                kända.add(förkortning.lower())


class Migration(migrations.Migration):
    dependencies = [
        ("nämnder", "0003_kommun_partier_och_diariemonster"),
        ("yttranden", "0008_pdf_genom_utkorgen"),
    ]

    operations = [migrations.RunPython(skapa_partier, migrations.RunPython.noop)]
