"""The förslag of a remiss (the points or questions KS asks every remissinstans to take a stance
on, e.g. the four fokusområden of a programme) and the stances delivered to KS.

- **Förslag** belong to the remiss and are edited only while it is an utkast; once it is sent,
  every answer refers to them, so they are fixed (``Förslag.save``/``delete`` refuse, whatever
  path the change takes). A remiss without förslag works as before: nobody is asked for a stance.
- **Ståndpunkt** is the closed set of stances an answer gives per förslag.
- **Ställningstagande** is one delivered stance: written when an answer reaches KS (a nämnd's
  svar, an external organisation's submitted answer), never edited. A correction after sending is
  a new numbered answer, so the rows carry the answer's number (``svarsnummer``): unique per
  instans, förslag and svarsnummer, and the compilation reads the latest answer's rows
  (``StällningstagandeQuerySet.gällande``). What KS was told first stays on record.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _


class Ståndpunkt(models.TextChoices):
    TILLSTYRKER = "tillstyrker", _("Tillstyrker")
    TILLSTYRKER_MED_ÄNDRINGAR = "tillstyrker_med_andringar", _("Tillstyrker med ändringar")
    AVSTYRKER = "avstyrker", _("Avstyrker")
    AVSTÅR = "avstar", _("Avstår")


class FörslagQuerySet(models.QuerySet):
    def update(self, **kwargs):
        self._kräv_utkast()
        return super().update(**kwargs)

    def delete(self):
        self._kräv_utkast()
        return super().delete()

    def _kräv_utkast(self):
        from remiss.models.remiss import Remiss

        if Remiss.objects.filter(pk__in=self.values("remiss")).exclude(status="utkast").exists():
            raise ValidationError(LÅST, code="skickad")


LÅST = _("Remissen är skickad. Förslagen kan inte ändras efter utskick.")


class Förslag(models.Model):
    """One numbered point of a remiss that every answer takes a stance on."""

    remiss = models.ForeignKey(
        "remiss.Remiss",
        on_delete=models.CASCADE,
        related_name="förslag",
        verbose_name=_("remiss"),
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"), default=1)
    rubrik = models.CharField(_("förslag"), max_length=300)
    text = models.TextField(_("beskrivning"), blank=True)

    objects = FörslagQuerySet.as_manager()

    class Meta:
        verbose_name = _("förslag")
        verbose_name_plural = _("förslag")
        ordering = ["remiss", "nummer", "pk"]

    def __str__(self):
        return f"{self.nummer}. {self.rubrik}"

    def save(self, *args, **kwargs):
        self._kräv_utkast()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._kräv_utkast()
        return super().delete(*args, **kwargs)

    def _kräv_utkast(self):
        from remiss.models.remiss import Remiss

        status = Remiss.objects.filter(pk=self.remiss_id).values_list("status", flat=True).first()
        if status is not None and status != Remiss.Status.UTKAST:
            raise ValidationError(LÅST, code="skickad")

    @classmethod
    @transaction.atomic
    def spara_för(cls, remiss, rader, borttagna, av):
        """Save the draft remiss's förslag: ``rader`` (new or edited Förslag, in the order
        wanted) are numbered 1, 2, 3 … in that order, ``borttagna`` are removed, and the result
        is written in the remiss's history. Refused once the remiss is sent."""
        from remiss.models.handelse import Remisshändelse

        låst = type(remiss).objects.select_for_update().get(pk=remiss.pk)
        if not låst.är_utkast:
            raise ValidationError(LÅST, code="skickad")
        borttagna = [förslag for förslag in borttagna if förslag.pk]
        for förslag in borttagna:
            förslag.delete()
        for nummer, förslag in enumerate(rader, start=1):
            förslag.remiss, förslag.nummer = låst, nummer
            förslag.save()
        text = _g("Förslag: %(förslag)s.") % {"förslag": "; ".join(map(str, rader)) or "inga"}
        if borttagna:
            text += " " + _g("Borttagna: %(förslag)s.") % {
                "förslag": "; ".join(map(str, borttagna))
            }
        låst.logga(Remisshändelse.Typ.ÄNDRAD, av, text)


