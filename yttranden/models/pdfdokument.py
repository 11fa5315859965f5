"""The sealed PDFs the system issues: a tjänsteutlåtande once attested, a protokollsutdrag once
the nämnd has decided, KS's sammanställning on request.

One row per document, created in the same transaction as what it records (the attest, the
beslut) or the request, together with its row in the outbox (remiss/utkorg.py), which renders
and seals it in a worker (``yttranden/pdfuppdrag.py``). The row's unique ``nyckel`` names what is
rendered and in which state, so asking twice gives one document, and the outbox row's key
(``pdf:<pk>``) makes it one piece of work.

The claim, the lease, the retries and the sweep that takes back a dead worker's claim are the
outbox's; this row's status is what the pages show (väntar, skapas, klar, misslyckad). The
worker stores the file, then marks the row klar only while the outbox claim is still its own
(``spara``), so a worker that lost its claim cannot overwrite the one that took it over.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from nämnder.permissions import får

# Who in KS may ask for the sammanställning as a PDF (KS's läsare may read it).


def pdfens_sökväg(dokument, filnamn):
    # A random name under MEDIA_ROOT, which no URL serves: only the permission-checked view.
    return f"pdf/{uuid.uuid4().hex}.pdf"


class PdfdokumentQuerySet(models.QuerySet):
    def klara(self):
        return self.filter(status=Pdfdokument.Status.KLAR)

    def senaste(self):
        return self.order_by("-version", "-pk").first()


class Pdfdokument(models.Model):
    class Typ(models.TextChoices):
        TJÄNSTEUTLÅTANDE = "tjansteutlatande", _("Tjänsteutlåtande")
        PROTOKOLLSUTDRAG = "protokollsutdrag", _("Protokollsutdrag")
        SAMMANSTÄLLNING = "sammanstallning", _("Sammanställning")
        EXTERNT_SVAR = "externt_svar", _("Externt remissvar")

    class Status(models.TextChoices):
        VÄNTAR = "vantar", _("Väntar")
        RENDERAS = "renderas", _("Skapas")
        KLAR = "klar", _("Klar")
        MISSLYCKAD = "misslyckad", _("Misslyckades")

    S = Status
    # Every allowed transition, in one place; ``_övergå`` enforces it in the UPDATE itself.
    ÖVERGÅNGAR = {
        S.VÄNTAR: {S.RENDERAS, S.MISSLYCKAD},  # a worker starts; or it fails before it could
        # done; failed for good; or started again by the worker that took over a dead one's claim
        S.RENDERAS: {S.KLAR, S.MISSLYCKAD, S.RENDERAS},
        S.MISSLYCKAD: {S.VÄNTAR},  # "Försök igen"
        # An issued document is never changed, except when its file is lost or altered
        # (kontrollera_arkiv --laga): the same frozen content is rendered and sealed again.
        S.KLAR: {S.VÄNTAR},
    }

    typ = models.CharField(_("typ"), max_length=20, choices=Typ.choices)
    nyckel = models.CharField(
        _("nyckel"),
        max_length=120,
        unique=True,
        help_text=_("Vad som återges och i vilket tillstånd: en handling per nyckel."),
    )
    benämning = models.CharField(_("benämning"), max_length=300)
    version = models.PositiveIntegerField(_("version"))
    utlåtande = models.ForeignKey(
        "yttranden.Tjänsteutlåtande",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pdfdokument",
        verbose_name=_("tjänsteutlåtande"),
    )
    ärende = models.ForeignKey(
        "yttranden.Ärende",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pdfdokument",
        verbose_name=_("ärende"),
    )
    externt_svar = models.ForeignKey(
        "yttranden.ExterntSvar",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pdfdokument",
        verbose_name=_("externt remissvar"),
    )
    remiss = models.ForeignKey(
        "remiss.Remiss",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("remiss"),
    )
    # A protokollsutdrag's or sammanställning's content as it was when asked for: the worker
    # renders exactly this, and ``nyckel`` holds its SHA-256.
    innehåll = models.TextField(_("innehåll (HTML)"), blank=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=S.VÄNTAR)
    status_ändrad = models.DateTimeField(_("status ändrad"), default=timezone.now)
    fil = models.FileField(_("fil"), upload_to=pdfens_sökväg, max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True)
    storlek = models.PositiveBigIntegerField(_("storlek i byte"), null=True, blank=True)
    fel = models.TextField(_("fel"), blank=True)
    beställd_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beställd av"),
    )
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    klar = models.DateTimeField(_("klar"), null=True, blank=True)

    objects = PdfdokumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("PDF-handling")
        verbose_name_plural = _("PDF-handlingar")
        ordering = ["-skapad", "-pk"]
        constraints = [
            models.UniqueConstraint(
                "utlåtande",
                condition=Q(typ="tjansteutlatande"),
                name="en_pdf_per_utlåtande",
            ),
            models.UniqueConstraint(
                "ärende",
                "version",
                condition=Q(typ="protokollsutdrag"),
                name="en_protokollsutdragsversion",
            ),
            models.UniqueConstraint(
                "remiss",
                "version",
                condition=Q(typ="sammanstallning"),
                name="en_sammanställningsversion",
            ),
            models.UniqueConstraint(
                "externt_svar", condition=Q(typ="externt_svar"), name="en_pdf_per_externt_svar"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        typ="tjansteutlatande",
                        utlåtande__isnull=False,
                        ärende__isnull=True,
                        externt_svar__isnull=True,
                    )
                    | Q(
                        typ="protokollsutdrag",
                        utlåtande__isnull=True,
                        ärende__isnull=False,
                        externt_svar__isnull=True,
                    )
                    | Q(
                        typ="sammanstallning",
                        utlåtande__isnull=True,
                        ärende__isnull=True,
                        externt_svar__isnull=True,
                    )
                    | Q(
                        typ="externt_svar",
                        utlåtande__isnull=True,
                        ärende__isnull=True,
                        externt_svar__isnull=False,
                    )
                ),
                name="pdf_rätt_objekt_för_typen_med_externa",
            ),
            models.CheckConstraint(
                condition=~Q(status="klar") | ~Q(sha256=""),
                name="klar_pdf_har_sha256",
            ),
        ]
        indexes = [models.Index(fields=["status", "status_ändrad"])]

    def __str__(self):
        return self.benämning

    # --- who may see it: the gateway asks the object it renders ---------------------------

    @property
    def objekt(self):
        if self.typ == self.Typ.TJÄNSTEUTLÅTANDE:
            return self.utlåtande
        if self.typ == self.Typ.PROTOKOLLSUTDRAG:
            return self.ärende
        if self.typ == self.Typ.EXTERNT_SVAR:
            return self.externt_svar
        return self.remiss

    @property
    def nämnd(self):
        # An external answer is kept by kommunstyrelsen, which received it.
        if self.typ == self.Typ.EXTERNT_SVAR:
            return self.remiss.nämnd
        return self.objekt.nämnd

    @property
    def objektets_url(self):
        if self.typ == self.Typ.TJÄNSTEUTLÅTANDE:
            return reverse("yttranden:detalj", args=[self.utlåtande_id])
        if self.typ == self.Typ.PROTOKOLLSUTDRAG:
            return reverse("beslut:ärende", args=[self.ärende_id])
        if self.typ == self.Typ.EXTERNT_SVAR:
            return reverse("instanser:detalj", args=[self.externt_svar.instans_id])
        return reverse("beslut:sammanställning", args=[self.remiss_id])

    @property
    def filnamn(self):
        return f"{self.benämning.replace('/', '-').replace(',', '')}.pdf"

    # --- derived state ------------------------------------------------------------------------

    @property
    def pågår(self):
        return self.status in (self.S.VÄNTAR, self.S.RENDERAS)

    @property
    def utkorgsnyckel(self):
        return f"pdf:{self.pk}"

    @property
    def post(self):
        """Its row in the outbox: the work of rendering it."""
        from remiss.models import Utkorgspost

        return Utkorgspost.objects.filter(nyckel=self.utkorgsnyckel).first()

    @property
    def försök(self):
        post = self.post
        return post.försök if post else 0

    def kan_försökas_igen(self):
        return self.status == self.S.MISSLYCKAD

    def får_försöka_igen(self, user):
        """A failed one, by those responsible for what it renders (yttranden/atkomst.py)."""
        return self.kan_försökas_igen() and får(user, self, "försöka_igen")

    # --- ordering a document --------------------------------------------------------------

    @classmethod
    def _beställ(cls, typ, nyckel, **fält):
        """The document with ``nyckel``, created (and queued after commit) if it is new."""
        dokument, skapad = cls.objects.get_or_create(nyckel=nyckel, defaults={"typ": typ, **fält})
        if skapad:
            dokument._köa()
        return dokument

    def _köa(self):
        from remiss import utkorg

        # In the outbox, in this transaction: a broker that is down neither undoes the attest
        # nor loses the PDF; the sweep publishes the work once the broker is back.
        utkorg.lägg(
            "pdf.skapa",
            nyckel=self.utkorgsnyckel,
            gäller=self,
            beskrivning=self.benämning,
            dokument=self.pk,
        )

    @classmethod
    def för_utlåtande(cls, utlåtande):
        """The attested utlåtande's PDF (called by ``Tjänsteutlåtande.attestera``)."""
        from yttranden.models.utlatande import Tjänsteutlåtande

        if utlåtande.status != Tjänsteutlåtande.Status.ATTESTERAD:
            raise ValidationError(
                _("Bara ett attesterat tjänsteutlåtande kan bli en PDF."), code="ej_attesterat"
            )
        instans = utlåtande.instans
        return cls._beställ(
            cls.Typ.TJÄNSTEUTLÅTANDE,
            f"tjansteutlatande:{utlåtande.pk}:v{utlåtande.version}",
            utlåtande=utlåtande,
            remiss_id=instans.remiss_id,
            version=utlåtande.version,
            benämning=_g("Tjänsteutlåtande %(dnr)s, version %(v)s")
            % {"dnr": instans.diarienummer or instans.remiss.diarienummer, "v": utlåtande.version},
        )

    @classmethod
    def för_protokollsutdrag(cls, ärende):
        """The protokollsutdrag as the beslut and its uttalanden stand now (called when the
        beslut is recorded and when an uttalande is added; the caller holds the lock)."""
        from yttranden import pdfinnehall

        innehåll = pdfinnehall.protokollsutdrag(ärende)
        befintligt = ärende.pdfdokument.filter(typ=cls.Typ.PROTOKOLLSUTDRAG)
        version = (befintligt.aggregate(m=models.Max("version"))["m"] or 0) + 1
        instans = ärende.utlåtande.instans
        return cls._beställ(
            cls.Typ.PROTOKOLLSUTDRAG,
            f"protokollsutdrag:{ärende.pk}:{_sha256(innehåll)}",
            ärende=ärende,
            remiss_id=instans.remiss_id,
            version=version,
            innehåll=innehåll,
            benämning=_g("Protokollsutdrag %(nämnd)s %(datum)s, ärende %(nr)s, version %(v)s")
            % {
                "nämnd": ärende.nämnd.namn,
                "datum": f"{ärende.sammanträde.datum:%Y-%m-%d}",
                "nr": ärende.nummer,
                "v": version,
            },
        )

    @classmethod
    @transaction.atomic
    def för_sammanställning(cls, remiss, av):
        """KS's sammanställning as the answers stand now: the same document when nothing has
        changed since the last request, a new version when something has."""
        from remiss.models import Remiss
        from yttranden import pdfinnehall

        låst = Remiss.objects.select_for_update().get(pk=remiss.pk)
        innehåll = pdfinnehall.sammanställning(låst)
        nyckel = f"sammanstallning:{låst.pk}:{_sha256(innehåll)}"
        if befintligt := cls.objects.filter(nyckel=nyckel).first():
            return befintligt, False
        befintliga = cls.objects.filter(typ=cls.Typ.SAMMANSTÄLLNING, remiss=låst)
        version = (befintliga.aggregate(m=models.Max("version"))["m"] or 0) + 1
        return cls._beställ(
            cls.Typ.SAMMANSTÄLLNING,
            nyckel,
            remiss=låst,
            version=version,
            innehåll=innehåll,
            beställd_av=av,
            benämning=_g("Sammanställning av remissvar %(dnr)s, version %(v)s")
            % {"dnr": låst.diarienummer, "v": version},
        ), True

    @classmethod
    def för_externt_svar(cls, svar):
        """The submitted external answer as a sealed PDF (called by ``ExterntSvar.skicka_in``,
        in its transaction); its content is rendered now, from the frozen answer."""
        from yttranden import pdfinnehall

        instans = svar.instans
        return cls._beställ(
            cls.Typ.EXTERNT_SVAR,
            f"externt_svar:{svar.pk}:{svar.sha256}",
            externt_svar=svar,
            remiss_id=instans.remiss_id,
            version=svar.nummer,
            innehåll=pdfinnehall.externt_svar(svar),
            benämning=_g("Remissvar %(dnr)s från %(org)s, svar %(nr)s")
            % {
                "dnr": instans.remiss.diarienummer,
                "org": instans.organisation.namn,
                "nr": svar.nummer,
            },
        )

    @classmethod
    def svarspaket(cls, instans):
        """The PDFs of the answer last sent to KS, utlåtande first: ``(klara, saknas)``, where
        ``saknas`` says in Swedish which are not ready."""
        from yttranden.models.beslut import Svar

        svar = (
            Svar.objects.filter(instans=instans)
            .select_related("beslut__ärende")
            .order_by("-nummer")
            .first()
        )
        if svar is None:
            return [], [_g("Inget svar är skickat.")]
        ärende = svar.beslut.ärende
        delar = [
            (
                _g("tjänsteutlåtandet"),
                cls.objects.filter(
                    typ=cls.Typ.TJÄNSTEUTLÅTANDE, utlåtande_id=ärende.utlåtande_id
                ).first(),
            ),
            (
                _g("protokollsutdraget"),
                cls.objects.filter(typ=cls.Typ.PROTOKOLLSUTDRAG, ärende=ärende).senaste(),
            ),
        ]
        saknas = [
            _g("PDF:en av %(vad)s är inte klar (%(läge)s).")
            % {"vad": vad, "läge": d.get_status_display().lower() if d else _g("saknas")}
            for vad, d in delar
            if d is None or d.status != cls.S.KLAR
        ]
        return [d for _vad, d in delar if d is not None], saknas

    # --- the worker's transitions (conditional UPDATEs; see the module docstring) ----------

    @classmethod
    def _övergå(cls, pk, till, från=None, **fält):
        tillåtna_från = [s for s, tillåtna in cls.ÖVERGÅNGAR.items() if till in tillåtna]
        från = [s for s in tillåtna_från if från is None or s == från]
        return cls.objects.filter(pk=pk, status__in=från).update(
            status=till, status_ändrad=timezone.now(), **fält
        )

    def påbörja(self):
        return self._övergå(self.pk, self.S.RENDERAS) == 1

    def spara(self, post, pdf):
        """Store the sealed PDF and mark the row klar, if the outbox claim ``post`` is still
        ours (held locked while the row changes). Returns whether it was stored."""
        from remiss.models import Utkorgspost

        lagring = self._meta.get_field("fil").storage
        namn = lagring.save(pdfens_sökväg(self, ""), ContentFile(pdf.innehåll))
        with transaction.atomic():
            vår = (
                Utkorgspost.objects.select_for_update()
                .filter(pk=post.pk, anspråk=post.anspråk, status=Utkorgspost.S.PÅGÅR)
                .exists()
            )
            tagna = vår and self._övergå(
                self.pk,
                self.S.KLAR,
                fil=namn,
                sha256=pdf.sha256,
                storlek=len(pdf.innehåll),
                fel="",
                klar=timezone.now(),
            )
        if tagna != 1:
            lagring.delete(namn)  # someone took the claim over and stores their own
        return tagna == 1

    def misslyckas(self, fel):
        return self._övergå(self.pk, self.S.MISSLYCKAD, fel=fel)

    def gör_om_förlorad(self):
        """Render again a document whose stored file is lost or altered (yttranden/arkiv.py)."""
        from remiss import utkorg
        from remiss.models import Utkorgspost

        with transaction.atomic():
            self._övergå(
                self.pk, self.S.VÄNTAR, från=self.S.KLAR, fil="", sha256="", storlek=None, klar=None
            )
            post = Utkorgspost.objects.filter(nyckel=self.utkorgsnyckel)
            if post.exists():
                utkorg.gör_om(post, "Filen saknades eller var ändrad.")
            else:
                self._köa()

    def försök_igen(self, av):
        """A person asks again for a failed render. Returns whether it was queued."""
        from remiss import utkorg
        from remiss.models import Utkorgspost

        with transaction.atomic():
            tagna = self._övergå(self.pk, self.S.VÄNTAR, från=self.S.MISSLYCKAD, fel="")
            if tagna == 1:
                post = Utkorgspost.objects.filter(nyckel=self.utkorgsnyckel)
                if post.exists():
                    utkorg.försök_igen(post)
                else:
                    self._köa()
        self.refresh_from_db()
        return tagna == 1

    @classmethod
    def med_sha256(cls, sha256):
        """The stored document with this SHA-256, for verification (``verifiera``)."""
        return (
            cls.objects.klara()
            .filter(sha256=sha256)
            .select_related("utlåtande", "ärende__sammanträde__nämnd", "remiss")
            .first()
        )


def _sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
