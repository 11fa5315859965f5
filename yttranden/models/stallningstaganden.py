"""Stances on the remiss's förslag inside a nämnd's answer (remiss/models/forslag.py has the
förslag and the delivered ``Ställningstagande``; yttranden/stallningstaganden.py the steps).

- ``Ståndpunktsrad``: the tjänsteutlåtande's "Ställningstaganden" part, one row per förslag,
  content like its sections: changed only while the utlåtande is an utkast, kept in every
  version, covered by the attest's checksum and copied when the utlåtande is reopened.
- ``Beslutsståndpunkt``: what the nämnd decided per förslag, pre-filled from the utlåtande when
  the beslut is registered and, like the beslut, recorded once. These are what reach KS.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from remiss.models import Ståndpunkt
from yttranden.models.delar import Innehållsdel


class Ståndpunktsrad(Innehållsdel):
    """The utlåtande's stance on one förslag (empty while the handläggare has not chosen)."""

    förslag = models.ForeignKey(
        "remiss.Förslag", on_delete=models.PROTECT, related_name="+", verbose_name=_("förslag")
    )
    ståndpunkt = models.CharField(
        _("ställningstagande"), max_length=30, choices=Ståndpunkt.choices, blank=True
    )
    kommentar = models.TextField(_("kommentar"), blank=True)

    class Meta(Innehållsdel.Meta):
        default_related_name = "ståndpunkter"
        verbose_name = _("ställningstagande i utlåtandet")
        verbose_name_plural = _("ställningstaganden i utlåtandet")
        constraints = [
            models.UniqueConstraint("utlåtande", "förslag", name="en_ståndpunkt_per_förslag")
        ]

    def __str__(self):
        return f"{self.förslag}: {self.get_ståndpunkt_display() or '–'}"


class Beslutsståndpunkt(models.Model):
    """The nämnd's decided stance on one förslag, recorded with its beslut."""

    beslut = models.ForeignKey(
        "yttranden.Beslut",
        on_delete=models.PROTECT,
        related_name="ståndpunkter",
        verbose_name=_("beslut"),
    )
    förslag = models.ForeignKey(
        "remiss.Förslag", on_delete=models.PROTECT, related_name="+", verbose_name=_("förslag")
    )
    ståndpunkt = models.CharField(_("ställningstagande"), max_length=30, choices=Ståndpunkt.choices)
    kommentar = models.TextField(_("kommentar"), blank=True)

    class Meta:
        verbose_name = _("ställningstagande i beslutet")
        verbose_name_plural = _("ställningstaganden i beslutet")
        ordering = ["förslag__nummer"]
        constraints = [
            models.UniqueConstraint("beslut", "förslag", name="en_beslutsståndpunkt_per_förslag")
        ]

    def __str__(self):
        return f"{self.förslag}: {self.get_ståndpunkt_display()}"
