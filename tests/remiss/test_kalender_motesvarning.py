"""The meeting-calendar check: can the nämnd decide before the deadline, and what shortens the
remisstid (Swedish holidays, July, a deadline on a day off)."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from nämnder.kalender import bedöm, bedöm_nämnder, bedöm_remiss, helgdagar
from tests.factories import NämndFactory, RemissFactory, SammanträdeFactory

D = datetime.date
FRÅN = D(2031, 9, 1)  # a Monday
SVARSDATUM = D(2031, 10, 27)  # a Monday


def koder(bedömning):
    return [v.kod for v in bedömning.varningar]


def möte(nämnd, datum, **fält):
    return SammanträdeFactory(nämnd=nämnd, datum=datum, **fält)


def test_a_meeting_with_time_to_prepare_gives_no_warning(un):
    möte(un, D(2031, 9, 10))
    sista = möte(un, D(2031, 10, 15), tid=datetime.time(17, 30))
    möte(un, D(2031, 11, 12))
    bedömning = bedöm(un, SVARSDATUM, FRÅN)
    assert bedömning.sista_möte == sista and koder(bedömning) == []
    assert bedömning.beredningsdagar == 44


def test_no_meeting_before_the_deadline_is_warned_with_the_next_one(un):
    nästa = möte(un, D(2031, 11, 12))
    bedömning = bedöm(un, SVARSDATUM, FRÅN)
    assert bedömning.sista_möte is None and koder(bedömning) == ["inget_mote"]
    (varning,) = bedömning.varningar
    assert varning.text == (
        "Utbildningsnämnden har inget sammanträde före svarsdatum 27 oktober 2031. "
        "Nästa sammanträde är 12 november 2031."
    )
    assert bedömning.nästa_möte == nästa and bedömning.kan_begära_anstånd
    assert bedömning.föreslaget_svarsdatum == D(2031, 11, 19)
    assert "vi begär anstånd till 19 november 2031" in bedömning.anståndsmotivering


def test_an_empty_plan_is_warned_and_offers_no_anstånd(un):
    bedömning = bedöm(un, SVARSDATUM, FRÅN)
    assert "Inga senare sammanträden är inlagda." in bedömning.varningar[0].text
    assert not bedömning.kan_begära_anstånd and bedömning.anståndsmotivering == ""


def test_a_meeting_too_soon_to_prepare_for_is_warned(un):
    möte(un, D(2031, 9, 10))
    möte(un, D(2031, 11, 5))
    bedömning = bedöm(un, SVARSDATUM, FRÅN)
    assert koder(bedömning) == ["kort_beredning"]
    assert bedömning.varningar[0].text.startswith(
        "Sista sammanträdet före svarsdatum, 10 september 2031, ger bara 9 dagars beredning; "
        "nämnden behöver normalt 14 dagar."
    )


def test_the_preparation_time_comes_from_the_settings(un, settings):
    settings.REMISS_BEREDNINGSTID_DAGAR = 7
    möte(un, D(2031, 9, 10))
    assert koder(bedöm(un, SVARSDATUM, FRÅN)) == []


def test_weekday_holidays_in_the_remisstid_are_named():
    assert helgdagar(D(2031, 4, 1), D(2031, 4, 30)) == [
        (D(2031, 4, 11), "Långfredagen"),
        (D(2031, 4, 14), "Annandag påsk"),
    ]
    julen = [namn for _, namn in helgdagar(D(2031, 12, 20), D(2032, 1, 10))]
    assert julen == [
        "Julafton",
        "Juldagen",
        "Annandag jul",
        "Nyårsafton",
        "Nyårsdagen",
        "Trettondedag jul",
    ]


def test_a_remisstid_over_easter_is_warned(un):
    möte(un, D(2031, 4, 23))
    bedömning = bedöm(un, D(2031, 4, 30), D(2031, 3, 24))
    assert koder(bedömning) == ["helgdagar"]
    assert bedömning.varningar[0].text == (
        "Remisstiden omfattar helgdagar: långfredagen 11 april 2031, annandag påsk 14 april 2031."
    )


def test_a_remisstid_over_july_is_warned(un):
    möte(un, D(2031, 8, 20))
    bedömning = bedöm(un, D(2031, 8, 29), D(2031, 6, 9))
    assert "juli" in koder(bedömning)
    assert "31 dagar i juli" in next(v.text for v in bedömning.varningar if v.kod == "juli")


def test_a_deadline_on_a_day_off_is_warned(un):
    möte(un, D(2031, 10, 1))
    assert koder(bedöm(un, D(2031, 10, 25), FRÅN)) == ["ledig_dag"]  # a Saturday


def test_many_nämnder_are_checked_in_one_query(un, sod):
    nämnder = [un, sod, *(NämndFactory() for _ in range(20))]
    for nämnd in nämnder[::2]:
        möte(nämnd, D(2031, 10, 1))
    with CaptureQueriesContext(connection) as frågor:
        bedömningar = bedöm_nämnder(nämnder, SVARSDATUM, FRÅN)
    assert len(frågor) == 1
    assert [bool(bedömningar[n.pk].varningar) for n in nämnder] == [False, True] * 11


def test_the_remiss_check_counts_from_the_sending_date_in_recipient_order(
    ks, un, sod, ks_samordnare, django_assert_num_queries
):
    möte(un, D(2031, 10, 1))
    remiss = RemissFactory(
        nämnd=ks,
        skapad_av=ks_samordnare,
        remissdatum=FRÅN,
        sista_svarsdatum=SVARSDATUM,
        mottagare=[un, sod],
    )
    with django_assert_num_queries(2):
        par = bedöm_remiss(remiss)
    assert [(n.kortnamn, bool(b.varningar)) for n, b in par] == [
        ("Södermalm", True),
        ("Utbildning", False),
    ]
    assert par[0][1].från == FRÅN


def test_the_partial_shows_the_meeting_the_warnings_and_a_ready_anstånd(un):
    möte(un, D(2031, 11, 12))
    bedömning = bedöm(un, SVARSDATUM, FRÅN)
    html = render_to_string(
        "nämnder/_motesvarning.html", {"bedömning": bedömning, "anstånd_url": "/anstand/"}
    )
    assert "Utbildningsnämnden har inget sammanträde före svarsdatum" in html
    assert "Sista sammanträde före svarsdatum" not in html
    assert 'data-varning="inget_mote"' in html
    assert 'name="anstand-begärt_datum" value="2031-11-19"' in html
    assert "Begär anstånd till 19 november 2031" in html
    utan = render_to_string("nämnder/_motesvarning.html", {"bedömning": bedömning})
    assert "<form" not in utan


@pytest.mark.parametrize("kompakt", [True, False])
def test_the_partial_names_the_last_meeting(un, kompakt):
    möte(un, D(2031, 10, 1), tid=datetime.time(17, 30), plats="Stadshuset")
    html = render_to_string(
        "nämnder/_motesvarning.html",
        {"bedömning": bedöm(un, SVARSDATUM, FRÅN), "kompakt": kompakt},
    )
    assert "Sista sammanträde före svarsdatum: <strong>1 oktober 2031</strong> kl. 17:30" in html
    assert "ds-alert" not in html
