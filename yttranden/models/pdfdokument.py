"""The sealed PDFs the system issues: a tjänsteutlåtande once attested, a protokollsutdrag once
the nämnd has decided, KS's sammanställning on request.

One row per document, created in the same transaction as what it records (the attest, the
beslut) or the request; a Celery worker renders and seals it after commit
(``yttranden/tasks/pdf.py``). The row's unique ``nyckel`` names what is rendered and in which
state, so asking twice, or running the task twice, gives one stored document.

The worker claims the row with a conditional UPDATE (väntar → renderas) and acts only when it
changed one row; every later step repeats the claim's token in its UPDATE, so a worker that
lost its claim (see ``LASTID``) cannot overwrite the one that took it over.
"""

import hashlib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from nämnder.permissions import har_roll
from nämnder.roller import Roll

# How long a claimed render may run before another worker (or a person) may take it back: the
# claiming worker is then presumed dead. It must exceed the task's hard time limit
# (yttranden/tasks/pdf.py, TIDSGRÄNS), so that a live worker never loses a claim it is still using.
LASTID = timedelta(minutes=5)
# Who in KS may ask for the sammanställning as a PDF (KS's läsare may read it).
SAMMANSTÄLLNINGENS_BESTÄLLARE = (Roll.REMISSAMORDNARE, Roll.REGISTRATOR)


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

    class Status(models.TextChoices):
        VÄNTAR = "vantar", _("Väntar")
        RENDERAS = "renderas", _("Skapas")
        KLAR = "klar", _("Klar")
        MISSLYCKAD = "misslyckad", _("Misslyckades")

    S = Status
    # Every allowed transition, in one place; ``_övergå`` enforces it in the UPDATE itself.
    ÖVERGÅNGAR = {
        # claimed by a worker; or queued again by a person when its message was lost
        S.VÄNTAR: {S.RENDERAS, S.VÄNTAR},
        # done; failed for good; released for a retry after a transient error, or taken back
        # from a dead worker by a person (→ väntar) or by another worker (→ renderas)
        S.RENDERAS: {S.KLAR, S.MISSLYCKAD, S.VÄNTAR, S.RENDERAS},
        S.MISSLYCKAD: {S.VÄNTAR},  # "Försök igen"
        S.KLAR: set(),  # an issued document is never changed
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
    anspråk = models.UUIDField(null=True, blank=True, editable=False)
    fil = models.FileField(_("fil"), upload_to=pdfens_sökväg, max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True)
    storlek = models.PositiveBigIntegerField(_("storlek i byte"), null=True, blank=True)
    fel = models.TextField(_("fel"), blank=True)
    försök = models.PositiveSmallIntegerField(_("försök"), default=0)
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
            models.CheckConstraint(
                condition=(
                    Q(typ="tjansteutlatande", utlåtande__isnull=False, ärende__isnull=True)
                    | Q(typ="protokollsutdrag", utlåtande__isnull=True, ärende__isnull=False)
                    | Q(typ="sammanstallning", utlåtande__isnull=True, ärende__isnull=True)
                ),
                name="pdf_rätt_objekt_för_typen",
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
        return self.remiss

    @property
    def nämnd(self):
        return self.objekt.nämnd

    @property
    def ansvariga_roller(self):
        """Who may ask for a failed render to be tried again."""
        return {
            self.Typ.TJÄNSTEUTLÅTANDE: (Roll.DIREKTÖR, Roll.HANDLÄGGARE),
            self.Typ.PROTOKOLLSUTDRAG: (Roll.NÄMNDSEKRETERARE,),
            self.Typ.SAMMANSTÄLLNING: SAMMANSTÄLLNINGENS_BESTÄLLARE,
        }[self.typ]

    @property
    def objektets_url(self):
        if self.typ == self.Typ.TJÄNSTEUTLÅTANDE:
            return reverse("yttranden:detalj", args=[self.utlåtande_id])
        if self.typ == self.Typ.PROTOKOLLSUTDRAG:
            return reverse("beslut:ärende", args=[self.ärende_id])
        return reverse("beslut:sammanställning", args=[self.remiss_id])

    @property
    def filnamn(self):
        return f"{self.benämning.replace('/', '-').replace(',', '')}.pdf"

    # --- derived state ------------------------------------------------------------------------

    @property
    def pågår(self):
        return self.status in (self.S.VÄNTAR, self.S.RENDERAS)

    @property
    def fastnad(self):
        """Queued or claimed so long ago that its message or its worker must be lost."""
        return self.pågår and self.status_ändrad < timezone.now() - LASTID

    def kan_försökas_igen(self):
        return self.status == self.S.MISSLYCKAD or self.fastnad

    def får_försöka_igen(self, user):
        return self.kan_försökas_igen() and har_roll(user, self.nämnd, *self.ansvariga_roller)

    # --- ordering a document --------------------------------------------------------------

    @classmethod
    def _beställ(cls, typ, nyckel, **fält):
        """The document with ``nyckel``, created (and queued after commit) if it is new."""
        dokument, skapad = cls.objects.get_or_create(nyckel=nyckel, defaults={"typ": typ, **fält})
        if skapad:
            dokument._köa()
        return dokument

    def _köa(self):
        from yttranden.tasks.pdf import skapa_pdf

        # robust: a broker that is down must not undo the attest or the beslut; the row then
        # waits, and after LASTID the page offers "Försök igen".
        transaction.on_commit(lambda: skapa_pdf.delay(self.pk), robust=True)

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
    def _övergå(cls, pk, till, villkor, **fält):
        från = [s for s, tillåtna in cls.ÖVERGÅNGAR.items() if till in tillåtna]
        return cls.objects.filter(villkor, pk=pk, status__in=från).update(
            status=till, status_ändrad=timezone.now(), **fält
        )

    @classmethod
    def ta(cls, pk):
        """Claim the render: a waiting row, or one claimed more than LASTID ago (its worker
        died). Returns the claim's token, or None when the row is not to be rendered now."""
        gammal = timezone.now() - LASTID
        ledig = Q(status=cls.S.VÄNTAR) | Q(status=cls.S.RENDERAS, status_ändrad__lt=gammal)
        token = uuid.uuid4()
        tagna = cls._övergå(pk, cls.S.RENDERAS, ledig, anspråk=token, försök=F("försök") + 1)
        return token if tagna == 1 else None

    def spara(self, token, pdf):
        """Store the sealed PDF and mark the row klar, if the claim is still ours."""
        lagring = self._meta.get_field("fil").storage
        namn = lagring.save(pdfens_sökväg(self, ""), ContentFile(pdf.innehåll))
        tagna = self._övergå(
            self.pk,
            self.S.KLAR,
            Q(anspråk=token),
            anspråk=None,
            fil=namn,
            sha256=pdf.sha256,
            storlek=len(pdf.innehåll),
            fel="",
            klar=timezone.now(),
        )
        if tagna != 1:
            lagring.delete(namn)  # someone took the claim over and stores their own
        return tagna == 1

    def misslyckas(self, token, fel):
        return self._övergå(self.pk, self.S.MISSLYCKAD, Q(anspråk=token), anspråk=None, fel=fel)

    def släpp(self, token, fel):
        """Give the claim back after a transient error; the task retries later."""
        return self._övergå(self.pk, self.S.VÄNTAR, Q(anspråk=token), anspråk=None, fel=fel)

    def försök_igen(self, av):
        """A person asks again for a failed or lost render. Returns whether it was queued."""
        gammal = timezone.now() - LASTID
        fastnad = Q(status__in=[self.S.VÄNTAR, self.S.RENDERAS], status_ändrad__lt=gammal)
        tagna = self._övergå(
            self.pk, self.S.VÄNTAR, Q(status=self.S.MISSLYCKAD) | fastnad, anspråk=None, fel=""
        )
        if tagna == 1:
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
