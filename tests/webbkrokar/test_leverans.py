"""Webhooks end to end: a remiss goes its whole way – sent, registered, assigned, declined by
Södermalm, given anstånd, attested, decided, answered and closed, by the web pages and the model
methods they call – while three API clients' receivers (real HTTP servers checking every
signature with the ``standardwebhooks`` package) answer 500 for a while, and a real Celery worker
delivers through the outbox. Each receiver sees each event it may see exactly once, with the same
webhook-id on every retry, and nothing outside its client's scope."""

import datetime
from collections import Counter

from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from nämnder.permissions import kan_se
from nämnder.roller import Roll
from remiss.models import Anstånd, Remissinstans, Utkorgspost, Webbkrokshändelse
from tests.factories import AnvändareFactory, RemissFactory, SammanträdeFactory
from tests.kedja import NÄMNDENS_DNR, REMISSDATUM, SVAR_SENAST, till_attest
from tests.utkorg_hjalp import vänta_på_utkorgen
from tests.webbkrokar.conftest import krok
from tests.webbkrokar.mottagare import Mottagare
from yttranden.models import Beslut, Svar, Ärende

# What each client may see, by the policy at the moment of each event (README, "Vem ser vad").
ALLT = [
    "anstand.beviljat",
    "beslut.fattat",  # the nämnd's own until the answer is sent: not KS's
    "remiss.avslutad",
    "remiss.skickad",
    "remissinstans.avstar",  # Södermalm's instans
    "remissinstans.registrerad",
    "remissinstans.tilldelad",
    "svar.skickat",
    "tjansteutlatande.attesterat",
]
FÖR_UN = sorted(set(ALLT) - {"remissinstans.avstar"})
FÖR_KS = sorted(set(ALLT) - {"beslut.fattat"})
# Södermalm: the remiss it received, its own decline, and the sent answer (an allmän handling).
FÖR_SOD = ["remiss.avslutad", "remiss.skickad", "remissinstans.avstar", "svar.skickat"]


def _hela_vägen(client, ks, un, sod, personer):
    """Every event, by the pages where a page does it and the model methods the pages call."""
    samordnare, registrator, handläggare, chef, direktör, sekreterare, sod_registrator = personer
    remiss = RemissFactory(
        nämnd=ks,
        diarienummer="KS 2023/740",
        skapad_av=samordnare,
        remissdatum=REMISSDATUM,
        sista_svarsdatum=SVAR_SENAST,
        mottagare=[un, sod],
    )
    client.force_login(samordnare)
    assert client.post(reverse("ks:skicka", args=[remiss.pk])).status_code == 302
    instans = remiss.instanser.get(nämnd=un)
    client.force_login(registrator)
    svar = client.post(
        reverse("instanser:registrera", args=[instans.pk]), {"diarienummer": NÄMNDENS_DNR}
    )
    assert svar.status_code == 302
    instans.tilldela(handläggare, av=registrator)
    client.force_login(sod_registrator)
    svar = client.post(
        reverse("instanser:avstå", args=[remiss.instanser.get(nämnd=sod).pk]),
        {"avsta-motivering": "Berör inte stadsdelen."},
    )
    assert svar.status_code == 302
    begäran = Anstånd.begär(instans, SVAR_SENAST + datetime.timedelta(days=14), "Möte", registrator)
    client.force_login(samordnare)
    svar = client.post(reverse("ks:besluta_anstånd", args=[begäran.pk]), {"beslut": "bevilja"})
    assert svar.status_code == 302
    utlåtande = till_attest(instans, handläggare, chef, direktör)
    möte = SammanträdeFactory(nämnd=un, datum=timezone.localdate())
    ärende = Ärende.lägg_på_dagordning(utlåtande, möte, 10, av=sekreterare)
    beslut = Beslut.registrera(ärende, "1. Godkänns.", av=sekreterare, justeras_omedelbart=True)
    Svar.skicka(beslut, av=sekreterare)
    assert client.post(reverse("ks:avsluta", args=[remiss.pk])).status_code == 302
    return remiss, instans


