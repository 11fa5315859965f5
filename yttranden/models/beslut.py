"""The nämnd's decision on an attested tjänsteutlåtande: the agenda item (ärende), the beslut,
the parties' särskilda uttalanden and reservationer, and each submission of the answer to KS."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nämnder.models import Parti
from nämnder.models.valetiketter import Valetiketter
from remiss.models import Remissinstans
from remiss.sok.index import Indexerare, indexera
from remiss.webbkrokar import registrera_händelse
from yttranden.models.granskning import Attest
from yttranden.models.historik import Utlåtandehändelse as Händelse
from yttranden.models.pdfdokument import Pdfdokument


class Ärende(models.Model):
    """One item of a meeting's agenda (föredragningslista): "Ärende 10"."""

    sammanträde = models.ForeignKey(
        "nämnder.Sammanträde",
        on_delete=models.PROTECT,
        related_name="ärenden",
        verbose_name=_("sammanträde"),
    )
    nummer = models.PositiveSmallIntegerField(_("ärendenummer"))
    utlåtande = models.OneToOneField(
        "yttranden.Tjänsteutlåtande",
        on_delete=models.PROTECT,
        related_name="ärende",
        verbose_name=_("tjänsteutlåtande"),
    )
    lagt_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    lagt = models.DateTimeField(_("lagt på föredragningslistan"), auto_now_add=True)

    class Meta:
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        ordering = ["sammanträde__datum", "nummer"]
        constraints = [
            models.UniqueConstraint(
                "sammanträde",
                "nummer",
                name="ett_ärendenummer_per_sammanträde",
                violation_error_message=_("Sammanträdet har redan ett ärende med det numret."),
            )
        ]

    def __str__(self):
        return _("Ärende %(nr)s") % {"nr": self.nummer}

    @property
    def nämnd(self):
        return self.sammanträde.nämnd

    @classmethod
    def nästa_nummer(cls, sammanträde):
        return (sammanträde.ärenden.aggregate(m=Max("nummer"))["m"] or 0) + 1

    @classmethod
    @transaction.atomic
    def lägg_på_dagordning(cls, utlåtande, sammanträde, nummer, av):
        from yttranden.models.utlatande import Tjänsteutlåtande

        låst = Tjänsteutlåtande.objects.select_for_update().get(pk=utlåtande.pk)
        if låst.status != Tjänsteutlåtande.Status.ATTESTERAD:
            raise ValidationError(
                _("Bara ett attesterat tjänsteutlåtande kan läggas på ett sammanträde."),
                code="ej_attesterat",
            )
        if sammanträde.nämnd_id != låst.instans.nämnd_id:
            raise ValidationError(_("Sammanträdet hör till en annan nämnd."), code="annan_nämnd")
        if cls.objects.filter(utlåtande=låst).exists():
            raise ValidationError(
                _("Tjänsteutlåtandet ligger redan på ett sammanträde."), code="redan"
            )
        attest = låst.attester.gällande().filter(typ=Attest.Typ.ATTEST).order_by("-datum").first()
        if attest and sammanträde.datum < attest.datum:
            raise ValidationError(
                _("Sammanträdet %(möte)s är före attesten %(attest)s."),
                params={
                    "möte": f"{sammanträde.datum:%Y-%m-%d}",
                    "attest": f"{attest.datum:%Y-%m-%d}",
                },
                code="före_attest",
            )
        ärende = cls(sammanträde=sammanträde, nummer=nummer, utlåtande=låst, lagt_av=av)
        ärende.validate_constraints()
        ärende.save()
        Händelse.objects.create(
            utlåtande=låst,
            typ=Händelse.Typ.PÅ_SAMMANTRÄDE,
            text=f"{sammanträde}, {ärende}",
            utförd_av=av,
        )
        return ärende


