"""The personal link: what an external contact person can do through it with no account, and
everything it refuses – expired, revoked, altered, another organisation's – with a Swedish page
and nothing changed; guessing is rate-limited, the secret is never logged, no page sends a
Referer."""

import datetime
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from remiss.models import Remisshändelse, Svarslänk
from tests.extern import egen_adress, länk_till, skickad_till
from tests.remiss.test_handlingar import PDF
from yttranden.models import ExterntSvar, Pdfdokument


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def extern(ks, ks_samordnare, rådet):
    remiss = skickad_till(ks, ks_samordnare, rådet)
    remiss.bifoga(SimpleUploadedFile("underlag.pdf", PDF), "application/pdf", av=ks_samordnare)
    return remiss.instanser.get()


def _klient():
    return Client(REMOTE_ADDR=egen_adress())


def _ögonblick():
    return (
        list(ExterntSvar.objects.values()),
        Remisshändelse.objects.count(),
        list(Svarslänk.objects.values("pk", "återkallad")),
        Pdfdokument.objects.count(),
    )


def _öppnad(instans, klient=None, **fält):
    klient = klient or _klient()
    _länk, url = länk_till(instans, **fält)
    svar = klient.get(url)
    assert svar.status_code == 302 and svar.url == reverse("svar:sida")
    return klient


def _spara(klient, text, grundad_på, åtgärd="spara", **fält):
    skydd = (klient.session.get("svarslank") or {}).get("formulär", "")
    data = {"grundad_på": grundad_på, "text": text, "atgard": åtgärd, "skydd": skydd, **fält}
    return klient.post(reverse("svar:spara"), data)


def test_the_link_opens_the_remiss_its_handlingar_and_an_answer_form(extern):
    klient = _öppnad(extern)
    sida = klient.get(reverse("svar:sida"))
    assert sida.status_code == 200
    assert extern.remiss.titel in sida.text and "underlag.pdf" in sida.text
    assert sida["Referrer-Policy"] == "no-referrer"
    handling = extern.remiss.handlingar.get()
    fil = klient.get(reverse("svar:handling", args=[handling.pk]))
    assert fil.status_code == 200 and b"".join(fil.streaming_content) == PDF
    öppnad = extern.händelser.get(typ=Remisshändelse.Typ.LÄNK_ÖPPNAD)
    assert str(öppnad.utförare) == "Sara Ek, Funktionshindersrådet (via personlig länk)"


def test_a_draft_is_saved_and_submitting_freezes_it_and_answers_the_instans(extern):
    klient = _öppnad(extern)
    assert _spara(klient, "<p>Vi tillstyrker.</p>", 0).status_code == 302
    utkast = ExterntSvar.objects.get()
    assert (utkast.version, utkast.status, utkast.ändrad_av.namn) == (1, "utkast", "Sara Ek")
    svar = _spara(klient, "<p>Vi tillstyrker förslaget.</p>", 1, "skicka")
    assert svar.status_code == 302
    inskickat = ExterntSvar.objects.get()
    assert inskickat.är_inskickat and inskickat.stämmer() and len(inskickat.sha256) == 64
    extern.refresh_from_db()
    assert extern.status == "besvarad" and extern.besvarad is not None
    assert extern.remiss.__class__.objects.get(pk=extern.remiss_id).antal_besvarade == 1
    pdf = Pdfdokument.objects.get(externt_svar=inskickat)
    assert pdf.typ == "externt_svar" and "Funktionshindersrådet" in pdf.benämning
    händelse = extern.händelser.get(typ=Remisshändelse.Typ.EXTERNT_SVAR)
    assert händelse.kontaktperson.namn == "Sara Ek" and händelse.utförd_av is None


def test_a_form_posted_from_elsewhere_is_refused_and_nothing_changes(extern):
    klient = _öppnad(extern)
    före = _ögonblick()
    svar = _spara(klient, "<p>Från annan sida</p>", 0, skydd="fel")
    assert svar.status_code == 403 and "Formuläret kom inte från svarssidan" in svar.text
    assert _ögonblick() == före


