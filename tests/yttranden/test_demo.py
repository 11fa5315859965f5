import datetime

import pytest

from nämnder import demo as nämnder_demo
from remiss.models import Remissinstans
from yttranden import demo
from yttranden.models import Attest, Tjänsteutlåtande

S = Tjänsteutlåtande.Status


@pytest.fixture
def demodata(db):
    nämnder = nämnder_demo.skapa_nämnder()
    personer = nämnder_demo.skapa_användare(nämnder)
    try:
        from remiss import demo as remiss_demo
    except ImportError:  # helper A's remiss demo not there: ours makes the instanser itself
        remiss_demo = None
    if remiss_demo is not None:
        remiss_demo.skapa_remisser(nämnder, personer)
    demo.skapa_utlåtanden(nämnder, personer)
    return nämnder, personer


def _utlåtande(dnr, prefix):
    return Tjänsteutlåtande.objects.get(
        instans__remiss__diarienummer=dnr, instans__nämnd__diarieprefix=prefix
    )


def test_utbildningsnämndens_is_attested_by_lena_holmdahl_on_17_october_2023(demodata):
    utlåtande = _utlåtande("KS 2023/740", "UN")
    assert utlåtande.status == S.ATTESTERAD
    dokument = utlåtande.som_dokument()
    assert [(a.namn, a.befattning, a.datum) for a in dokument.attester] == [
        ("Lena Holmdahl", "Utbildningsdirektör", datetime.date(2023, 10, 17))
    ]
    assert dokument.sammanträdesdatum == datetime.date(2023, 10, 26)
    assert [s.rubrik for s in dokument.sektioner][2] == "Bakgrund/Ärendet"
    assert "<em>Skolan som brottsplats</em>" in dokument.sektioner[4].html
    attest = utlåtande.attester.get(typ=Attest.Typ.ATTEST)
    assert attest.sha256 == utlåtande.kontrollsumma()
    assert utlåtande.instans.status == Remissinstans.Status.ATTESTERAD
    assert utlåtande.händelser.last().tidpunkt.date() == datetime.date(2023, 10, 17)


def test_kulturnämndens_keeps_its_own_mall_and_is_attested(demodata):
    utlåtande = _utlåtande("KS 2019/656", "KUL")
    assert utlåtande.status == S.ATTESTERAD
    rubriker = [s.rubrik for s in utlåtande.sektioner.all()]
    assert "Underlag för beslut" in rubriker and "Remissen" in rubriker
    dokument = utlåtande.som_dokument()
    assert [(a.namn, a.datum) for a in dokument.attester] == [
        ("Robert Olsson", datetime.date(2019, 8, 27))
    ]
    assert [p.namn for p in dokument.handläggare] == ["Fabian Lind", "Stefan Elm"]
    assert len(dokument.bilagor) == 3


def test_södermalms_is_under_review_with_its_ocr_damage_repaired(demodata):
    utlåtande = _utlåtande("KS 2023/740", "SOD")
    assert utlåtande.status == S.GRANSKNING
    assert utlåtande.granskare.username == "sod.avdelningschef"
    text = " ".join(s.html for s in utlåtande.sektioner.all())
    assert "Södermalms stadsdelsförvaltning" in text and "mätbara mått/indikatorer" in text
    for ocr_fel in ("é", "1 lokala", "| ", "Sodermalm", "forvaltning", "stadsdelsnamnd"):
        assert ocr_fel not in text
    assert str(utlåtande.datum) == "2023-09-29"


def test_running_the_demo_twice_changes_nothing(demodata):
    nämnder, personer = demodata
    före = Tjänsteutlåtande.objects.count()
    # The seeds' three, and the two drafts started on the cases under beredning.
    assert demo.skapa_utlåtanden(nämnder, personer) == före == 5


def test_without_the_remiss_demo_the_instanser_are_made_here(db):
    nämnder = nämnder_demo.skapa_nämnder()
    personer = nämnder_demo.skapa_användare(nämnder)
    assert demo.skapa_utlåtanden(nämnder, personer) == 3
    assert _utlåtande("KS 2023/740", "UN").status == S.ATTESTERAD
    assert _utlåtande("KS 2019/656", "KUL").status == S.ATTESTERAD
