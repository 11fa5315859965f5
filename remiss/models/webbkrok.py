"""Webhooks (webbkrokar): an API client's subscription to events, the events themselves and one
delivery per event and subscription. The mechanism – who is told, signing, sending – is in
remiss/webbkrokar.py; each delivery is one row in the outbox (remiss/models/utkorg.py).

A delivery's state (waiting, done, failed, attempts, last error) is its outbox row's; the
delivery itself adds what the receiver last answered.
"""

import base64
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Every event a client may subscribe to: the type on the wire (ASCII, as receivers match it)
# and its label. The calls that emit them sit in the model methods of each state change.
HÄNDELSETYPER = [
    ("remiss.skickad", _("Remiss skickad")),
    ("remissinstans.registrerad", _("Remissinstans registrerad")),
    ("remissinstans.tilldelad", _("Remissinstans tilldelad")),
    ("remissinstans.avstar", _("Remissinstans avstår")),
    ("anstand.beviljat", _("Anstånd beviljat")),
    ("tjansteutlatande.attesterat", _("Tjänsteutlåtande attesterat")),
    ("beslut.fattat", _("Beslut fattat")),
    ("svar.skickat", _("Svar skickat till kommunstyrelsen")),
    ("remiss.avslutad", _("Remiss avslutad")),
]
HÄNDELSENAMN = dict(HÄNDELSETYPER)


def ny_hemlighet():
    """A signing secret in the Standard Webhooks form: ``whsec_`` and 32 random bytes, base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def nytt_meddelande_id():
    return f"msg_{secrets.token_hex(16)}"


def validera_händelser(värde):
    if not isinstance(värde, list) or not värde:
        raise ValidationError(_("Välj minst en händelse."), code="inga_händelser")
    okända = [typ for typ in värde if typ not in HÄNDELSENAMN]
    if okända:
        raise ValidationError(
            _("Okänd händelse: %(typer)s."), params={"typer": ", ".join(okända)}, code="okänd"
        )


def validera_mottagare(url):
    """Only http(s); plain http only when DEBUG or REMISS_WEBBKROK_TILLAT_HTTP allows it, since
    the events name the kommun's cases and the signature does not hide them."""
    URLValidator(schemes=["http", "https"], message=_("Ange en http- eller https-adress."))(url)
    tillåt_http = settings.DEBUG or settings.REMISS_WEBBKROK_TILLAT_HTTP
    if urlsplit(url).scheme != "https" and not tillåt_http:
        raise ValidationError(_("Mottagarens adress måste börja med https://."), code="inte_https")


class Webbkrok(models.Model):
    """An API client's subscription: which events, sent where, signed with which secret. The
    client's scope decides which events it is told about (remiss/webbkrokar.py)."""

    klient = models.ForeignKey(
        "nämnder.ApiKlient",
        on_delete=models.CASCADE,
        related_name="webbkrokar",
        verbose_name=_("API-klient"),
        help_text=_("Klienten får bara höra om det dess roller (omfång) får se."),
    )
    url = models.CharField(
        _("mottagarens adress"),
        max_length=500,
        validators=[validera_mottagare],
        help_text=_(
            "Dit händelserna skickas med HTTP POST, till exempel https://diarium.kommun.se/remiss."
        ),
    )
    händelser = models.JSONField(_("händelser"), default=list, validators=[validera_händelser])
    hemlighet = models.CharField(
        _("signeringshemlighet"), max_length=100, default=ny_hemlighet, editable=False
    )
    aktiv = models.BooleanField(_("aktiv"), default=True)
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("webbkrok")
        verbose_name_plural = _("webbkrokar")
        ordering = ["klient", "url", "pk"]

    def __str__(self):
        return f"{self.klient} → {self.url}"

    def vill_ha(self, typ):
        return self.aktiv and typ in self.händelser

    @property
    def hemlighet_början(self):
        """Enough of the secret to tell two apart; the whole is shown only once."""
        return f"{self.hemlighet[:10]}…"


class Webbkrokshändelse(models.Model):
    """One event, told to every subscription that wants it and may see its object. The id is
    the ``webhook-id`` of every delivery of it, first try, retry or replay alike, so a receiver
    can drop a duplicate."""

    meddelande_id = models.CharField(
        _("meddelande-id"), max_length=40, unique=True, default=nytt_meddelande_id, editable=False
    )
    typ = models.CharField(_("typ"), max_length=60, choices=HÄNDELSETYPER)
    tidpunkt = models.DateTimeField(_("tidpunkt"))
    kropp = models.TextField(
        _("innehåll"), help_text=_("Exakt det som skickas (JSON): typ, tidpunkt, id och länkar.")
    )

    class Meta:
        verbose_name = _("webbkrokshändelse")
        verbose_name_plural = _("webbkrokshändelser")
        ordering = ["-tidpunkt", "-pk"]

    def __str__(self):
        return f"{self.get_typ_display()} {self.meddelande_id}"


class Webbkroksleverans(models.Model):
    """One event to one subscription: its outbox row carries the status and attempts; this row
    what the receiver last answered."""

    händelse = models.ForeignKey(
        Webbkrokshändelse,
        on_delete=models.CASCADE,
        related_name="leveranser",
        verbose_name=_("händelse"),
    )
    webbkrok = models.ForeignKey(
        Webbkrok, on_delete=models.CASCADE, related_name="leveranser", verbose_name=_("webbkrok")
    )
    post = models.OneToOneField(
        "remiss.Utkorgspost",
        on_delete=models.PROTECT,
        related_name="webbkroksleverans",
        verbose_name=_("utkorgspost"),
    )
    svarskod = models.PositiveSmallIntegerField(_("senaste svarskod"), null=True, blank=True)
    svar = models.CharField(_("senaste svar"), max_length=500, blank=True)
    senast = models.DateTimeField(_("senaste försök"), null=True, blank=True)

    class Meta:
        verbose_name = _("webbkroksleverans")
        verbose_name_plural = _("webbkroksleveranser")
        ordering = ["-händelse__tidpunkt", "-pk"]
        constraints = [models.UniqueConstraint("händelse", "webbkrok", name="en_leverans_per_krok")]

    def __str__(self):
        return f"{self.händelse} → {self.webbkrok.url}"
