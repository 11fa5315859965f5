from django.core.exceptions import PermissionDenied

from nämnder.permissions import hämta_för_användare
from yttranden.models import Tjänsteutlåtande


def hämta_utlåtande(user, pk, *roller, får=None):
    """The utlåtande if ``user`` may see it (else 404) and hold one of ``roller`` in its nämnd
    (else 403); ``får`` names the utlåtande's own check, e.g. "får_granska" (else 403)."""
    utlåtande = hämta_för_användare(user, Tjänsteutlåtande.objects.med_ärende(), *roller, pk=pk)
    if får and not getattr(utlåtande, får)(user):
        raise PermissionDenied
    return utlåtande