class Beslut(models.Model):
    """What the nämnd decided on an ärende. Recorded once; a correction is a new submission."""

    ärende = models.OneToOneField(
        Ärende, on_delete=models.PROTECT, related_name="beslut", verbose_name=_("ärende")
    )
    text = models.TextField(_("beslut"))
    paragraf = models.PositiveSmallIntegerField(
        _("paragraf"),
        null=True,
        blank=True,
        help_text=_("Paragrafen i protokollet (§), löpande över nämndens år."),
    )
    justeras_omedelbart = models.BooleanField(_("beslutet justeras omedelbart"), default=False)
    justeringsdatum = models.DateField(_("justeringsdatum"), null=True, blank=True)
    registrerat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registrerat = models.DateTimeField(_("registrerat"), auto_now_add=True)

    class Meta:
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")

    def __str__(self):
        return f"{self.ärende.sammanträde.nämnd} {self.datum:%Y-%m-%d}, {self.ärende}"

    @property
    def datum(self):
        return self.ärende.sammanträde.datum

    @property
    def nämnd(self):
        return self.ärende.nämnd

    @classmethod
    def nästa_paragraf(cls, sammanträde):
        """The next § in the nämnd's protocols of the meeting's year."""
        högsta = cls.objects.filter(
            ärende__sammanträde__nämnd_id=sammanträde.nämnd_id,
            ärende__sammanträde__datum__year=sammanträde.datum.year,
        ).aggregate(m=Max("paragraf"))["m"]
        return (högsta or 0) + 1

    @classmethod
    @transaction.atomic
    def registrera(
        cls, ärende, text, av, justeras_omedelbart=False, justeringsdatum=None, paragraf=None
    ):
        låst = Ärende.objects.select_for_update().select_related("sammanträde").get(pk=ärende.pk)
        if hasattr(låst, "beslut"):
            raise ValidationError(_("Beslutet i ärendet är redan registrerat."), code="redan")
        möte = låst.sammanträde
        if not möte.har_ägt_rum():
            raise ValidationError(
                _(
                    "Sammanträdet den %(datum)s har inte ägt rum än. Beslutet registreras efter "
                    "sammanträdet, när nämnden har beslutat."
                ),
                params={"datum": f"{möte.datum:%Y-%m-%d}"},
                code="före_sammanträdet",
            )
        fel = {}
        if not (text or "").strip():
            fel["text"] = _("Skriv nämndens beslut.")
        if not justeras_omedelbart and justeringsdatum is None:
            fel["justeringsdatum"] = _(
                "Ange justeringsdatum, eller kryssa i att beslutet justeras omedelbart."
            )
        if justeringsdatum and justeringsdatum < låst.sammanträde.datum:
            fel["justeringsdatum"] = _("Protokollet kan inte justeras före sammanträdet.")
        if fel:
            raise ValidationError(fel)
        beslut = cls.objects.create(
            ärende=låst,
            text=text.strip(),
            paragraf=paragraf,
            justeras_omedelbart=justeras_omedelbart,
            justeringsdatum=None if justeras_omedelbart else justeringsdatum,
            registrerat_av=av,
        )
        Händelse.objects.create(
            utlåtande=låst.utlåtande, typ=Händelse.Typ.BESLUT, text=beslut.text, utförd_av=av
        )
        instans = låst.utlåtande.instans
        # An answer recorded before the system existed (demo, import) is already past this step.
        if instans.status == Remissinstans.Status.ATTESTERAD:
            instans.markera_beslutad(av)
        indexera(beslut)
        Pdfdokument.för_protokollsutdrag(låst)  # rendered by a worker after commit
        registrera_händelse("beslut.fattat", beslut)
        return beslut

    def är_justerat(self, idag=None):
        """Declared justerat at the meeting, or the protocol's justering day has come."""
        if self.justeras_omedelbart:
            return True
        idag = idag or timezone.localdate()
        return self.justeringsdatum is not None and self.justeringsdatum <= idag

    def kräv_justerat(self):
        if not self.är_justerat():
            raise ValidationError(
                _(
                    "Beslutet är inte justerat än: protokollet justeras %(datum)s. Svaret kan "
                    "skickas till kommunstyrelsen när protokollet är justerat, eller direkt om "
                    "nämnden förklarade beslutet omedelbart justerat."
                ),
                params={"datum": f"{self.justeringsdatum:%Y-%m-%d}"},
                code="ej_justerat",
            )


