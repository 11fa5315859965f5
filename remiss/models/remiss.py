import contextlib
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nämnder.diarienummer import Diarienummer, validera_diarienummer
from remiss.models.handelse import Remisshändelse

# A remisstid longer than this is a typing error (9999-12-31), not a plan.
LÄNGSTA_REMISSTID_ÅR = 10


def _plus_år(dag, år):
    try:
        return dag.replace(year=dag.year + år)
    except ValueError:  # 29 February, or past year 9999
        return dag.replace(year=min(dag.year + år, 9999), day=min(dag.day, 28))


class RemissQuerySet(models.QuerySet):
    def öppna(self):
        return self.filter(status=Remiss.Status.UTSKICKAD)

    def med_svarsläge(self, idag=None):
        """Annotate how many instanser there are, have answered, declined and are late.

        Each count is a correlated subquery rather than a join with GROUP BY: sorted by a
        plain column and cut to a page of 50, PostgreSQL counts for those 50 rows only instead
        of joining and grouping every remiss's instanser first."""
        from remiss.models.instans import Remissinstans

        idag = idag or timezone.localdate()
        klara = [Remissinstans.Status.BESVARAD, Remissinstans.Status.AVSTÅR]

        def antal(*villkor):
            instanser = Remissinstans.objects.filter(remiss=OuterRef("pk")).filter(*villkor)
            räknade = instanser.order_by().values("remiss").annotate(n=Count("pk")).values("n")
            return Coalesce(Subquery(räknade), 0)

        return self.annotate(
            antal_instanser=antal(),
            antal_besvarade=antal(Q(status=Remissinstans.Status.BESVARAD)),
            antal_avstår=antal(Q(status=Remissinstans.Status.AVSTÅR)),
            antal_försenade=antal(Q(svarsdatum__lt=idag) & ~Q(status__in=klara)),
        )


