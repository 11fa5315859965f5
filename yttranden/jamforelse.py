"""A readable comparison of two saved versions: per section, paragraph by paragraph, with the
changed words marked <del>/<ins> (and a visually hidden word for screen readers, which do not
announce those elements by themselves)."""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import mark_safe

from yttranden.formatering import textblock

_ORD = re.compile(r"\s+|[^\s]+")
# Runs of unchanged paragraphs longer than this are folded to keep long documents readable.
SAMMANHANG = 1


def _del(text):
    return f'<del><span class="ds-sr-only">Borttaget: </span>{escape(text)}</del>'


def _ins(text):
    return f'<ins><span class="ds-sr-only">Tillagt: </span>{escape(text)}</ins>'


def ordjämförelse(före, efter):
    """One paragraph's changes, word by word, as safe HTML."""
    a, b = _ORD.findall(före), _ORD.findall(efter)
    delar = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            delar.append(escape("".join(a[i1:i2])))
        if op in ("delete", "replace"):
            delar.append(_del("".join(a[i1:i2])))
        if op in ("insert", "replace"):
            delar.append(_ins("".join(b[j1:j2])))
    return mark_safe("".join(delar))


@dataclass
class Avsnittsjämförelse:
    rubrik: str
    tidigare_rubrik: str = ""
    stycken: list = field(default_factory=list)  # (typ, safe html): lika/ändrat/tillagt/borttaget
    ändrat: bool = False


def _stycken(före, efter):
    a, b = textblock(före), textblock(efter)
    rader = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            lika = a[i1:i2]
            if len(lika) > 2 * SAMMANHANG + 1:
                utelämnade = len(lika) - 2 * SAMMANHANG
                lika = [*lika[:SAMMANHANG], None, *lika[-SAMMANHANG:]]
            for text in lika:
                if text is None:
                    rader.append(("utelämnat", f"{utelämnade} oförändrade stycken"))
                else:
                    rader.append(("lika", escape(text)))
            continue
        gamla, nya = a[i1:i2], b[j1:j2]
        for k in range(max(len(gamla), len(nya))):
            if k < len(gamla) and k < len(nya):
                rader.append(("ändrat", ordjämförelse(gamla[k], nya[k])))
            elif k < len(gamla):
                rader.append(("borttaget", mark_safe(_del(gamla[k]))))
            else:
                rader.append(("tillagt", mark_safe(_ins(nya[k]))))
    return rader


def jämför(äldre, nyare):
    """Compare two contents ({"sektioner": [...]}) section by section, matched by section id."""
    gamla = {s["id"]: s for s in äldre["sektioner"]}
    resultat = []
    for sektion in nyare["sektioner"]:
        tidigare = gamla.pop(sektion["id"], {"rubrik": "", "html": ""})
        jämförelse = Avsnittsjämförelse(rubrik=sektion["rubrik"])
        if tidigare["rubrik"] != sektion["rubrik"]:
            jämförelse.tidigare_rubrik = tidigare["rubrik"]
            jämförelse.ändrat = True
        if tidigare["html"] != sektion["html"]:
            jämförelse.stycken = _stycken(tidigare["html"], sektion["html"])
            if not any(typ not in ("lika", "utelämnat") for typ, _ in jämförelse.stycken):
                jämförelse.stycken.append(("formatering", "Bara formateringen har ändrats."))
            jämförelse.ändrat = True
        resultat.append(jämförelse)
    for borttagen in gamla.values():
        resultat.append(
            Avsnittsjämförelse(
                rubrik=borttagen["rubrik"],
                stycken=[("borttaget", mark_safe(_del(t))) for t in textblock(borttagen["html"])],
                ändrat=True,
            )
        )
    return resultat
