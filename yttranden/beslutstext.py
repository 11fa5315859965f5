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
