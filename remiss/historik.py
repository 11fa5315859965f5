"""The rows of a remiss's and a remissinstans's history table (remiss/_historik.html).

A remiss to 25 nämnder gathers hundreds of events, shown on the matrix and on every instans
page; an event never changes once written (nämnder/historikskydd.py), so its row is rendered
once and then taken from the row cache (remiss/radminne.py)."""

from remiss import radminne


def rader(händelser, visa_nämnd=False):
    """The HTML rows of ``händelser`` (Remisshändelser, oldest first); ``visa_nämnd`` adds the
    column naming the remissinstans each concerns (its instans and the instans's nämnd or
    organisation selected with it)."""
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
