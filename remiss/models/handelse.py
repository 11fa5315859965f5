from django.conf import settings
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
        LÄNK_SKICKAD = "lank_skickad", _("Personlig länk skickad")
        LÄNK_ÅTERKALLAD = "lank_aterkallad", _("Personlig länk återkallad")
        LÄNK_ÖPPNAD = "lank_oppnad", _("Personlig länk öppnad")
        EXTERNT_UTKAST = "externt_utkast", _("Utkast till svar sparat")
        EXTERNT_SVAR = "externt_svar", _("Svar inskickat")

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
    # An external contact person acts through their personal link, with no account: the row
    # names them instead of a user.
    utförd_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("utförd av"),
    )
    kontaktperson = models.ForeignKey(
        "remiss.Kontaktperson",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kontaktperson"),
    )

    class Meta(Historikrad.Meta):
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(utförd_av__isnull=False) | models.Q(kontaktperson__isnull=False),
                name="händelse_har_en_utförare",
            )
        ]

    @property
    def utförare(self):
        """Who did it: a user, or a contact person "via personlig länk"."""
        if self.kontaktperson_id:
            kontakt = self.kontaktperson
            return self.via_personlig_länk(kontakt.namn, kontakt.organisation.namn)
        return self.utförd_av

    @staticmethod
    def via_personlig_länk(namn, organisation):
        """How a history names an external contact person who acted through their link."""
        return _("%(namn)s, %(org)s (via personlig länk)") % {"namn": namn, "org": organisation}
