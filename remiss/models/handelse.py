from django.db import models
from django.utils.translation import gettext_lazy as _

from nämnder.models.historik import Historikrad


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
