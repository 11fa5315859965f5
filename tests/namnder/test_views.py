import datetime

import pytest
from django.urls import reverse

from nämnder.models import Sammanträde
from tests.datum import nästa_år
from tests.factories import NämndFactory, SammanträdeFactory


def _nytt(client, nämnd, datum=None, **fält):
    if datum is None:
        datum = f"{nästa_år()}-03-19"
    url = reverse("nämnder:nytt_sammanträde", args=[nämnd.pk])
    return client.post(url, {"datum": datum, "tid": "17:30", "plats": "Stadshuset", **fält})


def test_the_list_shows_every_active_nämnd_grouped_by_kind(client, handläggare, un, sod, ks):
    NämndFactory(namn="Älvsjö stadsdelsnämnd", diarieprefix="ÄLV", aktiv=False)
    client.force_login(handläggare)
    sida = client.get(reverse("nämnder:lista")).text
    assert "Utbildningsnämnden" in sida and "Södermalms stadsdelsnämnd" in sida
    assert "Stadsdelsnämnd" in sida and "Kommunstyrelse" in sida
    assert "Älvsjö" not in sida


def test_the_list_runs_a_constant_number_of_queries(
    client, handläggare, django_assert_max_num_queries
):
    for _ in range(30):
        NämndFactory()
    client.force_login(handläggare)
    with django_assert_max_num_queries(6):
        client.get(reverse("nämnder:lista"))


def test_the_detail_page_shows_letterhead_and_members_to_members(client, handläggare, un):
    client.force_login(handläggare)
    sida = client.get(reverse("nämnder:detalj", args=[un.pk])).text
    assert "Hantverkargatan 2F" in sida and "Box 22049" in sida and "104 22 Stockholm" in sida
    assert "Medarbetare och roller" in sida and "Joakim Länninge" in sida


def test_an_outsider_sees_the_letterhead_but_not_the_members(client, outsider, handläggare, un):
    client.force_login(outsider)
    sida = client.get(reverse("nämnder:detalj", args=[un.pk])).text
    assert "Hantverkargatan 2F" in sida
    assert "Joakim Länninge" not in sida


def test_the_detail_page_runs_a_constant_number_of_queries(
    client, nämndsekreterare, un, django_assert_max_num_queries
):
    år = nästa_år()
    for dag in range(1, 25):
        SammanträdeFactory(nämnd=un, datum=datetime.date(år, 1, dag))
    client.force_login(nämndsekreterare)
    with django_assert_max_num_queries(10):
        svar = client.get(reverse("nämnder:detalj", args=[un.pk]))
    assert svar.text.count("/ta-bort/") == 24


def test_a_nämndsekreterare_adds_a_meeting(client, nämndsekreterare, un):
    client.force_login(nämndsekreterare)
    svar = _nytt(client, un)
    assert svar.status_code == 302
    möte = Sammanträde.objects.get(nämnd=un)
    assert möte.datum == datetime.date(nästa_år(), 3, 19)
    assert "är inlagt" in client.get(svar.url).text


def test_a_second_meeting_on_the_same_day_is_refused_in_swedish(client, nämndsekreterare, un):
    client.force_login(nämndsekreterare)
    _nytt(client, un)
    svar = _nytt(client, un, plats="Annan lokal")
    assert svar.status_code == 400
    assert "Nämnden har redan ett sammanträde den dagen" in svar.text
    assert Sammanträde.objects.get().plats == "Stadshuset"


def test_a_malformed_date_is_refused_in_swedish(client, nämndsekreterare, un):
    client.force_login(nämndsekreterare)
    svar = _nytt(client, un, datum="19 mars")
    assert svar.status_code == 400
    assert "Fyll i ett giltigt datum" in svar.text
    assert not Sammanträde.objects.exists()


@pytest.mark.parametrize("person", ["handläggare", "registrator", "outsider", "ks_samordnare"])
def test_only_the_nämndsekreterare_may_add_or_remove_meetings(client, request, un, person):
    möte = SammanträdeFactory(nämnd=un)
    client.force_login(request.getfixturevalue(person))
    assert _nytt(client, un).status_code == 403
    url = reverse("nämnder:ta_bort_sammanträde", args=[un.pk, möte.pk])
    assert client.post(url).status_code == 403
    assert list(Sammanträde.objects.all()) == [möte]


def test_anonymous_changes_are_sent_to_login_and_change_nothing(client, un):
    möte = SammanträdeFactory(nämnd=un)
    svar = _nytt(client, un)
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    client.post(reverse("nämnder:ta_bort_sammanträde", args=[un.pk, möte.pk]))
    assert list(Sammanträde.objects.all()) == [möte]


def test_a_meeting_of_another_nämnd_cannot_be_removed_through_ones_own(
    client, nämndsekreterare, un, sod
):
    annans = SammanträdeFactory(nämnd=sod)
    client.force_login(nämndsekreterare)
    svar = client.post(reverse("nämnder:ta_bort_sammanträde", args=[un.pk, annans.pk]))
    assert svar.status_code == 404
    assert Sammanträde.objects.filter(pk=annans.pk).exists()


def test_a_nämndsekreterare_removes_a_meeting(client, nämndsekreterare, un):
    möte = SammanträdeFactory(nämnd=un)
    client.force_login(nämndsekreterare)
    client.post(reverse("nämnder:ta_bort_sammanträde", args=[un.pk, möte.pk]))
    assert not Sammanträde.objects.exists()


def test_adding_a_meeting_needs_post(client, nämndsekreterare, un):
    client.force_login(nämndsekreterare)
    assert client.get(reverse("nämnder:nytt_sammanträde", args=[un.pk])).status_code == 405
