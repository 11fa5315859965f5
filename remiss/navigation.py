"""What the navigation offers each person, derived from the roles they hold."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nämnder.permissions import alla_roller
from nämnder.roller import KS_ROLLER, Roll


def _länkar(request, roller):
    länkar = [(_("Start"), reverse("start"))]
    mina = {roll for _nämnd, roll in roller}
    if mina & KS_ROLLER:
        länkar.append((_("Remisser"), reverse("remisser:översikt")))
    if any(r == Roll.REMISSAMORDNARE and n.är_kommunstyrelsen for n, r in roller):
        länkar.append((_("Ny remiss"), reverse("ks:ny")))
        länkar.append((_("Anstånd"), reverse("ks:anstånd")))
        länkar.append((_("Externa organisationer"), reverse("organisationer:lista")))
    if Roll.REGISTRATOR in mina:
        länkar.append((_("Inkorg"), reverse("instanser:inkorg")))
    if mina - KS_ROLLER:
        länkar.append((_("Våra remisser"), reverse("instanser:lista")))
    if Roll.AVDELNINGSCHEF in mina:
        länkar.append((_("Att granska"), reverse("yttranden:att_granska")))
    if Roll.DIREKTÖR in mina:
        länkar.append((_("Att attestera"), reverse("yttranden:att_attestera")))
    länkar.append((_("Nämnder"), reverse("nämnder:lista")))
    länkar.append((_("Kalender"), reverse("kalender:kalender")))
    länkar.append((_("Verifiera handling"), reverse("pdf:verifiera")))
    if request.user.is_staff:
        länkar.append((_("Administration"), reverse("admin:index")))
    return länkar


def navigering(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roller = alla_roller(user)
    aktuell = request.path
    par = _länkar(request, roller)
    # The longest matching link is the current one: /instanser/inkorg/ is Inkorg, not also Våra.
    träffar = [
        url for _text, url in par if url == aktuell or (url != "/" and aktuell.startswith(url))
    ]
    bästa = max(träffar, key=len, default=None)
    länkar = [{"text": text, "url": url, "aktuell": url == bästa} for text, url in par]
    return {"mina_roller": roller, "navigering": länkar}