class Remiss(models.Model):
    """A referral sent by kommunstyrelsen to many remissinstanser with one deadline."""

    class Status(models.TextChoices):
        UTKAST = "utkast", _("Utkast")
        UTSKICKAD = "utskickad", _("Utskickad")
        AVSLUTAD = "avslutad", _("Avslutad")

    ÖVERGÅNGAR = {
        Status.UTKAST: {Status.UTSKICKAD},
        Status.UTSKICKAD: {Status.AVSLUTAD},
        Status.AVSLUTAD: set(),
    }

    nämnd = models.ForeignKey(
        "nämnder.Nämnd",
        on_delete=models.PROTECT,
        related_name="skickade_remisser",
        verbose_name=_("avsändande nämnd"),
        help_text=_("Kommunstyrelsen, vars roller styr vem som får ändra remissen."),
    )
    diarienummer = models.CharField(
        _("diarienummer"),
        max_length=40,
        unique=True,
        validators=[validera_diarienummer],
        help_text=_("Kommunstyrelsens diarienummer, till exempel KS 2023/740."),
        error_messages={"unique": _("Det finns redan en remiss med det diarienumret.")},
    )
    titel = models.CharField(_("titel"), max_length=300)
    beskrivning = models.TextField(_("beskrivning"), blank=True)
    avsändare = models.CharField(
        _("rotel eller avsändare"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel Rotel I eller Stadsledningskontoret."),
    )
    kontaktperson = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kontaktperson"),
    )
    remissdatum = models.DateField(_("remissdatum"))
    sista_svarsdatum = models.DateField(_("sista svarsdatum"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UTKAST
    )
    mottagare = models.ManyToManyField(
        "nämnder.Nämnd",
        blank=True,
        related_name="+",
        verbose_name=_("remissinstanser"),
        help_text=_("De nämnder och bolag som remissen skickas till."),
    )
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    utskickad = models.DateTimeField(_("utskickad"), null=True, blank=True)
    avslutad = models.DateTimeField(_("avslutad"), null=True, blank=True)

    objects = RemissQuerySet.as_manager()

    class Meta:
        verbose_name = _("remiss")
        verbose_name_plural = _("remisser")
        ordering = ["-remissdatum", "-pk"]
        indexes = [models.Index(fields=["status", "sista_svarsdatum"])]

    def __str__(self):
        return f"{self.diarienummer} {self.titel}"

    def clean_fields(self, exclude=None):
        # Normalise "ks  2023/740" to "KS 2023/740"; a malformed one is left for the validator.
        with contextlib.suppress(ValidationError):
            self.diarienummer = str(Diarienummer.tolka(self.diarienummer))
        super().clean_fields(exclude)

    def clean(self):
        if self.remissdatum and self.sista_svarsdatum and self.sista_svarsdatum < self.remissdatum:
            raise ValidationError(
                {"sista_svarsdatum": _("Sista svarsdatum kan inte vara före remissdatum.")}
            )
        längst = self.remissdatum and _plus_år(self.remissdatum, LÄNGSTA_REMISSTID_ÅR)
        if längst and self.sista_svarsdatum and self.sista_svarsdatum > längst:
            text = _(
                "Sista svarsdatum kan inte ligga mer än %(år)s år efter remissdatum. "
                "Kontrollera årtalet."
            )
            raise ValidationError({"sista_svarsdatum": text % {"år": LÄNGSTA_REMISSTID_ÅR}})

    def svarsdatum_har_passerat(self, idag=None):
        return self.sista_svarsdatum < (idag or timezone.localdate())

    @property
    def är_utkast(self):
        return self.status == self.Status.UTKAST

    def logga(self, typ, av, text="", instans=None):
        return Remisshändelse.objects.create(
            remiss=self, instans=instans, typ=typ, text=text, utförd_av=av
        )

    def _övergå(self, ny, av):
        if ny not in self.ÖVERGÅNGAR[self.Status(self.status)]:
            raise ValidationError(
                _("En remiss med status %(från)s kan inte bli %(till)s."),
                params={"från": self.get_status_display(), "till": self.Status(ny).label},
                code="otillåten_övergång",
            )
        self.status = ny

    def _lås(self):
        return type(self).objects.select_for_update().get(pk=self.pk)

    @transaction.atomic
    def spara_utkast(self, av, ny, ändrat=""):
        """Save a new or edited draft and record it; once sent, a remiss cannot be edited."""
        if not ny and self._lås().status != self.Status.UTKAST:
            raise ValidationError(
                _("Remissen är redan skickad och kan inte ändras."), code="inte_utkast"
            )
        if ny:
            self.skapad_av = av
        self.save()
        if ny:
            self.logga(Remisshändelse.Typ.SKAPAD, av, f"{self.diarienummer} {self.titel}")
        else:
            text = _("Ändrade: %(fält)s.") % {"fält": ändrat} if ändrat else ""
            self.logga(Remisshändelse.Typ.ÄNDRAD, av, text)
        self._indexera(self)

    @staticmethod
    def _indexera(*objekt):
        # Kept current in the same transaction, so search never shows a state that rolled back.
        from remiss.sok.index import Indexerare

        Indexerare().skriv(objekt)

    @transaction.atomic
    def bifoga(self, fil, innehållstyp, av):
        """Attach a checked file (see remiss/uploads.py). A sent remiss may still get a
        supplement; what the recipients have already seen is never removed."""
        from remiss.models.handling import Handling
        from remiss.uploads import sha256

        låst = self._lås()
        if låst.status == self.Status.AVSLUTAD:
            raise ValidationError(
                _("Remissen är avslutad och kan inte få fler handlingar."), code="avslutad"
            )
        namn = PurePath(fil.name).name[:255]
        handling = Handling(
            remiss=låst,
            filnamn=namn,
            innehållstyp=innehållstyp,
            storlek=fil.size,
            sha256=sha256(fil),
            uppladdad_av=av,
        )
        handling.fil.save(namn, fil, save=False)
        # The file is on disk before the row: if the row cannot be saved, remove the file too.
        try:
            handling.save()
            text = namn if låst.är_utkast else _("%(namn)s (efter utskick)") % {"namn": namn}
            låst.logga(Remisshändelse.Typ.HANDLING_TILLAGD, av, text)
        except Exception:
            handling.fil.delete(save=False)
            raise
        return handling

    @transaction.atomic
    def ta_bort_handling(self, handling, av):
        låst = self._lås()
        if låst.status != self.Status.UTKAST:
            raise ValidationError(
                _("Handlingar kan bara tas bort medan remissen är ett utkast."), code="inte_utkast"
            )
        lagring, sökväg, namn = handling.fil.storage, handling.fil.name, handling.filnamn
        handling.delete()
        låst.logga(Remisshändelse.Typ.HANDLING_BORTTAGEN, av, namn)
        # The file goes only once the row is surely gone.
        transaction.on_commit(lambda: lagring.delete(sökväg))

    @transaction.atomic
    def skicka(self, av):
        """Send the remiss: one remissinstans per recipient, each with the remiss's deadline."""
        from remiss.models.instans import Remissinstans

        låst = self._lås()
        if låst.status != self.Status.UTKAST:
            raise ValidationError(_("Remissen är redan skickad."), code="redan_skickad")
        mottagare = list(låst.mottagare.all())
        if not mottagare:
            raise ValidationError(
                _("Välj minst en remissinstans innan du skickar remissen."), code="inga_mottagare"
            )
        låst.full_clean()
        låst._övergå(self.Status.UTSKICKAD, av)
        låst.utskickad = timezone.now()
        låst.save(update_fields=["status", "utskickad"])
        instanser = Remissinstans.objects.bulk_create(
            Remissinstans(remiss=låst, nämnd=nämnd, svarsdatum=låst.sista_svarsdatum)
            for nämnd in mottagare
        )
        from remiss import uppdrag

        # In the outbox, in this transaction: a rolled-back send tells no one, a saved one is
        # never forgotten (remiss/utkorg.py).
        uppdrag.remiss_inkommen(instanser)
        låst.logga(
            Remisshändelse.Typ.SKICKAD,
            av,
            _("Skickad till %(antal)s remissinstanser med svar senast %(datum)s.")
            % {"antal": len(instanser), "datum": f"{låst.sista_svarsdatum:%Y-%m-%d}"},
        )
        self._indexera(låst, *instanser)
        self.refresh_from_db()
        return instanser

    @transaction.atomic
    def avsluta(self, av):
        låst = self._lås()
        låst._övergå(self.Status.AVSLUTAD, av)
        låst.avslutad = timezone.now()
        låst.save(update_fields=["status", "avslutad"])
        låst.logga(Remisshändelse.Typ.AVSLUTAD, av)
        self._indexera(låst)
        self.refresh_from_db()
