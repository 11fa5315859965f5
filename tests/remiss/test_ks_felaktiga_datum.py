"""Dates a person can type that the system must answer in Swedish, never with a crash: a
mistyped year (9999-12-31) and a remiss whose sista svarsdatum has already passed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from remiss.models import Remiss, Remisshändelse
from tests.datum import idag
from tests.factories import RemissFactory
from tests.remiss.test_ks_remiss import _fält


def test_a_svarsdatum_in_year_9999_is_refused_in_swedish(client, ks, un, ks_samordnare):
    client.force_login(ks_samordnare)
    svar = client.post(
        reverse("ks:ny"),
        _fält(sista_svarsdatum="9999-12-31", mottagare=[un.pk], kontaktperson=ks_samordnare.pk),
    )
    assert svar.status_code == 400
    assert "Sista svarsdatum kan inte ligga mer än 10 år efter remissdatum." in svar.text
    assert not Remiss.objects.exists()


def test_a_remiss_already_stored_with_year_9999_still_shows_with_a_warning(
    client, ks, un, ks_samordnare
):
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    Remiss.objects.filter(pk=remiss.pk).update(sista_svarsdatum=datetime.date(9999, 12, 31))
    client.force_login(ks_samordnare)
    svar = client.get(reverse("remisser:detalj", args=[remiss.pk]))
    assert svar.status_code == 200
    assert "ligger mer än tre år fram. Kontrollera årtalet." in svar.text


def test_a_remiss_whose_svarsdatum_has_passed_is_not_sent(client, ks, un, ks_samordnare):
    i_dag = idag()
    remiss = RemissFactory(
        nämnd=ks,
        skapad_av=ks_samordnare,
        mottagare=[un],
        remissdatum=i_dag - datetime.timedelta(days=30),
        sista_svarsdatum=i_dag - datetime.timedelta(days=1),
    )
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:skicka", args=[remiss.pk]), follow=True)
    assert svar.status_code == 200
    igår = f"{i_dag - datetime.timedelta(days=1):%Y-%m-%d}"
    assert f"Sista svarsdatum {igår} har redan passerat." in svar.text
    remiss.refresh_from_db()
    assert remiss.är_utkast and not remiss.instanser.exists()


def test_the_model_refuses_to_send_a_remiss_whose_svarsdatum_has_passed(ks, un, ks_samordnare):
    """The rule is the model's, so every way in (a page, the API) obeys it."""
    i_dag = idag()
    remiss = RemissFactory(
        nämnd=ks,
        skapad_av=ks_samordnare,
        mottagare=[un],
        remissdatum=i_dag - datetime.timedelta(days=30),
        sista_svarsdatum=i_dag - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as fel:
        remiss.skicka(av=ks_samordnare)
    igår = f"{i_dag - datetime.timedelta(days=1):%Y-%m-%d}"
    assert fel.value.messages == [
        f"Sista svarsdatum {igår} har redan passerat. Ändra svarsdatum innan du skickar remissen."
    ]
    remiss.refresh_from_db()
    assert remiss.är_utkast and not remiss.instanser.exists()
    assert not remiss.händelser.filter(typ=Remisshändelse.Typ.SKICKAD).exists()


def test_a_remiss_due_today_can_still_be_sent(ks, un, ks_samordnare):
    i_dag = idag()
    remiss = RemissFactory(
        nämnd=ks,
        skapad_av=ks_samordnare,
        mottagare=[un],
        remissdatum=i_dag - datetime.timedelta(days=30),
        sista_svarsdatum=i_dag,
    )
    assert len(remiss.skicka(av=ks_samordnare)) == 1
