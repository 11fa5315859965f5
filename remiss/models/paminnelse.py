"""Deadline reminders: what was decided and what was sent.

The row is the decision: its unique key (instans, mottagare, typ, dagar, datum) lets a reminder
be inserted once only, however many sweeps run at the same time (remiss/paminnelser.py). Sending
it is one row in the outbox (``Utkorgspost`` with ``gäller`` = this reminder), written in the
same transaction, so it has the outbox's one claim, lease, retry rule and SMTP classifier
(remiss/utkorg.py); this row records the outcome (sent, skipped and why, failed).
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PåminnelseQuerySet(models.QuerySet):
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
    # Every allowed status change, in one place; each is made by a conditional UPDATE below,
    # by the outbox's worker (remiss/uppdrag.py) or by a person asking again.
    ÖVERGÅNGAR = {
        S.VÄNTAR: {S.SKICKAD, S.MISSLYCKAD, S.HOPPADES_ÖVER},
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
    # A person with an account, or an external organisation's contact person (who answers
    # through a personal link): exactly one of the two (the check constraint below).
    mottagare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="påminnelser",
        verbose_name=_("mottagare"),
    )
    kontaktperson = models.ForeignKey(
        "remiss.Kontaktperson",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="påminnelser",
        verbose_name=_("kontaktperson"),
        help_text=_("En extern organisations kontaktperson; påminnelsen bär en ny personlig länk."),
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
            models.UniqueConstraint(
                "instans",
                "kontaktperson",
                "typ",
                "dagar",
                "datum",
                condition=Q(kontaktperson__isnull=False),
                name="en_extern_påminnelse_per_nyckel",
            ),
            models.CheckConstraint(
                condition=Q(mottagare__isnull=False, kontaktperson__isnull=True)
                | Q(mottagare__isnull=True, kontaktperson__isnull=False, instans__isnull=False),
                name="påminnelse_till_person_eller_kontakt",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="paminnelse_status")]

    def __str__(self):
        return f"{self.get_typ_display()} till {self.vem} ({self.datum:%Y-%m-%d})"

    @property
    def vem(self):
        """The person reminded: a user, or an external contact person."""
        return self.kontaktperson if self.kontaktperson_id else self.mottagare

    @property
    def dagar_kvar(self):
        return (self.datum - timezone.localdate()).days

    @classmethod
    def _övergå(cls, pk, från, till, **fält):
        """Move one row from ``från`` to ``till``; True only for the caller that moved it."""
        if till not in cls.ÖVERGÅNGAR[från]:
            raise ValueError(f"Otillåten övergång för påminnelse: {från} → {till}")
        return cls.objects.filter(pk=pk, status=från).update(status=till, **fält) == 1

    def markera_skickad(self):
        return self._övergå(
            self.pk, self.S.VÄNTAR, self.S.SKICKAD, skickad=timezone.now(), fel="", epost=self.epost
        )

    def hoppa_över(self, orsak):
        return self._övergå(self.pk, self.S.VÄNTAR, self.S.HOPPADES_ÖVER, orsak=orsak)

    def misslyckas(self, fel, orsak=""):
        return self._övergå(self.pk, self.S.VÄNTAR, self.S.MISSLYCKAD, fel=fel, orsak=orsak)

    @classmethod
    def försök_igen(cls, queryset):
        """Put failed reminders back (the admin's action) and ask the outbox to send them
        again; returns their keys."""
        from remiss import paminnelser, utkorg
        from remiss.models.utkorg import Utkorgspost

        with transaction.atomic():
            pks = list(queryset.filter(status=cls.S.MISSLYCKAD).values_list("pk", flat=True))
            cls.objects.filter(pk__in=pks, status=cls.S.MISSLYCKAD).update(
                status=cls.S.VÄNTAR, orsak="", fel=""
            )
            poster = Utkorgspost.objects.filter(gäller__in=[paminnelser.nyckel(pk) for pk in pks])
            utkorg.försök_igen(poster)
            utan_post = set(pks) - {p.argument["paminnelse"] for p in poster}
            utkorg.lägg_många([paminnelser.post(pk) for pk in sorted(utan_post)])
        return pks
