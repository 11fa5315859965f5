"""The rows of a remiss's and a remissinstans's history table (remiss/_historik.html).

A remiss to 25 nämnder gathers hundreds of events, shown on the matrix and on every instans
page; an event never changes once written (nämnder/historikskydd.py), so its row is rendered
once and then taken from the row cache (remiss/radminne.py)."""

from remiss import radminne

# What a row shows and nothing else (the events' other columns, the people's and nämnders',
# are not read): who did it, and with visa_nämnd whom it concerns.
_UTFÖRARE = [
    "remiss",
    "tidpunkt",
    "typ",
    "text",
    "utförd_av__first_name",
    "utförd_av__last_name",
    "utförd_av__username",
    "kontaktperson__namn",
    "kontaktperson__organisation__namn",
]
_GÄLLER = ["instans__nämnd__namn", "instans__organisation__namn"]


def rader(händelser, visa_nämnd=False):
    """The HTML rows of ``händelser`` (a queryset of Remisshändelser, oldest first);
    ``visa_nämnd`` adds the column naming the remissinstans each concerns."""
    relationer = ["utförd_av", "kontaktperson__organisation"]
    fält = _UTFÖRARE
    if visa_nämnd:
        relationer += ["instans__nämnd", "instans__organisation"]
        fält = _UTFÖRARE + _GÄLLER
    händelser = händelser.select_related(*relationer).only(*fält)
    return radminne.rader("remiss/_historikrad.html", [_rad(h, visa_nämnd) for h in händelser])


def _rad(händelse, visa_nämnd):
    """All that a history row shows (its cache key)."""
    gäller = händelse.instans.mottagare_namn if visa_nämnd and händelse.instans_id else ""
    return {
        "händelse": {
            "tidpunkt": händelse.tidpunkt,
            "visa_nämnd": visa_nämnd,
            "gäller": gäller,
            "typ": händelse.get_typ_display(),
            "text": händelse.text,
            "utförare": str(händelse.utförare),
        }
    }
