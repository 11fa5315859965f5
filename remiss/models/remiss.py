from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, NullIf, StrIndex, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nämnder.diarienummer import Diarienummer, validera_diarienummer
from nämnder.kompilerade import kompilerad
from nämnder.models.valetiketter import Valetiketter
from nämnder.sqlbland import Bland
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

    def med_antal_försenade(self, idag=None):
        """``antal_försenade`` on each remiss, in the same query: for one remiss (its page); a
        page of the overview uses ``med_försenade``, which counts for the rows shown only."""
        from remiss.models.instans import Remissinstans

        return self.annotate(antal_försenade=_per_remiss(Remissinstans.objects.försenade(idag)))

    def med_har_förslag(self):
        """``har_förslag`` on each remiss, in the same query (remiss/models/forslag.py)."""
        from remiss.models.forslag import Förslag

        return self.annotate(har_förslag=Exists(Förslag.objects.filter(remiss=OuterRef("pk"))))

    def räkna_svar(self):
        """Recount the stored answer counters of these remisser from their instanser.

        Called by every instans transition under the remiss's row lock (see
        ``Remissinstans._spara``), by ``Remiss.skicka`` and by the data migration; a recount
        rather than an increment, so a counter can never drift from the rows it counts."""
        from remiss.models.instans import Remissinstans

        def antal(*villkor):
            return _per_remiss(Remissinstans.objects.filter(*villkor))

        return self.update(
            antal_instanser=antal(),
            antal_besvarade=antal(Q(status=Remissinstans.Status.BESVARAD)),
            antal_avstår=antal(Q(status=Remissinstans.Status.AVSTÅR)),
        )


def _per_remiss(instanser):
    """How many of ``instanser`` each remiss has, as a value of a query of remisser."""
    räknade = (
        instanser.filter(remiss=OuterRef("pk"))
        .order_by()
        .values("remiss")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(räknade), 0)


def _dnr_delar():
    """Sort "KS 2023/740" by prefix, year and serial number, so that /1000 comes after /999.
    A diarienummer in another pattern (nämnder.diarienummer: "KS-2014/742.912", "2019/656")
    is not taken apart, only sorted by its text after the others."""
    vanligt = Q(diarienummer__regex=r"^[^ /]+ [0-9]{4}/[0-9]{1,7}$")
    mellanslag = StrIndex("diarienummer", Value(" "))
    snedstreck = StrIndex("diarienummer", Value("/"))
    return [
        Case(When(vanligt, then=Value(0)), default=Value(1)),
        Case(When(vanligt, then=Substr("diarienummer", 1, mellanslag - 1)), default="diarienummer"),
        Case(When(vanligt, then=Substr("diarienummer", mellanslag + 1, 4)), default=Value("")),
        Case(
            When(vanligt, then=Cast(Substr("diarienummer", snedstreck + 1), IntegerField())),
            default=Value(0),
        ),
    ]


def _svarsläge():
    """The share of instanser that are done (answered or declined); NULL for a draft."""
    return Cast(F("antal_besvarade") + F("antal_avstår"), FloatField()) / NullIf(
        F("antal_instanser"), 0
    )


ORDNINGAR = {
    "remissdatum": lambda: [F("remissdatum")],
    "svarsdatum": lambda: [F("sista_svarsdatum")],
    "dnr": _dnr_delar,
    "svarslage": lambda: [_svarsläge()],
}


def ordning(nyckel):
    """The ORDER BY of KS's overview for one sort key ("-dnr" descending), ending in the pk so
    every page is stable. Each has an index below (with and without status in front) that
    returns rows in exactly this order, so a page is an index range, not a sort of every
    remiss; only svarsläge has NULLs (drafts), which sort last either way."""
    fallande = nyckel.startswith("-")
    namn = nyckel.lstrip("-")
    if namn == "svarslage":
        uttryck = [
            _svarsläge().desc(nulls_last=True) if fallande else _svarsläge().asc(nulls_last=True)
        ]
    else:
        uttryck = [u.desc() if fallande else u.asc() for u in ORDNINGAR[namn]()]
    return [*uttryck, F("id").desc() if fallande else F("id").asc()]


