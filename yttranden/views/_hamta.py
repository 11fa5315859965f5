from nämnder.permissions import hämta_för_användare
from yttranden.models import Tjänsteutlåtande


def hämta_utlåtande(user, pk, åtgärd=None):
    """The utlåtande if ``user`` may see it (else 404) and do ``åtgärd`` with it (else 403), as
    yttranden/atkomst.py declares ("redigera", "granska", "attestera", …)."""
    return hämta_för_användare(user, Tjänsteutlåtande.objects.med_ärende(), åtgärd=åtgärd, pk=pk)
