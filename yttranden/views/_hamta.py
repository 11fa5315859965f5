from nämnder.kompilerade import kompilerad
from nämnder.permissions import alla_roller, tillgänglig
from yttranden.models import Tjänsteutlåtande


def hämta_utlåtande(user, pk, åtgärd=None):
    """The utlåtande if ``user`` may see it (else 404) and do ``åtgärd`` with it (else 403), as
    yttranden/atkomst.py declares ("redigera", "granska", "attestera", …)."""
    alla_roller(user)  # read every role once; the checks, the page and the menu reuse them
    return tillgänglig(user, _utlåtandet.första(pk=int(pk)), åtgärd=åtgärd)


@kompilerad  # once per process (nämnder/kompilerade.py): a join of nine tables on every page
def _utlåtandet(pk):
    return Tjänsteutlåtande.objects.med_ärende().filter(pk=pk)
