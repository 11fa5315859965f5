import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kalendernyckel(models.Model):
    """The secret in a calendar feed's address: a person's own deadlines (no nämnd) or one
    nämnd's deadlines and meetings. Calendar programs cannot log in, so whoever holds the
    address reads the feed; making a new one revokes the old."""

    användare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="kalendernycklar",
        verbose_name=_("användare"),
    )
    nämnd = models.ForeignKey(
        "nämnder.Nämnd",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nämnd"),
        help_text=_("Tom för personens egna svarsdatum."),
    )
    nyckel = models.CharField(_("nyckel"), max_length=64, unique=True, editable=False)
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("kalendernyckel")
        verbose_name_plural = _("kalendernycklar")
        constraints = [
            models.UniqueConstraint(
                "användare", "nämnd", condition=Q(nämnd__isnull=False), name="en_nyckel_per_nämnd"
            ),
            models.UniqueConstraint(
                "användare", condition=Q(nämnd__isnull=True), name="en_egen_nyckel"
            ),
        ]

    def __str__(self):
        return f"{self.användare}: {self.nämnd or _('egna svarsdatum')}"

    @classmethod
    @transaction.atomic
    def förnya(cls, användare, nämnd=None):
        """Make a new secret address for this feed; the old one stops working at once."""
        # Locking the person makes a double click give one new address, not an IntegrityError.
        get_user_model().objects.select_for_update().filter(pk=användare.pk).exists()
        cls.objects.filter(användare=användare, nämnd=nämnd).delete()
        return cls.objects.create(
            användare=användare, nämnd=nämnd, nyckel=secrets.token_urlsafe(32)
        )
