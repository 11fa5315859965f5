"""What the navigation offers each person, derived from the roles they hold."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nämnder.permissions import alla_roller


def _länkar(request, roller):
    länkar = [(_("Start"), reverse("start"))]
    länkar.append((_("Nämnder"), reverse("nämnder:lista")))
    if request.user.is_staff:
        länkar.append((_("Administration"), reverse("admin:index")))
    return länkar


def navigering(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roller = alla_roller(user)
    aktuell = request.path
    länkar = [
        {
            "text": text,
            "url": url,
            "aktuell": url == aktuell or (url != "/" and aktuell.startswith(url)),
        }
        for text, url in _länkar(request, roller)
    ]
    return {"mina_roller": roller, "navigering": länkar}
