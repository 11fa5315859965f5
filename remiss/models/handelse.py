from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Historikrad(models.Model):
    """A line of a history: who did what and when, written once, never changed or removed.
    The remiss's history and the utlåtande's both build on it."""

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


class Remisshändelse(Historikrad):
    """One line of a remiss's history: who did what, when."""

    class Typ(models.TextChoices):
        SKAPAD = "skapad", _("Remissen registrerades")
        ÄNDRAD = "andrad", _("Remissen ändrades")
        HANDLING_TILLAGD = "handling_tillagd", _("Handling bifogades")
        HANDLING_BORTTAGEN = "handling_borttagen", _("Handling togs bort")
        SKICKAD = "skickad", _("Remissen skickades")
        REGISTRERAD = "registrerad", _("Registrerad i nämndens diarium")
        TILLDELAD = "tilldelad", _("Handläggare tilldelad")
        AVSTÅR = "avstar", _("Nämnden avstår från att svara")
        ANSTÅND_BEGÄRT = "anstand_begart", _("Anstånd begärt")
        ANSTÅND_BEVILJAT = "anstand_beviljat", _("Anstånd beviljat")
        ANSTÅND_AVSLAGET = "anstand_avslaget", _("Anstånd avslaget")
        STATUS = "status", _("Status ändrad")
        AVSLUTAD = "avslutad", _("Remissen avslutades")

    remiss = models.ForeignKey(
        "remiss.Remiss",
        on_delete=models.PROTECT,
        related_name="händelser",
        verbose_name=_("remiss"),
    )
    instans = models.ForeignKey(
        "remiss.Remissinstans",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="händelser",
        verbose_name=_("remissinstans"),
    )
    typ = models.CharField(_("typ"), max_length=30, choices=Typ.choices)

    class Meta(Historikrad.Meta):
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")
