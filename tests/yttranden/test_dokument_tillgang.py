"""Every URL of the Word import and export, the bilagor's files and the särskilt uttalande's
PDF: anonymous people are sent to log in, a person of another nämnd gets 404, a person without
the role 403, and in each case nothing changes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nämnder.roller import Roll
from tests.factories import AnvändareFactory, NämndFactory
from tests.kedja import skriv_klart
from tests.remiss.test_handlingar import PDF
from tests.yttranden.pdfdokumenthjalp import besluta
from tests.yttranden.wordhjalp import seedens_docx
from yttranden.models import Beslut, Bilaga, Sektion, Svar, Uttalande, Version


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def läge(utlåtande, handläggare, avdelningschef, direktör, nämndsekreterare):
    """An utkast with a bilaga file, and (on another remiss) nothing more: the utlåtande is
    attested and decided with a särskilt uttalande, not yet sent to KS."""
    bilaga = utlåtande.lägg_till_bilaga(
        "Samverkansområden", fil=SimpleUploadedFile("omraden.pdf", PDF), av=handläggare
    )
    skriv_klart(utlåtande, handläggare)
    utlåtande.skicka_till_granskning(av=handläggare)
    utlåtande.godkänn(av=avdelningschef)
    utlåtande.attestera(av=direktör)
    ärende = besluta(utlåtande, nämndsekreterare, skicka=False)
    return {
        "utlåtande": utlåtande,
        "bilaga": bilaga,
        "ärende": ärende,
        "uttalande": ärende.beslut.uttalanden.get(),
        "remiss": utlåtande.instans.remiss,
    }


@pytest.fixture
def främling(db):
    """Someone in a nämnd the remiss never went to."""
    nämnd = NämndFactory(namn="Trafiknämnden", diarieprefix="TN")
    return AnvändareFactory(username="tove", roller=[(nämnd, Roll.HANDLÄGGARE)])


def _tillstånd():
    return (
        sorted(Sektion.objects.values_list("pk", "html")),
        Bilaga.objects.count(),
        Version.objects.count(),
        Beslut.objects.count(),
        Uttalande.objects.count(),
    )


def _word(x):
    return {
        "word-grundad_på": x["utlåtande"].versionsnummer,
        "word-fil": SimpleUploadedFile("utkast.docx", seedens_docx()),
    }


# (URL name, its arguments, method, data, who lacks the role: 403)
URLER = [
    ("yttranden:word", lambda x: [x["utlåtande"].pk], "get", None, None),
    ("yttranden:läs_in_word", lambda x: [x["utlåtande"].pk], "post", _word, "registrator"),
    (
        "yttranden:ny_bilaga",
        lambda x: [x["utlåtande"].pk],
        "post",
        lambda x: {"titel": "Kapad", "fil": SimpleUploadedFile("k.pdf", PDF)},
        "registrator",
    ),
    ("yttranden:bilaga", lambda x: [x["utlåtande"].pk, x["bilaga"].pk], "get", None, None),
    ("beslut:word", lambda x: [x["ärende"].pk], "get", None, None),
    ("beslut:uttalande_pdf", lambda x: [x["uttalande"].pk], "get", None, None),
    ("beslut:sammanställning_word", lambda x: [x["remiss"].pk], "get", None, "handläggare"),
]


def _anropa(client, namn, argument, metod, data, läge):
    url = reverse(namn, args=argument(läge))
    if metod == "get":
        return client.get(url)
    return client.post(url, data(läge))


def _id(rad):
    return f"{rad[0]}-{rad[2]}"


@pytest.mark.parametrize(("namn", "argument", "metod", "data", "_roll"), URLER, ids=map(_id, URLER))
def test_anonymous_people_are_sent_to_log_in(client, läge, namn, argument, metod, data, _roll):
    före = _tillstånd()
    svar = _anropa(client, namn, argument, metod, data, läge)
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    assert _tillstånd() == före


@pytest.mark.parametrize(("namn", "argument", "metod", "data", "_roll"), URLER, ids=map(_id, URLER))
def test_a_person_of_another_nämnd_gets_404(
    client, läge, främling, namn, argument, metod, data, _roll
):
    client.force_login(främling)
    före = _tillstånd()
    assert _anropa(client, namn, argument, metod, data, läge).status_code == 404
    assert _tillstånd() == före


@pytest.mark.parametrize(
    ("namn", "argument", "metod", "data", "roll"),
    [rad for rad in URLER if rad[4]],
    ids=map(_id, [rad for rad in URLER if rad[4]]),
)
def test_a_person_without_the_role_gets_403(
    client, request, läge, namn, argument, metod, data, roll
):
    client.force_login(request.getfixturevalue(roll))
    före = _tillstånd()
    assert _anropa(client, namn, argument, metod, data, läge).status_code == 403
    assert _tillstånd() == före


def test_the_södermalm_handläggare_sees_none_of_utbildningsnämndens_documents(
    client, läge, outsider
):
    client.force_login(outsider)
    for namn, argument, metod, _data, _roll in URLER:
        if metod == "get" and namn != "beslut:sammanställning_word":
            assert client.get(reverse(namn, args=argument(läge))).status_code == 404, namn


def test_ks_reads_the_beslut_in_word_only_once_the_answer_is_sent(
    client, läge, ks_läsare, nämndsekreterare
):
    client.force_login(ks_läsare)
    url = reverse("beslut:word", args=[läge["ärende"].pk])
    assert client.get(url).status_code == 404
    Svar.skicka(läge["ärende"].beslut, av=nämndsekreterare)
    assert client.get(url).status_code == 200
