"""The personal link an external contact person answers through, with no account.

The link's secret is ``<slump>:<signatur>``: 32 random bytes, signed with the installation's
SECRET_KEY (django.core.signing, salted for this use). Only the SHA-256 of the whole secret is
stored here, so neither this table nor a database dump gives a working link; an altered link
fails its signature before the database is asked. The random part travels once, in the
outbox row that e-mails it (which also needs SECRET_KEY to become a link).

A link is refused when it has been revoked (by KS, or replaced by a newer link to the same
contact), when it has expired (by default ``REMISS_SVARSLANK_DAGAR`` days after the instans's
svarsdatum, which follows an anstånd; KS may set a date instead), or when its instans is no
longer an external organisation's open-or-answered case.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SALT = "remiss.svarslank"


def _signerare():
    return signing.Signer(salt=SALT, sep=".")


def hemlighet(slump):
    """The link's secret for the random part ``slump`` (the path segment in the e-mail)."""
    return _signerare().sign(slump)


def sha256(text):
    return hashlib.sha256(text.encode("ascii", "replace")).hexdigest()


class Ogiltig(Exception):
    """A link that is not (or no longer) valid; the message is Swedish and says why."""


class SvarslänkQuerySet(models.QuerySet):
    def gällande(self, idag=None):
        return self.filter(återkallad__isnull=True)


class Svarslänk(models.Model):
    instans = models.ForeignKey(
        "remiss.Remissinstans",
        on_delete=models.CASCADE,
        related_name="svarslänkar",
        verbose_name=_("remissinstans"),
    )
    kontaktperson = models.ForeignKey(
        "remiss.Kontaktperson",
        on_delete=models.PROTECT,
        related_name="svarslänkar",
        verbose_name=_("kontaktperson"),
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True, editable=False)
    giltig_till = models.DateField(
        _("giltig till"),
        null=True,
        blank=True,
        help_text=_("Tomt: svarsdatum plus REMISS_SVARSLANK_DAGAR dagar."),
    )
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    återkallad = models.DateTimeField(_("återkallad"), null=True, blank=True)
    senast_använd = models.DateTimeField(_("senast använd"), null=True, blank=True)

    objects = SvarslänkQuerySet.as_manager()

    class Meta:
        verbose_name = _("svarslänk")
        verbose_name_plural = _("svarslänkar")
        ordering = ["-skapad", "-pk"]

    def __str__(self):
        return f"{self.kontaktperson} ({self.instans.remiss.diarienummer})"

    @property
    def sista_dag(self):
        if self.giltig_till:
            return self.giltig_till
        return self.instans.svarsdatum + datetime.timedelta(days=settings.REMISS_SVARSLANK_DAGAR)

    def har_gått_ut(self, idag=None):
        return (idag or timezone.localdate()) > self.sista_dag

    @property
    def gäller(self):
        return self.återkallad is None and not self.har_gått_ut()

    # --- issuing and revoking ------------------------------------------------------------

    @classmethod
    def utfärda(cls, instans, kontaktperson, av=None, giltig_till=None):
        """A new link for ``kontaktperson`` (any earlier one of theirs to this instans is
        revoked) and its e-mail in the outbox, in the caller's transaction. Returns
        ``(länk, slump)``; ``slump`` is shown only in the demo, never logged."""
        slump = secrets.token_urlsafe(32)
        with transaction.atomic():
            cls.objects.filter(
                instans=instans, kontaktperson=kontaktperson, återkallad__isnull=True
            ).update(återkallad=timezone.now())
            länk = cls.objects.create(
                instans=instans,
                kontaktperson=kontaktperson,
                sha256=sha256(hemlighet(slump)),
                giltig_till=giltig_till,
                skapad_av=av,
            )
            from remiss import uppdrag

            uppdrag.svarslänk(länk, slump)
        return länk, slump

    @classmethod
    def för_påminnelse(cls, instans, kontaktperson):
        """A fresh link for a reminder's e-mail (remiss/uppdrag.py), made by the worker as it
        sends the mail: the stored hash cannot give back an earlier link, so each reminder
        carries a new one. Earlier links stay valid until they expire or KS revokes them (the
        contact may answer from whichever e-mail they open); "Skicka ny länk" still revokes
        them all. Returns ``(länk, slump)``."""
        slump = secrets.token_urlsafe(32)
        länk = cls.objects.create(
            instans=instans, kontaktperson=kontaktperson, sha256=sha256(hemlighet(slump))
        )
        return länk, slump

    @transaction.atomic
    def återkalla(self, av):
        from remiss.models.handelse import Remisshändelse

        tagna = (
            type(self)
            .objects.filter(pk=self.pk, återkallad__isnull=True)
            .update(återkallad=timezone.now())
        )
        if tagna:
            self.instans.remiss.logga(
                Remisshändelse.Typ.LÄNK_ÅTERKALLAD,
                av,
                _("Länken till %(kontakt)s återkallades.") % {"kontakt": self.kontaktperson},
                instans=self.instans,
            )
        self.refresh_from_db()
        return bool(tagna)

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def öppna(cls, text):
        """The valid link whose secret is ``text``; raises ``Ogiltig`` in Swedish otherwise."""
        try:
            _signerare().unsign(text)
        except signing.BadSignature:
            raise Ogiltig(
                _("Länken är inte giltig. Kontrollera att hela adressen kom med.")
            ) from None
        länk = (
            cls.objects.select_related("instans__remiss", "instans__organisation", "kontaktperson")
            .filter(sha256=sha256(text))
            .first()
        )
        if länk is None:
            raise Ogiltig(_("Länken är inte giltig. Kontrollera att hela adressen kom med."))
        länk.kontrollera()
        return länk

    def kontrollera(self):
        if self.återkallad is not None:
            raise Ogiltig(
                _(
                    "Länken har återkallats. Be kommunstyrelsens remissamordnare om en ny länk "
                    "om ni fortfarande ska svara."
                )
            )
        if self.har_gått_ut():
            raise Ogiltig(
                _(
                    "Länken gällde till och med %(datum)s och har gått ut. Be kommunstyrelsens "
                    "remissamordnare om en ny länk om ni fortfarande ska svara."
                )
                % {"datum": f"{self.sista_dag:%Y-%m-%d}"}
            )
        if self.instans.organisation_id is None or not self.kontaktperson.aktiv:
            raise Ogiltig(_("Länken är inte giltig."))
        if self.instans.remiss.status == self.instans.remiss.Status.AVSLUTAD:
            raise Ogiltig(_("Remissen är avslutad och tar inte emot fler svar."))

    def använd(self):
        type(self).objects.filter(pk=self.pk).update(senast_använd=timezone.now())
