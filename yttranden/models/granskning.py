from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nämnder.models.valetiketter import Valetiketter


class Kommentar(models.Model):
    """A reviewer's comment, on one section or on the utlåtande as a whole."""

    utlåtande = models.ForeignKey(
        "yttranden.Tjänsteutlåtande",
        on_delete=models.PROTECT,
        related_name="kommentarer",
        verbose_name=_("tjänsteutlåtande"),
    )
    sektion = models.ForeignKey(
        "yttranden.Sektion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kommentarer",
        verbose_name=_("avsnitt"),
    )
    text = models.TextField(_("kommentar"))
    författare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("författare"),
    )
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    version = models.PositiveIntegerField(_("gäller version"))

    class Meta:
        verbose_name = _("granskningskommentar")
        verbose_name_plural = _("granskningskommentarer")
        ordering = ["skapad", "pk"]

    def __str__(self):
        return self.text[:60]


class AttestQuerySet(models.QuerySet):
    def gällande(self):
        return self.filter(upphävd__isnull=True)


class Attest(Valetiketter, models.Model):
    """A digital approval: the avdelningschef's godkännande or the direktör's attest.

    Name and befattning are copied at the moment of approval: the document shows who approved
    it as they were then. A reopened utlåtande voids its attests (upphävd) but keeps them.
    """

    class Typ(models.TextChoices):
        GODKÄNNANDE = "godkannande", _("Godkänt")
        ATTEST = "attest", _("Attesterat")

    utlåtande = models.ForeignKey(
        "yttranden.Tjänsteutlåtande",
        on_delete=models.PROTECT,
        related_name="attester",
        verbose_name=_("tjänsteutlåtande"),
    )
    typ = models.CharField(_("typ"), max_length=20, choices=Typ.choices)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    namn = models.CharField(_("namn"), max_length=200)
    befattning = models.CharField(_("befattning"), max_length=120, blank=True)
    datum = models.DateField(_("datum"))
    tidpunkt = models.DateTimeField(_("tidpunkt"), auto_now_add=True)
    sha256 = models.CharField(
        _("SHA-256 av innehållet"),
        max_length=64,
        blank=True,
        help_text=_("Kontrollsumma av det attesterade innehållet (avsnitt och bilagor)."),
    )
    # How the person had authenticated when attesting (the step-up check's evidence).
    autentiserad = models.DateTimeField(_("inloggad"), null=True, blank=True)
    autentiseringsmetod = models.CharField(_("inloggningsmetod"), max_length=40, blank=True)
    autentiseringsnivå = models.CharField(_("tillitsnivå"), max_length=200, blank=True)
    upphävd = models.DateTimeField(_("upphävd"), null=True, blank=True)
    upphävd_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("upphävd av"),
    )
    upphävd_motivering = models.TextField(_("skäl till upphävandet"), blank=True)

    objects = AttestQuerySet.as_manager()

    class Meta:
        verbose_name = _("attest")
        verbose_name_plural = _("attester")
        ordering = ["tidpunkt", "pk"]
        constraints = [
            models.UniqueConstraint(
                "utlåtande",
                "typ",
                condition=models.Q(upphävd__isnull=True),
                name="en_gällande_attest_per_typ",
                violation_error_message=_("Utlåtandet är redan godkänt eller attesterat."),
            )
        ]

    def __str__(self):
        return f"{self.get_typ_display()}: {self.namn} {self.datum:%Y-%m-%d}"

    @property
    def inloggning(self):
        """How the person had logged in, for the document: "OIDC 2026-11-29 14:05, nivå …"."""
        if not self.autentiseringsmetod:
            return ""
        delar = [self.autentiseringsmetod]
        if self.autentiserad:
            delar.append(f"{timezone.localtime(self.autentiserad):%Y-%m-%d %H:%M}")
        text = " ".join(delar)
        if self.autentiseringsnivå:
            text += ", " + _("nivå %(nivå)s") % {"nivå": self.autentiseringsnivå}
        return text

    def delete(self, *args, **kwargs):
        raise ValidationError(_("En attest kan inte tas bort, bara upphävas."))
