"""The protokollsutdrag in full, and a särskilt uttalande printed on its own, read back from
their PDFs with pdftotext as an archivist would: every element there, in order, and the
justering said once."""

import datetime

import pytest
from django.urls import reverse

from tests.datum import idag
from tests.factories import SammanträdeFactory
from tests.yttranden.pdfdokumenthjalp import använd_demosigill, protokollsutdrag
from tests.yttranden.pdfhjalp import kör, som_fil
from yttranden import pdfinnehall
from yttranden.demotexter import alvsjo
from yttranden.models import Beslut, Uttalande, Ärende

BESLUTET = (
    "1. Utbildningsnämnden godkänner förvaltningens tjänsteutlåtande och överlämnar det till "
    "kommunstyrelsen som svar på remissen.\n2. Beslutet justeras omedelbart."
)


@pytest.fixture(autouse=True)
def _sigill_och_lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    använd_demosigill(settings)


@pytest.fixture
def ärende(godkänt, direktör, un, nämndsekreterare):
    """Attested three days ago, decided yesterday evening at the nämnd's meeting."""
    i_dag = idag()
    godkänt.attestera(av=direktör, datum=i_dag - datetime.timedelta(days=3))
    möte = SammanträdeFactory(
        nämnd=un,
        datum=i_dag - datetime.timedelta(days=1),
        tid=datetime.time(17, 30),
        plats="Hantverkargatan 2F, sal 3",
    )
    return Ärende.lägg_på_dagordning(godkänt, möte, 10, av=nämndsekreterare)


def _med_uttalanden(ärende, nämndsekreterare, **beslutsfält):
    beslut = Beslut.registrera(ärende, BESLUTET, av=nämndsekreterare, paragraf=42, **beslutsfält)
    Uttalande.lägg_till(
        beslut,
        Uttalande.Typ.SÄRSKILT_UTTALANDE,
        alvsjo.PARTIER,
        alvsjo.LEDAMÖTER,
        alvsjo.UTTALANDE,
        av=nämndsekreterare,
    )
    Uttalande.lägg_till(
        beslut,
        Uttalande.Typ.RESERVATION,
        ["S", "V"],
        "Anna Svensson m.fl. (S)\nBo Vänster (V)",
        "Vi reserverar oss mot beslutet till förmån för eget förslag.",
        av=nämndsekreterare,
    )
    return beslut


def _text(pdf_bytes):
    return " ".join(kör("pdftotext", str(som_fil(pdf_bytes, "utdrag.pdf")), "-").stdout.split())


def _i_ordning(text, bitar):
    position = 0
    for bit in bitar:
        hittad = text.find(bit, position)
        assert hittad >= 0, f"{bit!r} saknas efter position {position}"
        position = hittad + len(bit)


def test_the_protokollsutdrag_holds_every_element_in_order(ärende, nämndsekreterare):
    _med_uttalanden(ärende, nämndsekreterare, justeras_omedelbart=True)
    text = _text(pdfinnehall.rendera(protokollsutdrag(ärende)).innehåll)
    möte = ärende.sammanträde

    _i_ordning(
        text,
        [
            "Utdrag ur protokoll",
            "Utbildningsnämnden",
            f"Sammanträde {möte.datum:%Y-%m-%d} kl. 17.30, Hantverkargatan 2F, sal 3",
            "§ 42",
            "Ärende 10",
            "Dnr UN 2031/1234",
            ärende.utlåtande.instans.remiss.titel,
            "Svar på remiss från kommunstyrelsen, KS 2023/740",
            "Beslut",
            "1. Utbildningsnämnden godkänner förvaltningens tjänsteutlåtande",
            "Särskilt uttalande (L, M, C, MP)",
            "Pernilla Enebrink m.fl. (L)",
            "Holger von Fircks (MP)",
            "Stockholms stad håller på att ta fram",
            "Reservation (S, V)",
            "Anna Svensson m.fl. (S)",
            "Vi reserverar oss mot beslutet",
            "Justering",
            "Beslutet justeras omedelbart.",
            "Rätt utdraget intygar",
            "Erik Håkansson",
            "Nämndsekreterare",
        ],
    )
    assert text.count("justeras omedelbart") == 1


def test_a_protocol_justerat_later_names_its_day(ärende, nämndsekreterare):
    dagen = idag() + datetime.timedelta(days=6)
    _med_uttalanden(ärende, nämndsekreterare, justeringsdatum=dagen)
    text = _text(pdfinnehall.rendera(protokollsutdrag(ärende)).innehåll)

    _i_ordning(text, ["Justering", f"Protokollet justeras {dagen:%Y-%m-%d}.", "Rätt utdraget"])


def test_the_page_shows_the_same_elements(client, ärende, nämndsekreterare):
    _med_uttalanden(ärende, nämndsekreterare, justeras_omedelbart=True)
    client.force_login(nämndsekreterare)
    svar = client.get(reverse("beslut:protokollsutdrag", args=[ärende.pk]))
    text = " ".join(svar.content.decode().split())

    _i_ordning(
        text,
        [
            "Utdrag ur protokoll",
            "Hantverkargatan 2F, sal 3",
            "§ 42 · Ärende 10",
            "Justering",
            "Beslutet justeras omedelbart.",
            "Rätt utdraget intygar",
            "Erik Håkansson",
        ],
    )
    assert text.count("justeras omedelbart") == 1


def test_a_särskilt_uttalande_prints_on_its_own_as_in_the_älvsjö_seed(
    client, ärende, nämndsekreterare
):
    beslut = _med_uttalanden(ärende, nämndsekreterare, justeras_omedelbart=True)
    uttalande = beslut.uttalanden.get(typ=Uttalande.Typ.SÄRSKILT_UTTALANDE)
    client.force_login(nämndsekreterare)

    svar = client.get(reverse("beslut:uttalande_pdf", args=[uttalande.pk]))

    assert svar["Content-Type"] == "application/pdf"
    text = _text(svar.content)
    _i_ordning(
        text,
        [
            "UTBILDNINGSNÄMNDEN",
            f"{ärende.sammanträde.datum:%Y-%m-%d}",
            "Ärende 10",
            ärende.utlåtande.instans.remiss.titel,
            "Svar på remiss till kommunstyrelsen, KS 2023/740 UN 2031/1234",
            "Pernilla Enebrink m.fl. (L)",
            "Johan Nilsson m.fl. (M)",
            "Evy Kjellberg m.fl. (C)",
            "Holger von Fircks (MP)",
            "Särskilt uttalande",
            "Stockholms stad håller på att ta fram",
            "1. Det är viktigt att det finns fasta lokala arbetsgrupper",
            "2. Skolans/utbildningsförvaltningens roll",
        ],
    )
    assert "Reservation" not in text
    assert "- 1)" not in text
