"""Kommunstyrelsen's own tjänsteutlåtande on a remiss: started from the compilation by förslag,
pre-filled with who tillstyrker and who avstyrker, then written, reviewed and attested by KS's
own handläggare, avdelningschef and direktör – without becoming one of the remiss's recipients."""

import pytest
from django.urls import reverse

from nämnder.roller import Roll
from remiss.models import Remiss, Remissinstans
from tests.factories import AnvändareFactory
from tests.kedja import skriv_klart
from tests.remiss.test_forslagssammanstallning import besvarad
from yttranden.models import Tjänsteutlåtande


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    return besvarad(ks, un, sod, ks_samordnare)


@pytest.fixture
def ks_personal(ks):
    return {
        roll: AnvändareFactory(username=f"ks.{roll.value}", roller=[(ks, roll)])
        for roll in (Roll.HANDLÄGGARE, Roll.AVDELNINGSCHEF, Roll.DIREKTÖR)
    }


def _påbörja(client, remiss, handläggare):
    return client.post(
        reverse("yttranden:påbörja_eget", args=[remiss.pk]), {"handläggare": handläggare.pk}
    )


def test_ks_starts_its_own_utlåtande_prefilled_from_the_answers(
    client, remiss, ks_samordnare, ks_personal
):
    handläggare = ks_personal[Roll.HANDLÄGGARE]
    client.force_login(ks_samordnare)
    sida = client.get(reverse("remisser:per_förslag", args=[remiss.pk])).text
    assert "Påbörja kommunstyrelsens tjänsteutlåtande" in sida
    räknare = Remiss.objects.values_list("antal_instanser", "antal_besvarade").get(pk=remiss.pk)
    svar = _påbörja(client, remiss, handläggare)
    utlåtande = Tjänsteutlåtande.objects.get(instans__eget=True)
    assert svar.status_code == 302 and svar.url == reverse("yttranden:detalj", args=[utlåtande.pk])
    instans = utlåtande.instans
    assert (instans.nämnd, instans.handläggare, instans.status) == (
        remiss.nämnd,
        handläggare,
        Remissinstans.Status.UNDER_BEREDNING,
    )
    beredning = utlåtande.sektioner.get(rubrik="Ärendets beredning").html
    assert "<h3>Förslag 3. Kriminella miljöer</h3>" in beredning
    assert "Avstyrker (2): Södermalms stadsdelsnämnd, Utbildningsnämnden" in beredning
    assert "Farsta stadsdelsnämnd (försenad)" in beredning
    assert utlåtande.versioner.count() == 2  # the mall, then the pre-filled summary
    # No recipient: the matrix, its counters and the compilation do not count KS itself.
    assert remiss.instanser.count() == 4
    assert (
        Remiss.objects.values_list("antal_instanser", "antal_besvarade").get(pk=remiss.pk)
        == räknare
    )
    sida = client.get(reverse("remisser:per_förslag", args=[remiss.pk])).text
    assert "Kommunstyrelsens eget tjänsteutlåtande är påbörjat" in sida
    assert "2 av 4 remissinstanser" in sida
    _påbörja(client, remiss, handläggare)  # a second press opens the same one
    assert Tjänsteutlåtande.objects.filter(instans__eget=True).count() == 1


def test_it_goes_through_ks_own_review_and_attest(client, remiss, ks_samordnare, ks_personal):
    client.force_login(ks_samordnare)
    _påbörja(client, remiss, ks_personal[Roll.HANDLÄGGARE])
    utlåtande = Tjänsteutlåtande.objects.get(instans__eget=True)
    assert utlåtande.granskare == ks_personal[Roll.AVDELNINGSCHEF]
    assert utlåtande.attestant == ks_personal[Roll.DIREKTÖR]
    assert not utlåtande.ståndpunkter.exists()  # KS compiles the stances, it does not take any
    client.force_login(ks_personal[Roll.HANDLÄGGARE])
    assert client.get(reverse("yttranden:redigera", args=[utlåtande.pk])).status_code == 200
    skriv_klart(utlåtande, ks_personal[Roll.HANDLÄGGARE])
    assert client.post(reverse("yttranden:skicka", args=[utlåtande.pk])).status_code == 302
    utlåtande.godkänn(av=ks_personal[Roll.AVDELNINGSCHEF])
    utlåtande.attestera(av=ks_personal[Roll.DIREKTÖR])
    utlåtande.refresh_from_db()
    assert utlåtande.status == Tjänsteutlåtande.Status.ATTESTERAD
    assert utlåtande.instans.status == Remissinstans.Status.ATTESTERAD
    sida = client.get(reverse("instanser:detalj", args=[utlåtande.instans.pk]))
    assert sida.status_code == 200


def test_a_handläggare_outside_kommunstyrelsen_is_refused_in_swedish(
    client, remiss, ks_samordnare, handläggare
):
    client.force_login(ks_samordnare)
    svar = _påbörja(client, remiss, handläggare)  # utbildningsnämndens, not KS's
    assert svar.status_code == 302
    följd = client.get(svar.url).text
    assert "Välj en handläggare i kommunstyrelsen." in följd
    assert not Remissinstans.med_eget.filter(eget=True).exists()
