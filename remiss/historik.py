"""The rows of a remiss's and a remissinstans's history table (remiss/_historik.html).

A remiss to 25 nämnder gathers hundreds of events, shown on the matrix and on every instans
page; an event never changes once written (nämnder/historikskydd.py), so its row is rendered
once and then taken from the row cache (remiss/radminne.py)."""

from django.db.models import Q

from nämnder.kompilerade import kompilerad
from nämnder.models import Användare
from nämnder.models.valetiketter import etikett
from remiss import radminne
from remiss.models import Remisshändelse

# What a row shows and nothing else, read as plain values (no model instances: a remiss's
# history is the longest list on its pages): who did it, and with visa_nämnd whom it concerns.
_UTFÖRARE = [
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


MALL = "remiss/_historikrad.html"


def remissens(remiss):
    """What each row of the remiss ``remiss``'s (a pk) history shows, naming whom each event
    concerns: the matrix reads them from the row cache with its own rows (radminne.flera)."""
    return [_rad(händelse, True) for händelse in _remissens(remiss=remiss)]


@kompilerad
def _remissens(remiss):
    return Remisshändelse.objects.filter(remiss_id=remiss).values(*_UTFÖRARE, *_GÄLLER)


def instansens(instans, remiss, sedan):
    """The rows of an instans's history: its own events (``instans``, a pk) and those of the
    whole remiss (``remiss``) since ``sedan``, when it was sent."""
    händelser = _instansens(instans=instans, remiss=remiss, sedan=sedan)
    return radminne.rader(MALL, [_rad(händelse, False) for händelse in händelser])


@kompilerad
def _instansens(instans, remiss, sedan):
    return Remisshändelse.objects.filter(
        Q(instans_id=instans) | Q(remiss_id=remiss, instans=None, tidpunkt__gte=sedan)
    ).values(*_UTFÖRARE)


def _rad(händelse, visa_nämnd):
    """All that a history row shows (its cache key), from the values of one event."""
    gäller = ""
    if visa_nämnd:
        gäller = händelse["instans__nämnd__namn"] or händelse["instans__organisation__namn"] or ""
    return {
        "händelse": {
            "tidpunkt": händelse["tidpunkt"],
            "visa_nämnd": visa_nämnd,
            "gäller": gäller,
            "typ": etikett(Remisshändelse, "typ", händelse["typ"]),
            "text": händelse["text"],
            "utförare": _utförare(händelse),
        }
    }


def _utförare(händelse):
    """Who did it (as Remisshändelse.utförare names them): a user, or a contact person
    "via personlig länk"."""
    if händelse["kontaktperson__namn"] is not None:
        return Remisshändelse.via_personlig_länk(
            händelse["kontaktperson__namn"], händelse["kontaktperson__organisation__namn"]
        )
    return Användare.visningsnamn(
        händelse["utförd_av__first_name"],
        händelse["utförd_av__last_name"],
        händelse["utförd_av__username"],
    )
