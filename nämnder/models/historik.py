"""History: who did what and when, written once and never changed or removed.

``Historikrad`` is the base of the remiss's, the utlåtande's and the administration's logins'
histories (Rollhändelse, the roles', has the same guards). Rows are refused changes twice:
``save()``/``delete()`` for the ORM, and a PostgreSQL trigger on every history table
(nämnder/historikskydd.py, added by each app's migration) for anything else, raw SQL included.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from nämnder.models.valetiketter import Valetiketter


class Historikrad(Valetiketter, models.Model):
    """A line of a history: who did what and when, written once, never changed or removed."""

    text = models.TextField(_("beskrivning"), blank=True)
    utförd_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("utförd av"),
    )
    tidpunkt = models.DateTimeField(_("tidpunkt"), auto_now_add=True, db_index=True)

    class Meta:
        abstract = True
        ordering = ["tidpunkt", "pk"]

    def __str__(self):
        return f"{self.get_typ_display()} ({self.tidpunkt:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Historiken kan inte ändras i efterhand."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Historiken kan inte tas bort."))


class Admininloggning(Historikrad):
    """A login to the administration: who (``utförd_av``), when, and from which address
    (``text``). Roles given and taken have their own history (Rollhändelse)."""

    class Meta(Historikrad.Meta):
        verbose_name = _("inloggning i administrationen")
        verbose_name_plural = _("inloggningar i administrationen")

    def __str__(self):
        return f"{self.utförd_av} ({self.tidpunkt:%Y-%m-%d %H:%M})"