def test_script_and_html_in_the_answer_are_removed(extern):
    klient = _öppnad(extern)
    _spara(klient, '<p onclick="x()">Hej<script>alert(1)</script></p><img src=x>', 0)
    assert ExterntSvar.objects.get().text == "<p>Hej</p>"


def test_an_oversized_answer_gets_a_swedish_error_and_nothing_is_saved(extern, settings):
    settings.REMISS_EXTERNT_SVAR_MAX_TECKEN = 100
    klient = _öppnad(extern)
    före = ExterntSvar.objects.count()
    svar = _spara(klient, "<p>" + "å" * 200 + "</p>", 0)
    assert svar.status_code == 400 and "Svaret är för långt" in svar.text
    assert ExterntSvar.objects.count() == före


def test_an_empty_answer_cannot_be_submitted(extern):
    klient = _öppnad(extern)
    svar = _spara(klient, "<p> </p>", 0, "skicka")
    assert svar.status_code == 400 and "Skriv organisationens svar" in svar.text
    assert not ExterntSvar.objects.exists()


def test_two_contacts_saving_the_same_draft_never_lose_text(extern, rådet):
    from remiss.models import Kontaktperson

    sara = _öppnad(extern, kontakt=rådet.kontaktpersoner.get())
    annan = Kontaktperson.objects.create(organisation=rådet, namn="Ola Ek", epost="ola@r.example")
    ola = _öppnad(extern, kontakt=annan)
    assert _spara(sara, "<p>Saras text</p>", 0).status_code == 302
    krock = _spara(ola, "<p>Olas text</p>", 0)
    assert krock.status_code == 409
    assert "Sara Ek sparade svaret (version 1) medan du skrev" in krock.text
    assert "Olas text" in krock.text  # still in the form, to copy
    assert ExterntSvar.objects.get().text == "<p>Saras text</p>"


def test_a_double_submit_sends_one_answer_and_says_so_in_swedish(extern):
    klient = _öppnad(extern)
    _spara(klient, "<p>Svar</p>", 0)
    assert _spara(klient, "<p>Svar</p>", 1, "skicka").status_code == 302
    igen = _spara(klient, "<p>Svar</p>", 1, "skicka")
    assert igen.status_code == 409 and "Svaret är redan inskickat (svar nr 1" in igen.text
    assert ExterntSvar.objects.count() == 1


def test_a_correction_is_a_new_numbered_answer_and_the_first_is_kept(extern):
    klient = _öppnad(extern)
    _spara(klient, "<p>Första</p>", 0, "skicka")
    utan = _spara(klient, "<p>Rättat</p>", 0, "skicka")
    assert utan.status_code == 400 and "behöver en beskrivning av vad som rättats" in utan.text
    _spara(klient, "<p>Rättat</p>", 0, "skicka", rattelse="Fel siffra i punkt 2.")
    första, andra = ExterntSvar.objects.order_by("nummer")
    assert (första.nummer, första.text, första.stämmer()) == (1, "<p>Första</p>", True)
    assert (andra.nummer, andra.rättelse) == (2, "Fel siffra i punkt 2.")
    assert Pdfdokument.objects.filter(typ="externt_svar").count() == 2


@pytest.mark.parametrize(
    ("hur", "orsak"),
    [
        ("utgången", "har gått ut"),
        ("återkallad", "har återkallats"),
        ("ändrad", "Länken är inte giltig"),
        ("påhittad", "Länken är inte giltig"),
    ],
)
def test_a_bad_link_is_refused_with_a_swedish_page_and_nothing_changes(
    extern, ks_samordnare, hur, orsak
):
    gårdagen = timezone.localdate() - datetime.timedelta(days=1)
    länk, url = länk_till(extern, giltig_till=gårdagen if hur == "utgången" else None)
    if hur == "återkallad":
        länk.återkalla(av=ks_samordnare)
    if hur == "ändrad":
        url = url[:-3] + ("A" if url[-3] != "A" else "B") + url[-2:]
    if hur == "påhittad":
        url = reverse("svar:öppna", args=["x" * 43 + ".y" * 10])
    före = _ögonblick()
    klient = _klient()
    svar = klient.get(url)
    assert svar.status_code == 404 and orsak in svar.text and "Inget har ändrats" in svar.text
    assert klient.get(reverse("svar:sida")).status_code == 403
    assert _spara(klient, "<p>Kapat</p>", 0).status_code == 403
    assert _ögonblick() == före


