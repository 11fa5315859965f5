"""What single sign-on needs to remember: which IdP group gives which role, which IdP account is
which person, and the history of every role given or taken."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from nämnder.roller import Roll


class Gruppkoppling(models.Model):
    """An IdP group (a value of the OIDC groups claim or of the SAML group attribute) that gives
    its members one role in one nämnd. Several rows may name the same group."""

    grupp = models.CharField(
        _("grupp i kommunens inloggningstjänst"),
        max_length=255,
        help_text=_(
            "Gruppens värde så som inloggningstjänsten skickar det, till exempel gruppens "
            "objekt-id i Entra ID eller gruppnamnet i SAML-attributet."
        ),
    )
    nämnd = models.ForeignKey(
        "nämnder.Nämnd",
        on_delete=models.CASCADE,
        related_name="gruppkopplingar",
        verbose_name=_("nämnd"),
    )
    roll = models.CharField(_("roll"), max_length=30, choices=Roll.choices)

    class Meta:
        verbose_name = _("gruppkoppling")
        verbose_name_plural = _("gruppkopplingar")
        ordering = ["grupp", "nämnd__namn", "roll"]
        constraints = [
            models.UniqueConstraint(fields=["grupp", "nämnd", "roll"], name="gruppkoppling_en_gang")
        ]

    def __str__(self):
        return f"{self.grupp} → {self.nämnd}: {self.get_roll_display()}"

    def clean(self):
        if self.nämnd_id and Roll(self.roll).endast_ks and not self.nämnd.är_kommunstyrelsen:
            raise ValidationError({"roll": _("Den rollen finns bara i kommunstyrelsen.")})


class ExternIdentitet(models.Model):
    """One account at an identity provider (its issuer or entity id and the subject it gives
    the person), linked to one person in Remiss."""

    användare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="externa_identiteter",
        verbose_name=_("användare"),
    )
    utfärdare = models.CharField(_("utfärdare"), max_length=500)
    subjekt = models.CharField(_("subjekt"), max_length=500)
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    senast_inloggad = models.DateTimeField(_("senast inloggad"), null=True, blank=True)

    class Meta:
        verbose_name = _("extern identitet")
        verbose_name_plural = _("externa identiteter")
        constraints = [
            models.UniqueConstraint(fields=["utfärdare", "subjekt"], name="extern_identitet_unik")
        ]

    def __str__(self):
        return f"{self.subjekt} ({self.utfärdare})"


class Rollhändelse(models.Model):
    """A role given or taken: who, in which nämnd, by whom or by which source (for example the
    groups from the kommun's IdP at a login). Written once, never changed or removed."""

    class Typ(models.TextChoices):
        GIVEN = "given", _("Roll given")
        TAGEN = "tagen", _("Roll tagen")

    användare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="rollhändelser",
        verbose_name=_("användare"),
    )
    nämnd = models.ForeignKey(
        "nämnder.Nämnd", on_delete=models.PROTECT, related_name="+", verbose_name=_("nämnd")
    )
    roll = models.CharField(_("roll"), max_length=30, choices=Roll.choices)
    typ = models.CharField(_("typ"), max_length=10, choices=Typ.choices)
    utförd_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("utförd av"),
    )
    källa = models.CharField(_("källa"), max_length=200, blank=True)
    tidpunkt = models.DateTimeField(_("tidpunkt"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("rollhändelse")
        verbose_name_plural = _("rollhändelser")
        ordering = ["tidpunkt", "pk"]

    def __str__(self):
        return f"{self.get_typ_display()}: {self.användare}, {self.get_roll_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Historiken kan inte ändras i efterhand."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Historiken kan inte tas bort."))