def _index():
    """An index per overview order, alone and behind status (the overview's status filter), and
    one on avsändare for the overview's list of senders (remiss/sidor.py, olika_värden_och), and
    one for the overview's count: the nämnd that sent, the status (the overview's filter) and
    the pk (whether a recipient nämnd may see it) are all in it, so the count reads no row."""
    index = [
        models.Index(fields=["avsändare"], name="remiss_avsandare"),
        models.Index(fields=["nämnd", "status", "id"], name="remiss_antal"),
    ]
    for nyckel, kort in [
        ("remissdatum", "rd"),
        ("svarsdatum", "sd"),
        ("dnr", "dnr"),
        ("svarslage", "sl"),
        ("-svarslage", "slf"),
    ]:
        index.append(models.Index(*ordning(nyckel), name=f"remiss_ordning_{kort}"))
        index.append(models.Index(F("status"), *ordning(nyckel), name=f"remiss_status_{kort}"))
    return index


def med_försenade(remisser, idag=None):
    """Set ``antal_försenade`` on each of ``remisser`` (a page already cut): one query for the
    rows shown, since lateness depends on today and is never stored."""
    remisser = list(remisser)
    per_remiss = försenade_per_remiss([r.pk for r in remisser if not r.är_utkast], idag)
    for remiss in remisser:
        remiss.antal_försenade = per_remiss.get(remiss.pk, 0)
    return remisser


def försenade_per_remiss(pks, idag=None):
    """{remiss pk: its late remissinstanser} for the remisser ``pks`` that have any."""
    if not pks:
        return {}
    return dict(_försenade_per_remiss(pks=list(pks), idag=idag or timezone.localdate()))


@kompilerad
def _försenade_per_remiss(pks, idag):
    # Compiled once: built and compiled for each overview page it took longer than it ran.
    from remiss.models.instans import Remissinstans

    return (
        Remissinstans.objects.försenade(idag)
        .filter(Bland("remiss", pks))
        .order_by()
        .values("remiss")
        .annotate(n=Count("pk"))
        .values_list("remiss", "n")
    )


