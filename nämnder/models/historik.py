"""History: who did what and when, written once and never changed or removed.

``Historikrad`` is the base of every history in the project (a remiss's, an utlåtande's, the
nämnder's own). Rows are refused changes twice: ``save()``/``delete()`` below for the ORM, and a
PostgreSQL trigger on every history table (migration ``nämnder.0002``, tables listed in
``HISTORIKTABELLER``) for anything else, raw SQL included.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Historikrad(models.Model):
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


class Behörighetshändelse(Historikrad):
    """One line of the history of who may do what: a role given or taken, a login to the
    administration. ``utförd_av`` is empty when no person did it (a role from the kommun's
    identity provider, say); ``källa`` then says where it came from."""

    class Typ(models.TextChoices):
        ROLL_GIVEN = "roll_given", _("Roll given")
        ROLL_TAGEN = "roll_tagen", _("Roll borttagen")
        ADMININLOGGNING = "admininloggning", _("Inloggning i administrationen")

    utförd_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("utförd av"),
    )
    typ = models.CharField(_("typ"), max_length=20, choices=Typ.choices)
    användare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="behörighetshändelser",
        verbose_name=_("berörd person"),
    )
    nämnd = models.ForeignKey(
        "nämnder.Nämnd",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="behörighetshändelser",
        verbose_name=_("nämnd"),
    )
    roll = models.CharField(_("roll"), max_length=30, blank=True)
    källa = models.CharField(
        _("källa"), max_length=60, blank=True, help_text=_("t.ex. administrationen, IdP-grupp")
    )

    class Meta(Historikrad.Meta):
        verbose_name = _("behörighetshändelse")
        verbose_name_plural = _("behörighetshändelser")
