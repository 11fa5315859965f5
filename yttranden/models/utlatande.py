from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from nämnder.models.valetiketter import Valetiketter
from nämnder.permissions import får
from nämnder.roller import Roll
from remiss.models.instans import handläggs_av
from remiss.sok.index import indexera
from remiss.webbkrokar import registrera_händelse
from yttranden import stallningstaganden
from yttranden.models.delar import Bilaga, Sektion
from yttranden.models.granskning import Attest, Kommentar
from yttranden.models.historik import Utlåtandehändelse
from yttranden.models.innehall import Innehåll
from yttranden.models.mall import Mall
from yttranden.models.redigering import Redigering


class TjänsteutlåtandeQuerySet(models.QuerySet):
    def gällande(self):
        return self.exclude(status=Tjänsteutlåtande.Status.ERSATT)

    def med_ärende(self):
        return self.select_related(
            "instans__remiss__nämnd",
            "instans__nämnd",
            "instans__handläggare",
            "instans__avdelning",
            "granskare",
            "attestant",
            "sammanträde",
        )

    def att_granska(self, user):
        return self.filter(status=Tjänsteutlåtande.Status.GRANSKNING, granskare=user)

    def att_attestera(self, user):
        return self.filter(status=Tjänsteutlåtande.Status.GODKÄND, attestant=user)

    def mina_utkast(self, user):
        return self.filter(handläggs_av(user, "instans"), status=Tjänsteutlåtande.Status.UTKAST)