class StällningstagandeQuerySet(models.QuerySet):
    def gällande(self):
        """The rows of each instans's latest answer: a correction (a higher svarsnummer)
        replaces what the instans said before, per förslag."""
        nyare = Ställningstagande.objects.filter(
            instans=OuterRef("instans"),
            förslag=OuterRef("förslag"),
            svarsnummer__gt=OuterRef("svarsnummer"),
        )
        return self.filter(~Exists(nyare))


def saknade(förslag, värden):
    """Swedish messages for each förslag without a stance in ``värden``
    (``{förslag_pk: (ståndpunkt, kommentar)}``); empty when every one has one."""
    return [
        _g("Välj ett ställningstagande till förslag %(nr)s ”%(rubrik)s”.")
        % {"nr": f.nummer, "rubrik": f.rubrik}
        for f in förslag
        if not (värden.get(f.pk) or ("", ""))[0]
    ]


class Ställningstagande(models.Model):
    """One delivered stance: what one remissinstans's answer number ``svarsnummer`` said about
    one förslag. Written once, when the answer reaches KS (``lämna``)."""

    instans = models.ForeignKey(
        "remiss.Remissinstans",
        on_delete=models.PROTECT,
        related_name="ställningstaganden",
        verbose_name=_("remissinstans"),
    )
    förslag = models.ForeignKey(
        Förslag,
        on_delete=models.PROTECT,
        related_name="ställningstaganden",
        verbose_name=_("förslag"),
    )
    svarsnummer = models.PositiveSmallIntegerField(
        _("svarsnummer"), default=1, help_text=_("Svaret (1, eller en rättelse 2, 3 …).")
    )
    ståndpunkt = models.CharField(_("ställningstagande"), max_length=30, choices=Ståndpunkt.choices)
    kommentar = models.TextField(_("kommentar"), blank=True)
    lämnad = models.DateTimeField(_("lämnad"), default=timezone.now)

    objects = StällningstagandeQuerySet.as_manager()

    class Meta:
        verbose_name = _("ställningstagande")
        verbose_name_plural = _("ställningstaganden")
        ordering = ["förslag__nummer", "instans", "svarsnummer"]
        constraints = [
            models.UniqueConstraint(
                "instans", "förslag", "svarsnummer", name="ett_ställningstagande_per_svar"
            )
        ]

    def __str__(self):
        return f"{self.förslag}: {self.get_ståndpunkt_display()}"

    def save(self, *args, **kwargs):
        if self.pk and type(self).objects.filter(pk=self.pk).exists():
            raise ValidationError(_("Ett lämnat ställningstagande kan inte ändras."))
        super().save(*args, **kwargs)

    @classmethod
    @transaction.atomic
    def lämna(cls, instans, svarsnummer, värden):
        """Write the stances of one answer reaching KS: ``värden = {förslag_pk: (ståndpunkt,
        kommentar)}`` must hold one stance for every förslag of the instans's remiss (nothing
        for a remiss without förslag). Returns the rows written."""
        förslag = list(Förslag.objects.filter(remiss_id=instans.remiss_id))
        if fel := saknade(förslag, värden):
            raise ValidationError(fel, code="ställningstagande_saknas")
        giltiga = set(Ståndpunkt.values)
        rader = []
        for f in förslag:
            ståndpunkt, kommentar = värden[f.pk]
            if ståndpunkt not in giltiga:
                raise ValidationError(_("Okänt ställningstagande."), code="okänt")
            rader.append(
                cls(
                    instans=instans,
                    förslag=f,
                    svarsnummer=svarsnummer,
                    ståndpunkt=ståndpunkt,
                    kommentar=(kommentar or "").strip(),
                )
            )
        return cls.objects.bulk_create(rader)
