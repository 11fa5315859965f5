"""The mallar are the kommun's own data, edited in the admin: the standard mall is there from the
start, a förvaltning's own mall begins as a copy of it, and a placeholder the system does not
know is refused in Swedish."""

import pytest
from django.urls import reverse

from tests.factories import AnvändareFactory
from yttranden.models import Mall, Tjänsteutlåtande


@pytest.fixture
def admin(db):
    return AnvändareFactory(username="admin", is_staff=True, is_superuser=True)


def _formulär(mall_namn, nämnd, avsnitt=()):
    data = {
        "namn": mall_namn,
        "nämnd": nämnd.pk if nämnd else "",
        "avsnitt-TOTAL_FORMS": str(len(avsnitt)),
        "avsnitt-INITIAL_FORMS": "0",
    }
    for nr, (rubrik, text) in enumerate(avsnitt):
        data |= {
            f"avsnitt-{nr}-ordning": nr + 1,
            f"avsnitt-{nr}-rubrik": rubrik,
            f"avsnitt-{nr}-förifylld_text": text,
            f"avsnitt-{nr}-obligatoriskt": "on",
        }
    return data


def test_the_standard_mall_is_there_to_edit_from_the_start(client, admin):
    client.force_login(admin)
    sida = client.get(reverse("admin:yttranden_mall_changelist")).text
    assert "Stockholms stads standardmall" in sida
    assert "Alla förvaltningar utan egen mall" in sida


def test_a_förvaltnings_own_mall_begins_as_a_copy_of_the_standard(client, admin, sod):
    client.force_login(admin)
    svar = client.post(reverse("admin:yttranden_mall_add"), _formulär("Södermalms mall", sod))
    assert svar.status_code == 302
    egen = Mall.objects.get(nämnd=sod)
    standard = Mall.objects.standard()
    assert [a.rubrik for a in egen.avsnitt.all()] == [a.rubrik for a in standard.avsnitt.all()]


def test_a_förvaltning_writes_its_own_sections_and_new_utlåtanden_use_them(
    client, admin, un, instans, handläggare
):
    client.force_login(admin)
    avsnitt = [("Förslag till beslut", "<p>{nämnd} beslutar.</p>"), ("Ärendet", "")]
    svar = client.post(reverse("admin:yttranden_mall_add"), _formulär("UN:s mall", un, avsnitt))
    assert svar.status_code == 302

    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    assert [(s.rubrik, s.html) for s in utlåtande.sektioner.all()] == [
        ("Förslag till beslut", "<p>Utbildningsnämnden beslutar.</p>"),
        ("Ärendet", ""),
    ]


def test_an_unknown_placeholder_is_refused_in_swedish_and_nothing_is_saved(client, admin, un):
    client.force_login(admin)
    avsnitt = [("Bakgrund", "<p>Remissen {remisstitel} kom in.</p>")]
    svar = client.post(reverse("admin:yttranden_mall_add"), _formulär("UN:s mall", un, avsnitt))
    assert svar.status_code == 200
    assert "Okänd platshållare {remisstitel}." in svar.text
    assert not Mall.objects.filter(nämnd=un).exists()
