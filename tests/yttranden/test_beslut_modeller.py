"""The nämnd decides on an attested utlåtande and sends its answer to KS."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from nämnder.roller import Roll
from remiss import utkorg
from remiss.models import Remissinstans, Utkorgspost
from tests.datum import idag
from tests.factories import AnvändareFactory, SammanträdeFactory
from tests.vanta import vänta_tills
from yttranden.beslutstext import förslag_som_text
from yttranden.models import Beslut, Svar, Uttalande, Ärende

UTTALANDE = "Stockholms stad håller på att ta fram en ny samverkansöverenskommelse med Polisen."


@pytest.fixture
def möte(un):
    return SammanträdeFactory(nämnd=un, datum=idag())  # today: a beslut follows the meeting


@pytest.fixture
def ärende(attesterat, möte, nämndsekreterare):
    return Ärende.lägg_på_dagordning(attesterat, möte, 10, av=nämndsekreterare)


@pytest.fixture
def beslut(ärende, nämndsekreterare):
    return Beslut.registrera(
        ärende,
        "1. Nämnden godkänner förvaltningens förslag.",
        av=nämndsekreterare,
        justeras_omedelbart=True,
    )


def test_an_attested_utlåtande_goes_on_the_agenda_as_a_numbered_ärende(ärende, möte):
    assert str(ärende) == "Ärende 10"
    assert list(möte.ärenden.all()) == [ärende]
    assert Ärende.nästa_nummer(möte) == 11


def test_an_utlåtande_that_is_not_attested_cannot_go_on_the_agenda(godkänt, möte, nämndsekreterare):
    with pytest.raises(ValidationError, match="Bara ett attesterat"):
        Ärende.lägg_på_dagordning(godkänt, möte, 1, av=nämndsekreterare)
    assert not Ärende.objects.exists()


def test_a_meeting_before_the_attest_date_is_refused(attesterat, un, nämndsekreterare):
    tidigt = SammanträdeFactory(nämnd=un, datum=idag() - datetime.timedelta(days=3))
    with pytest.raises(ValidationError, match="före attesten"):
        Ärende.lägg_på_dagordning(attesterat, tidigt, 1, av=nämndsekreterare)


def test_another_nämnds_meeting_is_refused(attesterat, sod, nämndsekreterare):
    annat = SammanträdeFactory(nämnd=sod, datum=idag() + datetime.timedelta(days=5))
    with pytest.raises(ValidationError, match="annan nämnd"):
        Ärende.lägg_på_dagordning(attesterat, annat, 1, av=nämndsekreterare)


def test_an_utlåtande_goes_on_one_agenda_only(ärende, un, nämndsekreterare):
    annat = SammanträdeFactory(nämnd=un, datum=idag() + datetime.timedelta(days=40))
    with pytest.raises(ValidationError, match="redan på ett sammanträde"):
        Ärende.lägg_på_dagordning(ärende.utlåtande, annat, 1, av=nämndsekreterare)


def test_the_beslut_moves_the_instans_to_beslutad(beslut):
    instans = beslut.ärende.utlåtande.instans
    instans.refresh_from_db()
    assert instans.status == Remissinstans.Status.BESLUTAD
    assert beslut.datum == beslut.ärende.sammanträde.datum


def test_a_beslut_is_recorded_once(beslut, nämndsekreterare):
    with pytest.raises(ValidationError, match="redan registrerat"):
        Beslut.registrera(beslut.ärende, "Annat", av=nämndsekreterare, justeras_omedelbart=True)
    assert Beslut.objects.count() == 1


def test_a_beslut_needs_text_and_a_justering(ärende, nämndsekreterare):
    with pytest.raises(ValidationError) as fel:
        Beslut.registrera(ärende, "  ", av=nämndsekreterare)
    assert set(fel.value.message_dict) == {"text", "justeringsdatum"}
    före = ärende.sammanträde.datum - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="justeras före sammanträdet"):
        Beslut.registrera(ärende, "Beslut", av=nämndsekreterare, justeringsdatum=före)
    assert not Beslut.objects.exists()


def test_the_proposal_becomes_numbered_beslut_text(attesterat):
    förslag = attesterat.sektioner.get(rubrik="Förvaltningens förslag till beslut")
    text = förslag_som_text([förslag])
    assert text.startswith("1. Utbildningsnämnden godkänner förvaltningens tjänsteutlåtande")
    assert "2. Beslutet justeras omedelbart." in text


def test_several_parties_make_a_särskilt_uttalande(beslut, nämndsekreterare):
    uttalande = Uttalande.lägg_till(
        beslut,
        Uttalande.Typ.SÄRSKILT_UTTALANDE,
        ["L", "M", "C", "MP"],
        "Pernilla Enebrink m.fl. (L)\nJohan Nilsson m.fl. (M)\nEvy Kjellberg m.fl. (C)\n"
        "Holger von Fircks (Mp)",
        UTTALANDE,
        av=nämndsekreterare,
    )
    assert uttalande.partier == ["L", "M", "C", "MP"]
    assert uttalande.ledamotsrader[0] == "Pernilla Enebrink m.fl. (L)"
    assert str(uttalande) == "Särskilt uttalande (L, M, C, MP)"


@pytest.mark.parametrize(
    ("partier", "ledamöter", "text", "fält"),
    [
        ([], "Anna (S)", UTTALANDE, "partier"),
        (["XX"], "Anna (S)", UTTALANDE, "partier"),
        (["S"], "", UTTALANDE, "ledamöter"),
        (["S"], "Anna (S)", "   ", "text"),
    ],
)
def test_a_statement_without_parties_members_or_text_is_refused(
    beslut, nämndsekreterare, partier, ledamöter, text, fält
):
    with pytest.raises(ValidationError) as fel:
        Uttalande.lägg_till(beslut, "reservation", partier, ledamöter, text, av=nämndsekreterare)
    assert fält in fel.value.message_dict
    assert not Uttalande.objects.exists()


def test_sending_the_answer_makes_the_instans_besvarad(beslut, nämndsekreterare):
    svar = Svar.skicka(beslut, av=nämndsekreterare)
    instans = svar.instans
    instans.refresh_from_db()
    assert svar.nummer == 1 and not svar.är_rättelse
    assert instans.status == Remissinstans.Status.BESVARAD
    assert instans.besvarad is not None


def test_sending_twice_is_refused_and_changes_nothing(beslut, nämndsekreterare):
    första = Svar.skicka(beslut, av=nämndsekreterare)
    with pytest.raises(ValidationError, match="redan skickat"):
        Svar.skicka(beslut, av=nämndsekreterare)
    assert list(Svar.objects.all()) == [första]


def test_a_correction_is_a_new_numbered_submission(beslut, nämndsekreterare):
    första = Svar.skicka(beslut, av=nämndsekreterare)
    rättelse = Svar.skicka(beslut, av=nämndsekreterare, rättelse="Fel datum i beslutet.")
    assert (första.nummer, rättelse.nummer) == (1, 2) and rättelse.är_rättelse
    första.refresh_from_db()
    assert första.rättelse == ""


def test_no_statement_can_be_added_after_the_answer_is_sent(beslut, nämndsekreterare):
    Svar.skicka(beslut, av=nämndsekreterare)
    with pytest.raises(ValidationError, match="redan skickat"):
        Uttalande.lägg_till(beslut, "reservation", ["S"], "Anna (S)", "Nej", av=nämndsekreterare)


def test_ks_is_told_by_a_real_worker_and_only_once(
    celeryarbetare, beslut, nämndsekreterare, ks, ks_samordnare, settings
):
    settings.SITE_URL = "http://testserver.invalid"
    AnvändareFactory(email="", roller=[(ks, Roll.REMISSAMORDNARE)])  # no address: skipped
    svar = Svar.skicka(beslut, av=nämndsekreterare)

    def svarsmejl():
        # The worker also delivers the earlier steps' mails (assignment, review, attest).
        return [m for m in mail.outbox if m.subject.startswith("Svar på remiss")]

    vänta_tills(lambda: len(svarsmejl()) == 1)
    [meddelande] = svarsmejl()
    assert meddelande.to == [ks_samordnare.email]
    assert meddelande.subject == "Svar på remiss KS 2023/740 från Utbildningsnämnden"
    assert "UN 2031/1234" in meddelande.body
    assert f"/beslut/sammanstallningar/{svar.instans.remiss_id}/" in meddelande.body
    (post,) = Utkorgspost.objects.filter(uppdrag="epost.svar_inkommet")
    vänta_tills(lambda: Utkorgspost.objects.get(pk=post.pk).status == Utkorgspost.S.KLAR)
    assert utkorg.utför(post.pk) is None  # a rerun after success sends nothing
    assert len(svarsmejl()) == 1


def test_agenda_beslut_uttalande_and_svar_are_each_written_to_the_utlåtande_history(
    beslut, nämndsekreterare
):
    from yttranden.models import Utlåtandehändelse as Händelse

    Uttalande.lägg_till(
        beslut, Uttalande.Typ.RESERVATION, ["M"], "Lotta Edholm (M)", UTTALANDE, av=nämndsekreterare
    )
    Svar.skicka(beslut, av=nämndsekreterare)
    utlåtande = beslut.ärende.utlåtande
    steg = list(
        Händelse.objects.filter(utlåtande=utlåtande).order_by("pk").values_list("typ", "utförd_av")
    )
    T = Händelse.Typ
    assert steg[-4:] == [
        (T.PÅ_SAMMANTRÄDE, nämndsekreterare.pk),
        (T.BESLUT, nämndsekreterare.pk),
        (T.UTTALANDE, nämndsekreterare.pk),
        (T.SVAR, nämndsekreterare.pk),
    ]


# --- the meeting comes first -------------------------------------------------------------


def test_no_beslut_is_registered_before_the_meeting_has_taken_place(
    attesterat, un, nämndsekreterare
):
    i_morgon = SammanträdeFactory(nämnd=un, datum=idag() + datetime.timedelta(days=1))
    ärende = Ärende.lägg_på_dagordning(attesterat, i_morgon, 4, av=nämndsekreterare)
    with pytest.raises(ValidationError, match="har inte ägt rum än") as fel:
        Beslut.registrera(ärende, "1. Godkänns.", av=nämndsekreterare, justeras_omedelbart=True)
    assert fel.value.code == "före_sammanträdet"
    assert not Beslut.objects.exists()
    assert ärende.utlåtande.instans.status == Remissinstans.Status.ATTESTERAD


def test_a_meeting_later_today_has_not_taken_place_until_it_begins(un):
    nu = timezone.localtime()
    möte = SammanträdeFactory(nämnd=un, datum=nu.date(), tid=datetime.time(18, 0))
    assert not möte.har_ägt_rum(nu.replace(hour=17, minute=59))
    assert möte.har_ägt_rum(nu.replace(hour=18, minute=0))
    assert SammanträdeFactory(nämnd=un, datum=idag() - datetime.timedelta(days=1)).har_ägt_rum()


def test_the_answer_waits_for_the_justering(ärende, nämndsekreterare):
    i_övermorgon = idag() + datetime.timedelta(days=2)
    beslut = Beslut.registrera(
        ärende, "1. Godkänns.", av=nämndsekreterare, justeringsdatum=i_övermorgon
    )
    with pytest.raises(ValidationError, match="inte justerat än") as fel:
        Svar.skicka(beslut, av=nämndsekreterare)
    assert fel.value.code == "ej_justerat"
    assert i_övermorgon.strftime("%Y-%m-%d") in fel.value.messages[0]
    assert not Svar.objects.exists()
    assert beslut.är_justerat(i_övermorgon)


def test_an_answer_justerat_today_or_at_the_meeting_may_be_sent(ärende, nämndsekreterare):
    beslut = Beslut.registrera(ärende, "1. Godkänns.", av=nämndsekreterare, justeringsdatum=idag())
    assert Svar.skicka(beslut, av=nämndsekreterare).nummer == 1


def test_the_next_paragraf_runs_over_the_nämnds_year(beslut, un, möte, nämndsekreterare):
    Beslut.objects.filter(pk=beslut.pk).update(paragraf=41)
    assert Beslut.nästa_paragraf(möte) == 42
    nästa_år = SammanträdeFactory(nämnd=un, datum=möte.datum.replace(year=möte.datum.year + 1))
    assert Beslut.nästa_paragraf(nästa_år) == 1
