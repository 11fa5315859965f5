from nämnder.kompilerade import kompilerad
from nämnder.permissions import hämta_för_användare
from yttranden.models import Tjänsteutlåtande


def hämta_utlåtande(user, pk, åtgärd=None):
    """The utlåtande if ``user`` may see it (else 404) and do ``åtgärd`` with it (else 403), as
    yttranden/atkomst.py declares ("redigera", "granska", "attestera", …)."""
    return hämta_för_användare(user, _utlåtandet, åtgärd=åtgärd, pk=int(pk))


@kompilerad  # once per process (nämnder/kompilerade.py): a join of nine tables on every page
def _utlåtandet(pk):
    return Tjänsteutlåtande.objects.med_ärende().filter(pk=pk)
