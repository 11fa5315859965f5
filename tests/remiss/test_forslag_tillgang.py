"""The compilation by förslag, its exports and KS's own utlåtande: who gets what. The same
people as the sammanställning read it (KS's remissamordnare, läsare and registrator); only the
remissamordnare starts KS's own utlåtande; a recipient nämnd sees the remiss but not the
compilation; another nämnd is not told the remiss exists. Nothing changes on a refusal."""

import pytest
from django.urls import reverse

from nämnder.roller import Roll
from remiss.models import Förslag, Remiss, Remissinstans
from tests.factories import AnvändareFactory, RemissFactory
from yttranden.models import Tjänsteutlåtande


@pytest.fixture
def remiss(ks, un, ks_samordnare):
    remiss = RemissFactory(nämnd=ks, diarienummer="KS 2024/200", mottagare=[un])
    Förslag.objects.create(remiss=remiss, nummer=1, rubrik="Unga i riskzon")
    remiss.skicka(av=ks_samordnare)
    return remiss


@pytest.fixture
def ks_handläggare(ks):
    return AnvändareFactory(username="ks.handlaggare", roller=[(ks, Roll.HANDLÄGGARE)])


@pytest.fixture
def ks_registrator(ks):
    return AnvändareFactory(username="ks.registrator", roller=[(ks, Roll.REGISTRATOR)])


def _tillstånd():
    return (
        list(Remissinstans.med_eget.values_list("pk", "status", "eget").order_by("pk")),
        Tjänsteutlåtande.objects.count(),
        list(Remiss.objects.values_list("pk", "status")),
    )


SIDOR = [
    ("remisser:per_förslag", [], "get"),
    ("remisser:per_förslag_export", ["xlsx"], "get"),
    ("remisser:per_förslag_export", ["docx"], "get"),
    ("yttranden:påbörja_eget", [], "post"),
]
# Who: (per_förslag, xlsx, docx, påbörja_eget) status codes.
FÖRVÄNTAT = {
    "ks_samordnare": (200, 200, 200, 302),
    "ks_läsare": (200, 200, 200, 403),
    "ks_registrator": (200, 200, 200, 403),
    "ks_handläggare": (403, 403, 403, 403),  # sees the remiss (KS's own), not the compilation
    "registrator": (403, 403, 403, 403),  # a recipient nämnd's: sees the remiss only
    "outsider": (404, 404, 404, 404),  # Södermalm: not a recipient
}


@pytest.mark.parametrize("vem", list(FÖRVÄNTAT))
def test_who_reads_the_compilation_by_förslag_and_who_starts_ks_own_utlåtande(
    request, client, remiss, ks_handläggare, vem
):
    person = request.getfixturevalue(vem)
    client.force_login(person)
    for (namn, extra, metod), väntat in zip(SIDOR, FÖRVÄNTAT[vem], strict=True):
        före = _tillstånd()
        url = reverse(namn, args=[remiss.pk, *extra])
        data = {"handläggare": ks_handläggare.pk}
        svar = client.post(url, data) if metod == "post" else client.get(url)
        assert svar.status_code == väntat, (namn, extra)
        if väntat != 302:
            assert _tillstånd() == före


@pytest.mark.parametrize("namn, extra, metod", SIDOR)
def test_anonymous_visitors_are_sent_to_log_in(client, remiss, namn, extra, metod):
    före = _tillstånd()
    url = reverse(namn, args=[remiss.pk, *extra])
    svar = client.post(url) if metod == "post" else client.get(url)
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    assert _tillstånd() == före


def test_starting_ks_own_utlåtande_is_post_only(client, remiss, ks_samordnare):
    client.force_login(ks_samordnare)
    assert client.get(reverse("yttranden:påbörja_eget", args=[remiss.pk])).status_code == 405
