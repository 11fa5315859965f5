from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nämnder.models.historik import Historikrad


class Utlåtandehändelse(Historikrad):
    """One line of an utlåtande's history: every transition, with who and when. Append-only."""

    class Typ(models.TextChoices):
        PÅBÖRJAT = "paborjat", _("Tjänsteutlåtandet påbörjades")
        SKICKAT = "skickat", _("Skickat till granskning")
        ÅTERREMITTERAT = "aterremitterat", _("Återremitterat till handläggaren")
        GODKÄNT = "godkant", _("Godkänt av avdelningschefen")
        ATTESTERAT = "attesterat", _("Attesterat av direktören")
        ÅTERÖPPNAT = "ateroppnat", _("Återöppnat – attesten upphävd")
        NY_VERSION = "ny_version", _("Ny version påbörjad efter återöppning")
        PÅ_SAMMANTRÄDE = "pa_sammantrade", _("Lagt på sammanträdets föredragningslista")
        BESLUT = "beslut", _("Nämndens beslut registrerat")
        UTTALANDE = "uttalande", _("Särskilt uttalande eller reservation registrerad")
        SVAR = "svar", _("Svaret skickat till kommunstyrelsen")

    utlåtande = models.ForeignKey(
        "yttranden.Tjänsteutlåtande",
        on_delete=models.PROTECT,
        related_name="händelser",
        verbose_name=_("tjänsteutlåtande"),
    )
    typ = models.CharField(_("typ"), max_length=20, choices=Typ.choices)
    från_status = models.CharField(_("från status"), max_length=20, blank=True)
    till_status = models.CharField(_("till status"), max_length=20, blank=True)

    class Meta(Historikrad.Meta):
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")


class Utskick(models.Model):
    """One e-mail sent about one history event to one person. The unique row claims the work,
    so a task that runs twice sends once."""

    händelse = models.ForeignKey(
        Utlåtandehändelse, on_delete=models.PROTECT, related_name="utskick"
    )
    mottagare = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    meddelande = models.CharField(_("meddelande"), max_length=60)
    skickat = models.DateTimeField(_("skickat"), auto_now_add=True)

    class Meta:
        verbose_name = _("utskick")
        verbose_name_plural = _("utskick")
        constraints = [
            models.UniqueConstraint(
                "händelse", "mottagare", "meddelande", name="ett_utskick_per_mottagare"
            )
        ]

    def __str__(self):
        return f"{self.meddelande} → {self.mottagare}"
