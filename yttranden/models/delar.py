"""The parts of an utlåtande's content: its sections and its list of bilagor. Both change only
while the utlåtande is an utkast, whatever path the change takes (form, admin, ORM)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yttranden.formatering import sanera


class InnehållQuerySet(models.QuerySet):
    """Bulk updates and deletes are refused as soon as one affected utlåtande is not an utkast."""

    def _kräv_utkast(self):
        from yttranden.models.utlatande import Tjänsteutlåtande

        utlåtanden = Tjänsteutlåtande.objects.filter(pk__in=self.values("utlåtande"))
        for utlåtande in utlåtanden.exclude(status=Tjänsteutlåtande.Status.UTKAST):
            utlåtande.kräv_redigerbart()

    def update(self, **kwargs):
        self._kräv_utkast()
        return super().update(**kwargs)

    def delete(self):
        self._kräv_utkast()
        return super().delete()


class Innehållsdel(models.Model):
    utlåtande = models.ForeignKey(
        "yttranden.Tjänsteutlåtande", on_delete=models.CASCADE, verbose_name=_("tjänsteutlåtande")
    )
    ordning = models.PositiveSmallIntegerField(_("ordning"), default=1)

    objects = InnehållQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["ordning", "pk"]

    def save(self, *args, **kwargs):
        self.utlåtande.kräv_redigerbart(från_databasen=True)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.utlåtande.kräv_redigerbart(från_databasen=True)
        return super().delete(*args, **kwargs)


class Sektion(Innehållsdel):
    """One section of the document: a heading and formatted text (sanitised HTML)."""

    rubrik = models.CharField(_("rubrik"), max_length=200)
    html = models.TextField(_("text"), blank=True)
    obligatorisk = models.BooleanField(_("obligatorisk"), default=True)

    class Meta(Innehållsdel.Meta):
        default_related_name = "sektioner"
        verbose_name = _("avsnitt")
        verbose_name_plural = _("avsnitt")

    def __str__(self):
        return self.rubrik

    def save(self, *args, **kwargs):
        self.html = sanera(self.html)
        super().save(*args, **kwargs)

    @property
    def säker_html(self):
        """Sanitised again on the way out: a row written by any other path is still harmless."""
        return sanera(self.html)


class Bilaga(Innehållsdel):
    titel = models.CharField(_("titel"), max_length=400)

    class Meta(Innehållsdel.Meta):
        default_related_name = "bilagor"
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self):
        return self.titel