class Remiss(Valetiketter, models.Model):
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
    externa_mottagare = models.ManyToManyField(
        "remiss.Organisation",
        blank=True,
        related_name="+",
        verbose_name=_("externa remissinstanser"),
        help_text=_(
            "Organisationer utanför kommunen; deras kontaktpersoner får en personlig länk."
        ),
    )
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    utskickad = models.DateTimeField(_("utskickad"), null=True, blank=True)
    avslutad = models.DateTimeField(_("avslutad"), null=True, blank=True)
    # Kept current by every instans transition, in its transaction and under this row's lock
    # (RemissQuerySet.räkna_svar), so lists show and sort by svarsläge without counting every
    # remiss's instanser per view. Lateness is not stored: it depends on today.
    antal_instanser = models.PositiveIntegerField(
        _("antal remissinstanser"), default=0, editable=False
    )
    antal_besvarade = models.PositiveIntegerField(_("antal besvarade"), default=0, editable=False)
    antal_avstår = models.PositiveIntegerField(_("antal som avstår"), default=0, editable=False)

    objects = RemissQuerySet.as_manager()

    class Meta:
        verbose_name = _("remiss")
        verbose_name_plural = _("remisser")
        ordering = ["-remissdatum", "-pk"]
        indexes = _index()

    def __str__(self):
        return f"{self.diarienummer} {self.titel}"

    def clean_fields(self, exclude=None):
        """Normalise "ks  2023/740" to "KS 2023/740" and check it against kommunstyrelsen's
        own patterns (nämnder.diarienummer), besides the fields' own validation."""
        exclude, fel = set(exclude or ()), {}
        if self.diarienummer and "diarienummer" not in exclude:
            try:
                self.diarienummer = str(Diarienummer.tolka(self.diarienummer, self._ks()))
            except ValidationError as undantag:
                fel["diarienummer"] = undantag.error_list
                exclude.add("diarienummer")
        try:
            super().clean_fields(exclude)
        except ValidationError as undantag:
            fel = undantag.update_error_dict(fel)
        if fel:
            raise ValidationError(fel)

    def _ks(self):
        return self.nämnd if self.nämnd_id else None

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

    def logga(self, typ, av, text="", instans=None, kontaktperson=None):
        return Remisshändelse.objects.create(
            remiss=self,
            instans=instans,
            typ=typ,
            text=text,
            utförd_av=av,
            kontaktperson=kontaktperson,
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
    def skicka(self, av, dag=None):
        """Send the remiss: one remissinstans per recipient, each with the remiss's deadline;
        each external organisation's contact people get their personal link. Refused once the
        deadline has passed, whoever asks (a page, the API). ``dag`` is the day it is sent:
        today, or for the demo's history the day it is dated."""
        from remiss.models.instans import Remissinstans

        låst = self._lås()
        if låst.status != self.Status.UTKAST:
            raise ValidationError(_("Remissen är redan skickad."), code="redan_skickad")
        if låst.svarsdatum_har_passerat(dag):
            raise ValidationError(
                _(
                    "Sista svarsdatum %(datum)s har redan passerat. Ändra svarsdatum innan du "
                    "skickar remissen."
                ),
                params={"datum": f"{låst.sista_svarsdatum:%Y-%m-%d}"},
                code="svarsdatum_passerat",
            )
        mottagare = list(låst.mottagare.all())
        organisationer = list(låst.externa_mottagare.all())
        if not mottagare and not organisationer:
            raise ValidationError(
                _("Välj minst en remissinstans innan du skickar remissen."), code="inga_mottagare"
            )
        for organisation in organisationer:
            organisation.kräv_kontakt()
        låst.full_clean()
        låst._övergå(self.Status.UTSKICKAD, av)
        låst.utskickad = timezone.now()
        låst.save(update_fields=["status", "utskickad"])
        instanser = Remissinstans.objects.bulk_create(
            Remissinstans(remiss=låst, nämnd=nämnd, svarsdatum=låst.sista_svarsdatum)
            for nämnd in mottagare
        )
        externa = Remissinstans.objects.bulk_create(
            Remissinstans(remiss=låst, organisation=org, svarsdatum=låst.sista_svarsdatum)
            for org in organisationer
        )
        from remiss import uppdrag, webbkrokar

        # In the outbox, in this transaction: a rolled-back send tells no one, a saved one is
        # never forgotten (remiss/utkorg.py).
        uppdrag.remiss_inkommen(instanser)
        for instans in externa:
            låst._skicka_länkar(instans, av)
        webbkrokar.registrera_händelse("remiss.skickad", låst)
        låst.logga(
            Remisshändelse.Typ.SKICKAD,
            av,
            _("Skickad till %(antal)s remissinstanser med svar senast %(datum)s.")
            % {
                "antal": len(instanser) + len(externa),
                "datum": f"{låst.sista_svarsdatum:%Y-%m-%d}",
            },
        )
        type(self).objects.filter(pk=låst.pk).räkna_svar()
        self._indexera(låst, *instanser, *externa)
        self.refresh_from_db()
        return [*instanser, *externa]

    def _skicka_länkar(self, instans, av):
        """A personal link to each active contact person of the instans's organisation."""
        from remiss.models.svarslank import Svarslänk

        for kontakt in instans.organisation.kontaktpersoner.filter(aktiv=True):
            Svarslänk.utfärda(instans, kontakt, av=av)
            self.logga(
                Remisshändelse.Typ.LÄNK_SKICKAD,
                av,
                _("Till %(namn)s, %(epost)s.") % {"namn": kontakt.namn, "epost": kontakt.epost},
                instans=instans,
            )

    @transaction.atomic
    def lägg_till_organisation(self, organisation, av):
        """Add an external organisation to a sent remiss: its instans, with the remiss's
        deadline, and a personal link to each of its contact people."""
        from remiss.models.instans import Remissinstans

        låst = self._lås()
        if låst.status != self.Status.UTSKICKAD:
            raise ValidationError(
                _(
                    "Organisationer läggs till ett utkast genom att ändra remissen; en avslutad "
                    "remiss får inga nya remissinstanser."
                ),
                code="inte_utskickad",
            )
        organisation.kräv_kontakt()
        if låst.instanser.filter(organisation=organisation).exists():
            raise ValidationError(
                _("Organisationen är redan remissinstans för den här remissen."), code="finns"
            )
        instans = Remissinstans.objects.create(
            remiss=låst, organisation=organisation, svarsdatum=låst.sista_svarsdatum
        )
        låst.logga(
            Remisshändelse.Typ.SKICKAD,
            av,
            _("Skickad till %(org)s med svar senast %(datum)s.")
            % {"org": organisation.namn, "datum": f"{låst.sista_svarsdatum:%Y-%m-%d}"},
            instans=instans,
        )
        låst._skicka_länkar(instans, av)
        type(self).objects.filter(pk=låst.pk).räkna_svar()
        self._indexera(instans)
        return instans

    @transaction.atomic
    def avsluta(self, av):
        låst = self._lås()
        låst._övergå(self.Status.AVSLUTAD, av)
        låst.avslutad = timezone.now()
        låst.save(update_fields=["status", "avslutad"])
        låst.logga(Remisshändelse.Typ.AVSLUTAD, av)
        self._indexera(låst)
        from remiss import webbkrokar

        webbkrokar.registrera_händelse("remiss.avslutad", låst)
        self.refresh_from_db()
