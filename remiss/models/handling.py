import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def handlingens_sökväg(handling, filnamn):
    # Stored under a random name: the original name is kept in the row, never trusted on disk.
    return f"remisser/{handling.remiss_id}/{uuid.uuid4().hex}"


class Handling(models.Model):
    """A document attached to a remiss (PDF, DOCX, XLSX or ODT), stored outside the web root."""

    remiss = models.ForeignKey(
        "remiss.Remiss",
        on_delete=models.CASCADE,
        related_name="handlingar",
        verbose_name=_("remiss"),
    )
    fil = models.FileField(_("fil"), upload_to=handlingens_sökväg, max_length=200)
    filnamn = models.CharField(_("filnamn"), max_length=255)
    innehållstyp = models.CharField(_("filtyp"), max_length=120)
    storlek = models.PositiveBigIntegerField(_("storlek i byte"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uppladdad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uppladdad = models.DateTimeField(_("uppladdad"), auto_now_add=True)

    class Meta:
        verbose_name = _("handling")
        verbose_name_plural = _("handlingar")
        ordering = ["uppladdad", "pk"]

    def __str__(self):
        return self.filnamn

    @property
    def nämnd(self):
        return self.remiss.nämnd
