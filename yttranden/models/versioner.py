"""Every save of an utlåtande's text is kept as a numbered version: who, when and the whole
content, so any two can be compared. A save refused because it was based on an older version
is kept too (AvvisadSparning), so that nothing anyone wrote is lost."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class OföränderligQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("Sparade versioner kan inte ändras i efterhand."))

    def delete(self):
        raise ValidationError(_("Sparade versioner kan inte tas bort."))


class Oföränderlig(models.Model):
    objects = OföränderligQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Sparade versioner kan inte ändras i efterhand."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Sparade versioner kan inte tas bort."))


class Version(Oföränderlig):
    utlåtande = models.ForeignKey(
        "yttranden.Tjänsteutlåtande",
        on_delete=models.PROTECT,
        related_name="versioner",
        verbose_name=_("tjänsteutlåtande"),
    )
    nummer = models.PositiveIntegerField(_("nummer"))
    sparad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sparad av"),
    )
    sparad = models.DateTimeField(_("sparad"), auto_now_add=True)
    # {"sektioner": [{"id": pk, "rubrik": …, "html": …}, …]} — the whole text at this version.
    innehåll = models.JSONField(_("innehåll"))
    ändrade_avsnitt = models.JSONField(_("ändrade avsnitt"), default=list, blank=True)

    class Meta:
        verbose_name = _("sparad version")
        verbose_name_plural = _("sparade versioner")
        ordering = ["-nummer"]
        constraints = [
            models.UniqueConstraint(
                "utlåtande", "nummer", name="versionsnummer_unikt_per_utlåtande"
            )
        ]

    def __str__(self):
        return _("Version %(nr)s") % {"nr": self.nummer}

    def save(self, *args, **kwargs):
        if self.pk is None:
            self.utlåtande.kräv_redigerbart(från_databasen=True)
        super().save(*args, **kwargs)

    @property
    def sektioner(self):
        return self.innehåll.get("sektioner", [])


class AvvisadSparning(Oföränderlig):
    utlåtande = models.ForeignKey(
        "yttranden.Tjänsteutlåtande",
        on_delete=models.PROTECT,
        related_name="avvisade_sparningar",
        verbose_name=_("tjänsteutlåtande"),
    )
    sparad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    tidpunkt = models.DateTimeField(_("tidpunkt"), auto_now_add=True)
    grundad_på = models.PositiveIntegerField(_("grundad på version"))
    innehåll = models.JSONField(_("innehåll"))

    class Meta:
        verbose_name = _("avvisad sparning")
        verbose_name_plural = _("avvisade sparningar")
        ordering = ["-tidpunkt"]

    def __str__(self):
        return _("Avvisad sparning av %(vem)s") % {"vem": self.sparad_av}

    @property
    def sektioner(self):
        return self.innehåll.get("sektioner", [])
