"""The meeting-calendar check where people decide: KS sees, before sending, which recipients
cannot decide by the deadline; a nämnd's registrator sees the same and asks for anstånd in one
click, with the reason already written."""

import datetime

from playwright.sync_api import expect

from remiss.models import Anstånd
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.datum import idag
from tests.factories import RemissFactory, SammanträdeFactory


def dag(n):
    return idag() + datetime.timedelta(days=n)


def remiss_till(ks, ks_samordnare, *nämnder):
    return RemissFactory(
        nämnd=ks,
        diarienummer="KS 2023/740",
        skapad_av=ks_samordnare,
        remissdatum=idag(),
        sista_svarsdatum=dag(30),
        mottagare=list(nämnder),
    )


def test_ks_sees_which_recipients_cannot_decide_before_sending(page, ks, un, sod, ks_samordnare):
    SammanträdeFactory(nämnd=un, datum=dag(20))  # in time
    SammanträdeFactory(nämnd=sod, datum=dag(45))  # only after the deadline
    remiss = remiss_till(ks, ks_samordnare, un, sod)
    logga_in(page, "karin")
    page.goto(f"/remisser/{remiss.pk}/")
    expect(
        page.get_by_text("1 av 2 remissinstanser hinner inte besluta", exact=False)
    ).to_be_visible()
    expect(
        page.get_by_text(
            "Södermalms stadsdelsnämnd har inget sammanträde före svarsdatum", exact=False
        )
    ).to_be_visible()
    expect(
        page.get_by_text("Sista sammanträde före svarsdatum:", exact=False).first
    ).to_be_visible()
    expect(page.get_by_role("link", name="Ändra remissen")).to_be_visible()
    expect(
        page.get_by_role("button", name="Skicka remissen till 2 remissinstanser")
    ).to_be_visible()
    kontrollera_tillgänglighet(page)


def test_the_registrator_asks_for_anstånd_in_one_click(page, ks, un, ks_samordnare, registrator):
    nästa = SammanträdeFactory(nämnd=un, datum=dag(45))
    remiss = remiss_till(ks, ks_samordnare, un)
    (instans,) = remiss.skicka(av=ks_samordnare)
    logga_in(page, "maja")
    page.goto(f"/instanser/{instans.pk}/")
    expect(
        page.get_by_text("Utbildningsnämnden har inget sammanträde före svarsdatum", exact=False)
    ).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Begär anstånd till").click()
    expect(page.get_by_text("Begäran om anstånd är skickad till kommunstyrelsen.")).to_be_visible()
    kontrollera_tillgänglighet(page)
    anstånd = Anstånd.objects.get(instans=instans)
    assert anstånd.begärt_datum == nästa.datum + datetime.timedelta(days=7)
    assert "sammanträder inte i tid före svarsdatum" in anstånd.motivering
    assert anstånd.begärt_av == registrator