def test_each_receiver_sees_each_event_it_may_see_exactly_once_though_it_answers_500_at_first(
    celeryarbetare,
    client,
    ks,
    un,
    sod,
    ks_samordnare,
    registrator,
    handläggare,
    avdelningschef,
    direktör,
    nämndsekreterare,
    un_klient,
    sod_klient,
    ks_klient,
):
    sod_registrator = AnvändareFactory(username="ali", roller=[(sod, Roll.REGISTRATOR)])
    with Mottagare(fel=3) as hos_un, Mottagare(fel=2) as hos_sod, Mottagare(fel=4) as hos_ks:
        for mottagare, klient in ((hos_un, un_klient), (hos_sod, sod_klient), (hos_ks, ks_klient)):
            mottagare.hemlighet = krok(klient, mottagare.url).hemlighet
        personer = (
            ks_samordnare,
            registrator,
            handläggare,
            avdelningschef,
            direktör,
            nämndsekreterare,
            sod_registrator,
        )
        remiss, instans = _hela_vägen(client, ks, un, sod, personer)
        vänta_på_utkorgen(60)

    for mottagare, väntat in ((hos_un, FÖR_UN), (hos_ks, FÖR_KS), (hos_sod, FÖR_SOD)):
        assert mottagare.ogiltiga == []
        assert mottagare.typer() == väntat
        assert Counter(mottagare.ids()).most_common(1)[0][1] == 1  # each event once
        # The requests answered 500 were the same events, with the same webhook-id.
        assert {i for i, _kod in mottagare.avvisade} <= set(mottagare.ids())
    assert [len(m.avvisade) for m in (hos_un, hos_sod, hos_ks)] == [3, 2, 4]

    leveranser = Utkorgspost.objects.filter(uppdrag="webbkrok.leverera")
    assert leveranser.count() == len(FÖR_UN) + len(FÖR_KS) + len(FÖR_SOD)
    assert set(leveranser.values_list("status", flat=True)) == {Utkorgspost.S.KLAR}
    assert Webbkrokshändelse.objects.count() == len(ALLT)
    # One event, one id, for every receiver that may see it.
    skickad = Webbkrokshändelse.objects.get(typ="remiss.skickad").meddelande_id
    assert all(skickad in m.ids() for m in (hos_un, hos_sod, hos_ks))

    # The sent answer names its ärende, through which the API and the web show it.
    [svar] = [innehåll for _id, innehåll in hos_sod.tagna if innehåll["type"] == "svar.skickat"]
    ärende = Ärende.objects.get()
    assert (
        svar["data"]["arende"]["api"] == f"https://remiss.stad.example/api/v1/arenden/{ärende.pk}/"
    )
    assert svar["data"]["svar"] == {"id": Svar.objects.get().pk, "nummer": 1}

    # Södermalm's client may see nothing of utbildningsnämndens instans: the policy agrees.
    assert not kan_se(sod_klient.användare, Remissinstans.objects.get(pk=instans.pk))


def test_the_payload_carries_ids_and_links_not_the_documents(
    celeryarbetare, remiss, un, registrator, handläggare, un_klient
):
    with Mottagare() as hos_un:
        hos_un.hemlighet = krok(un_klient, hos_un.url, ["remissinstans.tilldelad"]).hemlighet
        instans = remiss.instanser.get(nämnd=un)
        instans.tilldela(handläggare, av=registrator)
        vänta_på_utkorgen()

    [(meddelande_id, innehåll)] = hos_un.tagna
    assert meddelande_id.startswith("msg_")
    assert innehåll["type"] == "remissinstans.tilldelad"
    assert innehåll["timestamp"].endswith("Z")
    assert innehåll["data"] == {
        "remissinstans": {
            "id": instans.pk,
            "namnd": un.pk,
            "diarienummer": "",
            "status": "tilldelad",
            "url": f"https://remiss.stad.example/instanser/{instans.pk}/",
            "api": f"https://remiss.stad.example/api/v1/remissinstanser/{instans.pk}/",
        },
        "remiss": {
            "id": remiss.pk,
            "diarienummer": "KS 2023/740",
            "url": f"https://remiss.stad.example/remisser/{remiss.pk}/",
            "api": f"https://remiss.stad.example/api/v1/remisser/{remiss.pk}/",
        },
    }


def test_an_action_through_the_api_tells_the_same_as_one_on_a_page(
    celeryarbetare, remiss, un, handläggare, un_klient
):
    token = un_klient.rotera()
    händelser = ["remissinstans.registrerad", "remissinstans.tilldelad"]
    with Mottagare() as hos_un:
        hos_un.hemlighet = krok(un_klient, hos_un.url, händelser).hemlighet
        instans = remiss.instanser.get(nämnd=un)
        diariet = APIClient()
        diariet.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        adress = f"/api/v1/remissinstanser/{instans.pk}"
        svar = diariet.post(f"{adress}/registrera/", {"diarienummer": "UN 2031/55"}, format="json")
        assert svar.status_code == 200
        svar = diariet.post(f"{adress}/tilldela/", {"handlaggare": handläggare.pk}, format="json")
        assert svar.status_code == 200
        vänta_på_utkorgen()

    assert hos_un.typer() == händelser
    registrerad = next(i for _id, i in hos_un.tagna if i["type"] == "remissinstans.registrerad")
    assert registrerad["data"]["remissinstans"]["diarienummer"] == "UN 2031/55"
