"""Dates a person can type that the system must answer in Swedish, never with a crash: a
mistyped year (9999-12-31) and a remiss whose sista svarsdatum has already passed."""

import datetime

from django.urls import reverse

from remiss.models import Remiss
from tests.factories import RemissFactory
from tests.remiss.test_ks_remiss import _fält

IDAG = datetime.date.today()


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
    remiss = RemissFactory(
        nämnd=ks,
        skapad_av=ks_samordnare,
        mottagare=[un],
        remissdatum=IDAG - datetime.timedelta(days=30),
        sista_svarsdatum=IDAG - datetime.timedelta(days=1),
    )
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:skicka", args=[remiss.pk]), follow=True)
    assert svar.status_code == 200
    igår = f"{IDAG - datetime.timedelta(days=1):%Y-%m-%d}"
    assert f"Sista svarsdatum {igår} har redan passerat." in svar.text
    remiss.refresh_from_db()
    assert remiss.är_utkast and not remiss.instanser.exists()
