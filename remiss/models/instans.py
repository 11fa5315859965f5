from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nämnder.diarienummer import Diarienummer, validera_diarienummer
from nämnder.models.valetiketter import Valetiketter
from nämnder.sqlkonstant import konstanter
from remiss.models.handelse import Remisshändelse

_KLARA = ["besvarad", "avstar"]  # Remissinstans.KLARA, for the partial indexes in its Meta
# What RemissinstansManager lets through, and so the condition of the list indexes in its Meta.
_LISTAD = Q(eget=False)


def handläggs_av(user, väg="pk"):
    """A filter: the instans (at ``väg``: ``instans`` from a tjänsteutlåtande) is handled by
    ``user``, as handläggare or medhandläggare. An EXISTS, not a join through the
    medhandläggare table, so a list of them needs no DISTINCT."""
    medhandläggare = Remissinstans.medhandläggare.through.objects.filter(
        remissinstans=OuterRef(väg), användare=user
    )
    handläggare = "handläggare" if väg == "pk" else f"{väg}__handläggare"
    return Q(**{handläggare: user}) | Q(Exists(medhandläggare))


class RemissinstansQuerySet(models.QuerySet):
    def öppna(self):
        # Literals, so that a generic plan can use the open instanser's partial indexes.
        return self.exclude(status__in=konstanter(Remissinstans.KLARA))

    def försenade(self, idag=None):
        return self.öppna().filter(svarsdatum__lt=idag or timezone.localdate())


class RemissinstansManager(models.Manager.from_queryset(RemissinstansQuerySet)):
    """The remiss's recipients. KS's own preparation of a remiss (``eget``: its own
    tjänsteutlåtande, built from the answers) is an instans too, so it takes the same review and
    attest chain, but it is no recipient: lists, counters, reminders, the matrix and
    ``remiss.instanser`` never see it. ``Remissinstans.med_eget`` sees every row."""

    def get_queryset(self):
        return super().get_queryset().filter(_LISTAD)


