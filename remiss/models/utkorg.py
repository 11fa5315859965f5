"""The outbox: every side effect of Remiss (each e-mail, each PDF render, whatever later sends
data out) is one ``Utkorgspost``, written in the same transaction as the state change that
causes it. A rolled-back change therefore never tells anyone, and a committed one is never
forgotten, whatever happens to Redis, SMTP or the workers afterwards.

How a row moves (``remiss/utkorg.py`` does it; the crash points are named there):

- väntar → pågår: a worker claims the row by a conditional UPDATE that sets a fresh token and a
  lease (``låst_till``). Only the worker whose UPDATE changed one row does the work.
- pågår → klar / misslyckad / hoppades över: by an UPDATE that repeats the token, so a worker
  that lost its claim changes nothing.
- pågår → väntar: a transient error (SMTP 4xx, connection refused, a timeout) gives the claim
  back with the next attempt due after an exponential backoff.
- a lease that ran out (the worker died) counts as free: the sweep publishes the row again and
  the next worker claims it.
- misslyckad → väntar: a person asks again (the admin's action, "Försök igen" on a page).
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nämnder.sqlkonstant import Konstant


def lastid():
    """How long a claim holds before another worker may take the row over; it must exceed the
    task's hard time limit (remiss/tasks/utkorg.py) so that no live worker loses its claim."""
    return timedelta(seconds=settings.REMISS_UTKORG_LASTID_SEKUNDER)


class UtkorgspostQuerySet(models.QuerySet):
    def lediga(self, nu):
        """Rows a worker may claim now: waiting and due, or claimed by a worker whose lease ran
        out (it died, or lost its connection)."""
        # The statuses as literals, so that a generic plan can use the partial index of the
        # unfinished rows rather than read every mail ever sent (nämnder/sqlkonstant.py).
        return self.filter(
            Q(status=Konstant(Utkorgspost.Status.VÄNTAR), nästa_försök__lte=nu)
            | Q(status=Konstant(Utkorgspost.Status.PÅGÅR), låst_till__lt=nu)
        )

    def opublicerade(self, nu, kömarginal):
        """Free rows with no message on the way: never published (the broker was down), due
        again after a retry, or published so long ago that the message must be lost."""
        return self.lediga(nu).filter(
            Q(publicerad__isnull=True)
            | Q(publicerad__lt=F("nästa_försök"))
            | Q(publicerad__lt=F("låst_till"))
            | Q(publicerad__lt=nu - kömarginal)
        )

    def misslyckade(self):
        return self.filter(status=Utkorgspost.Status.MISSLYCKAD)

    def gäller(self, objekt):
        return self.filter(gäller=Utkorgspost.nyckel_för(objekt))


