from io import StringIO

from django.core.management import call_command

from remiss.models import Remissinstans, Utkorgspost
from yttranden.models import Beslut, Svar, Uttalande, Ärende


def _antal():
    return tuple(m.objects.count() for m in (Ärende, Beslut, Uttalande, Svar))


def test_the_demo_holds_the_seeds_decisions_once(db):
    """One test, since seed_demo is slow: Älvsjö's beslut with the four parties' statement,
    kulturnämndens and utbildningsnämndens sent answers, and nothing doubled on a rerun."""
    call_command("seed_demo", stdout=StringIO())
    första = _antal()
    call_command("seed_demo", stdout=StringIO())
    assert _antal() == första == (3, 3, 1, 3)

    ärende = Ärende.objects.get(sammanträde__nämnd__diarieprefix="ÄLV")
    assert (ärende.nummer, f"{ärende.sammanträde.datum}") == (10, "2019-08-29")
    assert ärende.utlåtande.instans.remiss.diarienummer == "KS 2019/656"
    [uttalande] = ärende.beslut.uttalanden.all()
    assert uttalande.partier == ["L", "M", "C", "MP"]
    assert uttalande.ledamotsrader[0] == "Pernilla Enebrink m.fl. (L)"
    assert uttalande.text.startswith("Stockholms stad håller på att ta fram en ny")
    assert "utbildningsförvaltningen ska vara representerad" in uttalande.text

    for prefix, dnr, dag in [
        ("KUL", "KS 2019/656", "2019-08-27"),
        ("UN", "KS 2023/740", "2023-10-26"),
    ]:
        svar = Svar.objects.get(
            instans__nämnd__diarieprefix=prefix, instans__remiss__diarienummer=dnr
        )
        assert f"{svar.beslut.datum}" == dag
        assert svar.instans.status == Remissinstans.Status.BESVARAD
        assert svar.instans.besvarad.date() > svar.beslut.datum  # the day after the meeting
        # nobody is e-mailed about a 2019 answer today
        assert (
            not Utkorgspost.objects.filter(uppdrag="epost.svar_inkommet")
            .exclude(status=Utkorgspost.S.HOPPADES_ÖVER)
            .exists()
        )
