"""The administration's view of förslag, stances and external organisations: förslag are edited
while their remiss is an utkast and read-only after it is sent (a Swedish message, no error
page), delivered stances are read-only, and an organisation is registered with its contact
people."""

import pytest
from django.urls import reverse

from remiss.models import Förslag, Kontaktperson, Organisation, Ställningstagande
from tests.factories import AnvändareFactory
from tests.remiss.test_forslag import FOKUSOMRÅDEN, utkast  # noqa: F401 (fixture)


@pytest.fixture
def admin(client, db):
    client.force_login(AnvändareFactory(username="admin", is_staff=True, is_superuser=True))
    return client


def test_the_administrator_adds_a_förslag_to_a_draft_remiss(admin, utkast):  # noqa: F811
    svar = admin.post(
        reverse("admin:remiss_förslag_add"),
        {"remiss": utkast.pk, "nummer": 4, "rubrik": "Uppföljning", "text": ""},
    )
    assert svar.status_code == 302
    assert utkast.förslag.get(nummer=4).rubrik == "Uppföljning"


def test_a_sent_remiss_takes_no_new_förslag_and_shows_why_in_swedish(
    admin,
    utkast,  # noqa: F811
    ks_samordnare,
):
    utkast.skicka(av=ks_samordnare)
    svar = admin.post(
        reverse("admin:remiss_förslag_add"),
        {"remiss": utkast.pk, "nummer": 4, "rubrik": "Sent påkommet", "text": ""},
    )
    assert svar.status_code == 200
    assert "Förslagen kan inte ändras efter utskick" in svar.text
    assert utkast.förslag.count() == 3


def test_a_sent_remiss_förslag_are_read_only(admin, utkast, ks_samordnare):  # noqa: F811
    utkast.skicka(av=ks_samordnare)
    förslag = utkast.förslag.first()
    sida = admin.get(reverse("admin:remiss_förslag_change", args=[förslag.pk]))
    assert sida.status_code == 200 and 'name="_save"' not in sida.text
    assert FOKUSOMRÅDEN[0] in sida.text
    svar = admin.post(
        reverse("admin:remiss_förslag_change", args=[förslag.pk]),
        {"remiss": utkast.pk, "nummer": 1, "rubrik": "Ändrat"},
    )
    assert svar.status_code == 403
    assert admin.post(reverse("admin:remiss_förslag_delete", args=[förslag.pk])).status_code == 403
    assert Förslag.objects.get(pk=förslag.pk).rubrik == FOKUSOMRÅDEN[0]


def test_delivered_stances_are_listed_and_read_only(admin, utkast, ks_samordnare):  # noqa: F811
    utkast.skicka(av=ks_samordnare)
    instans = utkast.instanser.get()
    ett, två, tre = utkast.förslag.all()
    Ställningstagande.lämna(
        instans,
        1,
        {ett.pk: ("tillstyrker", "Bra."), två.pk: ("avstar", ""), tre.pk: ("avstyrker", "Nej.")},
    )
    lista = admin.get(reverse("admin:remiss_ställningstagande_changelist"))
    assert lista.status_code == 200
    assert "Utbildningsnämnden" in lista.text and "Avstyrker" in lista.text
    rad = Ställningstagande.objects.get(förslag=tre)
    sida = admin.get(reverse("admin:remiss_ställningstagande_change", args=[rad.pk]))
    assert sida.status_code == 200 and 'name="_save"' not in sida.text
    ändra = admin.post(
        reverse("admin:remiss_ställningstagande_change", args=[rad.pk]),
        {"ståndpunkt": "tillstyrker"},
    )
    assert ändra.status_code == 403
    assert admin.get(reverse("admin:remiss_ställningstagande_add")).status_code == 403
    assert Ställningstagande.objects.get(pk=rad.pk).ståndpunkt == "avstyrker"


def test_the_administrator_registers_an_organisation_with_its_contact_people(admin):
    svar = admin.post(
        reverse("admin:remiss_organisation_add"),
        {
            "namn": "Pensionärsrådet",
            "organisationsnummer": "2120000142",
            "aktiv": "on",
            "kontaktpersoner-TOTAL_FORMS": "2",
            "kontaktpersoner-INITIAL_FORMS": "0",
            "kontaktpersoner-0-namn": "Eva Berg",
            "kontaktpersoner-0-epost": "eva@pro.example",
            "kontaktpersoner-0-aktiv": "on",
            "kontaktpersoner-1-namn": "Olle Ek",
            "kontaktpersoner-1-epost": "olle@pro.example",
            "kontaktpersoner-1-aktiv": "on",
        },
    )
    assert svar.status_code == 302, svar.text[:3000]
    org = Organisation.objects.get(namn="Pensionärsrådet")
    assert org.organisationsnummer == "212000-0142"
    assert sorted(org.kontaktpersoner.values_list("epost", flat=True)) == [
        "eva@pro.example",
        "olle@pro.example",
    ]


def test_a_wrong_organisation_number_is_refused_in_swedish_in_the_admin(admin):
    svar = admin.post(
        reverse("admin:remiss_organisation_add"),
        {
            "namn": "Felaktiga föreningen",
            "organisationsnummer": "212000-0143",
            "kontaktpersoner-TOTAL_FORMS": "0",
            "kontaktpersoner-INITIAL_FORMS": "0",
        },
    )
    assert svar.status_code == 200 and "kontrollsiffran är fel" in svar.text
    assert not Organisation.objects.exists() and not Kontaktperson.objects.exists()


def test_people_without_staff_status_do_not_reach_the_stances(client, handläggare):
    client.force_login(handläggare)
    svar = client.get(reverse("admin:remiss_ställningstagande_changelist"))
    assert svar.status_code == 302
