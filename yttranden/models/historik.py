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
