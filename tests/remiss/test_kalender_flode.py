"""Calendar feeds at secret, revocable addresses, read back with the icalendar library."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from nämnder.roller import Roll, ge_roll
from remiss.models import Anstånd, Kalendernyckel, Remissinstans
from tests.datum import idag
from tests.factories import NämndFactory, RemissFactory, SammanträdeFactory

SIDA = reverse("kalender:kalender")
NY = reverse("kalender:ny_adress")


def dagar(n):
    return idag() + datetime.timedelta(days=n)


def svarsdatum():
    return dagar(45)


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    remiss = RemissFactory(
        nämnd=ks,
        diarienummer="KS 2023/740",
        skapad_av=ks_samordnare,
        mottagare=[un, sod],
        sista_svarsdatum=svarsdatum(),
    )
    remiss.skicka(av=ks_samordnare)
    return remiss


@pytest.fixture
def tilldelad(remiss, un, handläggare, registrator):
    instans = remiss.instanser.get(nämnd=un)
    instans.tilldela(handläggare, av=registrator)
    return instans


@pytest.fixture
def möte(un):
    return SammanträdeFactory(
        nämnd=un, datum=dagar(30), tid=datetime.time(17, 30), plats="Hantverkargatan 2F, sal 3"
    )


def flöde(client, nyckel):
    svar = client.get(reverse("kalender:flöde", args=[nyckel.nyckel]))
    assert svar.status_code == 200, svar.status_code
    assert svar["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(svar.content)


def händelser(kalender):
    return {str(e["SUMMARY"]): e for e in kalender.walk("VEVENT")}


def test_my_feed_holds_my_deadline_and_the_meeting_that_must_decide_it(
    client, tilldelad, möte, handläggare
):
    kalender = flöde(client, Kalendernyckel.förnya(handläggare))
    assert str(kalender["VERSION"]) == "2.0" and "Remiss" in str(kalender["PRODID"])
    assert str(kalender["X-WR-CALNAME"]) == "Remiss – mina svarsdatum"
    assert kalender.walk("VTIMEZONE")[0]["TZID"] == "Europe/Stockholm"
    alla = händelser(kalender)
    frist = alla[
        "Svar senast: KS 2023/740 Övergripande samverkansöverenskommelse mellan Stockholms stad "
        "och Polisregion Stockholm (Utbildning)"
    ]
    assert frist.decoded("DTSTART") == svarsdatum()  # a whole day (VALUE=DATE)
    assert frist.decoded("DTEND") == svarsdatum() + datetime.timedelta(days=1)
    assert str(frist["UID"]).startswith(f"remissinstans-{tilldelad.pk}-svarsdatum@")
    assert f"/instanser/{tilldelad.pk}/" in str(frist["URL"])
    sammanträde = alla["Sammanträde: Utbildningsnämnden"]
    start = sammanträde.decoded("DTSTART")
    assert (start.date(), start.hour, start.minute) == (möte.datum, 17, 30)
    assert str(start.tzinfo) == "Europe/Stockholm"
    assert str(sammanträde["LOCATION"]) == "Hantverkargatan 2F, sal 3"
    assert "KS 2023/740" in str(sammanträde["DESCRIPTION"])
    assert len(alla) == 2  # Södermalm's instans of the same remiss is not mine


def test_a_registrator_sees_every_open_deadline_of_the_nämnd(client, remiss, registrator):
    kalender = flöde(client, Kalendernyckel.förnya(registrator))
    assert [str(e["SUMMARY"]).endswith("(Utbildning)") for e in kalender.walk("VEVENT")] == [True]


def test_ks_sees_the_deadline_of_each_remiss_it_coordinates(client, remiss, ks_samordnare):
    kalender = flöde(client, Kalendernyckel.förnya(ks_samordnare))
    (händelse,) = kalender.walk("VEVENT")
    assert str(händelse["SUMMARY"]).startswith("Sista svarsdatum: KS 2023/740")
    assert händelse.decoded("DTSTART") == svarsdatum()


def test_the_nämnd_feed_holds_its_deadlines_and_whole_sammanträdesplan(
    client, remiss, möte, un, nämndsekreterare
):
    SammanträdeFactory(nämnd=un, datum=dagar(90))
    SammanträdeFactory(nämnd=un, datum=dagar(-200))  # too old to show
    kalender = flöde(client, Kalendernyckel.förnya(nämndsekreterare, un))
    assert str(kalender["X-WR-CALNAME"]) == "Remiss – Utbildningsnämnden"
    summeringar = sorted(str(e["SUMMARY"]) for e in kalender.walk("VEVENT"))
    assert summeringar.count("Sammanträde: Utbildningsnämnden") == 2
    assert sum(s.startswith("Svar senast: KS 2023/740") for s in summeringar) == 1
    utan_tid = next(e for e in kalender.walk("VEVENT") if e.decoded("DTSTART") == dagar(90))
    assert utan_tid.decoded("DTEND") == dagar(91)


def test_an_anstånd_moves_the_event_instead_of_adding_one(
    client, tilldelad, registrator, ks_samordnare, handläggare
):
    nyckel = Kalendernyckel.förnya(handläggare)
    före = flöde(client, nyckel).walk("VEVENT")[0]
    Anstånd.begär(
        tilldelad, svarsdatum() + datetime.timedelta(days=20), "Sammanträde saknas.", registrator
    )
    tilldelad.anstånd.get().bevilja(av=ks_samordnare)
    (efter,) = flöde(client, nyckel).walk("VEVENT")
    assert efter["UID"] == före["UID"]
    assert efter.decoded("DTSTART") == svarsdatum() + datetime.timedelta(days=20)


def test_an_answered_instans_leaves_the_feed(client, tilldelad, handläggare):
    Remissinstans.objects.update(status=Remissinstans.Status.BESVARAD)
    assert flöde(client, Kalendernyckel.förnya(handläggare)).walk("VEVENT") == []


def test_making_a_new_address_revokes_the_old(client, tilldelad, handläggare):
    gammal = Kalendernyckel.förnya(handläggare)
    client.force_login(handläggare)
    assert client.post(NY).status_code == 302
    ny = Kalendernyckel.objects.get(användare=handläggare)
    assert ny.nyckel != gammal.nyckel
    assert client.get(reverse("kalender:flöde", args=[gammal.nyckel])).status_code == 404
    flöde(client, ny)


@pytest.mark.parametrize("nyckel", ["x" * 43, "abc", "../../etc/passwd"])
def test_a_wrong_key_gives_404(client, handläggare, nyckel):
    Kalendernyckel.förnya(handläggare)
    svar = client.get(f"/kalender/flode/{nyckel}.ics")
    assert svar.status_code == 404


def test_the_feed_of_someone_who_has_left_gives_404(client, handläggare):
    nyckel = Kalendernyckel.förnya(handläggare)
    handläggare.is_active = False
    handläggare.save()
    assert client.get(reverse("kalender:flöde", args=[nyckel.nyckel])).status_code == 404


def test_a_nämnd_feed_stops_when_the_person_leaves_the_nämnd(client, un, handläggare):
    nyckel = Kalendernyckel.förnya(handläggare, un)
    un.återkalla_roll(handläggare, Roll.HANDLÄGGARE)
    assert client.get(reverse("kalender:flöde", args=[nyckel.nyckel])).status_code == 404


def test_the_page_shows_my_feeds_with_their_addresses(client, un, handläggare):
    nyckel = Kalendernyckel.förnya(handläggare)
    client.force_login(handläggare)
    sida = client.get(SIDA).text
    assert f"http://testserver/kalender/flode/{nyckel.nyckel}.ics" in sida
    assert f"webcal://testserver/kalender/flode/{nyckel.nyckel}.ics" in sida
    assert "Mina svarsdatum" in sida and "Utbildningsnämnden" in sida
    assert "Skapa adress" in sida  # the nämnd feed has none yet


def test_a_person_makes_an_address_for_a_nämnd_they_belong_to(client, un, nämndsekreterare):
    client.force_login(nämndsekreterare)
    svar = client.post(NY, {"nämnd": un.pk}, follow=True)
    assert "Kalenderflödet har en ny adress" in svar.text
    assert Kalendernyckel.objects.get(användare=nämndsekreterare).nämnd == un


def test_no_address_for_a_nämnd_one_does_not_belong_to(client, un, outsider):
    client.force_login(outsider)
    assert client.post(NY, {"nämnd": un.pk}).status_code == 403
    assert client.post(NY, {"nämnd": "999999"}).status_code == 404
    assert client.post(NY, {"nämnd": "un"}).status_code == 404
    assert not Kalendernyckel.objects.exists()


def test_anonymous_visitors_are_sent_to_login_and_change_nothing(client, handläggare):
    nyckel = Kalendernyckel.förnya(handläggare)
    for svar in (client.get(SIDA), client.post(NY)):
        assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    assert list(Kalendernyckel.objects.values_list("nyckel", flat=True)) == [nyckel.nyckel]


def test_the_page_is_only_read_by_get_and_changed_by_post(client, handläggare):
    client.force_login(handläggare)
    assert client.post(SIDA).status_code == 405
    assert client.get(NY).status_code == 405
    assert not Kalendernyckel.objects.exists()


def _många_instanser(ks, ks_samordnare, handläggare, registrator, antal):
    nämnder = [NämndFactory() for _ in range(antal)]
    for nämnd in nämnder:
        ge_roll(handläggare, nämnd, Roll.HANDLÄGGARE, av=None, källa="test")
        SammanträdeFactory(nämnd=nämnd, datum=dagar(20))
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=nämnder)
    for instans in remiss.skicka(av=ks_samordnare):
        instans.medhandläggare.add(handläggare)


def test_the_feeds_and_page_run_a_fixed_number_of_queries(
    client, ks, un, ks_samordnare, handläggare, registrator, django_assert_max_num_queries
):
    _många_instanser(ks, ks_samordnare, handläggare, registrator, 30)
    mitt = Kalendernyckel.förnya(handläggare)
    client.force_login(handläggare)
    with django_assert_max_num_queries(8):
        kalender = flöde(client, mitt)
    assert len(kalender.walk("VEVENT")) == 60
    nämndens = Kalendernyckel.förnya(handläggare, un)
    with django_assert_max_num_queries(10):
        flöde(client, nämndens)
    with django_assert_max_num_queries(10):
        assert client.get(SIDA).text.count("Skapa adress") == 30


def test_the_feed_is_valid_for_strict_readers(client, tilldelad, möte, handläggare):
    svar = client.get(reverse("kalender:flöde", args=[Kalendernyckel.förnya(handläggare).nyckel]))
    rader = svar.content.split(b"\r\n")
    assert rader[0] == b"BEGIN:VCALENDAR" and rader[-2] == b"END:VCALENDAR"
    assert all(len(rad) <= 75 for rad in rader)  # folded at 75 octets (RFC 5545 3.1)
    assert all(b"DTSTAMP" in b for b in svar.content.split(b"BEGIN:VEVENT")[1:])
