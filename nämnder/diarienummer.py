"""Diarienummer: ``<PREFIX> <år>/<löpnummer>``, for example ``KS 2023/740`` or ``ÄLV 2019/229``."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

PREFIX_MÖNSTER = r"[A-ZÅÄÖ]{1,10}"
DNR_MÖNSTER = re.compile(
    rf"^(?P<prefix>{PREFIX_MÖNSTER}) (?P<år>\d{{4}})/(?P<löpnummer>\d{{1,7}})$"
)

validera_prefix = RegexValidator(
    rf"^{PREFIX_MÖNSTER}$",
    _("Diarieprefixet ska bestå av 1–10 versaler, till exempel KS, UN eller ÄLV."),
)


@dataclass(frozen=True, order=True)
class Diarienummer:
    prefix: str
    år: int
    löpnummer: int

    @classmethod
    def tolka(cls, text):
        """Read a diarienummer, forgiving extra spaces and lower case; raise ValidationError."""
        normaliserad = " ".join(str(text).split()).upper().replace(" / ", "/")
        träff = DNR_MÖNSTER.match(normaliserad)
        if not träff:
            raise ValidationError(
                _("%(värde)s är inget giltigt diarienummer. Skriv till exempel KS 2023/740."),
                code="ogiltigt_diarienummer",
                params={"värde": text},
            )
        år = int(träff["år"])
        if not 1900 <= år <= 2200:
            raise ValidationError(
                _("Årtalet %(år)s i diarienumret är inte rimligt."),
                code="ogiltigt_diarienummer",
                params={"år": år},
            )
        return cls(träff["prefix"], år, int(träff["löpnummer"]))

    def __str__(self):
        return f"{self.prefix} {self.år}/{self.löpnummer}"


def validera_diarienummer(värde):
    Diarienummer.tolka(värde)