class Remissinstans(Valetiketter, models.Model):
    """One recipient nämnd of one remiss, with its own dnr, handläggare, status and deadline.

    "Försenad" is not a status: it follows from the deadline and today (see ``försenad``).
    """

    class Status(models.TextChoices):
        MOTTAGEN = "mottagen", _("Mottagen")
        TILLDELAD = "tilldelad", _("Tilldelad")
        UNDER_BEREDNING = "under_beredning", _("Under beredning")
        ATTESTERAD = "attesterad", _("Attesterad")
        BESLUTAD = "beslutad", _("Beslutad")
        BESVARAD = "besvarad", _("Besvarad")
        AVSTÅR = "avstar", _("Avstår")

    S = Status
    # Every allowed status change, in one place. A reopened utlåtande takes an attested instans
    # back to beredning; a correction after sending stays besvarad (a new numbered submission).
    ÖVERGÅNGAR = {
        S.MOTTAGEN: {S.TILLDELAD, S.AVSTÅR},
        S.TILLDELAD: {S.UNDER_BEREDNING, S.AVSTÅR},
        S.UNDER_BEREDNING: {S.ATTESTERAD, S.AVSTÅR},
        S.ATTESTERAD: {S.UNDER_BEREDNING, S.BESLUTAD},
        S.BESLUTAD: {S.UNDER_BEREDNING, S.BESVARAD},
        S.BESVARAD: {S.BESVARAD},
        S.AVSTÅR: set(),
    }
    # An external organisation answers through its personal link in one step, or declines.
    EXTERNA_ÖVERGÅNGAR = {
        S.MOTTAGEN: {S.BESVARAD, S.AVSTÅR},
        S.BESVARAD: {S.BESVARAD},
        S.AVSTÅR: set(),
    }
    KLARA = (S.BESVARAD, S.AVSTÅR)
    KAN_TILLDELAS_OM = (S.TILLDELAD, S.UNDER_BEREDNING)

    remiss = models.ForeignKey(
        "remiss.Remiss",
        on_delete=models.CASCADE,
        related_name="instanser",
        verbose_name=_("remiss"),
    )
    # A nämnd (or bolag) inside the kommun, or an external organisation from KS's register:
    # exactly one of the two (the check constraint below).
    nämnd = models.ForeignKey(
        "nämnder.Nämnd",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="remissinstanser",
        verbose_name=_("nämnd"),
    )
    organisation = models.ForeignKey(
        "remiss.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="remissinstanser",
        verbose_name=_("extern organisation"),
    )
    diarienummer = models.CharField(
        _("nämndens diarienummer"),
        max_length=40,
        blank=True,
        validators=[validera_diarienummer],
        help_text=_("Till exempel SOD 2023/713."),
    )
    handläggare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="remissinstanser",
        verbose_name=_("handläggare"),
    )
    medhandläggare = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("medhandläggare")
    )
    avdelning = models.ForeignKey(
        "nämnder.Avdelning",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("avdelning"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.MOTTAGEN
    )
    svarsdatum = models.DateField(
        _("svarsdatum"), help_text=_("Remissens sista svarsdatum, flyttat av ett beviljat anstånd.")
    )
    mottagen = models.DateTimeField(_("mottagen"), auto_now_add=True)
    besvarad = models.DateTimeField(_("besvarad"), null=True, blank=True)
    avstår_motivering = models.TextField(_("motivering till att avstå"), blank=True)
    eget = models.BooleanField(
        _("kommunstyrelsens eget ärende"),
        default=False,
        db_default=False,  # rows written outside the ORM (bulk loads) are recipients
        editable=False,
        help_text=_("Kommunstyrelsens eget tjänsteutlåtande om remissen, inte en mottagare."),
    )

    objects = RemissinstansManager()
    med_eget = RemissinstansQuerySet.as_manager()

    class Meta:
        base_manager_name = "med_eget"
        verbose_name = _("remissinstans")
        verbose_name_plural = _("remissinstanser")
        ordering = ["nämnd__namn"]
        constraints = [
            models.UniqueConstraint(
                "remiss",
                "nämnd",
                name="en_instans_per_remiss_och_nämnd",
                violation_error_message=_("Nämnden är redan remissinstans för den här remissen."),
            ),
            models.UniqueConstraint(
                "remiss",
                "organisation",
                name="en_instans_per_remiss_och_organisation",
                violation_error_message=_(
                    "Organisationen är redan remissinstans för den här remissen."
                ),
            ),
            models.CheckConstraint(
                condition=Q(nämnd__isnull=False, organisation__isnull=True)
                | Q(nämnd__isnull=True, organisation__isnull=False),
                name="instans_nämnd_eller_organisation",
                violation_error_message=_("En remissinstans är en nämnd eller en organisation."),
            ),
            models.UniqueConstraint(
                "diarienummer",
                condition=~Q(diarienummer=""),
                name="nämndens_dnr_unikt",
                violation_error_message=_("Diarienumret används redan för ett annat ärende."),
            ),
        ]
        # One per list order (the nämnd inbox newest first, "Våra remisser" by deadline), each
        # also for open instanser only: a page is then an index range, whatever the history.
        # Every list leaves out KS's own preparation (``eget``, see the manager), and so do the
        # indexes: a list's count ("Alla", 20,000 rows of a nämnd) is then read from the index
        # alone, without visiting a row.
        indexes = [
            models.Index(fields=["status", "svarsdatum"]),
            models.Index(
                fields=["nämnd", "-mottagen", "-id"], condition=_LISTAD, name="instans_inkorg"
            ),
            models.Index(
                fields=["nämnd", "status", "-mottagen", "-id"],
                condition=_LISTAD,
                name="instans_inkorg_status",
            ),
            models.Index(
                fields=["nämnd", "-mottagen", "-id"],
                condition=_LISTAD & ~Q(status__in=_KLARA),
                name="instans_inkorg_oppna",
            ),
            models.Index(fields=["nämnd", "svarsdatum"], condition=_LISTAD, name="instans_lista"),
            models.Index(
                fields=["nämnd", "svarsdatum"],
                condition=_LISTAD & ~Q(status__in=_KLARA),
                name="instans_lista_oppna",
            ),
        ]

    def __str__(self):
        return f"{self.remiss.diarienummer} – {self.mottagare_namn}"

    @property
    def är_extern(self):
        return self.organisation_id is not None

    @property
    def mottagare(self):
        """The nämnd or the external organisation asked."""
        return self.organisation if self.organisation_id else self.nämnd

    @property
    def mottagare_namn(self):
        return self.mottagare.namn if self.mottagare else ""

    def är_handläggare(self, user):
        """Whether ``user`` is this instans's handläggare or one of its medhandläggare."""
        return user.pk == self.handläggare_id or self.medhandläggare.filter(pk=user.pk).exists()

    @property
    def försenad(self):
        return self.är_försenad(self.status, self.svarsdatum, timezone.localdate())

    @classmethod
    def är_försenad(cls, status, svarsdatum, idag):
        """``försenad`` from the values alone (a list read as values)."""
        return status not in cls.KLARA and svarsdatum < idag

    @property
    def dagar_kvar(self):
        return (self.svarsdatum - timezone.localdate()).days

    def _lås(self):
        return type(self).med_eget.select_for_update().get(pk=self.pk)

    def _övergå(self, låst, ny, av, typ=Remisshändelse.Typ.STATUS, text="", anteckning="", **vem):
        övergångar = self.EXTERNA_ÖVERGÅNGAR if låst.är_extern else self.ÖVERGÅNGAR
        if ny not in övergångar.get(self.Status(låst.status), set()):
            raise ValidationError(
                _("En remissinstans med status %(från)s kan inte bli %(till)s."),
                params={"från": låst.get_status_display(), "till": self.Status(ny).label},
                code="otillåten_övergång",
            )
        tidigare = låst.get_status_display()
        låst.status = ny
        if typ == Remisshändelse.Typ.STATUS and not text:
            text = _("%(från)s → %(till)s") % {"från": tidigare, "till": self.Status(ny).label}
        if anteckning:
            text = f"{text}. {anteckning}" if text else anteckning
        låst.remiss.logga(typ, av, text, instans=låst, **vem)

    def _spara(self, låst, *fält):
        låst.save(update_fields=["status", *fält])
        self._räkna_om(låst.remiss_id)
        from remiss.sok.index import indexera

        indexera(låst)  # in the same transaction: search shows what was committed
        self.refresh_from_db()

    def _webbkrok(self, typ):
        from remiss.webbkrokar import registrera_händelse

        registrera_händelse(typ, self)  # in this transaction (remiss/webbkrokar.py)

    @staticmethod
    def _räkna_om(remiss_id):
        """Bring the remiss's answer counters up to date in this transaction. The remiss row is
        locked first, in its own statement: the recount that follows then sees every other
        instans change committed before the lock was granted (under READ COMMITTED a waiting
        UPDATE would re-check the row but not re-run its subqueries)."""
        from remiss.models.remiss import Remiss

        remisser = Remiss.objects.filter(pk=remiss_id)
        list(remisser.select_for_update().values_list("pk"))
        remisser.räkna_svar()

    @transaction.atomic
    def registrera(self, diarienummer, av):
        """Record the nämnd's own diarienummer (the remiss stays mottagen until assigned)."""
        låst = self._lås()
        if låst.status in self.KLARA:
            raise ValidationError(_("Ärendet är redan avslutat."), code="avslutad")
        låst.diarienummer = str(Diarienummer.tolka(diarienummer, låst.nämnd))
        låst.validate_constraints()
        text = _("Diarienummer %(dnr)s.") % {"dnr": låst.diarienummer}
        låst.remiss.logga(Remisshändelse.Typ.REGISTRERAD, av, text, instans=låst)
        self._spara(låst, "diarienummer")
        self._webbkrok("remissinstans.registrerad")

    @transaction.atomic
    def tilldela(self, handläggare, av, avdelning=None, medhandläggare=()):
        låst = self._lås()
        if avdelning is not None and avdelning.nämnd_id != låst.nämnd_id:
            raise ValidationError(_("Avdelningen hör inte till nämndens förvaltning."))
        if låst.status in self.KAN_TILLDELAS_OM:
            # A new handläggare mid-way changes who, not where the case stands.
            låst.remiss.logga(Remisshändelse.Typ.TILLDELAD, av, str(handläggare), instans=låst)
        else:
            self._övergå(
                låst, self.Status.TILLDELAD, av, Remisshändelse.Typ.TILLDELAD, str(handläggare)
            )
        ny_handläggare = låst.handläggare_id != handläggare.pk
        låst.handläggare, låst.avdelning = handläggare, avdelning
        self._spara(låst, "handläggare", "avdelning")
        self.medhandläggare.set(medhandläggare)
        self._webbkrok("remissinstans.tilldelad")
        if ny_handläggare:
            from remiss import uppdrag

            uppdrag.handläggare_tilldelad(låst, handläggare)

    @transaction.atomic
    def avstå(self, motivering, av):
        if not motivering or not motivering.strip():
            raise ValidationError(
                {"avstår_motivering": _("Skriv varför nämnden avstår från att svara.")}
            )
        låst = self._lås()
        self._övergå(låst, self.Status.AVSTÅR, av, Remisshändelse.Typ.AVSTÅR, motivering.strip())
        låst.avstår_motivering = motivering.strip()
        self._spara(låst, "avstår_motivering")
        self._webbkrok("remissinstans.avstar")

    # The steps below are taken by the tjänsteutlåtande and beslut (yttranden app). An answer
    # prepared outside the system (the demo's older remisser, an import) is recorded with an
    # ``anteckning`` saying so, so that its history does not speak of a document not here.

    @transaction.atomic
    def påbörja_beredning(self, av, anteckning=""):
        låst = self._lås()
        if låst.status != self.Status.UNDER_BEREDNING:
            self._övergå(låst, self.Status.UNDER_BEREDNING, av, anteckning=anteckning)
            self._spara(låst)

    @transaction.atomic
    def markera_attesterad(self, av, anteckning=""):
        låst = self._lås()
        self._övergå(låst, self.Status.ATTESTERAD, av, anteckning=anteckning)
        self._spara(låst)

    @transaction.atomic
    def markera_beslutad(self, av, anteckning=""):
        låst = self._lås()
        self._övergå(låst, self.Status.BESLUTAD, av, anteckning=anteckning)
        self._spara(låst)

    @transaction.atomic
    def markera_besvarad(self, av, anteckning=""):
        låst = self._lås()
        self._övergå(låst, self.Status.BESVARAD, av, anteckning=anteckning)
        låst.besvarad = låst.besvarad or timezone.now()
        self._spara(låst, "besvarad")

    @transaction.atomic
    def markera_besvarad_externt(self, kontaktperson, text):
        """An external organisation's answer has arrived through ``kontaktperson``'s personal
        link (a correction keeps the instans besvarad and is logged the same way)."""
        låst = self._lås()
        if not låst.är_extern:
            raise ValidationError(_("Bara en extern organisation svarar via personlig länk."))
        self._övergå(
            låst,
            self.Status.BESVARAD,
            None,
            Remisshändelse.Typ.EXTERNT_SVAR,
            text,
            kontaktperson=kontaktperson,
        )
        låst.besvarad = låst.besvarad or timezone.now()
        self._spara(låst, "besvarad")

    @transaction.atomic
    def flytta_svarsdatum(self, nytt_datum, av):
        """Move this instans's deadline (a granted anstånd); the remiss's own date is unchanged."""
        låst = self._lås()
        låst.svarsdatum = nytt_datum
        låst.save(update_fields=["svarsdatum"])
        self.refresh_from_db()
