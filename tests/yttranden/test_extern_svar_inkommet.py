"""KS is told when an external organisation's answer arrives, by the same outbox message that
tells it about a nämnd's answer (``epost.svar_inkommet``), delivered by a real worker."""

import pytest
from django.core import mail
from django.urls import reverse

from nämnder.roller import Roll
from remiss.models import Utkorgspost
from tests.extern import rådet, skickad_till  # noqa: F401 (fixture)
from tests.factories import AnvändareFactory
from tests.vanta import vänta_tills
from yttranden.models import ExterntSvar


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "http://testserver.invalid"


@pytest.fixture
def extern(ks, ks_samordnare, rådet):  # noqa: F811
    return skickad_till(ks, ks_samordnare, rådet).instanser.get()


def _svarsmejl():
    return [m for m in mail.outbox if "på remiss KS 2031/900" in m.subject]


def test_ks_is_told_once_per_address_when_the_organisation_submits(
    celeryarbetare, extern, ks, ks_samordnare, client
):
    registrator = AnvändareFactory(
        username="ks.reg", email="ks.reg@stad.example", roller=[(ks, Roll.REGISTRATOR)]
    )
    AnvändareFactory(email="", roller=[(ks, Roll.REMISSAMORDNARE)])  # no address: skipped
    sara = extern.organisation.kontaktpersoner.get()
    ExterntSvar.skicka_in(extern, sara, "<p>Rådet tillstyrker.</p>", {}, 0)
    vänta_tills(lambda: len(_svarsmejl()) == 2)
    assert sorted(m.to[0] for m in _svarsmejl()) == sorted([ks_samordnare.email, registrator.email])
    brev = next(m for m in _svarsmejl() if m.to == [ks_samordnare.email])
    assert brev.subject == "Svar på remiss KS 2031/900 från Funktionshindersrådet"
    assert "Funktionshindersrådet har skickat sitt svar" in brev.body
    assert "genom sin personliga länk" in brev.body
    assert "212000-0142" in brev.body and "Sara Ek, sara@radet.example" in brev.body
    assert "Nämndens diarienummer" not in brev.body
    sökväg = reverse("instanser:detalj", args=[extern.pk])
    assert f"http://testserver.invalid{sökväg}" in brev.body
    html = brev.alternatives[0][0]
    assert "Funktionshindersrådet" in html and sökväg in html
    poster = Utkorgspost.objects.filter(uppdrag="epost.svar_inkommet")
    assert poster.count() == 2
    assert all(p.argument.keys() == {"externt_svar", "adress"} for p in poster)
    client.force_login(ks_samordnare)
    sida = client.get(sökväg)
    assert sida.status_code == 200 and "Rådet tillstyrker." in sida.text


def test_a_correction_is_told_as_a_corrected_answer(celeryarbetare, extern, ks_samordnare):
    sara = extern.organisation.kontaktpersoner.get()
    ExterntSvar.skicka_in(extern, sara, "<p>Rådet tillstyrker.</p>", {}, 0)
    ExterntSvar.skicka_in(
        extern, sara, "<p>Rådet tillstyrker med ändringar.</p>", {}, 0, rättelse="Ny bedömning."
    )
    vänta_tills(lambda: len(_svarsmejl()) == 2)
    rättat = next(m for m in _svarsmejl() if m.subject.startswith("Rättat"))
    assert rättat.subject == "Rättat svar (2) på remiss KS 2031/900 från Funktionshindersrådet"
    assert "Vad som rättats: Ny bedömning." in rättat.body
