"""The kommun's own formats as data: its name, logo and date style, and its parties.

One installation serves one kommun today. Everything asks for it through ``Kommun.för_nämnd``
(or ``Kommun.aktuell`` where no nämnd is at hand), so that serving several kommuner later
changes that one place: a nämnd would then carry its kommun.
"""

import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MÅNADER = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip


def skriv_datum(värde, datumstil):
    """``värde`` (a date or datetime) in ``datumstil`` (Kommun.Datumstil); "" for no date."""
    if not värde:
        return ""
    if isinstance(värde, datetime.datetime):
        värde = (timezone.localtime(värde) if timezone.is_aware(värde) else värde).date()
    if datumstil == Kommun.Datumstil.TEXT:
        return f"{värde.day} {MÅNADER[värde.month - 1]} {värde.year}"
    return värde.isoformat()


class Kommun(models.Model):
    class Datumstil(models.TextChoices):
        ISO = "iso", _("2023-10-26")
        TEXT = "text", _("26 oktober 2023")

    namn = models.CharField(_("namn"), max_length=200, help_text=_("Till exempel Stockholms stad."))
    datumstil = models.CharField(
        _("datum i handlingar"),
        max_length=10,
        choices=Datumstil.choices,
        default=Datumstil.ISO,
        help_text=_(
            "Hur datum skrivs i tjänsteutlåtanden, protokollsutdrag och sammanställningar."
        ),
    )
    # Kept in the database, not on disk: small, read by every PDF, and backed up with the rest.
    logotyp = models.BinaryField(_("logotyp"), blank=True, default=b"", editable=False)
    logotyp_typ = models.CharField(max_length=30, blank=True, editable=False)
    logotyp_sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.namn

    @classmethod
    def aktuell(cls):
        """The installation's kommun; an unsaved one with no name before one is entered."""
        return cls.objects.order_by("pk").first() or cls(namn="")

    @classmethod
    def för_nämnd(cls, nämnd):
        return cls.aktuell()

    def sätt_logotyp(self, innehåll):
        """Store a logo after checking its content (nämnder.logotyp); b"" removes it."""
        from nämnder.logotyp import känn_igen

        if not innehåll:
            self.logotyp, self.logotyp_typ, self.logotyp_sha256 = b"", "", ""
            return
        self.logotyp_typ = känn_igen(innehåll)
        self.logotyp = bytes(innehåll)
        self.logotyp_sha256 = hashlib.sha256(self.logotyp).hexdigest()

    @property
    def har_logotyp(self):
        return bool(self.logotyp_sha256)

    @property
    def logotyp_url(self):
        """The same path serves the browser (a view) and the PDF renderer (its fetcher); the
        checksum in it changes with the logo, so nothing caches an old one."""
        from django.urls import reverse

        if not self.har_logotyp:
            return ""
        return reverse("nämnder:logotyp", args=[self.logotyp_sha256])

    def datum(self, värde):
        """A date as the kommun's documents write it: "2023-10-26" or "26 oktober 2023"."""
        return skriv_datum(värde, self.datumstil)

    def clean(self):
        andra = type(self).objects.exclude(pk=self.pk)
        if andra.exists():
            raise ValidationError(_("Installationen har redan en kommun."), code="en_kommun")


class PartiQuerySet(models.QuerySet):
    def aktiva(self):
        return self.filter(aktivt=True)


class Parti(models.Model):
    """A party that sits in the kommun's nämnder; local parties are added in the admin.

    A särskilt uttalande keeps the abbreviations it was made with, so renaming or retiring a
    party never changes what was recorded.
    """

    förkortning = models.CharField(
        _("förkortning"), max_length=12, help_text=_("Som den står i protokollet, t.ex. MP.")
    )
    namn = models.CharField(_("namn"), max_length=120)
    ordning = models.PositiveSmallIntegerField(_("ordning"), default=10)
    aktivt = models.BooleanField(
        _("aktivt"),
        default=True,
        help_text=_(
            "Avmarkera när partiet inte längre sitter i nämnderna; gamla uttalanden står kvar."
        ),
    )

    objects = PartiQuerySet.as_manager()

    class Meta:
        verbose_name = _("parti")
        verbose_name_plural = _("partier")
        ordering = ["ordning", "förkortning"]
        constraints = [
            models.UniqueConstraint(
                Lower("förkortning"),
                name="parti_förkortning_unik",
                violation_error_message=_("Det finns redan ett parti med den förkortningen."),
            )
        ]

    def __str__(self):
        return f"{self.namn} ({self.förkortning})"

    def clean_fields(self, exclude=None):
        self.förkortning = (self.förkortning or "").strip()
        super().clean_fields(exclude)
