"""Reminders move onto the outbox: every reminder still to be sent (waiting, or claimed by the
old mechanism) gets its Utkorgspost, and the old claim's fields go."""

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def till_utkorgen(apps, schema_editor):
    Påminnelse = apps.get_model("remiss", "Påminnelse")
    Utkorgspost = apps.get_model("remiss", "Utkorgspost")
    ogjorda = Påminnelse.objects.filter(status__in=["vantar", "skickas"])
    nu = timezone.now()
    pks = list(ogjorda.values_list("pk", flat=True))
    ogjorda.update(status="vantar")
    for start in range(0, len(pks), 5_000):
        Utkorgspost.objects.bulk_create(
            [
                Utkorgspost(
                    uppdrag="epost.paminnelse",
                    argument={"paminnelse": pk},
                    nyckel=f"remiss.påminnelse:{pk}",
                    gäller=f"remiss.påminnelse:{pk}",
                    beskrivning=f"Påminnelse {pk}",
                    nästa_försök=nu,
                )
                for pk in pks[start : start + 5_000]
            ],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):

    dependencies = [
        ('remiss', '0011_externa_remissinstanser'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(till_utkorgen, migrations.RunPython.noop),
        migrations.RemoveIndex(
            model_name='påminnelse',
            name='remiss_påmi_status_b0d1fd_idx',
        ),
        migrations.RemoveField(
            model_name='påminnelse',
            name='försök',
        ),
        migrations.RemoveField(
            model_name='påminnelse',
            name='planerad',
        ),
        migrations.RemoveField(
            model_name='påminnelse',
            name='senast_försök',
        ),
        migrations.AlterField(
            model_name='påminnelse',
            name='status',
            field=models.CharField(choices=[('vantar', 'Väntar'), ('skickad', 'Skickad'), ('misslyckad', 'Misslyckad'), ('hoppades_over', 'Hoppades över')], default='vantar', max_length=20, verbose_name='status'),
        ),
        migrations.AddIndex(
            model_name='påminnelse',
            index=models.Index(fields=['status'], name='paminnelse_status'),
        ),
    ]
