"""What API clients do, and that it is written to the same history as the web's, naming the
client: KS's system registers, edits, attaches to and sends a remiss; utbildningsnämndens
diarium registers, assigns, asks for anstånd or declines; its nämndadministration records the
beslut and sends the answer."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from remiss.models import Remiss, Remisshändelse, Remissinstans, Utkorgspost
from tests.factories import SammanträdeFactory
from yttranden.models import Svar, Utlåtandehändelse, Ärende

pytestmark = pytest.mark.django_db

NY_REMISS = {
    "diarienummer": "KS 2031/77",
    "titel": "Strategi för fossilfria transporter",
    "remissdatum": "2031-09-01",
    "sista_svarsdatum": "2031-10-27",
}


def _pdf(namn="underlag.pdf"):
    return SimpleUploadedFile(namn, b"%PDF-1.7\n% underlag\n", "application/pdf")


def _problem(svar, kod):
    assert svar.status_code == kod, svar.content
    assert svar["Content-Type"] == "application/problem+json"
    return svar.json()


def test_ks_system_registers_attaches_and_sends_a_remiss_written_as_the_client(
    ks, un, sod, som, klienter, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    ks_system = som("samordnare")
    svar = ks_system.post(
        "/api/v1/remisser/", {**NY_REMISS, "mottagare": [un.pk, sod.pk]}, format="json"
    )
    assert svar.status_code == 201, svar.content
    remiss = Remiss.objects.get(diarienummer="KS 2031/77")
    assert svar["Location"] == f"/api/v1/remisser/{remiss.pk}/"
    assert sorted(svar.json()["mottagare"]) == sorted([un.pk, sod.pk])

    bifogat = ks_system.post(
        f"/api/v1/remisser/{remiss.pk}/handlingar/", {"filer": [_pdf()]}, format="multipart"
    )
    assert bifogat.status_code == 201, bifogat.content
    assert [h["filnamn"] for h in bifogat.json()] == ["underlag.pdf"]

    skickat = ks_system.post(f"/api/v1/remisser/{remiss.pk}/skicka/")
    assert skickat.status_code == 200, skickat.content
    assert skickat.json()["status"] == "utskickad"
    assert Remissinstans.objects.filter(remiss=remiss).count() == 2
    # The registrators are told through the outbox, as when a person sends it.
    assert Utkorgspost.objects.filter(uppdrag="epost.remiss_inkommen").exists()

    händelser = Remisshändelse.objects.filter(remiss=remiss).select_related("utförd_av")
    assert [h.typ for h in händelser] == ["skapad", "handling_tillagd", "skickad"]
    assert {str(h.utförd_av) for h in händelser} == {"KS ärendesystem (API-klient)"}


def test_a_handling_is_checked_as_on_the_web(ks, un, ks_samordnare, som, settings, tmp_path):
    from tests.factories import RemissFactory

    settings.MEDIA_ROOT = tmp_path
    utkast = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    falsk = SimpleUploadedFile("program.pdf", b"MZ\x90\x00 inte en pdf", "application/pdf")
    fel = _problem(
        som("samordnare").post(
            f"/api/v1/remisser/{utkast.pk}/handlingar/", {"filer": [falsk]}, format="multipart"
        ),
        400,
    )
    assert fel["errors"] == [
        {
            "pointer": "#/filer",
            "detail": "program.pdf heter som en PDF-fil men innehållet är något annat. Spara "
            "filen som PDF i programmet den kommer från och försök igen.",
        }
    ]
    assert not utkast.handlingar.exists()


def test_a_remiss_whose_deadline_has_passed_is_refused_by_the_model_in_swedish(
    ks, un, ks_samordnare, som
):
    """The rule lives in Remiss.skicka; the API tells it at the field the client sent."""
    from tests.factories import RemissFactory

    igår = timezone.localdate() - datetime.timedelta(days=1)
    utkast = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un], sista_svarsdatum=igår)
    fel = _problem(som("samordnare").post(f"/api/v1/remisser/{utkast.pk}/skicka/"), 400)
    assert fel["errors"] == [
        {
            "pointer": "#/sista_svarsdatum",
            "detail": f"Sista svarsdatum {igår:%Y-%m-%d} har redan passerat. Ändra svarsdatum "
            "innan du skickar remissen.",
        }
    ]
    utkast.refresh_from_db()
    assert utkast.status == Remiss.Status.UTKAST and not utkast.instanser.exists()


def test_invalid_input_is_a_problem_listing_each_error_in_swedish(ks, som):
    fel = _problem(
        som("samordnare").post(
            "/api/v1/remisser/",
            {**NY_REMISS, "diarienummer": "", "sista_svarsdatum": "2031-08-01"},
            format="json",
        ),
        400,
    )
    assert fel["type"] == "urn:remiss:problem:validering"
    assert fel["title"] == "Ogiltig begäran"
    assert {f["pointer"] for f in fel["errors"]} == {"#/diarienummer"}
    assert not Remiss.objects.exists()
    fel = _problem(
        som("samordnare").post(
            "/api/v1/remisser/", NY_REMISS | {"sista_svarsdatum": "2031-08-01"}, format="json"
        ),
        400,
    )
    assert fel["errors"] == [
        {
            "pointer": "#/sista_svarsdatum",
            "detail": "Sista svarsdatum kan inte vara före remissdatum.",
        }
    ]


def test_the_diarium_registers_and_assigns_and_the_history_names_it(
    remiss, un, handläggare, outsider, som, client, registrator
):
    instans = remiss.instanser.get(nämnd=un)
    diariet = som("registrator")
    svar = diariet.post(
        f"/api/v1/remissinstanser/{instans.pk}/registrera/",
        {"diarienummer": "un 2031/55"},
        format="json",
    )
    assert svar.status_code == 200, svar.content
    assert svar.json()["diarienummer"] == "UN 2031/55"

    fel = _problem(
        diariet.post(
            f"/api/v1/remissinstanser/{instans.pk}/tilldela/",
            {"handlaggare": outsider.pk},
            format="json",
        ),
        400,
    )
    assert fel["errors"] == [
        {"pointer": "#/handlaggare", "detail": "Personen är inte handläggare i nämnden."}
    ]
    svar = diariet.post(
        f"/api/v1/remissinstanser/{instans.pk}/tilldela/",
        {"handlaggare": handläggare.pk},
        format="json",
    )
    assert svar.status_code == 200 and svar.json()["status"] == "tilldelad"
    assert svar.json()["handlaggare"] == {"id": handläggare.pk, "namn": "Joakim Länninge"}

    typer = {
        h.typ: str(h.utförd_av)
        for h in Remisshändelse.objects.filter(instans=instans).select_related("utförd_av")
    }
    assert typer == {
        "registrerad": "Diariet UBF (API-klient)",
        "tilldelad": "Diariet UBF (API-klient)",
    }
    # The web's page shows the same history with the client's name.
    client.force_login(registrator)
    assert "Diariet UBF (API-klient)" in client.get(f"/instanser/{instans.pk}/").text


def test_the_diarium_asks_for_anstånd_and_then_declines(remiss, un, som):
    instans = remiss.instanser.get(nämnd=un)
    diariet = som("registrator")
    fel = _problem(
        diariet.post(
            f"/api/v1/remissinstanser/{instans.pk}/anstand/",
            {"begart_datum": "2031-10-01", "motivering": "Sammanträde i november."},
            format="json",
        ),
        400,
    )
    assert fel["errors"][0]["pointer"] == "#/begart_datum"
    assert "måste vara senare än det nuvarande, 2031-10-27" in fel["errors"][0]["detail"]
    svar = diariet.post(
        f"/api/v1/remissinstanser/{instans.pk}/anstand/",
        {"begart_datum": "2031-11-20", "motivering": "Sammanträde i november."},
        format="json",
    )
    assert svar.status_code == 201 and svar.json()["status"] == "begart"

    fel = _problem(
        diariet.post(
            f"/api/v1/remissinstanser/{instans.pk}/avsta/", {"motivering": " "}, format="json"
        ),
        400,
    )
    assert fel["errors"] == [
        {"pointer": "#/motivering", "detail": "Det här fältet får inte vara blankt."}
    ]
    svar = diariet.post(
        f"/api/v1/remissinstanser/{instans.pk}/avsta/",
        {"motivering": "Berör inte nämndens ansvarsområde."},
        format="json",
    )
    assert svar.status_code == 200 and svar.json()["status"] == "avstar"
    # Done: a second decline is a conflict, not a validation error.
    svar = diariet.post(
        f"/api/v1/remissinstanser/{instans.pk}/avsta/", {"motivering": "Igen."}, format="json"
    )
    assert (
        _problem(svar, 409)["detail"] == "En remissinstans med status Avstår kan inte bli Avstår."
    )


@pytest.fixture
def ärende(attesterat, nämndsekreterare):
    möte = SammanträdeFactory(nämnd=attesterat.instans.nämnd, datum=timezone.localdate())
    return Ärende.lägg_på_dagordning(attesterat, möte, 10, av=nämndsekreterare)


def test_the_nämndadministration_records_the_beslut_and_sends_the_answer(ärende, som, klienter):
    sekr = som("nämndsekreterare")
    fel = _problem(sekr.post(f"/api/v1/arenden/{ärende.pk}/svar/", {}, format="json"), 409)
    assert fel["detail"] == "Registrera nämndens beslut först."
    fel = _problem(
        sekr.post(f"/api/v1/arenden/{ärende.pk}/beslut/", {"text": "1. Godkänns."}, format="json"),
        400,
    )
    assert fel["detail"] == (
        "Ange justeringsdatum, eller kryssa i att beslutet justeras omedelbart."
    )
    svar = sekr.post(
        f"/api/v1/arenden/{ärende.pk}/beslut/",
        {"text": "1. Godkänns.", "justeras_omedelbart": True},
        format="json",
    )
    assert svar.status_code == 201, svar.content
    assert svar.json()["beslut"]["text"] == "1. Godkänns."
    svar = sekr.post(f"/api/v1/arenden/{ärende.pk}/svar/", {}, format="json")
    assert svar.status_code == 201 and svar.json()["nummer"] == 1
    assert Svar.objects.get().skickat_av == klienter["nämndsekreterare"][0].användare
    ärende.utlåtande.instans.refresh_from_db()
    assert ärende.utlåtande.instans.status == "besvarad"
    beslut = Utlåtandehändelse.objects.get(utlåtande=ärende.utlåtande, typ="beslut")
    assert str(beslut.utförd_av) == "UBF nämndadministration (API-klient)"
    # Now an allmän handling: KS's reader sees the answer in the sammanställning.
    rader = (
        som("läsare")
        .get(f"/api/v1/remisser/{ärende.utlåtande.instans.remiss_id}/sammanstallning/")
        .json()["rader"]
    )
    un_rad = next(r for r in rader if r["instans"] == ärende.utlåtande.instans_id)
    assert un_rad["beslut"] == "1. Godkänns." and un_rad["svar"]["nummer"] == 1


def test_the_sammanställning_is_ks_own(remiss, som):
    assert som("läsare").get(f"/api/v1/remisser/{remiss.pk}/sammanstallning/").status_code == 200
    svar = som("registrator").get(f"/api/v1/remisser/{remiss.pk}/sammanstallning/")
    assert _problem(svar, 403)["title"] == "Åtkomst nekad"


def test_the_attested_utlåtande_is_read_with_its_pdf_address(attesterat, som):
    svar = som("handläggare").get(f"/api/v1/tjansteutlatanden/{attesterat.pk}/")
    assert svar.status_code == 200
    data = svar.json()
    assert data["status"] == "attesterad" and data["pdf"].endswith(
        f"/api/v1/tjansteutlatanden/{attesterat.pk}/pdf/"
    )
    assert [a["typ"] for a in data["attester"]] == ["godkannande", "attest"]
    # Not made yet (no worker here): a problem, not an empty file.
    assert _problem(som("handläggare").get(data["pdf"]), 404)["detail"]
    # Södermalm's diarium does not see utbildningsnämndens utlåtande.
    assert som("utomstående").get(f"/api/v1/tjansteutlatanden/{attesterat.pk}/").status_code == 404


def test_search_finds_what_the_client_may_see(remiss, som):
    svar = som("registrator").get("/api/v1/sok/", {"q": "2023/740"})
    assert svar.status_code == 200, svar.content
    assert any(t["diarienummer"] == "KS 2023/740" for t in svar.json()["resultat"])
    fel = _problem(som("registrator").get("/api/v1/sok/"), 400)
    assert fel["errors"] == [{"pointer": "#/q", "detail": "Skriv vad du söker efter."}]


def test_verification_refuses_what_is_no_pdf(db, som):
    fil = io.BytesIO()
    with zipfile.ZipFile(fil, "w") as z:
        z.writestr("a.txt", "hej")
    fel = _problem(
        som("läsare").post(
            "/api/v1/verifiera/",
            {"fil": SimpleUploadedFile("a.pdf", fil.getvalue())},
            format="multipart",
        ),
        400,
    )
    assert fel["errors"] == [
        {"pointer": "#/fil", "detail": "Filen är ingen PDF. Välj den PDF-fil du vill kontrollera."}
    ]


@pytest.fixture
def utfärdad(attesterat, settings, tmp_path):
    """The attested utlåtande's sealed PDF, made as the worker makes it (the task, called)."""
    from remiss import utkorg
    from tests.yttranden.pdfdokumenthjalp import använd_demosigill, lagrad_fil
    from yttranden.models import Pdfdokument
    from yttranden.pdf import sigill as sigillmodul

    använd_demosigill(settings)
    settings.MEDIA_ROOT = tmp_path
    dokument = Pdfdokument.objects.get(utlåtande=attesterat)
    utkorg.utför(Utkorgspost.objects.get(nyckel=dokument.utkorgsnyckel).pk)
    dokument.refresh_from_db()
    yield attesterat, lagrad_fil(dokument).read_bytes()
    sigillmodul.ladda_sigill.cache_clear()


def test_the_sealed_pdf_is_downloaded_and_verified_through_the_api(utfärdad, som):
    utlåtande, pdf = utfärdad
    svar = som("handläggare").get(f"/api/v1/tjansteutlatanden/{utlåtande.pk}/pdf/")
    assert svar.status_code == 200 and svar["Content-Type"] == "application/pdf"
    assert b"".join(svar.streaming_content) == pdf

    def verifiera(namn, data):
        fil = SimpleUploadedFile("utlatande.pdf", data, "application/pdf")
        return som(namn).post("/api/v1/verifiera/", {"fil": fil}, format="multipart").json()

    dom = verifiera("handläggare", pdf)
    assert dom["giltig"] is True and dom["hash_kand"] is True and dom["skal"] == []
    assert dom["diarienummer"] == "UN 2031/1234"
    assert dom["handling"].endswith(f"/utlatanden/{utlåtande.pk}/")
    # Södermalm may verify it too, but is not led to utbildningsnämndens work in progress.
    assert verifiera("utomstående", pdf)["handling"] is None
    ändrad = bytearray(pdf)
    ändrad[len(pdf) // 3] ^= 0x01
    dom = verifiera("handläggare", bytes(ändrad))
    assert dom["giltig"] is False and dom["skal"]
