"""Turn the utlåtande's proposal into the text the nämndsekreterare starts the beslut from."""

import re
from html import unescape

from django.utils.html import strip_tags

FÖRSLAGSRUBRIKER = ("förvaltningens förslag till beslut", "förslag till beslut")
SAMMANFATTNING = "sammanfattning"


def _ren(html):
    return " ".join(unescape(strip_tags(html)).split())


def sektion(sektioner, *rubriker):
    """The first section whose heading is one of ``rubriker`` (case-insensitive), or None."""
    for rubrik in rubriker:
        for kandidat in sektioner:
            if kandidat.rubrik.strip().lower() == rubrik:
                return kandidat
    return None


def förslag_som_text(sektioner):
    """The proposal as plain text: numbered points stay numbered ("1. …")."""
    förslag = sektion(sektioner, *FÖRSLAGSRUBRIKER)
    if förslag is None:
        return ""
    punkter = re.findall(r"<li[^>]*>(.*?)</li>", förslag.html, flags=re.S)
    if punkter:
        return "\n".join(f"{nr}. {_ren(punkt)}" for nr, punkt in enumerate(punkter, start=1))
    stycken = re.findall(r"<p[^>]*>(.*?)</p>", förslag.html, flags=re.S) or [förslag.html]
    return "\n\n".join(_ren(stycke) for stycke in stycken if _ren(stycke))


def föreslår_omedelbar_justering(text):
    text = text.lower()
    return "justeras omedelbart" in text or "omedelbart justerat" in text


_JUSTERINGSPUNKT = re.compile(
    r"^\s*(?:\d+[.)]\s*)?(?:att\s+)?"
    r"(?:beslutet\s+justeras\s+omedelbart|förklara\s+beslutet\s+omedelbart\s+justerat)"
    r"[.!]?\s*$",
    flags=re.I,
)


def utan_justeringspunkt(text):
    """The beslut without its point on immediate justering: the protokollsutdrag says that
    once, under "Justering"."""
    rader = [rad for rad in text.splitlines() if not _JUSTERINGSPUNKT.match(rad)]
    return "\n".join(rader).strip()


_PUNKT = re.compile(r"^\s*(?:[-–•]\s*)?(\d+)[.)]\s+(.*)$", flags=re.S)


def stycken(text):
    """A plain-text uttalande as blocks, for the document: ``("stycke", text)`` for a
    paragraph and ``("punkter", [(nr, text), …])`` for a run of numbered points ("1) …",
    "- 2) …", "3. …"), so they print as a numbered list as in the Älvsjö seed."""
    block = []
    for del_ in re.split(r"\n\s*\n", text or ""):
        del_ = " ".join(del_.split())
        if not del_:
            continue
        if träff := _PUNKT.match(del_):
            punkt = (int(träff[1]), träff[2])
            if block and block[-1][0] == "punkter":
                block[-1][1].append(punkt)
            else:
                block.append(("punkter", [punkt]))
        else:
            block.append(("stycke", del_))
    return block
