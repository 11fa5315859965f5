"""External remissinstanser for KS: the register (organisation number, contacts), sending a
remiss to an organisation beside the nämnder, its matrix row, links sent, revoked and renewed."""

import pytest
from django.urls import reverse

from remiss.models import (
    Kontaktperson,
    Organisation,
    Remisshändelse,
    Remissinstans,
    Svarslänk,
    Utkorgspost,
)
from remiss.models.organisation import normalisera_organisationsnummer
from tests.extern import skickad_till
from tests.factories import RemissFactory


def test_an_organisation_number_is_ten_digits_with_a_valid_check_digit():
    assert normalisera_organisationsnummer("2120000142") == "212000-0142"
    assert normalisera_organisationsnummer(" 212000-0142 ") == "212000-0142"
    with pytest.raises(Exception, match="kontrollsiffran är fel"):
        normalisera_organisationsnummer("212000-0143")
    with pytest.raises(Exception, match="tio siffror"):
        normalisera_organisationsnummer("21200-0142")


def _ny(client, **fält):
    data = {
        "namn": "Pensionärsrådet",
        "organisationsnummer": "212000-0142",
        "aktiv": "on",
        "kontakt-TOTAL_FORMS": "1",
        "kontakt-INITIAL_FORMS": "0",
        "kontakt-0-namn": "Bo Ahl",
        "kontakt-0-epost": "bo@pro.example",
        "kontakt-0-aktiv": "on",
        **fält,
    }
    return client.post(reverse("organisationer:ny"), data)


def test_ks_registers_an_organisation_with_a_contact(client, ks_samordnare):
    client.force_login(ks_samordnare)
    svar = _ny(client, organisationsnummer="2120000142")
    assert svar.status_code == 302
    org = Organisation.objects.get()
    assert org.organisationsnummer == "212000-0142"
    assert list(org.kontaktpersoner.values_list("namn", "epost")) == [("Bo Ahl", "bo@pro.example")]


@pytest.mark.parametrize(
    ("fält", "fel"),
    [
        ({"organisationsnummer": "212000-0143"}, "kontrollsiffran är fel"),
        ({"organisationsnummer": "abc"}, "tio siffror, NNNNNN-NNNN"),
        ({"namn": ""}, "Skriv organisationens namn."),
        ({"kontakt-0-epost": "inte en adress"}, "Skriv en giltig e-postadress"),
    ],
)
def test_bad_input_gets_a_swedish_error_and_nothing_is_saved(client, ks_samordnare, fält, fel):
    client.force_login(ks_samordnare)
    svar = _ny(client, **fält)
    assert svar.status_code == 400
    assert fel in svar.text
    assert not Organisation.objects.exists() and not Kontaktperson.objects.exists()


def test_the_same_organisation_number_twice_is_refused_in_swedish(client, ks_samordnare, rådet):
    client.force_login(ks_samordnare)
    svar = _ny(client)
    assert "Det finns redan en organisation med det numret." in svar.text
    assert Organisation.objects.count() == 1


def test_the_register_costs_the_same_few_queries_for_many_organisations(
    client, ks_samordnare, django_assert_max_num_queries
):
    for nr in range(30):
        org = Organisation.objects.create(namn=f"Org {nr}", organisationsnummer=f"55{nr:04d}-0000")
        Kontaktperson.objects.create(organisation=org, namn="A", epost=f"a{nr}@x.example")
    client.force_login(ks_samordnare)
    with django_assert_max_num_queries(8):
        svar = client.get(reverse("organisationer:lista"))
    assert svar.status_code == 200 and "Org 29" in svar.text


def test_a_remiss_goes_to_an_organisation_beside_a_nämnd_with_one_deadline(
    ks, un, ks_samordnare, rådet
):
    remiss = skickad_till(ks, ks_samordnare, rådet, nämnder=[un])
    extern = remiss.instanser.get(organisation=rådet)
    assert extern.nämnd is None and extern.svarsdatum == remiss.sista_svarsdatum
    assert (remiss.antal_instanser, remiss.antal_besvarade) == (2, 0)
    länk = Svarslänk.objects.get(instans=extern)
    assert länk.kontaktperson.epost == "sara@radet.example" and länk.gäller
    post = Utkorgspost.objects.get(uppdrag="epost.svarslank")
    assert post.argument["adress"] == "sara@radet.example"
    assert länk.sha256 not in str(post.argument)  # the stored hash is not the link
    assert Remisshändelse.objects.filter(
        instans=extern, typ=Remisshändelse.Typ.LÄNK_SKICKAD
    ).exists()


def test_an_instans_is_a_nämnd_or_an_organisation_never_both(ks, un, ks_samordnare, rådet):
    from django.db import IntegrityError, transaction

    remiss = skickad_till(ks, ks_samordnare, rådet)
    with pytest.raises(IntegrityError), transaction.atomic():
        Remissinstans.objects.create(
            remiss=remiss, nämnd=un, organisation=rådet, svarsdatum=remiss.sista_svarsdatum
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Remissinstans.objects.create(remiss=remiss, svarsdatum=remiss.sista_svarsdatum)


def test_an_organisation_without_a_contact_cannot_be_sent_the_remiss(client, ks, ks_samordnare):
    org = Organisation.objects.create(namn="Tyst AB", organisationsnummer="556000-0006")
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare)
    remiss.externa_mottagare.set([org])
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:skicka", args=[remiss.pk]), follow=True)
    assert "Tyst AB har ingen kontaktperson" in svar.text
    assert not Remissinstans.objects.exists()


def test_ks_adds_an_organisation_to_a_sent_remiss_and_its_contact_gets_a_link(
    client, ks, un, ks_samordnare, rådet, polisen
):
    remiss = skickad_till(ks, ks_samordnare, rådet, nämnder=[un])
    client.force_login(ks_samordnare)
    svar = client.post(
        reverse("organisationer:lägg_till", args=[remiss.pk]), {"organisation": polisen.pk}
    )
    assert svar.status_code == 302
    instans = remiss.instanser.get(organisation=polisen)
    assert Svarslänk.objects.filter(instans=instans).count() == 1
    remiss.refresh_from_db()
    assert remiss.antal_instanser == 3
    matris = client.get(reverse("remisser:detalj", args=[remiss.pk])).text
    assert "Polismyndigheten" in matris and "Funktionshindersrådet" in matris


def test_ks_sends_a_new_link_and_revokes_one_on_the_instans_page(client, ks, ks_samordnare, rådet):
    remiss = skickad_till(ks, ks_samordnare, rådet)
    instans = remiss.instanser.get()
    kontakt = rådet.kontaktpersoner.get()
    första = Svarslänk.objects.get()
    client.force_login(ks_samordnare)
    sida = client.get(reverse("instanser:detalj", args=[instans.pk]))
    assert "Skicka ny länk till Sara Ek" in sida.text
    client.post(reverse("organisationer:ny_länk", args=[instans.pk, kontakt.pk]))
    första.refresh_from_db()
    assert första.återkallad is not None  # the new link replaces the earlier one
    andra = Svarslänk.objects.get(återkallad__isnull=True)
    client.post(reverse("organisationer:återkalla", args=[instans.pk, andra.pk]))
    andra.refresh_from_db()
    assert andra.återkallad is not None
    typer = list(instans.händelser.values_list("typ", flat=True))
    assert typer.count(Remisshändelse.Typ.LÄNK_SKICKAD) == 2
    assert Remisshändelse.Typ.LÄNK_ÅTERKALLAD in typer
