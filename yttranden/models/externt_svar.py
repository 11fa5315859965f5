"""An external organisation's answer to a remiss, written through a contact person's personal
link (remiss/models/svarslank.py) with no account.

A draft may be saved any number of times by any of the organisation's contacts; each save
carries the version it was based on, and a save based on an older one is refused (``Krock``)
so that two contacts never overwrite each other's text. Submitting freezes the answer: its
content is hashed (SHA-256, as an attested utlåtande), a sealed PDF is ordered through the
outbox (``Pdfdokument.för_externt_svar``), the instans becomes besvarad and the contact gets a
receipt with the PDF once it is sealed. A correction is a new numbered answer (svar nr 2); the
earlier stays as it was.
"""

import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from remiss.models import Remisshändelse, Remissinstans
from yttranden.formatering import sanera, text_av


class Krock(Exception):
    """A save based on an older version of the draft than the current one; nothing changed."""

    def __init__(self, meddelande):
        super().__init__(meddelande)
        self.meddelande = meddelande


class ExterntSvar(models.Model):
    class Status(models.TextChoices):
        UTKAST = "utkast", _("Utkast")
        INSKICKAT = "inskickat", _("Inskickat")

    instans = models.ForeignKey(
        "remiss.Remissinstans",
        on_delete=models.PROTECT,
        related_name="externa_svar",
        verbose_name=_("remissinstans"),
    )
    nummer = models.PositiveSmallIntegerField(_("svar nr"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UTKAST
    )
    text = models.TextField(_("svar"), blank=True)
    # {förslag pk: {"ståndpunkt": …, "kommentar": …}} while a draft; on submitting, each is
    # also written as the instans's delivered stance (remiss's Ställningstagande).
    ställningstaganden = models.JSONField(_("ställningstaganden"), default=dict, blank=True)
    rättelse = models.TextField(_("vad som rättats"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    ändrad = models.DateTimeField(_("ändrad"), null=True, blank=True)
    ändrad_av = models.ForeignKey(
        "remiss.Kontaktperson", on_delete=models.PROTECT, null=True, related_name="+"
    )
    inskickat = models.DateTimeField(_("inskickat"), null=True, blank=True)
    inskickat_av = models.ForeignKey(
        "remiss.Kontaktperson",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inskickat av"),
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("externt remissvar")
        verbose_name_plural = _("externa remissvar")
        ordering = ["instans", "nummer"]
        constraints = [
            models.UniqueConstraint("instans", "nummer", name="ett_externt_svarsnummer"),
            models.UniqueConstraint(
                "instans", condition=Q(status="utkast"), name="ett_externt_utkast_per_instans"
            ),
            models.CheckConstraint(
                condition=Q(status="utkast") | ~Q(sha256=""), name="inskickat_svar_har_sha256"
            ),
        ]

    def __str__(self):
        return _g("Svar %(nr)s från %(org)s") % {"nr": self.nummer, "org": self.organisation}

    @property
    def organisation(self):
        return self.instans.organisation

    @property
    def nämnd(self):
        return None

    @property
    def är_inskickat(self):
        return self.status == self.Status.INSKICKAT

    @property
    def är_rättelse(self):
        return self.nummer > 1

    def innehållets_sha256(self):
        innehåll = {
            "instans": self.instans_id,
            "nummer": self.nummer,
            "text": self.text,
            "ställningstaganden": self.ställningstaganden,
            "rättelse": self.rättelse,
        }
        text = json.dumps(innehåll, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def stämmer(self):
        """Whether the frozen answer is unchanged since it was submitted."""
        return self.är_inskickat and self.sha256 == self.innehållets_sha256()

    # --- reading ---------------------------------------------------------------------------

    @classmethod
    def utkast_för(cls, instans):
        return cls.objects.filter(instans=instans, status=cls.Status.UTKAST).first()

    @classmethod
    def inskickade_för(cls, instans):
        return cls.objects.filter(instans=instans, status=cls.Status.INSKICKAT).order_by("nummer")

    # --- writing ---------------------------------------------------------------------------

    @classmethod
    def _rensa(cls, text, ställningstaganden):
        text = sanera(text)
        if len(text) > settings.REMISS_EXTERNT_SVAR_MAX_TECKEN:
            raise ValidationError(
                {
                    "text": _g(
                        "Svaret är för långt (%(antal)s tecken). Det får vara högst %(max)s "
                        "tecken; lägg längre underlag som en bilaga i ett e-brev till "
                        "kommunstyrelsen."
                    )
                    % {"antal": len(text), "max": settings.REMISS_EXTERNT_SVAR_MAX_TECKEN}
                }
            )
        return text, dict(ställningstaganden or {})

    @classmethod
    @transaction.atomic
    def spara(cls, instans, kontakt, text, ställningstaganden, grundad_på, rättelse=""):
        """Save the draft as ``kontakt``, based on draft version ``grundad_på`` (0: none yet).
        Raises ``Krock`` when someone saved or submitted meanwhile; nothing is then changed."""
        text, ställningstaganden = cls._rensa(text, ställningstaganden)
        låst = Remissinstans.objects.select_for_update().get(pk=instans.pk)
        # No ordering: the default one joins the instans's nullable nämnd, which FOR UPDATE
        # cannot lock.
        utkast = (
            cls.objects.select_for_update()
            .filter(instans=låst, status=cls.Status.UTKAST)
            .order_by()
            .first()
        )
        if utkast is None:
            if grundad_på:
                senast = cls.inskickade_för(låst).select_related("inskickat_av").last()
                raise Krock(
                    _g(
                        "Svaret är redan inskickat (svar nr %(nr)s, av %(vem)s). Din text "
                        "sparades inte en gång till. Vill ni rätta svaret, ladda om sidan och "
                        "skriv en rättelse."
                    )
                    % {"nr": senast.nummer, "vem": senast.inskickat_av.namn}
                )
            senaste = cls.objects.filter(instans=låst).aggregate(m=models.Max("nummer"))["m"]
            utkast = cls(instans=låst, nummer=(senaste or 0) + 1)
        elif utkast.version != grundad_på:
            raise Krock(
                _g(
                    "%(vem)s sparade svaret (version %(nr)s) medan du skrev. Din text sparades "
                    "inte över deras, men den är kvar i rutan: kopiera det du vill behålla och "
                    "ladda sedan om sidan."
                )
                % {
                    "vem": utkast.ändrad_av.namn if utkast.ändrad_av else _g("Någon"),
                    "nr": utkast.version,
                }
            )
        utkast.text, utkast.ställningstaganden = text, ställningstaganden
        utkast.rättelse = (rättelse or "").strip()
        utkast.version += 1
        utkast.ändrad, utkast.ändrad_av = timezone.now(), kontakt
        utkast.save()
        låst.remiss.logga(
            Remisshändelse.Typ.EXTERNT_UTKAST,
            None,
            _g("Svar %(nr)s, version %(v)s.") % {"nr": utkast.nummer, "v": utkast.version},
            instans=låst,
            kontaktperson=kontakt,
        )
        return utkast

    @classmethod
    @transaction.atomic
    def skicka_in(cls, instans, kontakt, text, ställningstaganden, grundad_på, rättelse=""):
        """Save and submit the answer as ``kontakt``: frozen, its PDF ordered, the instans
        besvarad, the stances delivered, all in one transaction."""
        from yttranden.models.pdfdokument import Pdfdokument

        svar = cls.spara(instans, kontakt, text, ställningstaganden, grundad_på, rättelse)
        fel = {}
        if not text_av(svar.text).strip():
            fel["text"] = _g("Skriv organisationens svar innan du skickar in det.")
        if svar.är_rättelse and not svar.rättelse:
            fel["rattelse"] = _g(
                "Svaret är redan inskickat. En rättelse skickas som ett nytt, numrerat svar och "
                "behöver en beskrivning av vad som rättats."
            )
        fel.update(cls._kontrollera_ställningstaganden(svar))
        if fel:
            raise ValidationError(fel)
        svar.status = cls.Status.INSKICKAT
        svar.inskickat, svar.inskickat_av = timezone.now(), kontakt
        svar.sha256 = svar.innehållets_sha256()
        svar.save()
        from yttranden import stallningstaganden

        stallningstaganden.lämna(svar)
        text = _g("Svar %(nr)s från %(org)s, SHA-256 %(sha)s.") % {
            "nr": svar.nummer,
            "org": svar.organisation.namn,
            "sha": svar.sha256[:16],
        }
        svar.instans.markera_besvarad_externt(kontakt, text)
        Pdfdokument.för_externt_svar(svar)
        from yttranden import uppdrag

        uppdrag.svar_inkommet(svar)  # KS is told as for a nämnd's answer, in this transaction
        return svar

    @classmethod
    def _kontrollera_ställningstaganden(cls, svar):
        from yttranden import stallningstaganden

        return stallningstaganden.saknade(svar)
