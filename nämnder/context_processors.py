from django.utils.functional import SimpleLazyObject

from nämnder.models import Kommun


def kommun(request):
    """The installation's kommun, read only by a page that uses it."""
    return {"kommun": SimpleLazyObject(Kommun.aktuell)}
