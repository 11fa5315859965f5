"""KS's register of external organisations asked for their views beside the nämnder: bolag,
råd, myndigheter, föreningar. Each has contact people who get a personal link to answer
(remiss/models/svarslank.py); none of them has an account."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

_ORGNR = re.compile(r"^(\d{6})-?(\d{4})$")


def _luhn(siffror):
    summa = 0
    for i, siffra in enumerate(int(s) for s in siffror):
        produkt = siffra * (2 if i % 2 == 0 else 1)
        summa += produkt - 9 if produkt > 9 else produkt
    return summa % 10 == 0


def normalisera_organisationsnummer(värde):
    """``5560000000`` or ``556000-0000`` as ``556000-0000``; a wrong one raises in Swedish."""
    träff = _ORGNR.match((värde or "").strip())
    if not träff:
        raise ValidationError(
            _("Skriv organisationsnumret som tio siffror, NNNNNN-NNNN."), code="format"
        )
    if not _luhn("".join(träff.groups())):
        raise ValidationError(
            _("Organisationsnumret stämmer inte: kontrollsiffran är fel. Kontrollera numret."),
            code="kontrollsiffra",
        )
    return "-".join(träff.groups())


def validera_organisationsnummer(värde):
    normalisera_organisationsnummer(värde)


class OrganisationQuerySet(models.QuerySet):
    def aktiva(self):
        return self.filter(aktiv=True)


class Organisation(models.Model):
    """An organisation outside the kommun's nämnder that KS asks for its views."""

    namn = models.CharField(_("namn"), max_length=200)
    organisationsnummer = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        unique=True,
        validators=[validera_organisationsnummer],
        help_text=_("Tio siffror, NNNNNN-NNNN."),
        error_messages={"unique": _("Det finns redan en organisation med det numret.")},
    )
    aktiv = models.BooleanField(
        _("aktiv"), default=True, help_text=_("Bara aktiva organisationer kan få nya remisser.")
    )
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("extern organisation")
        verbose_name_plural = _("externa organisationer")
        ordering = ["namn"]

    def __str__(self):
        return self.namn

    def kräv_kontakt(self):
        """A remiss can go to the organisation only through a contact person's link."""
        if not self.kontaktpersoner.filter(aktiv=True).exists():
            raise ValidationError(
                _("%(org)s har ingen kontaktperson. Lägg till en innan remissen skickas.")
                % {"org": self.namn},
                code="ingen_kontakt",
            )

    def clean_fields(self, exclude=None):
        if self.organisationsnummer and "organisationsnummer" not in (exclude or ()):
            try:
                self.organisationsnummer = normalisera_organisationsnummer(self.organisationsnummer)
            except ValidationError as fel:
                raise ValidationError({"organisationsnummer": fel.error_list}) from None
        super().clean_fields(exclude)


class Kontaktperson(models.Model):
    """Someone at an organisation who receives the remiss and may answer for it."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="kontaktpersoner",
        verbose_name=_("organisation"),
    )
    namn = models.CharField(_("namn"), max_length=200)
    epost = models.EmailField(
        _("e-post"), error_messages={"invalid": _("Skriv en giltig e-postadress.")}
    )
    aktiv = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["namn", "pk"]
        constraints = [
            models.UniqueConstraint(
                "organisation",
                "epost",
                name="en_kontakt_per_adress_och_organisation",
                violation_error_message=_("Organisationen har redan en kontakt med den adressen."),
            )
        ]

    def __str__(self):
        return f"{self.namn}, {self.organisation}"
