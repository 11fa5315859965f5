"""The nämndsekreterare's next step on a case follows from its state, step by step."""

import datetime

from django.urls import reverse

from tests.datum import idag
from tests.factories import SammanträdeFactory
from yttranden.models import Beslut, Svar, Ärende
from yttranden.sekreterare import nästa_steg


def test_nothing_for_the_secretary_while_the_förvaltning_writes(utlåtande):
    assert nästa_steg(utlåtande) is None


def test_without_a_coming_meeting_the_step_points_to_the_nämnds_meetings(attesterat, un):
    steg = nästa_steg(attesterat)
    assert steg.kod == "dagordning"
    assert steg.url == reverse("nämnder:detalj", args=[un.pk]) + "#sammantraden"


def test_each_step_in_turn(attesterat, un, nämndsekreterare):
    i_dag = idag()
    möte = SammanträdeFactory(nämnd=un, datum=i_dag + datetime.timedelta(days=5))
    steg = nästa_steg(attesterat)
    assert (steg.kod, steg.länktext) == ("dagordning", f"Sammanträdet {möte.datum:%Y-%m-%d}")
    assert steg.url.endswith(f"?utlatande={attesterat.pk}")

    ärende = Ärende.lägg_på_dagordning(attesterat, möte, 3, av=nämndsekreterare)
    attesterat.refresh_from_db()
    assert nästa_steg(attesterat).kod == "vänta_möte"
    assert "Beslutet registreras efter sammanträdet." in nästa_steg(attesterat).text

    möte.datum = i_dag
    möte.save()
    attesterat.refresh_from_db()
    assert nästa_steg(attesterat).kod == "beslut"

    beslut = Beslut.registrera(
        ärende, "1. Godkänns.", av=nämndsekreterare, justeringsdatum=i_dag + datetime.timedelta(2)
    )
    attesterat.refresh_from_db()
    assert nästa_steg(attesterat).kod == "vänta_justering"
    assert nästa_steg(attesterat, i_dag + datetime.timedelta(2)).kod == "skicka"

    Beslut.objects.filter(pk=beslut.pk).update(justeringsdatum=i_dag)
    attesterat.refresh_from_db()
    assert nästa_steg(attesterat).kod == "skicka"
    Svar.skicka(Beslut.objects.get(pk=beslut.pk), av=nämndsekreterare)
    attesterat.refresh_from_db()
    assert nästa_steg(attesterat).kod == "skickat"
