"""Deadline reminders, each claimed by a row before its e-mail is sent.

The row *is* the claim: its unique key (instans, mottagare, typ, dagar, datum) lets a reminder be
inserted once only, however many sweeps run at the same time (remiss/paminnelser.py), and its
status is moved by conditional UPDATEs so that only one worker ever sends it
(remiss/tasks/paminnelser.py explains the crash windows).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PåminnelseQuerySet(models.QuerySet):
    def hängande(self, nu, låstid, kömarginal):
        """Claims whose work seems lost: queued long ago and never taken, or taken by a worker
        that has not finished within the lease (it died, or its message was lost)."""
        return self.filter(
            Q(status=Påminnelse.Status.VÄNTAR, planerad__lt=nu - kömarginal)
            | Q(status=Påminnelse.Status.SKICKAS, senast_försök__lt=nu - låstid)
        )

    def utan_epost(self):
        return self.filter(
            status=Påminnelse.Status.HOPPADES_ÖVER, orsak=Påminnelse.Orsak.INGEN_EPOST
        )


class Påminnelse(models.Model):
    class Typ(models.TextChoices):
        FRIST = "frist", _("Svarsdatum närmar sig eller har passerat")
        OTILLDELAD = "otilldelad", _("Ingen handläggare tilldelad")
        SAMMANSTÄLLNING = "sammanstallning", _("Daglig sammanställning till KS")

    class Status(models.TextChoices):
        VÄNTAR = "vantar", _("Väntar")
        SKICKAS = "skickas", _("Skickas")
        SKICKAD = "skickad", _("Skickad")
        MISSLYCKAD = "misslyckad", _("Misslyckad")
        HOPPADES_ÖVER = "hoppades_over", _("Hoppades över")

    class Orsak(models.TextChoices):
        INGEN_EPOST = "ingen_epost", _("Mottagaren saknar e-postadress")
        AVSLUTAD = "avslutad", _("Ärendet är redan besvarat eller avstått")
        NYTT_SVARSDATUM = "nytt_svarsdatum", _("Svarsdatum har flyttats")
        TILLDELAD = "tilldelad", _("Handläggare har tilldelats")
        INAKTIV = "inaktiv", _("Mottagaren är inte längre aktiv")
        INGET_ATT_RAPPORTERA = "inget", _("Inget försenat eller i riskzonen")
        AVVISAD = "avvisad", _("E-postservern avvisade meddelandet")

    S = Status
    # Every allowed status change, in one place; each is made by a conditional UPDATE below.
    # A reminder being sent goes back to väntar when SMTP fails for a while (it will be tried
    # again), and the sweep takes back one whose worker vanished (see remiss/tasks/paminnelser.py).
    ÖVERGÅNGAR = {
        S.VÄNTAR: {S.SKICKAS, S.HOPPADES_ÖVER},
        S.SKICKAS: {S.SKICKAD, S.VÄNTAR, S.MISSLYCKAD, S.HOPPADES_ÖVER},
        S.MISSLYCKAD: {S.VÄNTAR},
        S.SKICKAD: set(),
        S.HOPPADES_ÖVER: set(),
    }

    instans = models.ForeignKey(
        "remiss.Remissinstans",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="påminnelser",
        verbose_name=_("remissinstans"),
        help_text=_("Tom för KS dagliga sammanställning."),
    )
    mottagare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="påminnelser",
        verbose_name=_("mottagare"),
    )
    typ = models.CharField(_("typ"), max_length=20, choices=Typ.choices)
    dagar = models.SmallIntegerField(
        _("dagar"),
        help_text=_("Dagar före svarsdatum (negativt: dagar efter), eller dagar sedan ankomst."),
    )
    datum = models.DateField(
        _("datum"),
        help_text=_("Svarsdatum när påminnelsen beslutades; för sammanställningen dagen."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.VÄNTAR
    )
    orsak = models.CharField(_("orsak"), max_length=20, choices=Orsak.choices, blank=True)
    fel = models.TextField(_("senaste fel"), blank=True)
    epost = models.EmailField(_("e-postadress"), blank=True)
    omgång = models.UUIDField(_("omgång"), db_index=True, editable=False)
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    planerad = models.DateTimeField(_("planerad"), default=timezone.now)
    senast_försök = models.DateTimeField(_("senaste försök"), null=True, blank=True)
    försök = models.PositiveSmallIntegerField(_("antal försök"), default=0)
    skickad = models.DateTimeField(_("skickad"), null=True, blank=True)

    objects = PåminnelseQuerySet.as_manager()

    class Meta:
        verbose_name = _("påminnelse")
        verbose_name_plural = _("påminnelser")
        ordering = ["-skapad", "-pk"]
        constraints = [
            models.UniqueConstraint(
                "instans",
                "mottagare",
                "typ",
                "dagar",
                "datum",
                condition=Q(instans__isnull=False),
                name="en_påminnelse_per_nyckel",
            ),
            models.UniqueConstraint(
                "mottagare",
                "typ",
                "dagar",
                "datum",
                condition=Q(instans__isnull=True),
                name="en_sammanställning_per_dag",
            ),
        ]
        indexes = [models.Index(fields=["status", "planerad"])]

    def __str__(self):
        return f"{self.get_typ_display()} till {self.mottagare} ({self.datum:%Y-%m-%d})"

    @property
    def dagar_kvar(self):
        return (self.datum - timezone.localdate()).days

    @classmethod
    def _övergå(cls, pk, från, till, **fält):
        """Move one row from ``från`` to ``till``; True only for the caller that moved it."""
        if till not in cls.ÖVERGÅNGAR[från]:
            raise ValueError(f"Otillåten övergång för påminnelse: {från} → {till}")
        return cls.objects.filter(pk=pk, status=från).update(status=till, **fält) == 1

    @classmethod
    def ta_anspråk(cls, pk):
        """Claim a waiting reminder for sending. Returns it, or None when someone else has it,
        it is done, or it is gone."""
        nu = timezone.now()
        if not cls._övergå(
            pk, cls.S.VÄNTAR, cls.S.SKICKAS, senast_försök=nu, försök=F("försök") + 1
        ):
            return None
        return cls.objects.select_related(
            "mottagare", "instans__remiss", "instans__nämnd", "instans__handläggare"
        ).get(pk=pk)

    def markera_skickad(self):
        return self._övergå(
            self.pk,
            self.S.SKICKAS,
            self.S.SKICKAD,
            skickad=timezone.now(),
            fel="",
            epost=self.epost,
        )

    def släpp(self, fel, planerad):
        """Give a claim back after a transient error; the next attempt is due at ``planerad``."""
        return self._övergå(self.pk, self.S.SKICKAS, self.S.VÄNTAR, fel=fel, planerad=planerad)

    def hoppa_över(self, orsak):
        return self._övergå(self.pk, self.S.SKICKAS, self.S.HOPPADES_ÖVER, orsak=orsak)

    def misslyckas(self, fel, orsak=""):
        return self._övergå(self.pk, self.S.SKICKAS, self.S.MISSLYCKAD, fel=fel, orsak=orsak)

    @classmethod
    def försök_igen(cls, queryset):
        """Put failed reminders back in the queue (the admin's action); returns their keys."""
        pks = list(queryset.filter(status=cls.S.MISSLYCKAD).values_list("pk", flat=True))
        rader = cls.objects.filter(pk__in=pks, status=cls.S.MISSLYCKAD)
        rader.update(status=cls.S.VÄNTAR, orsak="", planerad=timezone.now())
        return pks

    @classmethod
    def återta_hängande(cls, nu, låstid, kömarginal):
        """Take back claims whose work seems lost and return their keys, to be queued again.

        Rows are locked with SKIP LOCKED, so two sweeps at once split them instead of both
        queueing the same row (a duplicate message would still be harmless: see ta_anspråk).
        """
        pks = list(
            cls.objects.hängande(nu, låstid, kömarginal)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        cls.objects.filter(pk__in=pks).update(status=cls.S.VÄNTAR, planerad=nu)
        return pks