def test_a_link_revoked_while_open_stops_at_the_next_click(extern, ks_samordnare):
    klient = _klient()
    länk, url = länk_till(extern)
    klient.get(url)
    länk.återkalla(av=ks_samordnare)
    före = _ögonblick()
    svar = _spara(klient, "<p>Sent</p>", 0)
    assert svar.status_code == 403 and "har återkallats" in svar.text
    assert _ögonblick() == före


def test_one_organisations_link_never_reaches_anothers_remiss_or_answer(
    ks, ks_samordnare, extern, polisen
):
    andra = skickad_till(ks, ks_samordnare, polisen, dnr="KS 2031/901")
    andra.bifoga(SimpleUploadedFile("hemlig.pdf", PDF), "application/pdf", av=ks_samordnare)
    polisens = andra.instanser.get()
    ExterntSvar.spara(polisens, polisen.kontaktpersoner.get(), "<p>Polisens utkast</p>", {}, 0)
    klient = _öppnad(extern)
    sida = klient.get(reverse("svar:sida")).text
    assert "Polisens utkast" not in sida and "KS 2031/901" not in sida
    handling = andra.handlingar.get()
    assert klient.get(reverse("svar:handling", args=[handling.pk])).status_code == 404
    assert klient.get(reverse("svar:pdf", args=[1])).status_code == 404
    _spara(klient, "<p>Rådets</p>", 0)
    assert ExterntSvar.objects.get(instans=polisens).text == "<p>Polisens utkast</p>"


def test_guessing_is_limited_per_address_and_the_next_attempt_gets_429(extern, settings):
    settings.REMISS_SVARSLANK_FORSOK = 3
    klient = _klient()
    for nr in range(3):
        gissning = reverse("svar:öppna", args=[f"gissning{nr}" + "x" * 40 + ".abc"])
        assert klient.get(gissning).status_code == 404
    _länk, giltig = länk_till(extern)
    spärrad = klient.get(giltig)
    assert spärrad.status_code == 429 and "För många ogiltiga länkar" in spärrad.text
    assert _klient().get(giltig).status_code == 302  # another address is not held up


def test_a_links_secret_is_never_logged(extern, caplog):
    _länk, url = länk_till(extern)
    hemlighet = url.split("/")[-2]
    felaktig = url[:-3] + "zzz/"
    with caplog.at_level(logging.DEBUG):
        _klient().get(felaktig)
        _klient().get(url)
    loggat = "\n".join(r.getMessage() for r in caplog.records)
    assert "/svar/[dold]" in loggat  # the refused one was logged, without its secret
    assert hemlighet not in loggat and felaktig.split("/")[-2] not in loggat


def test_ks_sees_the_submitted_answer_on_the_instans_page(client, extern, ks_samordnare, outsider):
    klient = _öppnad(extern)
    _spara(klient, "<p>Rådets synpunkter</p>", 0, "skicka")
    client.force_login(ks_samordnare)
    sida = client.get(reverse("instanser:detalj", args=[extern.pk]))
    assert "Rådets synpunkter" in sida.text and "via personlig länk" in sida.text
    sammanställning = client.get(reverse("beslut:sammanställning", args=[extern.remiss_id]))
    assert "Svar 1 från Funktionshindersrådet, via personlig länk" in sammanställning.text
    assert "Rådets synpunkter" in sammanställning.text
    client.force_login(outsider)  # a nämnd's person does not see KS's external instans
    assert client.get(reverse("instanser:detalj", args=[extern.pk])).status_code == 404
