"""Beslut and answers for ``manage.py seed_demo``: Älvsjö stadsdelsnämnd's beslut on KS 2019/656
at its meeting of 2019-08-29, ärende 10, with the särskilt uttalande of L, M, C and MP from the
seed; kulturnämndens (2019-08-27) and utbildningsnämndens (2023-10-26) beslut and answers.

Runs after yttranden/demo.py, through the model methods, dated to when it happened. Running it
twice changes nothing.
"""

import datetime

from django.db.models import QuerySet

from remiss.models import Remissinstans
from yttranden.demo import _den, _instans, _sammanträde, _skriv, _tid
from yttranden.demotexter import alvsjo
from yttranden.models import Beslut, Svar, Tjänsteutlåtande, Uttalande, Ärende

d = datetime.date
SAMVERKAN_2019 = (d(2019, 6, 3), d(2019, 9, 4))


def _älvsjös_utlåtande(nämnder, personer):
    instans = _instans("KS 2019/656", "ÄLV", nämnder, personer, *SAMVERKAN_2019)
    befintligt = Tjänsteutlåtande.objects.filter(instans=instans).first()
    if befintligt is not None:
        return befintligt
    möte = _sammanträde(nämnder["ÄLV"], d(2019, 8, 29))
    dagar = {
        "påbörjat": d(2019, 6, 20),
        "skickat": d(2019, 8, 9),
        "godkänt": d(2019, 8, 12),
        "attesterat": d(2019, 8, 14),
    }
    utlåtande = _skriv(
        instans, alvsjo, dagar, d(2019, 8, 14), möte, personer, "alv",
        Tjänsteutlåtande.Status.ATTESTERAD,
    )  # fmt: skip
    return utlåtande


def _besluta(utlåtande, mötesdag, nummer, sekreterare, uttalanden=()):
    """Put the utlåtande on the meeting, record the proposed beslut and send the answer."""
    if utlåtande is None or Ärende.objects.filter(utlåtande=utlåtande).exists():
        return
    from yttranden.beslutstext import förslag_som_text

    möte = _sammanträde(utlåtande.instans.nämnd, mötesdag)
    with _den(mötesdag, 19):
        ärende = Ärende.lägg_på_dagordning(utlåtande, möte, nummer, av=sekreterare)
        text = förslag_som_text(list(utlåtande.sektioner.all()))
        beslut = Beslut.registrera(
            ärende,
            text,
            av=sekreterare,
            justeras_omedelbart=True,
            paragraf=Beslut.nästa_paragraf(möte),
        )
        for typ, partier, ledamöter, uttalandetext in uttalanden:
            Uttalande.lägg_till(beslut, typ, partier, ledamöter, uttalandetext, av=sekreterare)
    skickat = _tid(mötesdag + datetime.timedelta(days=1), 10)
    with _den(skickat.date(), 10):
        svar = Svar.skicka(beslut, av=sekreterare)
    QuerySet.update(Svar.objects.filter(pk=svar.pk), skickat=skickat)
    Remissinstans.objects.filter(pk=svar.instans_id).update(besvarad=skickat)
    QuerySet.update(Ärende.objects.filter(pk=ärende.pk), lagt=_tid(mötesdag, 9))
    QuerySet.update(Beslut.objects.filter(pk=beslut.pk), registrerat=_tid(mötesdag, 19))
    QuerySet.update(Uttalande.objects.filter(beslut=beslut), registrerat=_tid(mötesdag, 19))


def skapa_beslut(nämnder, personer):
    """Create the demo's beslut and answers that are not there yet; return how many beslut."""
    älvsjö = _älvsjös_utlåtande(nämnder, personer)
    _besluta(
        älvsjö, d(2019, 8, 29), 10, personer["alv.namndsekreterare"],
        [(Uttalande.Typ.SÄRSKILT_UTTALANDE, alvsjo.PARTIER, alvsjo.LEDAMÖTER, alvsjo.UTTALANDE)],
    )  # fmt: skip
    for dnr, prefix, dag, nummer in [
        ("KS 2019/656", "KUL", d(2019, 8, 27), 7),
        ("KS 2023/740", "UN", d(2023, 10, 26), 12),
    ]:
        utlåtande = Tjänsteutlåtande.objects.filter(
            instans__remiss__diarienummer=dnr,
            instans__nämnd=nämnder[prefix],
            status=Tjänsteutlåtande.Status.ATTESTERAD,
        ).first()
        _besluta(utlåtande, dag, nummer, personer[f"{prefix.lower()}.namndsekreterare"])
    return Beslut.objects.count()
