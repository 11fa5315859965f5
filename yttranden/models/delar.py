"""The parts of an utlåtande's content: its sections and its list of bilagor. Both change only
while the utlåtande is an utkast, whatever path the change takes (form, admin, ORM)."""

import uuid

from django.conf import settings
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


def bilagans_sökväg(bilaga, filnamn):
    # A random name, as for the remiss's handlingar: the original name is kept in the row.
    return f"bilagor/{bilaga.utlåtande_id}/{uuid.uuid4().hex}"


class Bilaga(Innehållsdel):
    """One numbered bilaga: a title only, one of the remiss's own handlingar, or a file
    uploaded to the utlåtande (checked by its content like the remiss's handlingar)."""

    titel = models.CharField(_("titel"), max_length=400)
    handling = models.ForeignKey(
        "remiss.Handling",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("remissens handling"),
    )
    fil = models.FileField(_("fil"), upload_to=bilagans_sökväg, max_length=200, blank=True)
    filnamn = models.CharField(_("filnamn"), max_length=255, blank=True)
    innehållstyp = models.CharField(_("filtyp"), max_length=120, blank=True)
    storlek = models.PositiveBigIntegerField(_("storlek i byte"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    uppladdad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta(Innehållsdel.Meta):
        default_related_name = "bilagor"
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self):
        return self.titel

    @property
    def har_fil(self):
        return bool(self.fil) or self.handling_id is not None

    def öppna(self):
        """The file's bytes as an open file (the uploaded file, or the remiss's handling)."""
        if self.handling_id:
            return self.handling.fil.open("rb")
        return self.fil.open("rb")

    @property
    def visat_filnamn(self):
        return self.handling.filnamn if self.handling_id else self.filnamn

    @property
    def kontrollsumma(self):
        """The file's SHA-256 ("" for a title only): part of what the attest covers."""
        if self.handling_id:
            return self.handling.sha256
        return self.sha256
