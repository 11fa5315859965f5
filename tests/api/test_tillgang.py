"""Every API endpoint × every client scope, as the web's URL tables: without a token, with an
expired one or one rotated out, 401; another nämnd's client 404 where the object is not to be
confirmed; a client that sees but lacks the role 403; and nothing in the database changed.
A client allowed to act gets an answer that changes nothing either (an empty body is refused,
a sent remiss cannot be sent again), so every row can check the snapshot.

``tests/test_url_tabell.py`` counts these rows as the API's: every URL has a row."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.api.conftest import api
from tests.factories import RemissFactory, SammanträdeFactory
from tests.test_atkomst_konsistens import _remiss, _utlåtande
from tests.test_url_tabell import _ögonblicksbild as _hela_bilden
from yttranden.models import Ärende

K = ["samordnare", "läsare", "registrator", "handläggare", "nämndsekreterare", "utomstående"]


def _alla(kod, **undantag):
    return {k: undantag.get(k, kod) for k in K}


# A refused action by UN's own clients (they see it, lack the role) is 403; Södermalm's 404.
KS_ÅTGÄRD = _alla(403, samordnare=None, utomstående=404)
REGISTRATORNS = _alla(403, registrator=400, utomstående=404)
# Utbildningsnämndens own work: its clients see it, KS's and Södermalm's do not.
NÄMNDENS = _alla(200, samordnare=404, läsare=404, utomstående=404)
SEKRETERARENS = _alla(403, samordnare=404, läsare=404, utomstående=404)

# (URL name, args, method, {client: status}); None: set per row below.
URLER = [
    ("api:schema", [], "get", _alla(200), "offentlig"),
    ("api:dokumentation", [], "get", _alla(200), "offentlig"),
    ("api:ingen_adress", [], "get", _alla(404), 404),
    ("api:remisser", [], "get", _alla(200), 401),
    ("api:remisser", [], "post", {**KS_ÅTGÄRD, "samordnare": 400, "utomstående": 403}, 401),
    ("api:remiss", ["remiss"], "get", _alla(200, utomstående=404), 401),
    ("api:remiss", ["utkast"], "get", _alla(404, samordnare=200), 401),
    ("api:remiss", ["utkast"], "patch", _alla(404, samordnare=428), 401),
    ("api:remiss", ["remiss"], "patch", {**KS_ÅTGÄRD, "samordnare": 428}, 401),
    ("api:skicka", ["remiss"], "post", {**KS_ÅTGÄRD, "samordnare": 409}, 401),
    ("api:handlingar", ["remiss"], "post", {**KS_ÅTGÄRD, "samordnare": 400}, 401),
    ("api:instanser", [], "get", _alla(200), 401),
    ("api:instans", ["instans"], "get", _alla(200, utomstående=404), 401),
    ("api:registrera", ["instans"], "post", REGISTRATORNS, 401),
    ("api:tilldela", ["instans"], "post", REGISTRATORNS, 401),
    ("api:avstå", ["instans"], "post", REGISTRATORNS, 401),
    ("api:anstånd", ["instans"], "post", REGISTRATORNS, 401),
    ("api:sök", [], "get", _alla(400), 401),  # no question asked
    ("api:utlåtanden", [], "get", _alla(200), 401),
    ("api:utlåtande", ["utlåtande"], "get", NÄMNDENS, 401),
    ("api:utlåtandets_pdf", ["utlåtande"], "get", _alla(404), 401),  # not attested: no PDF
    ("api:ärenden", [], "get", _alla(200), 401),
    ("api:ärende", ["ärende"], "get", NÄMNDENS, 401),
    ("api:beslut", ["ärende"], "post", {**SEKRETERARENS, "nämndsekreterare": 400}, 401),
    ("api:svar", ["ärende"], "post", {**SEKRETERARENS, "nämndsekreterare": 409}, 401),
    ("api:svarlista", [], "get", _alla(200), 401),
    (
        "api:sammanställning",
        ["remiss"],
        "get",
        _alla(403, samordnare=200, läsare=200, utomstående=404),
        401,
    ),
    ("api:verifiera", [], "post", _alla(400), 401),  # no file
]


@pytest.fixture
def värld(
    ks,
    un,
    sod,
    ks_samordnare,
    klienter,
    registrator,
    handläggare,
    avdelningschef,
    direktör,
    nämndsekreterare,
):
    """A remiss sent to utbildningsnämnden only, with an utlåtande utkast; another whose
    attested utlåtande is on a meeting's agenda, not yet decided; and a draft."""
    skickad = RemissFactory(
        nämnd=ks,
        diarienummer="KS 2031/1",
        skapad_av=ks_samordnare,
        remissdatum=datetime.date(2031, 9, 1),
        sista_svarsdatum=datetime.date(2031, 10, 27),
        mottagare=[un],
    )
    skickad.skicka(av=ks_samordnare)
    utkast = RemissFactory(nämnd=ks, diarienummer="KS 2031/2", skapad_av=ks_samordnare)
    utlåtande = _utlåtande(skickad, un, registrator, handläggare)
    attesterat = _utlåtande(_remiss(ks, ks_samordnare, 3, [un]), un, registrator, handläggare)
    attesterat.skicka_till_granskning(av=handläggare)
    attesterat.godkänn(av=avdelningschef)
    attesterat.attestera(av=direktör)
    möte = SammanträdeFactory(nämnd=un, datum=timezone.localdate())
    ärende = Ärende.lägg_på_dagordning(attesterat, möte, 1, av=nämndsekreterare)
    return {
        "remiss": skickad.pk,
        "utkast": utkast.pk,
        "instans": skickad.instanser.get().pk,
        "utlåtande": utlåtande.pk,
        "ärende": ärende.pk,
    }