class Tjänsteutlåtande(Innehåll, Redigering, Valetiketter, models.Model):
    """The förvaltning's report to its nämnd on one remissinstans, drafted section by section,
    reviewed by the avdelningschef and attested by the direktör.

    One current utlåtande per instans. Reopening an attested one keeps it (status ersatt, its
    attest voided) and starts a new one with the next version number and a copy of its text.

    This module holds its fields, states and transitions. The content as data, its checksum, the
    freeze and the document it maps to are in innehall.py; editing and bilagor in redigering.py;
    filling from a mall is ``Mall.fyll()``.
    """

    class Status(models.TextChoices):
        UTKAST = "utkast", _("Utkast")
        GRANSKNING = "granskning", _("Under granskning")
        GODKÄND = "godkand", _("Godkänt")
        ATTESTERAD = "attesterad", _("Attesterat")
        ERSATT = "ersatt", _("Ersatt av ny version")

    S = Status
    # Every allowed transition, in one place. The direktör may also send a godkänt utlåtande
    # back to the handläggare instead of attesting it.
    ÖVERGÅNGAR = {
        S.UTKAST: {S.GRANSKNING},
        S.GRANSKNING: {S.UTKAST, S.GODKÄND},
        S.GODKÄND: {S.UTKAST, S.ATTESTERAD},
        S.ATTESTERAD: {S.ERSATT},
        S.ERSATT: set(),
    }
    LÅSTA = (S.ATTESTERAD, S.ERSATT)

    instans = models.ForeignKey(
        "remiss.Remissinstans",
        on_delete=models.PROTECT,
        related_name="tjänsteutlåtanden",
        verbose_name=_("remissinstans"),
    )
    version = models.PositiveSmallIntegerField(
        _("version"), default=1, help_text=_("Räknas upp när ett attesterat utlåtande återöppnas.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=S.UTKAST)
    datum = models.DateField(_("datum"), default=timezone.localdate)
    sammanträde = models.ForeignKey(
        "nämnder.Sammanträde",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sammanträde"),
    )
    underrubrik = models.CharField(
        _("underrubrik"),
        max_length=300,
        blank=True,
        help_text=_(
            "Raden under titeln. Tom: ”Remiss från kommunstyrelsen” och remissens diarienummer."
        ),
    )
    # [{"namn": …, "telefon": …}, …]; empty: the instans's handläggare from their profiles.
    handläggare_i_dokumentet = models.JSONField(
        _("handläggare i dokumentet"), default=list, blank=True
    )
    granskare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granskande avdelningschef"),
    )
    attestant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("attesterande direktör"),
    )
    versionsnummer = models.PositiveIntegerField(
        _("senast sparade version"), default=0, editable=False
    )
    återöppnat_från = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="efterföljare",
        verbose_name=_("återöppnat från"),
    )
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = TjänsteutlåtandeQuerySet.as_manager()

    class Meta:
        verbose_name = _("tjänsteutlåtande")
        verbose_name_plural = _("tjänsteutlåtanden")
        ordering = ["-skapad"]
        constraints = [
            models.UniqueConstraint("instans", "version", name="en_version_per_nummer"),
            models.UniqueConstraint(
                "instans",
                condition=~Q(status="ersatt"),
                name="ett_gällande_utlåtande_per_instans",
                violation_error_message=_("Remissinstansen har redan ett tjänsteutlåtande."),
            ),
        ]
        # The avdelningschef's and the direktör's lists: what waits for them, among everything
        # they ever reviewed or attested.
        indexes = [
            models.Index(fields=["status", "granskare"]),
            models.Index(fields=["status", "attestant"], name="utlatande_status_attestant"),
        ]

    def __str__(self):
        return _g("Tjänsteutlåtande %(dnr)s, version %(v)s") % {
            "dnr": self.instans.diarienummer or self.instans.remiss.diarienummer,
            "v": self.version,
        }

    def get_absolute_url(self):
        return reverse("yttranden:detalj", args=[self.pk])

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Ett tjänsteutlåtande kan inte tas bort."))

    # --- who may do what -------------------------------------------------------------------

    @property
    def nämnd(self):
        return self.instans.nämnd

    # Who may: declared in yttranden/atkomst.py, asked here so pages and views share one answer.
    def får_redigera(self, user):
        return får(user, self, "redigera")

    def får_granska(self, user):
        return får(user, self, "granska")

    def får_attestera(self, user):
        return får(user, self, "attestera")

    def får_återöppna(self, user):
        return får(user, self, "återöppna")

    def får_återremittera(self, user):
        return får(user, self, "återremittera")

    # --- state ----------------------------------------------------------------------------

    @property
    def är_utkast(self):
        return self.status == self.S.UTKAST

    @property
    def redigera_url(self):
        return reverse("yttranden:redigera", args=[self.pk])

    # --- transitions ----------------------------------------------------------------------

    def _lås(self):
        return type(self).objects.select_for_update().get(pk=self.pk)

    def _övergå(self, låst, ny, av, typ, text=""):
        if ny not in self.ÖVERGÅNGAR[self.Status(låst.status)]:
            raise ValidationError(
                _("Ett tjänsteutlåtande med status %(från)s kan inte bli %(till)s."),
                params={"från": låst.get_status_display(), "till": self.Status(ny).label},
                code="otillåten_övergång",
            )
        från = låst.status
        låst.status = ny
        låst._får_ändra_låst = True
        låst.save(update_fields=["status"])
        indexera(låst)  # who may find it follows the status (a replaced one is not found)
        händelse = Utlåtandehändelse.objects.create(
            utlåtande=låst, typ=typ, från_status=från, till_status=ny, text=text, utförd_av=av
        )
        self.refresh_from_db()
        return händelse

    @classmethod
    @transaction.atomic
    def påbörja(cls, instans, av):
        """Start the instans's utlåtande from its nämnd's mall and put the instans under
        beredning. Returns the utlåtande (the existing one if someone was quicker)."""
        instans = type(instans)._base_manager.select_for_update().get(pk=instans.pk)
        if befintligt := cls.objects.gällande().filter(instans=instans).first():
            return befintligt
        läge = type(instans).Status
        if instans.status in (läge.MOTTAGEN, läge.AVSTÅR):
            raise ValidationError(
                _(
                    "Remissen måste vara tilldelad en handläggare innan ett tjänsteutlåtande "
                    "påbörjas."
                ),
                code="ej_tilldelad",
            )
        if instans.status == läge.TILLDELAD:
            instans.påbörja_beredning(av)
        nämnd = instans.nämnd
        utlåtande = cls.objects.create(
            instans=instans,
            skapad_av=av,
            granskare=cls._ende(nämnd, Roll.AVDELNINGSCHEF),
            attestant=cls._ende(nämnd, Roll.DIREKTÖR),
        )
        mall = Mall.objects.för_nämnd(nämnd)
        mall.fyll(utlåtande)
        stallningstaganden.skapa(utlåtande)
        utlåtande._ny_version(av, ändrade=[])
        Utlåtandehändelse.objects.create(
            utlåtande=utlåtande,
            typ=Utlåtandehändelse.Typ.PÅBÖRJAT,
            till_status=cls.S.UTKAST,
            text=_g("Utgår från %(mall)s.") % {"mall": mall.namn},
            utförd_av=av,
        )
        return utlåtande

    @staticmethod
    def _ende(nämnd, roll):
        """The nämnd's only person in ``roll``, or None when there are several to choose from."""
        from nämnder.permissions import personer_med_roll

        personer = list(personer_med_roll(nämnd, roll)[:2])
        return personer[0] if len(personer) == 1 else None

    @transaction.atomic
    def skicka_till_granskning(self, av):
        låst = self._lås()
        if låst.status == self.S.GRANSKNING:
            raise ValidationError(_("Utlåtandet är redan skickat till granskning."), code="redan")
        fel = [
            _g(
                "Avsnittet ”%(rubrik)s” är tomt. Skriv något i det innan du skickar "
                "utlåtandet till granskning."
            )
            % {"rubrik": rubrik}
            for rubrik in låst.obligatoriska_tomma()
        ]
        fel += stallningstaganden.saknas(låst)
        if not låst.granskare_id:
            fel.append(_g("Välj vilken avdelningschef som ska granska utlåtandet."))
        if not låst.attestant_id:
            fel.append(_g("Välj vilken direktör som ska attestera utlåtandet."))
        if fel:
            raise ValidationError(fel, code="ofullständigt")
        händelse = self._övergå(låst, self.S.GRANSKNING, av, Utlåtandehändelse.Typ.SKICKAT)
        self._meddela(händelse)
        return händelse

    @transaction.atomic
    def kommentera(self, text, av, sektion=None):
        låst = self._lås()
        if låst.status != self.S.GRANSKNING:
            raise ValidationError(_("Det går bara att kommentera ett utlåtande under granskning."))
        if not (text or "").strip():
            raise ValidationError({"text": _("Skriv en kommentar.")})
        if sektion is not None and sektion.utlåtande_id != låst.pk:
            raise ValidationError(_("Avsnittet hör inte till det här utlåtandet."))
        return Kommentar.objects.create(
            utlåtande=låst,
            sektion=sektion,
            text=text.strip(),
            författare=av,
            version=låst.versionsnummer,
        )

    @transaction.atomic
    def återremittera(self, motivering, av):
        if not (motivering or "").strip():
            raise ValidationError(
                {"motivering": _("Skriv varför utlåtandet återremitteras till handläggaren.")}
            )
        låst = self._lås()
        if låst.status == self.S.UTKAST:
            raise ValidationError(_("Utlåtandet är redan återremitterat."), code="redan")
        låst.attester.gällande().update(
            upphävd=timezone.now(), upphävd_av=av, upphävd_motivering=motivering.strip()
        )
        händelse = self._övergå(
            låst, self.S.UTKAST, av, Utlåtandehändelse.Typ.ÅTERREMITTERAT, motivering.strip()
        )
        self._meddela(händelse)
        return händelse

    @transaction.atomic
    def godkänn(self, av, datum=None):
        låst = self._lås()
        if låst.status == self.S.GODKÄND:
            raise ValidationError(_("Utlåtandet är redan godkänt."), code="redan")
        händelse = self._övergå(låst, self.S.GODKÄND, av, Utlåtandehändelse.Typ.GODKÄNT)
        self._attest(Attest.Typ.GODKÄNNANDE, av, datum)
        self._meddela(händelse)
        return händelse

    @transaction.atomic
    def attestera(self, av, datum=None, autentisering=None):
        """The direktör's digital attest: freezes the content and records its SHA-256.
        ``autentisering`` (how, when and at which level the direktör had logged in; the attest
        view's step-up check gives it) is kept with the attest. ``datum`` is for importing
        documents attested before the system existed."""
        låst = self._lås()
        if låst.status == self.S.ATTESTERAD:
            raise ValidationError(_("Utlåtandet är redan attesterat."), code="redan")
        händelse = self._övergå(låst, self.S.ATTESTERAD, av, Utlåtandehändelse.Typ.ATTESTERAT)
        self._attest(
            Attest.Typ.ATTEST, av, datum, sha256=self.kontrollsumma(), autentisering=autentisering
        )
        # An instans already past beredning (an answer recorded before the system) stays put.
        if self.instans.status == type(self.instans).Status.UNDER_BEREDNING:
            self.instans.markera_attesterad(av)
        self._meddela(händelse)
        self._beställ_pdf()
        registrera_händelse("tjansteutlatande.attesterat", self)
        return händelse

    def _beställ_pdf(self):
        """The archived, sealed PDF: a row now, rendered by a worker after commit."""
        from yttranden.models.pdfdokument import Pdfdokument

        return Pdfdokument.för_utlåtande(self)

    def _attest(self, typ, av, datum, sha256="", autentisering=None):
        return Attest.objects.create(
            utlåtande=self,
            typ=typ,
            person=av,
            namn=str(av),
            befattning=av.befattning,
            datum=datum or timezone.localdate(),
            sha256=sha256,
            autentiserad=autentisering.tid if autentisering else None,
            autentiseringsmetod=autentisering.metod if autentisering else "",
            autentiseringsnivå=autentisering.nivå if autentisering else "",
        )

    @transaction.atomic
    def återöppna(self, motivering, av):
        """Void the attest and start the next version from a copy of this one's text.
        This utlåtande stays as it was attested, marked as replaced."""
        if not (motivering or "").strip():
            raise ValidationError({"motivering": _("Skriv varför utlåtandet återöppnas.")})
        låst = self._lås()
        if låst.status != self.S.ATTESTERAD:
            raise ValidationError(_("Bara ett attesterat utlåtande kan återöppnas."), code="redan")
        motivering = motivering.strip()
        låst.attester.gällande().update(
            upphävd=timezone.now(), upphävd_av=av, upphävd_motivering=motivering
        )
        self._övergå(låst, self.S.ERSATT, av, Utlåtandehändelse.Typ.ÅTERÖPPNAT, motivering)
        self.instans.påbörja_beredning(av)
        nytt = type(self).objects.create(
            instans_id=self.instans_id,
            version=self.version + 1,
            datum=timezone.localdate(),
            sammanträde=self.sammanträde,
            underrubrik=self.underrubrik,
            handläggare_i_dokumentet=self.handläggare_i_dokumentet,
            granskare=self.granskare,
            attestant=self.attestant,
            återöppnat_från=self,
            skapad_av=av,
        )
        Sektion.objects.bulk_create(
            Sektion(
                utlåtande=nytt,
                ordning=s.ordning,
                rubrik=s.rubrik,
                html=s.html,
                obligatorisk=s.obligatorisk,
            )
            for s in self.sektioner.all()
        )
        kopierade = ("ordning", "titel", "handling_id", "fil", "filnamn", "innehållstyp")
        Bilaga.objects.bulk_create(
            Bilaga(
                utlåtande=nytt,
                storlek=b.storlek,
                sha256=b.sha256,
                uppladdad_av_id=b.uppladdad_av_id,
                **{fält: getattr(b, fält) for fält in kopierade},
            )
            for b in self.bilagor.all()
        )
        stallningstaganden.kopiera(self, nytt)
        nytt._ny_version(av, ändrade=[])
        Utlåtandehändelse.objects.create(
            utlåtande=nytt,
            typ=Utlåtandehändelse.Typ.NY_VERSION,
            till_status=self.S.UTKAST,
            text=_g("Kopia av version %(v)s. Skäl: %(skäl)s")
            % {"v": self.version, "skäl": motivering},
            utförd_av=av,
        )
        return nytt

    def _meddela(self, händelse):
        from yttranden import uppdrag

        uppdrag.meddela(händelse)