class Uttalande(Valetiketter, models.Model):
    """A särskilt uttalande or a reservation by one or more parties, attached to a beslut."""

    class Typ(models.TextChoices):
        SÄRSKILT_UTTALANDE = "sarskilt_uttalande", _("Särskilt uttalande")
        RESERVATION = "reservation", _("Reservation")

    beslut = models.ForeignKey(
        Beslut, on_delete=models.PROTECT, related_name="uttalanden", verbose_name=_("beslut")
    )
    typ = models.CharField(_("typ"), max_length=30, choices=Typ.choices)
    # The parties' abbreviations (nämnder.Parti) as they stood when it was recorded.
    partier = models.JSONField(_("partier"), default=list)
    ledamöter = models.TextField(
        _("ledamöter"), help_text=_("En rad per ledamot, t.ex. Pernilla Enebrink m.fl. (L).")
    )
    text = models.TextField(_("text"))
    registrerat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registrerat = models.DateTimeField(_("registrerat"), auto_now_add=True)

    class Meta:
        verbose_name = _("uttalande")
        verbose_name_plural = _("uttalanden")
        ordering = ["registrerat", "pk"]

    def __str__(self):
        return f"{self.get_typ_display()} ({', '.join(self.partier)})"

    @property
    def nämnd(self):
        return self.beslut.nämnd

    @property
    def ledamotsrader(self):
        return [rad.strip() for rad in self.ledamöter.splitlines() if rad.strip()]

    @classmethod
    @transaction.atomic
    def lägg_till(cls, beslut, typ, partier, ledamöter, text, av):
        låst = Beslut.objects.select_for_update().get(pk=beslut.pk)
        if låst.svar.exists():
            raise ValidationError(
                _("Svaret är redan skickat till kommunstyrelsen; uttalanden kan inte läggas till."),
                code="skickat",
            )
        fel = {}
        partier = list(dict.fromkeys(partier or []))
        if not partier:
            fel["partier"] = _("Välj minst ett parti.")
        elif not set(partier) <= set(Parti.objects.aktiva().values_list("förkortning", flat=True)):
            fel["partier"] = _("Okänt parti.")
        if not (ledamöter or "").strip():
            fel["ledamöter"] = _("Skriv vilka ledamöter som står bakom uttalandet.")
        if not (text or "").strip():
            fel["text"] = _("Skriv uttalandets text.")
        if fel:
            raise ValidationError(fel)
        uttalande = cls.objects.create(
            beslut=låst,
            typ=typ,
            partier=partier,
            ledamöter=ledamöter.strip(),
            text=text.strip(),  # plain text, escaped when shown
            registrerat_av=av,
        )
        Händelse.objects.create(
            utlåtande=låst.ärende.utlåtande,
            typ=Händelse.Typ.UTTALANDE,
            text=f"{uttalande}",
            utförd_av=av,
        )
        indexera(uttalande)
        Pdfdokument.för_protokollsutdrag(låst.ärende)  # the protokollsutdrag now with it
        return uttalande


class Svar(models.Model):
    """One submission of the nämnd's yttrande (utlåtande + beslut + uttalanden) to KS.

    Sent once; a correction after sending is a new, visibly numbered submission, never an
    overwrite.
    """

    instans = models.ForeignKey(
        "remiss.Remissinstans",
        on_delete=models.PROTECT,
        related_name="svar",
        verbose_name=_("remissinstans"),
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    beslut = models.ForeignKey(
        Beslut, on_delete=models.PROTECT, related_name="svar", verbose_name=_("beslut")
    )
    rättelse = models.TextField(_("vad som rättats"), blank=True)
    skickat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    skickat = models.DateTimeField(_("skickat"), default=timezone.now)

    class Meta:
        verbose_name = _("svar till kommunstyrelsen")
        verbose_name_plural = _("svar till kommunstyrelsen")
        ordering = ["instans", "nummer"]
        constraints = [
            models.UniqueConstraint("instans", "nummer", name="ett_svarsnummer_per_instans")
        ]

    def __str__(self):
        return _("Svar %(nr)s från %(nämnd)s") % {"nr": self.nummer, "nämnd": self.instans.nämnd}

    @property
    def nämnd(self):
        return self.instans.nämnd

    @property
    def är_rättelse(self):
        return self.nummer > 1

    @classmethod
    @transaction.atomic
    def skicka(cls, beslut, av, rättelse=""):
        låst = Remissinstans.objects.select_for_update().get(pk=beslut.ärende.utlåtande.instans_id)
        beslut.kräv_justerat()
        tidigare = cls.objects.filter(instans=låst).order_by("-nummer").first()
        if tidigare and not (rättelse or "").strip():
            raise ValidationError(
                _(
                    "Svaret är redan skickat till kommunstyrelsen. En rättelse skickas som ett "
                    "nytt, numrerat svar och behöver en beskrivning av vad som rättats."
                ),
                code="redan_skickat",
            )
        svar = cls.objects.create(
            instans=låst,
            nummer=(tidigare.nummer + 1) if tidigare else 1,
            beslut=beslut,
            rättelse=(rättelse or "").strip(),
            skickat_av=av,
        )
        låst.markera_besvarad(av)
        from yttranden import stallningstaganden

        stallningstaganden.lämna(svar)  # the stances per förslag, as KS compiles them
        Händelse.objects.create(
            utlåtande=beslut.ärende.utlåtande,
            typ=Händelse.Typ.SVAR,
            text=f"{svar}" + (f": {svar.rättelse}" if svar.rättelse else ""),
            utförd_av=av,
        )
        # Sent, the utlåtande, the beslut and its uttalanden are KS's and everyone's to find
        # too (read again: the caller's copy may hold the instans as it was before).
        färskt = Beslut.objects.select_related("ärende__utlåtande__instans").get(pk=beslut.pk)
        Indexerare().skriv([färskt, *färskt.uttalanden.all(), färskt.ärende.utlåtande])
        from yttranden import uppdrag

        uppdrag.svar_inkommet(svar)
        registrera_händelse("svar.skickat", svar)
        return svar