def _ögonblicksbild():
    """Every row, but a client's last use: reading is using, and that is all it may change."""
    bild = _hela_bilden()
    for rad in bild["nämnder.ApiKlient"]:
        rad.pop("senast_använd")
    return bild


def _url(värld, namn, args):
    if namn == "api:ingen_adress":
        return "/api/v1/finns-inte/"
    return reverse(namn, args=[värld[a] for a in args])


def _fall():
    for namn, args, metod, per_klient, _anonym in URLER:
        for klient, kod in per_klient.items():
            yield pytest.param(namn, args, metod, klient, kod, id=f"{namn}-{metod}-{klient}")


@pytest.mark.parametrize(("namn", "args", "metod", "klient", "kod"), list(_fall()))
def test_each_client_gets_what_its_scope_allows_and_nothing_changes(
    värld, klienter, namn, args, metod, klient, kod
):
    före = _ögonblicksbild()
    svar = getattr(api(klienter[klient][1]), metod)(_url(värld, namn, args), {}, format="json")
    assert svar.status_code == kod, svar.content
    if kod >= 400:
        assert svar["Content-Type"] == "application/problem+json"
        assert svar.json()["status"] == kod and svar.json()["detail"]
    assert _ögonblicksbild() == före


def _utan_giltig_token(klienter):
    klient, token = klienter["samordnare"]
    utgången, utgången_token = klienter["läsare"]
    utgången.giltig_till = timezone.now() - timezone.timedelta(minutes=1)
    utgången.save()
    gammal = token
    klient.rotera()
    return {"ingen": None, "utgången": utgången_token, "utbytt": gammal}


@pytest.mark.parametrize(
    ("namn", "args", "metod", "_per_klient", "anonym"),
    URLER,
    ids=[f"{u[0]}-{u[2]}-{i}" for i, u in enumerate(URLER)],
)
def test_without_a_valid_token_every_endpoint_answers_401_and_nothing_changes(
    värld, klienter, namn, args, metod, _per_klient, anonym
):
    for _fall_, token in _utan_giltig_token(klienter).items():
        före = _ögonblicksbild()
        svar = getattr(api(token), metod)(_url(värld, namn, args), {}, format="json")
        if anonym != "offentlig":
            assert svar.status_code == anonym, (_fall_, svar.content)
        assert _ögonblicksbild() == före
