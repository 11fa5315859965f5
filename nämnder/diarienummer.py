"""Diarienummer and the patterns a nämnd writes them in.

Stockholm writes ``<PREFIX> <år>/<löpnummer>`` (``KS 2023/740``, ``ÄLV 2019/229``); other
kommuner and older diarier write ``2019/656``, ``320-845/2015`` or ``KS-2014/742.912``. Each
nämnd keeps its own patterns (``Nämnd.diarienummermönster``, one a line) in a small template
language rather than as regular expressions, so an administrator cannot write a pattern that
matches everything or takes exponential time:

    {prefix}  the nämnd's diarieprefix, e.g. KS
    {år}      a year of four digits
    {löpnr}   the serial number, 1–7 digits
    {nr}      any other number, 1–7 digits (a class or a sub-number)

Anything else is a literal character. Each pattern compiles to an anchored expression of
literals and bounded digit runs, which matches in linear time.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

PREFIX_MÖNSTER = r"[A-ZÅÄÖ]{1,10}"
STANDARDMÖNSTER = "{prefix} {år}/{löpnr}"
EXEMPEL_ÅR, EXEMPEL_LÖPNR, EXEMPEL_NR = "2023", "740", "12"

_DELAR = {
    "prefix": None,  # the nämnd's own prefix, escaped, filled in by kompilera()
    "år": r"(?P<år>\d{4})",
    "löpnr": r"(?P<löpnr>\d{1,7})",
    "nr": r"\d{1,7}",
}
_PLATS = re.compile(r"\{([^{}]*)\}")
_TILLÅTNA_TECKEN = re.compile(r"^[A-ZÅÄÖ0-9 ./:\-]+$")
MAX_LÄNGD = 40

validera_prefix = RegexValidator(
    rf"^{PREFIX_MÖNSTER}$",
    _("Diarieprefixet ska bestå av 1–10 versaler, till exempel KS, UN eller ÄLV."),
)


def _bitar(mönster):
    """The pattern as (literal, placeholder) pairs; raise ValidationError if malformed."""
    bitar, start = [], 0
    for träff in _PLATS.finditer(mönster):
        bitar.append((mönster[start : träff.start()], träff.group(1)))
        start = träff.end()
    bitar.append((mönster[start:], None))
    for literal, namn in bitar:
        if "{" in literal or "}" in literal:
            raise ValidationError(
                _("Mönstret %(mönster)s har en klammer som inte är stängd."),
                params={"mönster": mönster},
                code="ogiltigt_mönster",
            )
        if namn is not None and namn not in _DELAR:
            raise ValidationError(
                _("Okänd del {%(namn)s} i mönstret. Använd {prefix}, {år}, {löpnr} och {nr}."),
                params={"namn": namn},
                code="ogiltigt_mönster",
            )
    return bitar


def validera_mönster(mönster):
    """One pattern: known parts only, {löpnr} exactly once, {år} and {prefix} at most once."""
    bitar = _bitar(mönster)
    namn = [n for _l, n in bitar if n]
    if namn.count("löpnr") != 1:
        raise ValidationError(
            _("Mönstret %(mönster)s ska innehålla {löpnr} en gång."),
            params={"mönster": mönster},
            code="ogiltigt_mönster",
        )
    if namn.count("år") > 1 or namn.count("prefix") > 1:
        raise ValidationError(
            _("Mönstret %(mönster)s kan ha {år} och {prefix} högst en gång var."),
            params={"mönster": mönster},
            code="ogiltigt_mönster",
        )
    if len(mönster) > MAX_LÄNGD:
        raise ValidationError(
            _("Ett mönster får vara högst %(max)s tecken."),
            params={"max": MAX_LÄNGD},
            code="ogiltigt_mönster",
        )


def validera_mönsterlista(text):
    rader = mönsterrader(text)
    if not rader:
        raise ValidationError(_("Skriv minst ett mönster, till exempel {prefix} {år}/{löpnr}."))
    for rad in rader:
        validera_mönster(rad)


def mönsterrader(text):
    return [rad.strip() for rad in (text or "").splitlines() if rad.strip()]


def kompilera(mönster, prefix):
    delar = []
    for literal, namn in _bitar(mönster):
        delar.append(re.escape(literal.upper()))
        if namn == "prefix":
            delar.append(f"(?P<prefix>{re.escape(prefix)})")
        elif namn:
            delar.append(_DELAR[namn])
    return re.compile("^" + "".join(delar) + "$")


def exempel(mönster, prefix):
    """The pattern filled in, e.g. "UN 2023/740": what an error message shows as the example."""
    värden = {"prefix": prefix, "år": EXEMPEL_ÅR, "löpnr": EXEMPEL_LÖPNR, "nr": EXEMPEL_NR}
    return "".join(literal + värden.get(namn, "") for literal, namn in _bitar(mönster))


def normalisera(text):
    """Forgive extra and doubled spaces, spaces round the slash and lower case."""
    return re.sub(r" ?/ ?", "/", " ".join(str(text).split())).upper()


@dataclass(frozen=True)
class Diarienummer:
    text: str
    år: int | None
    löpnummer: int

    @classmethod
    def tolka(cls, text, nämnd=None):
        """Read a diarienummer written in one of ``nämnd``'s patterns (without a nämnd: the
        standard pattern with any prefix); raise ValidationError naming the nämnd's example."""
        normaliserad = normalisera(text)
        for mönster in _mönster_för(nämnd):
            träff = mönster.match(normaliserad)
            if träff:
                return cls._av_träff(normaliserad, träff)
        raise ValidationError(
            _("%(värde)s är inget giltigt diarienummer. Skriv till exempel %(exempel)s."),
            code="ogiltigt_diarienummer",
            params={"värde": text, "exempel": exempel_för(nämnd)},
        )

    @classmethod
    def _av_träff(cls, text, träff):
        år = int(träff["år"]) if "år" in träff.groupdict() else None
        if år is not None and not 1900 <= år <= 2200:
            raise ValidationError(
                _("Årtalet %(år)s i diarienumret är inte rimligt."),
                code="ogiltigt_diarienummer",
                params={"år": år},
            )
        return cls(text, år, int(träff["löpnr"]))

    @property
    def prefix(self):
        return self.text.split(" ", 1)[0] if " " in self.text else ""

    def __str__(self):
        return self.text


_STANDARD_UTAN_NÄMND = re.compile(
    rf"^(?P<prefix>{PREFIX_MÖNSTER}) (?P<år>\d{{4}})/(?P<löpnr>\d{{1,7}})$"
)


def _mönster_för(nämnd):
    if nämnd is None:
        return [_STANDARD_UTAN_NÄMND]
    return [kompilera(m, nämnd.diarieprefix) for m in nämnd.diarienummermönster_lista]


def exempel_för(nämnd):
    if nämnd is None:
        return "KS 2023/740"
    return exempel(nämnd.diarienummermönster_lista[0], nämnd.diarieprefix)


def validera_diarienummer(värde):
    """What any diarienummer must look like, whatever the nämnd's pattern: the field-level
    check. The nämnd's own patterns are checked where the nämnd is known (Diarienummer.tolka)."""
    text = normalisera(värde)
    if len(text) > MAX_LÄNGD or not _TILLÅTNA_TECKEN.match(text) or not re.search(r"\d", text):
        raise ValidationError(
            _("%(värde)s är inget giltigt diarienummer."),
            code="ogiltigt_diarienummer",
            params={"värde": värde},
        )
