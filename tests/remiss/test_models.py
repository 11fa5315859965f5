import datetime

import pytest
from django.core.exceptions import ValidationError

from remiss.models import Anstånd, Remiss, Remisshändelse, Remissinstans
from remiss.models.remiss import med_försenade
from tests.datum import idag
from tests.factories import NämndFactory, RemissFactory


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    return RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod])


def test_sending_creates_one_instans_per_recipient_with_the_deadline(remiss, ks_samordnare):
    instanser = remiss.skicka(av=ks_samordnare)
    assert remiss.status == Remiss.Status.UTSKICKAD and remiss.utskickad
    assert {i.nämnd.kortnamn for i in instanser} == {"Utbildning", "Södermalm"}
    assert {i.svarsdatum for i in remiss.instanser.all()} == {remiss.sista_svarsdatum}
    assert {i.status for i in remiss.instanser.all()} == {Remissinstans.Status.MOTTAGEN}
    assert remiss.händelser.get().typ == Remisshändelse.Typ.SKICKAD


def test_sending_twice_is_refused_and_changes_nothing(remiss, ks_samordnare):
    remiss.skicka(av=ks_samordnare)
    with pytest.raises(ValidationError, match="redan skickad"):
        remiss.skicka(av=ks_samordnare)
    assert remiss.instanser.count() == 2


def test_sending_without_recipients_is_refused(ks, ks_samordnare):
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare)
    with pytest.raises(ValidationError, match="minst en remissinstans"):
        remiss.skicka(av=ks_samordnare)
    assert remiss.status == Remiss.Status.UTKAST and not remiss.instanser.exists()


def test_a_deadline_before_the_remissdatum_is_refused(ks, ks_samordnare):
    remiss = RemissFactory.build(
        nämnd=ks, skapad_av=ks_samordnare, sista_svarsdatum=idag() - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="före remissdatum"):
        remiss.full_clean()


def test_a_malformed_or_duplicate_diarienummer_is_refused(ks, ks_samordnare):
    RemissFactory(nämnd=ks, skapad_av=ks_samordnare, diarienummer="KS 2023/740")
    dubblett = RemissFactory.build(nämnd=ks, skapad_av=ks_samordnare, diarienummer="ks 2023/740")
    with pytest.raises(ValidationError, match="redan en remiss med det diarienumret"):
        dubblett.full_clean()
    dubblett.diarienummer = "KS-2023-740"
    with pytest.raises(ValidationError, match="inget giltigt diarienummer"):
        dubblett.full_clean()


def test_the_nämnd_registers_assigns_and_the_history_records_it(
    remiss, ks_samordnare, registrator, handläggare, un
):
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get(nämnd=un)
    instans.registrera("un 2023/1234", av=registrator)
    avdelning = un.avdelningar.create(namn="Avdelningen för ekonomi och styrning")
    instans.tilldela(handläggare, av=registrator, avdelning=avdelning)
    assert instans.diarienummer == "UN 2023/1234"
    assert instans.status == Remissinstans.Status.TILLDELAD and instans.handläggare == handläggare
    typer = list(instans.händelser.values_list("typ", flat=True))
    assert typer == [Remisshändelse.Typ.REGISTRERAD, Remisshändelse.Typ.TILLDELAD]


def test_declining_needs_a_reason_and_ends_the_case(remiss, ks_samordnare, registrator, un):
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get(nämnd=un)
    with pytest.raises(ValidationError, match="varför nämnden avstår"):
        instans.avstå("  ", av=registrator)
    instans.avstå("Ärendet berör inte nämndens ansvarsområde.", av=registrator)
    assert instans.status == Remissinstans.Status.AVSTÅR
    with pytest.raises(ValidationError, match="kan inte bli"):
        instans.tilldela(registrator, av=registrator)


def test_a_step_out_of_order_is_refused(remiss, ks_samordnare, un):
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get(nämnd=un)
    with pytest.raises(ValidationError, match="Mottagen kan inte bli Besvarad"):
        instans.markera_besvarad(av=ks_samordnare)
    instans.refresh_from_db()
    assert instans.status == Remissinstans.Status.MOTTAGEN


def test_late_is_derived_from_the_deadline(remiss, ks_samordnare, un, sod):
    remiss.skicka(av=ks_samordnare)
    Remissinstans.objects.filter(nämnd=un).update(svarsdatum=idag() - datetime.timedelta(days=1))
    instans = Remissinstans.objects.get(nämnd=un)
    assert instans.försenad
    assert list(Remissinstans.objects.försenade()) == [instans]
    instans.avstå("Ingen synpunkt.", av=ks_samordnare)
    assert not Remissinstans.objects.get(nämnd=un).försenad
    läge = med_försenade([Remiss.objects.get()])[0]
    assert (läge.antal_instanser, läge.antal_avstår, läge.antal_försenade) == (2, 1, 0)


def test_a_granted_anstånd_moves_only_that_instans_deadline(remiss, ks_samordnare, registrator, un):
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get(nämnd=un)
    nytt = remiss.sista_svarsdatum + datetime.timedelta(days=14)
    anstånd = Anstånd.begär(
        instans, nytt, "Nämnden sammanträder först efter remisstiden.", av=registrator
    )
    with pytest.raises(ValidationError, match="redan en obesvarad begäran"):
        Anstånd.begär(instans, nytt, "Igen", av=registrator)
    anstånd.bevilja(av=ks_samordnare)
    instans.refresh_from_db()
    assert instans.svarsdatum == nytt
    assert remiss.instanser.exclude(pk=instans.pk).get().svarsdatum == remiss.sista_svarsdatum
    with pytest.raises(ValidationError, match="redan besvarad"):
        anstånd.avslå(av=ks_samordnare, motivering="Nej")


def test_an_anstånd_must_move_the_deadline_later(remiss, ks_samordnare, registrator, un):
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get(nämnd=un)
    with pytest.raises(ValidationError, match="senare än det nuvarande"):
        Anstånd.begär(instans, instans.svarsdatum, "Behöver tid", av=registrator)


def test_the_history_cannot_be_changed_or_removed(remiss, ks_samordnare):
    remiss.skicka(av=ks_samordnare)
    händelse = remiss.händelser.get()
    händelse.text = "Något annat"
    with pytest.raises(ValidationError):
        händelse.save()
    with pytest.raises(ValidationError):
        händelse.delete()


def test_a_sent_remiss_is_visible_to_recipients_only(remiss, ks_samordnare, handläggare, db):
    annan = NämndFactory()
    from nämnder.roller import Roll
    from tests.factories import AnvändareFactory

    utomstående = AnvändareFactory(roller=[(annan, Roll.HANDLÄGGARE)])
    from nämnder.permissions import kan_se

    assert not kan_se(handläggare, remiss)
    remiss.skicka(av=ks_samordnare)
    assert kan_se(handläggare, remiss)
    assert not kan_se(utomstående, remiss)
