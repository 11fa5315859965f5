from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Användare(AbstractUser):
    """A person in the organisation. The roles are object permissions on nämnder (see Nämnd)."""

    befattning = models.CharField(
        _("befattning"),
        max_length=120,
        blank=True,
        help_text=_("Till exempel Utbildningsdirektör."),
    )
    telefon = models.CharField(_("telefon"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self):
        return self.visningsnamn(self.first_name, self.last_name, self.username)

    @staticmethod
    def visningsnamn(förnamn, efternamn, användarnamn):
        """How a person is named (``str()``), from the three columns: for rows read as values."""
        return f"{förnamn or ''} {efternamn or ''}".strip() or användarnamn or ""

    @property
    def namn_och_befattning(self):
        return f"{self}, {self.befattning}" if self.befattning else str(self)
