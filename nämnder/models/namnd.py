from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from guardian.shortcuts import assign_perm, remove_perm

from nämnder.diarienummer import (
    STANDARDMÖNSTER,
    exempel_för,
    mönsterrader,
    validera_mönsterlista,
    validera_prefix,
)
from nämnder.models.valetiketter import Valetiketter
from nämnder.roller import ROLL_PERMISSIONS, Roll


class NämndQuerySet(models.QuerySet):
    def aktiva(self):
        return self.filter(aktiv=True)

    def av_typ(self, typ):
        return self.filter(typ=typ)

    def kommunstyrelsen(self):
        return self.get(typ=Nämnd.Typ.KOMMUNSTYRELSE, aktiv=True)


class Nämnd(Valetiketter, models.Model):
    """A nämnd (or a bolag's styrelse) together with the förvaltning that serves it.

    The förvaltning's letterhead data is kept here because every document the nämnd issues
    carries it; a förvaltning serves exactly one nämnd in the municipalities we build for.
    """

    class Typ(models.TextChoices):
        KOMMUNSTYRELSE = "kommunstyrelse", _("Kommunstyrelse")
        FACKNÄMND = "facknamnd", _("Facknämnd")
        STADSDELSNÄMND = "stadsdelsnamnd", _("Stadsdelsnämnd")
        BOLAG = "bolag", _("Bolag")

    namn = models.CharField(_("namn"), max_length=200, unique=True)
    kortnamn = models.CharField(
        _("kortnamn"), max_length=60, unique=True, help_text=_("Till exempel Södermalm.")
    )
    diarieprefix = models.CharField(
        _("diarieprefix"),
        max_length=10,
        unique=True,
        validators=[validera_prefix],
        help_text=_("Prefixet i nämndens diarienummer, till exempel UN, SOD eller ÄLV."),
    )
    diarienummermönster = models.TextField(
        _("mönster för diarienummer"),
        default=STANDARDMÖNSTER,
        validators=[validera_mönsterlista],
        help_text=_(
            "Ett mönster per rad; det första ger exemplet i felmeddelanden. Delar: {prefix} "
            "(diarieprefixet), {år} (fyra siffror), {löpnr} (löpnumret), {nr} (annat tal). "
            "Till exempel {prefix} {år}/{löpnr}, {år}/{löpnr} eller {nr}-{löpnr}/{år}."
        ),
    )
    typ = models.CharField(_("typ"), max_length=20, choices=Typ.choices)
    aktiv = models.BooleanField(
        _("aktiv"),
        default=True,
        help_text=_("Avmarkera när nämnden upphört, t.ex. vid en sammanslagning."),
    )
    förvaltning = models.CharField(
        _("förvaltning"), max_length=200, help_text=_("Till exempel Utbildningsförvaltningen.")
    )
    besöksadress = models.CharField(_("besöksadress"), max_length=200, blank=True)
    box = models.CharField(
        _("box"), max_length=40, blank=True, help_text=_("Till exempel Box 22049.")
    )
    postnummer = models.CharField(
        _("postnummer"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{3} ?\d{2}$", _("Skriv postnumret som 104 22."))],
    )
    postort = models.CharField(_("postort"), max_length=80, blank=True)
    växel = models.CharField(_("växel"), max_length=40, blank=True)
    epost = models.EmailField(_("e-post"), blank=True)
    webbplats = models.URLField(_("webbplats"), blank=True)

    objects = NämndQuerySet.as_manager()

    class Meta:
        verbose_name = _("nämnd")
        verbose_name_plural = _("nämnder")
        ordering = ["namn"]
        permissions = ROLL_PERMISSIONS
        constraints = [
            models.UniqueConstraint(
                Lower("namn"),
                name="nämnd_namn_unikt_oavsett_skiftläge",
                violation_error_message=_("Det finns redan en nämnd med det namnet."),
            ),
        ]

    def __str__(self):
        return self.namn

    def clean_fields(self, exclude=None):
        # Normalise before the validators run, so " älv " is accepted as ÄLV.
        self.diarieprefix = (self.diarieprefix or "").strip().upper()
        siffror = (self.postnummer or "").replace(" ", "")
        if len(siffror) == 5:
            self.postnummer = f"{siffror[:3]} {siffror[3:]}"
        super().clean_fields(exclude)

    @property
    def diarienummermönster_lista(self):
        return mönsterrader(self.diarienummermönster) or [STANDARDMÖNSTER]

    @property
    def diarienummerexempel(self):
        """The first pattern filled in, e.g. "UN 2023/740" or "2023/740"."""
        return exempel_för(self)

    @property
    def är_kommunstyrelsen(self):
        return self.typ == self.Typ.KOMMUNSTYRELSE

    @property
    def postadress(self):
        return " ".join(part for part in (self.postnummer, self.postort) if part)

    def tilldela_roll(self, användare, roll):
        roll = Roll(roll)
        if roll.endast_ks and not self.är_kommunstyrelsen:
            raise ValidationError(
                _("Rollen %(roll)s finns bara i kommunstyrelsen."), params={"roll": roll.label}
            )
        assign_perm(roll.perm, användare, self)

    def återkalla_roll(self, användare, roll):
        remove_perm(Roll(roll).perm, användare, self)


class Avdelning(models.Model):
    nämnd = models.ForeignKey(
        Nämnd, on_delete=models.CASCADE, related_name="avdelningar", verbose_name=_("nämnd")
    )
    namn = models.CharField(_("namn"), max_length=200)

    class Meta:
        verbose_name = _("avdelning")
        verbose_name_plural = _("avdelningar")
        ordering = ["namn"]
        constraints = [
            models.UniqueConstraint(
                "nämnd",
                Lower("namn"),
                name="avdelning_unik_per_nämnd",
                violation_error_message=_("Förvaltningen har redan en avdelning med det namnet."),
            )
        ]

    def __str__(self):
        return self.namn


class NämndUserObjectPermission(UserObjectPermissionBase):
    """A person's role in a nämnd (guardian's direct foreign key model, no generic relation)."""

    content_object = models.ForeignKey(Nämnd, on_delete=models.CASCADE, verbose_name=_("nämnd"))

    class Meta(UserObjectPermissionBase.Meta):
        abstract = False
        verbose_name = _("roll i nämnd")
        verbose_name_plural = _("roller i nämnder")


class NämndGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Nämnd, on_delete=models.CASCADE, verbose_name=_("nämnd"))

    class Meta(GroupObjectPermissionBase.Meta):
        abstract = False
        verbose_name = _("grupps roll i nämnd")
        verbose_name_plural = _("gruppers roller i nämnder")
