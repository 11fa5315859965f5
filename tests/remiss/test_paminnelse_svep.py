"""The reminder sweep decides who is due, records each reminder once and puts its mail in the
outbox."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nämnder.roller import Roll
from remiss import paminnelser
from remiss.models import Anstånd, Påminnelse, Remissinstans, Utkorgspost
from tests.datum import idag
from tests.factories import AnvändareFactory, NämndFactory, RemissFactory

P = Påminnelse


def dagar(n):
    return idag() + datetime.timedelta(days=n)


def skicka_remiss(ks, ks_samordnare, *nämnder, svar_om=7, mottagen_för=60):
    """A sent remiss whose instanser arrived ``mottagen_för`` days ago, due in ``svar_om``."""
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=list(nämnder))
    remiss.skicka(av=ks_samordnare)
    remiss.instanser.update(
        svarsdatum=dagar(svar_om), mottagen=timezone.now() - datetime.timedelta(days=mottagen_för)
    )
    return remiss


@pytest.fixture(autouse=True)
def _sammanställning_bara_där_den_prövas(settings):
    # KS's digest would join most sweeps below; the tests of the digest switch it back on.
    settings.REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN = 24


@pytest.fixture
def digest(settings):
    settings.REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN = 7


@pytest.fixture
def medhandläggare(un):
    return AnvändareFactory(username="sara", first_name="Sara", roller=[(un, Roll.HANDLÄGGARE)])


@pytest.fixture
def instans(ks, un, ks_samordnare, registrator, handläggare, medhandläggare):
    remiss = skicka_remiss(ks, ks_samordnare, un)
    instans = remiss.instanser.get()
    instans.tilldela(handläggare, av=registrator, medhandläggare=[medhandläggare])
    return instans


def nycklar(typ=P.Typ.FRIST):
    return sorted(
        (p.mottagare.username, p.dagar, p.datum)
        for p in P.objects.filter(typ=typ).select_related("mottagare")
    )


def test_a_due_reminder_goes_to_handläggare_medhandläggare_and_registrator(instans):
    resultat = paminnelser.svep()
    assert nycklar() == [("joakim", 7, dagar(7)), ("maja", 7, dagar(7)), ("sara", 7, dagar(7))]
    assert sorted(resultat.nya) == sorted(P.objects.values_list("pk", flat=True))
    assert set(P.objects.values_list("status", flat=True)) == {P.Status.VÄNTAR}


def test_the_sweep_queues_the_claims_only_once_they_are_committed(
    instans, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        paminnelser.svep()
    assert len(callbacks) == 1


def test_sweeping_again_at_once_claims_and_queues_nothing(
    instans, django_capture_on_commit_callbacks
):
    paminnelser.svep()
    with django_capture_on_commit_callbacks() as callbacks:
        resultat = paminnelser.svep()
    assert resultat.köade == [] and callbacks == []
    assert P.objects.count() == 3


@pytest.mark.parametrize(
    ("svar_om", "offset"),
    [
        (14, 14),
        (10, 14),
        (7, 7),
        (5, 7),
        (2, 2),
        (1, 2),
        (0, 0),
        (-1, -1),
        (-3, -1),
        (-7, -7),
        (-40, -7),
    ],
)
def test_only_the_current_offset_is_claimed(instans, svar_om, offset):
    Remissinstans.objects.update(svarsdatum=dagar(svar_om))
    paminnelser.svep()
    assert {p.dagar for p in P.objects.all()} == {offset}


def test_nothing_is_due_more_than_fourteen_days_ahead(instans):
    Remissinstans.objects.update(svarsdatum=dagar(15))
    assert paminnelser.svep().köade == []


def test_the_offsets_come_from_the_settings(instans, settings):
    settings.REMISS_PAMINNELSER_DAGAR = [30, 3]
    Remissinstans.objects.update(svarsdatum=dagar(20))
    paminnelser.svep()
    assert {p.dagar for p in P.objects.all()} == {30}


def test_an_instans_that_arrived_after_a_reminders_day_waits_for_the_next(instans):
    # Sent with five days left: no late "seven days left" on arrival; the two-day one follows.
    Remissinstans.objects.update(svarsdatum=dagar(5), mottagen=timezone.now())
    assert paminnelser.svep().köade == []
    paminnelser.svep(timezone.now() + datetime.timedelta(days=3))
    assert {p.dagar for p in P.objects.all()} == {2}


def test_each_offset_is_claimed_once_as_the_deadline_approaches(instans):
    Remissinstans.objects.update(svarsdatum=dagar(20))
    for dag in range(0, 40):
        paminnelser.svep(timezone.now() + datetime.timedelta(days=dag))
    per_offset = P.objects.filter(mottagare__username="joakim").values_list("dagar", flat=True)
    assert sorted(per_offset) == [-7, -1, 0, 2, 7, 14]
    assert {p.datum for p in P.objects.all()} == {dagar(20)}


def test_an_anstånd_moves_the_schedule(instans, registrator, ks_samordnare):
    Remissinstans.objects.update(svarsdatum=dagar(2))
    paminnelser.svep()
    instans.refresh_from_db()
    Anstånd.begär(instans, dagar(30), "Nämnden sammanträder först i nästa månad.", av=registrator)
    instans.anstånd.get().bevilja(av=ks_samordnare)
    assert paminnelser.svep().köade == []
    Remissinstans.objects.update(svarsdatum=dagar(10))
    paminnelser.svep()
    assert {(p.dagar, p.datum) for p in P.objects.all()} == {(2, dagar(2)), (14, dagar(10))}


def test_an_answered_or_declined_instans_gets_nothing_more(
    ks, un, sod, ks_samordnare, registrator, outsider
):
    remiss = skicka_remiss(ks, ks_samordnare, un, sod)
    avstår = remiss.instanser.get(nämnd=un)
    avstår.avstå("Frågan berör inte nämndens verksamhet.", av=registrator)
    Remissinstans.objects.filter(nämnd=sod).update(status=Remissinstans.Status.BESVARAD)
    assert paminnelser.svep().köade == []
    assert not P.objects.exists()


def test_a_closed_remiss_gets_nothing_more(instans, ks_samordnare):
    instans.remiss.avsluta(av=ks_samordnare)
    assert paminnelser.svep().köade == []


def test_a_person_without_an_email_address_is_skipped_and_not_queued(instans, medhandläggare):
    medhandläggare.email = ""
    medhandläggare.save()
    resultat = paminnelser.svep()
    saras = P.objects.get(mottagare=medhandläggare)
    assert saras.status == P.Status.HOPPADES_ÖVER and saras.orsak == P.Orsak.INGEN_EPOST
    assert saras.pk not in resultat.köade and len(resultat.köade) == 2
    assert resultat.hoppade == 1
    assert list(P.objects.utan_epost()) == [saras]


def test_a_person_who_has_left_is_not_reminded(instans, medhandläggare):
    medhandläggare.is_active = False
    medhandläggare.save()
    paminnelser.svep()
    assert not P.objects.filter(mottagare=medhandläggare).exists()


def test_a_registrator_through_a_group_is_reminded_too(instans, un):
    from django.contrib.auth.models import Group
    from guardian.shortcuts import assign_perm

    grupp = Group.objects.create(name="Registratorer UN")
    assign_perm(Roll.REGISTRATOR.perm, grupp, un)
    AnvändareFactory(username="greta").groups.add(grupp)
    paminnelser.svep()
    assert "greta" in {p.mottagare.username for p in P.objects.select_related("mottagare")}


def test_an_unassigned_instans_alerts_the_registrator_after_three_days(
    ks, un, ks_samordnare, registrator
):
    remiss = skicka_remiss(ks, ks_samordnare, un, svar_om=40, mottagen_för=2)
    assert paminnelser.svep().köade == []
    remiss.instanser.update(mottagen=timezone.now() - datetime.timedelta(days=3, minutes=1))
    paminnelser.svep()
    assert nycklar(P.Typ.OTILLDELAD) == [("maja", 3, dagar(40))]
    assert paminnelser.svep().köade == []


def test_an_assigned_instans_raises_no_alert(instans):
    Remissinstans.objects.update(svarsdatum=dagar(40))
    paminnelser.svep()
    assert not P.objects.filter(typ=P.Typ.OTILLDELAD).exists()


def _vardag_klockan(timme):
    dag = idag()
    while dag.weekday() >= 5:
        dag += datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(timme)))


def test_ks_gets_one_digest_a_weekday_instead_of_one_mail_each(
    digest, ks, un, sod, ks_samordnare, ks_läsare
):
    ks_registrator = AnvändareFactory(username="rut", roller=[(ks, Roll.REGISTRATOR)])
    nu = _vardag_klockan(8)
    remiss = skicka_remiss(ks, ks_samordnare, un, sod, svar_om=-3)
    remiss.instanser.update(svarsdatum=timezone.localdate(nu) - datetime.timedelta(days=3))
    paminnelser.svep(nu)
    assert sorted(
        P.objects.filter(typ=P.Typ.SAMMANSTÄLLNING).values_list("mottagare__username", "instans")
    ) == [("karin", None), ("rut", None)]
    assert not P.objects.filter(mottagare=ks_registrator, typ=P.Typ.FRIST).exists()
    assert paminnelser.svep(nu + datetime.timedelta(minutes=5)).köade == []


def test_the_digest_waits_for_the_morning_and_skips_weekends(digest, ks, un, ks_samordnare):
    skicka_remiss(ks, ks_samordnare, un, svar_om=-3)
    assert not list(paminnelser._sammanställningar(_vardag_klockan(6)))
    lördag = _vardag_klockan(9)
    lördag += datetime.timedelta(days=5 - lördag.weekday())
    assert not list(paminnelser._sammanställningar(lördag))


def test_no_digest_when_nothing_is_late_or_at_risk(digest, ks, un, ks_samordnare):
    skicka_remiss(ks, ks_samordnare, un, svar_om=30)
    paminnelser.svep(_vardag_klockan(9))
    assert not P.objects.filter(typ=P.Typ.SAMMANSTÄLLNING).exists()


def _räkna_frågor():
    with CaptureQueriesContext(connection) as frågor:
        paminnelser.svep()
    return len(frågor)


def test_the_sweep_runs_a_fixed_number_of_queries_whatever_the_number_of_instanser(
    ks, ks_samordnare, registrator, handläggare, un
):
    skicka_remiss(ks, ks_samordnare, un)
    få = _räkna_frågor()
    P.objects.all().delete()
    nämnder = [NämndFactory() for _ in range(25)]
    for nämnd in nämnder:
        AnvändareFactory(roller=[(nämnd, Roll.REGISTRATOR)])
    remiss = skicka_remiss(ks, ks_samordnare, *nämnder)
    for instans in remiss.instanser.all()[:10]:
        instans.tilldela(handläggare, av=registrator, medhandläggare=[registrator])
    Remissinstans.objects.update(
        svarsdatum=dagar(7), mottagen=timezone.now() - datetime.timedelta(days=30)
    )
    många = _räkna_frågor()
    assert många == få
    assert P.objects.count() > 25


def test_each_reminder_mail_is_one_outbox_row_written_with_the_reminder(instans):
    """No second mechanism: the outbox claims, leases, retries and takes back lost work."""
    resultat = paminnelser.svep()
    poster = Utkorgspost.objects.filter(uppdrag="epost.paminnelse")
    assert sorted(p.argument["paminnelse"] for p in poster) == sorted(resultat.nya)
    assert {p.gäller for p in poster} == {f"remiss.påminnelse:{pk}" for pk in resultat.nya}
    assert {p.status for p in poster} == {Utkorgspost.S.VÄNTAR}
    paminnelser.svep()
    assert poster.count() == 3


def test_the_reminders_outbox_rows_are_written_in_the_sweeps_transaction(instans):
    with pytest.raises(RuntimeError), transaction.atomic():
        paminnelser.svep()
        raise RuntimeError("rullas tillbaka")
    assert not P.objects.exists()
    assert not Utkorgspost.objects.filter(uppdrag="epost.paminnelse").exists()


def test_beat_sweeps_every_few_minutes_and_a_missed_run_expires(settings):
    from remiss.celery import app

    app.loader.import_default_modules()  # what a worker does: autodiscovers the task modules
    post = settings.CELERY_BEAT_SCHEDULE["påminnelser"]
    assert post["task"] in app.tasks and "remiss.tasks.utkorg.utför" in app.tasks
    assert 0 < post["options"]["expires"] < post["schedule"].total_seconds() <= 10 * 60