class Utkorgspost(models.Model):
    class Status(models.TextChoices):
        VÄNTAR = "vantar", _("Väntar")
        PÅGÅR = "pagar", _("Pågår")
        KLAR = "klar", _("Klar")
        MISSLYCKAD = "misslyckad", _("Misslyckades")
        HOPPADES_ÖVER = "hoppades_over", _("Hoppades över")

    S = Status
    # Every allowed transition, in one place; ``_övergå`` enforces it in the UPDATE itself.
    ÖVERGÅNGAR = {
        S.VÄNTAR: {S.PÅGÅR, S.HOPPADES_ÖVER},  # claimed; or not to be done (the demo's history)
        # done; failed for good; skipped; given back after a transient error; or taken over
        # from a worker whose lease ran out
        S.PÅGÅR: {S.KLAR, S.MISSLYCKAD, S.HOPPADES_ÖVER, S.VÄNTAR, S.PÅGÅR},
        S.MISSLYCKAD: {S.VÄNTAR},  # a person asks again
        # Done work is done again only when what it made is lost (kontrollera_arkiv --laga).
        S.KLAR: {S.VÄNTAR},
        S.HOPPADES_ÖVER: set(),
    }

    uppdrag = models.CharField(
        _("uppdrag"), max_length=60, help_text=_("Vilket slags arbete (se remiss/utkorg.py).")
    )
    argument = models.JSONField(_("argument"), default=dict)
    nyckel = models.CharField(
        _("nyckel"),
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Samma arbete två gånger ger en rad: ett uppdrag per nyckel."),
    )
    gäller = models.CharField(
        _("gäller"),
        max_length=80,
        blank=True,
        db_index=True,
        help_text=_("Objektet vars sida visar ett misslyckande, t.ex. remiss.remissinstans:12."),
    )
    beskrivning = models.CharField(_("beskrivning"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=S.VÄNTAR)
    försök = models.PositiveSmallIntegerField(_("försök"), default=0)
    nästa_försök = models.DateTimeField(_("nästa försök"), default=timezone.now)
    publicerad = models.DateTimeField(_("senast köad"), null=True, blank=True, editable=False)
    anspråk = models.UUIDField(null=True, blank=True, editable=False)
    låst_till = models.DateTimeField(_("låst till"), null=True, blank=True, editable=False)
    fel = models.TextField(_("senaste fel"), blank=True)
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    klar = models.DateTimeField(_("klar"), null=True, blank=True)

    objects = UtkorgspostQuerySet.as_manager()

    class Meta:
        verbose_name = _("utkorgspost")
        verbose_name_plural = _("utkorgen")
        ordering = ["-skapad", "-pk"]
        indexes = [
            models.Index(
                fields=["nästa_försök"],
                condition=Q(status__in=["vantar", "pagar"]),
                name="utkorg_ogjorda",
            )
        ]

    def __str__(self):
        return self.beskrivning or f"{self.uppdrag} {self.argument}"

    @staticmethod
    def nyckel_för(objekt):
        return Utkorgspost.nyckel_för_pk(type(objekt), objekt.pk)

    @staticmethod
    def nyckel_för_pk(modell, pk):
        """``nyckel_för`` from the model and the pk alone (a list read as values)."""
        return f"{modell._meta.label_lower}:{pk}"

    @property
    def pågår(self):
        return self.status in (self.S.VÄNTAR, self.S.PÅGÅR)

    # --- the worker's transitions (conditional UPDATEs; see the module docstring) ----------

    @classmethod
    def _övergå(cls, villkor, till, **fält):
        från = [s for s, tillåtna in cls.ÖVERGÅNGAR.items() if till in tillåtna]
        return cls.objects.filter(villkor, status__in=från).update(status=till, **fält)

    @classmethod
    def ta(cls, pk):
        """Claim the row if it is free. Returns the claimed row (with its token in
        ``anspråk``), or None when it is done, gone, or someone else's."""
        nu = timezone.now()
        token = uuid.uuid4()
        lediga = cls.objects.filter(pk=pk).lediga(nu)
        tagna = lediga.update(
            status=cls.S.PÅGÅR, anspråk=token, låst_till=nu + lastid(), försök=F("försök") + 1
        )
        return cls.objects.get(pk=pk) if tagna == 1 else None

    def _avsluta(self, till, **fält):
        return self._övergå(Q(pk=self.pk, anspråk=self.anspråk), till, anspråk=None, **fält) == 1

    def klarmarkera(self):
        return self._avsluta(self.S.KLAR, klar=timezone.now(), fel="")

    def misslyckas(self, fel):
        return self._avsluta(self.S.MISSLYCKAD, fel=fel)

    def hoppa_över(self, orsak):
        return self._avsluta(self.S.HOPPADES_ÖVER, fel=orsak, klar=timezone.now())

    def släpp(self, fel, nästa_försök):
        """Give the claim back after a transient error; the sweep publishes it when due."""
        return self._avsluta(self.S.VÄNTAR, fel=fel, nästa_försök=nästa_försök, låst_till=None)

    @classmethod
    def gör_om(cls, queryset, orsak):
        """Do done work again, because what it made was lost; returns the keys queued."""
        pks = list(queryset.filter(status=cls.S.KLAR).values_list("pk", flat=True))
        cls._övergå(Q(pk__in=pks), cls.S.VÄNTAR, nästa_försök=timezone.now(), försök=0, fel=orsak)
        return pks

    @classmethod
    def försök_igen(cls, queryset):
        """Queue failed rows again (a person asked); returns the keys of those queued."""
        pks = list(queryset.filter(status=cls.S.MISSLYCKAD).values_list("pk", flat=True))
        cls._övergå(
            Q(pk__in=pks), cls.S.VÄNTAR, nästa_försök=timezone.now(), försök=0, publicerad=None
        )
        return pks
