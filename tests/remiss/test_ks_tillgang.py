"""Every URL of KS's remissamordnare: anonymous people are sent to log in, a person of another
nämnd gets 404 (or 403 where the object itself is public), a person without the role 403, and
in each case nothing changes."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from remiss.models import Anstånd, Handling, Remiss, Remisshändelse, Remissinstans
from tests.factories import RemissFactory
from tests.remiss.test_handlingar import PDF


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def läge(ks, un, ks_samordnare, handläggare):
    """A draft with a handling, and a sent remiss with an anstånd asked for by UN."""
    utkast = RemissFactory(nämnd=ks, diarienummer="KS 2023/739", mottagare=[un])
    handling = utkast.bifoga(SimpleUploadedFile("a.pdf", PDF), "application/pdf", av=ks_samordnare)
    skickad = RemissFactory(nämnd=ks, diarienummer="KS 2023/740", mottagare=[un])
    skickad.skicka(av=ks_samordnare)
    instans = skickad.instanser.get()
    anstånd = Anstånd.begär(
        instans, instans.svarsdatum + datetime.timedelta(days=14), "Sammanträde.", handläggare
    )
    return {"utkast": utkast, "handling": handling, "skickad": skickad, "anstånd": anstånd}


def _tillstånd():
    return (
        list(Remiss.objects.values_list("pk", "titel", "status").order_by("pk")),
        list(Anstånd.objects.values_list("pk", "status")),
        Remisshändelse.objects.count(),
        Handling.objects.count(),
        Remissinstans.objects.count(),
    )


def _fält(remiss):
    return {
        "diarienummer": remiss.diarienummer,
        "titel": "Kapad",
        "remissdatum": "2023-09-01",
        "sista_svarsdatum": "2023-10-27",
    }


# (URL name, what it acts on, method, data); the data builders get the läge fixture.
URLER = [
    ("ks:ny", None, "get", None),
    ("ks:ny", None, "post", lambda x: {**_fält(x["utkast"]), "diarienummer": "KS 2023/1"}),
    ("ks:ändra", "utkast", "get", None),
    ("ks:ändra", "utkast", "post", lambda x: _fält(x["utkast"])),
    ("ks:ladda_upp", "utkast", "get", None),
    (
        "ks:ladda_upp",
        "utkast",
        "post",
        lambda x: {"filer": [SimpleUploadedFile("b.pdf", PDF)]},
    ),
    ("ks:ta_bort_handling", "handling", "post", lambda x: {}),
    ("ks:skicka", "utkast", "post", lambda x: {}),
    ("ks:avsluta", "skickad", "post", lambda x: {}),
    ("ks:anstånd", None, "get", None),
    ("ks:besluta_anstånd", "anstånd", "post", lambda x: {"beslut": "bevilja"}),
]


def _url(namn, mål, läge):
    if mål is None:
        return reverse(namn)
    if mål == "handling":
        return reverse(namn, args=[läge["utkast"].pk, läge["handling"].pk])
    return reverse(namn, args=[läge[mål].pk])


def _anropa(client, namn, mål, metod, data, läge):
    url = _url(namn, mål, läge)
    if metod == "get":
        return client.get(url)
    return client.post(url, data(läge))


def _id(rad):
    return f"{rad[0]}-{rad[2]}"


@pytest.mark.parametrize(("namn", "mål", "metod", "data"), URLER, ids=map(_id, URLER))
def test_anonymous_people_are_sent_to_log_in(client, läge, namn, mål, metod, data):
    före = _tillstånd()
    svar = _anropa(client, namn, mål, metod, data, läge)
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    assert _tillstånd() == före


@pytest.mark.parametrize(("namn", "mål", "metod", "data"), URLER, ids=map(_id, URLER))
def test_a_person_in_another_nämnd_is_refused(client, läge, outsider, namn, mål, metod, data):
    före = _tillstånd()
    client.force_login(outsider)
    svar = _anropa(client, namn, mål, metod, data, läge)
    # KS itself is public inside the organisation (403); its drafts and remisser are not (404).
    assert svar.status_code == (403 if mål in (None, "anstånd") else 404)
    assert _tillstånd() == före


@pytest.mark.parametrize(("namn", "mål", "metod", "data"), URLER, ids=map(_id, URLER))
def test_a_ks_läsare_without_the_role_is_refused(client, läge, ks_läsare, namn, mål, metod, data):
    före = _tillstånd()
    client.force_login(ks_läsare)
    svar = _anropa(client, namn, mål, metod, data, läge)
    # A draft is the remissamordnare's alone: a läsare is not told it exists.
    assert svar.status_code == (404 if mål in ("utkast", "handling") else 403)
    assert _tillstånd() == före


def test_a_recipient_may_not_close_the_remiss(client, läge, registrator):
    före = _tillstånd()
    client.force_login(registrator)
    assert client.post(reverse("ks:avsluta", args=[läge["skickad"].pk])).status_code == 403
    assert _tillstånd() == före


def test_a_drafts_handling_is_downloaded_by_the_remissamordnare_only(
    client, läge, outsider, ks_läsare, ks_samordnare
):
    """Seen as its remiss: a draft's handling is as hidden as the draft's page."""
    url = reverse("ks:handling", args=[läge["utkast"].pk, läge["handling"].pk])
    assert client.get(url).status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(ks_läsare)
    assert client.get(url).status_code == 404
    assert client.get(reverse("remisser:detalj", args=[läge["utkast"].pk])).status_code == 404
    client.force_login(ks_samordnare)
    assert client.get(url).status_code == 200


def test_get_is_not_allowed_where_only_post_changes_things(client, läge, ks_samordnare):
    client.force_login(ks_samordnare)
    for namn in ("ks:skicka", "ks:avsluta"):
        assert client.get(reverse(namn, args=[läge["skickad"].pk])).status_code == 405
    assert _tillstånd()[0][1][2] == Remiss.Status.UTSKICKAD
