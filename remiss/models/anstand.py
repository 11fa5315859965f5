from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nämnder.models.valetiketter import Valetiketter
from remiss.models.handelse import Remisshändelse


class Anstånd(Valetiketter, models.Model):
    """An extension a remissinstans asks KS for; granting it moves that instans's deadline."""

    class Status(models.TextChoices):
        BEGÄRT = "begart", _("Begärt")
        BEVILJAT = "beviljat", _("Beviljat")
        AVSLAGET = "avslaget", _("Avslaget")

    instans = models.ForeignKey(
        "remiss.Remissinstans",
        on_delete=models.CASCADE,
        related_name="anstånd",
        verbose_name=_("remissinstans"),
    )
    begärt_datum = models.DateField(_("nytt svarsdatum"))
    motivering = models.TextField(_("motivering"))
    # A nämnd's registrator, or an external organisation's contact person through their
    # personal link (no account): exactly one of the two (the check constraint below).
    begärt_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    begärt_av_kontakt = models.ForeignKey(
        "remiss.Kontaktperson",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("begärt av kontaktperson"),
    )
    begärt = models.DateTimeField(_("begärt"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.BEGÄRT
    )
    beslutat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beslutat = models.DateTimeField(_("beslutat"), null=True, blank=True)
    beslutsmotivering = models.TextField(_("motivering till beslutet"), blank=True)

    class Meta:
        verbose_name = _("anstånd")
        verbose_name_plural = _("anstånd")
        ordering = ["-begärt"]
        constraints = [
            models.UniqueConstraint(
                "instans",
                condition=models.Q(status="begart"),
                name="ett_obesvarat_anstånd_per_instans",
                violation_error_message=_("Det finns redan en obesvarad begäran om anstånd."),
            ),
            models.CheckConstraint(
                condition=models.Q(begärt_av__isnull=False, begärt_av_kontakt__isnull=True)
                | models.Q(begärt_av__isnull=True, begärt_av_kontakt__isnull=False),
                name="anstånd_begärt_av_person_eller_kontakt",
            ),
        ]

    def __str__(self):
        return f"{self.instans}: {self.begärt_datum:%Y-%m-%d} ({self.get_status_display()})"

    @property
    def begärt_av_text(self):
        """Who asked: a person with their title, or a contact person "via personlig länk"."""
        if self.begärt_av_kontakt_id:
            return _("%(namn)s, %(org)s (via personlig länk)") % {
                "namn": self.begärt_av_kontakt.namn,
                "org": self.begärt_av_kontakt.organisation.namn,
            }
        return self.begärt_av.namn_och_befattning

    @classmethod
    @transaction.atomic
    def begär(cls, instans, nytt_datum, motivering, av=None, kontaktperson=None):
        """Ask KS for a later svarsdatum: a nämnd's person (``av``), or an external
        organisation's contact person through their personal link (``kontaktperson``)."""
        låst = type(instans).objects.select_for_update().select_related("remiss").get(pk=instans.pk)
        if (kontaktperson is None) == (av is None) or (
            kontaktperson is not None and kontaktperson.organisation_id != låst.organisation_id
        ):
            raise ValidationError(_("Bara remissinstansen själv kan begära anstånd."))
        if låst.status in låst.KLARA:
            raise ValidationError(_("Ärendet är redan avslutat."), code="avslutad")
        if not motivering or not motivering.strip():
            vem = _("ni") if kontaktperson else _("nämnden")
            raise ValidationError(
                {"motivering": _("Skriv varför %(vem)s behöver anstånd.") % {"vem": vem}}
            )
        if nytt_datum <= låst.svarsdatum:
            raise ValidationError(
                {"begärt_datum": _("Det nya svarsdatumet måste vara senare än det nuvarande.")}
            )
        anstånd = cls(instans=låst, begärt_datum=nytt_datum, motivering=motivering.strip())
        anstånd.begärt_av, anstånd.begärt_av_kontakt = av, kontaktperson
        anstånd.validate_constraints()
        anstånd.save()
        text = _("Till %(datum)s: %(motivering)s") % {
            "datum": f"{nytt_datum:%Y-%m-%d}",
            "motivering": anstånd.motivering,
        }
        låst.remiss.logga(
            Remisshändelse.Typ.ANSTÅND_BEGÄRT, av, text, instans=låst, kontaktperson=kontaktperson
        )
        return anstånd

    def _besluta(self, status, av, motivering):
        låst = type(self).objects.select_for_update().get(pk=self.pk)
        if låst.status != self.Status.BEGÄRT:
            raise ValidationError(_("Begäran om anstånd är redan besvarad."), code="besvarad")
        låst.status, låst.beslutat_av, låst.beslutat = status, av, timezone.now()
        låst.beslutsmotivering = (motivering or "").strip()
        låst.save(update_fields=["status", "beslutat_av", "beslutat", "beslutsmotivering"])
        self.refresh_from_db()
        from remiss import uppdrag

        uppdrag.anståndsbeslut(låst)

    @transaction.atomic
    def bevilja(self, av, motivering=""):
        self._besluta(self.Status.BEVILJAT, av, motivering)
        self.instans.flytta_svarsdatum(self.begärt_datum, av)
        text = _("Nytt svarsdatum %(datum)s.") % {"datum": f"{self.begärt_datum:%Y-%m-%d}"}
        self.instans.remiss.logga(
            Remisshändelse.Typ.ANSTÅND_BEVILJAT, av, text, instans=self.instans
        )
        from remiss.webbkrokar import registrera_händelse

        registrera_händelse("anstand.beviljat", self)

    @transaction.atomic
    def avslå(self, av, motivering):
        if not motivering or not motivering.strip():
            raise ValidationError({"beslutsmotivering": _("Skriv varför anståndet avslås.")})
        self._besluta(self.Status.AVSLAGET, av, motivering)
        self.instans.remiss.logga(
            Remisshändelse.Typ.ANSTÅND_AVSLAGET, av, motivering.strip(), instans=self.instans
        )
