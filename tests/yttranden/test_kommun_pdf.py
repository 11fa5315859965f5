"""A second kommun, configured as data, gets its own documents: Exempelby kommun writes dates as
"26 oktober 2023", has its own logo, a local party and diarienummer such as "KS-2031/742.912"
(kommunstyrelsen) and "320-845/2031" (utbildningsnämnden). The tjänsteutlåtande, the
protokollsutdrag and KS's sammanställning made by a real worker carry them all."""

import io
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from nämnder.models import Kommun, Parti
from nämnder.models.kommun import skriv_datum
from tests.factories import RemissFactory, SammanträdeFactory
from tests.kedja import SVAR_SENAST
from tests.kommunhjalp import EXEMPELBY_FÄRG, EXEMPELBY_STORLEK, png_logotyp
from tests.yttranden.pdfdokumenthjalp import använd_demosigill, färdig, lagrad_fil, text
from yttranden.models import Beslut, Pdfdokument, Svar, Uttalande, Ärende
from yttranden.pdf import sigill as sigillmodul

S = Pdfdokument.Status
LOKALPARTIET = "Vi i Exempelby vill att fritidsgårdarna får vara med i samverkan."


@pytest.fixture
def sigill(settings):
    använd_demosigill(settings)
    yield
    sigillmodul.ladda_sigill.cache_clear()


@pytest.fixture
def arkiv(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "handlingar"
    return settings.MEDIA_ROOT


@pytest.fixture
def exempelby(db, ks, un):
    kommun = Kommun(namn="Exempelby kommun", datumstil=Kommun.Datumstil.TEXT)
    kommun.sätt_logotyp(png_logotyp())
    kommun.save()
    Parti.objects.create(förkortning="EXP", namn="Exempelbypartiet", ordning=9)
    ks.diarienummermönster = "{prefix}-{år}/{löpnr}.{nr}"
    ks.save()
    un.diarienummermönster = "{nr}-{löpnr}/{år}"
    un.save()
    return kommun


# The chain of tests/kedja.py, in Exempelby's numbers.
@pytest.fixture
def remiss(exempelby, ks, un, sod, ks_samordnare):
    remiss = RemissFactory(
        nämnd=ks,
        diarienummer="KS-2031/742.912",
        skapad_av=ks_samordnare,
        remissdatum=timezone.localdate(),
        sista_svarsdatum=SVAR_SENAST,
        mottagare=[un, sod],
    )
    remiss.skicka(av=ks_samordnare)
    return remiss


@pytest.fixture
def instans(remiss, un, handläggare, registrator):
    instans = remiss.instanser.get(nämnd=un)
    instans.registrera("320-845/2031", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    return instans


def _bilder(dokument):
    """The images in the stored PDF, as pdfimages extracts them (PNG files)."""
    katalog = lagrad_fil(dokument).parent / f"bilder-{dokument.pk}"
    katalog.mkdir()
    subprocess.run(
        ["pdfimages", "-png", str(lagrad_fil(dokument)), str(katalog / "b")],
        check=True,
        timeout=60,
    )
    return [Image.open(io.BytesIO(fil.read_bytes())).convert("RGB") for fil in katalog.iterdir()]


def _bär_logotypen(dokument):
    return any(
        bild.size == EXEMPELBY_STORLEK and bild.getpixel((120, 30)) == EXEMPELBY_FÄRG
        for bild in _bilder(dokument)
    )


def _datum(dag):
    return skriv_datum(dag, Kommun.Datumstil.TEXT)


def _besluta(utlåtande, sekreterare):
    möte = SammanträdeFactory(nämnd=utlåtande.instans.nämnd, datum=timezone.localdate())
    ärende = Ärende.lägg_på_dagordning(utlåtande, möte, 4, av=sekreterare)
    beslut = Beslut.registrera(
        ärende, "1. Nämnden godkänner förslaget.", av=sekreterare, justeras_omedelbart=True
    )
    Uttalande.lägg_till(
        beslut,
        Uttalande.Typ.SÄRSKILT_UTTALANDE,
        ["EXP", "MP"],
        "Eva Exempel (EXP)\nMats Grön (MP)",
        LOKALPARTIET,
        av=sekreterare,
    )
    return ärende, möte


def test_exempelbys_tjänsteutlåtande_has_its_logo_dates_and_numbers(
    celeryarbetare, sigill, arkiv, attesterat
):
    dokument = färdig(Pdfdokument.objects.get(utlåtande=attesterat))
    assert dokument.status == S.KLAR, dokument.fel

    innehåll = text(dokument)
    assert "Dnr 320-845/2031" in innehåll
    assert "Remiss från kommunstyrelsen, KS-2031/742.912" in innehåll
    idag = timezone.localdate()
    assert _datum(idag) in innehåll  # the document's date and the attest's
    assert idag.isoformat() not in innehåll
    assert _bär_logotypen(dokument)


def test_exempelbys_protokollsutdrag_names_the_local_party_in_its_own_style(
    celeryarbetare, sigill, arkiv, attesterat, nämndsekreterare
):
    ärende, möte = _besluta(attesterat, nämndsekreterare)

    dokument = färdig(Pdfdokument.objects.filter(ärende=ärende).senaste())
    assert dokument.status == S.KLAR, dokument.fel
    innehåll = text(dokument)
    assert "Särskilt uttalande (EXP, MP)" in innehåll and LOKALPARTIET in innehåll
    assert f"Sammanträde {_datum(möte.datum)}" in innehåll
    assert "Dnr 320-845/2031" in innehåll
    assert möte.datum.isoformat() not in innehåll
    assert _bär_logotypen(dokument)


def test_exempelbys_sammanställning_carries_the_logo_and_its_dates(
    celeryarbetare, sigill, arkiv, attesterat, nämndsekreterare, ks_samordnare, remiss, client
):
    ärende, _möte = _besluta(attesterat, nämndsekreterare)
    Svar.skicka(ärende.beslut, av=nämndsekreterare)
    client.force_login(ks_samordnare)

    client.post(reverse("pdf:beställ_sammanställning", args=[remiss.pk]))

    dokument = färdig(Pdfdokument.objects.get(typ=Pdfdokument.Typ.SAMMANSTÄLLNING))
    assert dokument.status == S.KLAR, dokument.fel
    innehåll = text(dokument)
    assert "Dnr KS-2031/742.912" in innehåll
    assert f"Sista svarsdatum {_datum(SVAR_SENAST)}" in innehåll
    assert "Särskilt uttalande (EXP, MP)" in innehåll
    assert _bär_logotypen(dokument)
