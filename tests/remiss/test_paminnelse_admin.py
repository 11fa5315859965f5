"""The staff page of reminders: sent, waiting, skipped and failed, and who has no address."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from remiss.models import Påminnelse, Utkorgspost
from tests.factories import AnvändareFactory, RemissFactory
from tests.vanta import vänta_tills

P = Påminnelse
LISTA = reverse("admin:remiss_påminnelse_changelist")


@pytest.fixture
def administratör(db):
    return AnvändareFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def instans(ks, un, ks_samordnare):
    remiss = RemissFactory(nämnd=ks, diarienummer="KS 2023/740", skapad_av=ks_samordnare)
    remiss.mottagare.set([un])
    return remiss.skicka(av=ks_samordnare)[0]


def påminnelse(instans, mottagare, status=P.Status.SKICKAD, **fält):
    return P.objects.create(
        instans=instans,
        mottagare=mottagare,
        typ=P.Typ.FRIST,
        dagar=fält.pop("dagar", 7),
        datum=instans.svarsdatum,
        status=status,
        omgång=uuid.uuid4(),
        **fält,
    )


def test_staff_see_every_reminder_and_who_was_skipped_for_want_of_an_address(
    client, administratör, instans, handläggare, registrator, nämndsekreterare
):
    påminnelse(instans, handläggare, skickad=timezone.now())
    påminnelse(instans, nämndsekreterare, P.Status.MISSLYCKAD, fel="SMTPDataError(554)")
    utan = AnvändareFactory(username="utan", first_name="Ulla", email="")
    påminnelse(instans, utan, P.Status.HOPPADES_ÖVER, orsak=P.Orsak.INGEN_EPOST)
    påminnelse(instans, registrator, P.Status.VÄNTAR)
    client.force_login(administratör)
    sida = client.get(LISTA).text
    for text in ("Skickad: <strong>1</strong>", "Väntar: <strong>1</strong>"):
        assert text in sida
    assert "Misslyckad: <strong>1</strong>" in sida and "Hoppades över: <strong>1</strong>" in sida
    assert "saknar e-postadress" in sida and "Ulla (utan)" in sida
    assert "KS 2023/740 – Utbildningsnämnden" in sida
    failed = client.get(LISTA, {"status": P.Status.MISSLYCKAD}).text
    assert "Erik Håkansson" in failed and "Joakim Länninge" not in failed


def test_the_list_runs_a_fixed_number_of_queries(
    client, administratör, instans, django_assert_max_num_queries
):
    for n in range(40):
        person = AnvändareFactory(email="" if n % 2 else f"p{n}@example.se")
        påminnelse(instans, person, P.Status.HOPPADES_ÖVER if n % 2 else P.Status.SKICKAD)
    client.force_login(administratör)
    with django_assert_max_num_queries(14):
        assert client.get(LISTA).status_code == 200


def test_staff_queue_failed_reminders_again(
    client, administratör, instans, handläggare, registrator, celeryarbetare
):
    misslyckad = påminnelse(instans, handläggare, P.Status.MISSLYCKAD, fel="trasig mall")
    skickad = påminnelse(instans, registrator, P.Status.SKICKAD, dagar=14)
    client.force_login(administratör)
    svar = client.post(
        LISTA,
        {"action": "försök_igen", "_selected_action": [misslyckad.pk, skickad.pk]},
        follow=True,
    )
    assert "1 påminnelse köades igen" in svar.text
    # Through the outbox: a row for its mail, which the worker sends.
    vänta_tills(lambda: P.objects.get(pk=misslyckad.pk).status == P.Status.SKICKAD)
    vänta_tills(lambda: Utkorgspost.objects.gäller(misslyckad).get().status == "klar")
    skickad.refresh_from_db()
    assert skickad.status == P.Status.SKICKAD


def test_reminders_cannot_be_added_or_edited_by_hand(client, administratör, instans, handläggare):
    rad = påminnelse(instans, handläggare)
    client.force_login(administratör)
    assert client.get(reverse("admin:remiss_påminnelse_add")).status_code == 403
    svar = client.post(
        reverse("admin:remiss_påminnelse_change", args=[rad.pk]), {"status": "vantar"}
    )
    rad.refresh_from_db()
    assert rad.status == P.Status.SKICKAD and svar.status_code in (200, 403)


@pytest.mark.parametrize("person", [None, "handläggare"])
def test_only_staff_reach_the_page(client, request, instans, person, handläggare):
    rad = påminnelse(instans, handläggare, P.Status.MISSLYCKAD)
    if person:
        client.force_login(request.getfixturevalue(person))
    svar = client.post(LISTA, {"action": "försök_igen", "_selected_action": [rad.pk]})
    assert svar.status_code == 302 and "/admin/login/" in svar.url
    rad.refresh_from_db()
    assert rad.status == P.Status.MISSLYCKAD


def test_the_feed_keys_are_listed_without_their_secret(client, administratör, handläggare):
    from remiss.models import Kalendernyckel

    nyckel = Kalendernyckel.förnya(handläggare)
    client.force_login(administratör)
    sida = client.get(reverse("admin:remiss_kalendernyckel_changelist")).text
    assert "Joakim Länninge" in sida and nyckel.nyckel not in sida
