"""seed_demo's remisser: the three real ones from the seeds and one out now, reached through
the model methods (so with history), and nothing doubled by a second run."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from remiss.models import Anstånd, Remiss, Remisshändelse, Remissinstans, Utkorgspost
from remiss.models.remiss import med_försenade
from yttranden.models import Tjänsteutlåtande

S = Remissinstans.Status


@pytest.fixture(scope="module")
def _demodata(django_db_setup, django_db_blocker):
    """Seeded once for the module (it takes seconds), inside a transaction rolled back at the
    end; each test runs in a savepoint within it, as usual."""
    snabb = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), snabb, transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demodata, db):
    return None


def _antal():
    return (
        Remiss.objects.count(),
        Remissinstans.objects.count(),
        Remisshändelse.objects.count(),
        Anstånd.objects.count(),
        list(Remissinstans.objects.values_list("pk", "status", "svarsdatum").order_by("pk")),
    )


def test_running_twice_changes_nothing(demo):
    första = _antal()
    call_command("seed_demo", stdout=StringIO())
    assert _antal() == första


def test_ks_2023_740_is_out_with_mixed_states(demo):
    remiss = med_försenade([Remiss.objects.get(diarienummer="KS 2023/740")])[0]
    assert remiss.titel.startswith("Övergripande samverkansöverenskommelse mellan Stockholms")
    assert remiss.status == Remiss.Status.UTSKICKAD
    assert (remiss.remissdatum, remiss.sista_svarsdatum) == (
        datetime.date(2023, 9, 1),
        datetime.date(2023, 10, 27),
    )
    namn = set(remiss.instanser.values_list("nämnd__namn", flat=True))
    assert {"Socialnämnden", "Trafiknämnden", "Utbildningsnämnden"} <= namn
    assert {"Stockholms Stadshus AB", "Södermalms stadsdelsnämnd"} <= namn
    assert "Älvsjö stadsdelsnämnd" not in namn and remiss.antal_instanser == 17
    un = remiss.instanser.get(nämnd__diarieprefix="UN")
    assert un.handläggare.username == "un.handlaggare" and un.diarienummer
    sod = remiss.instanser.get(nämnd__diarieprefix="SOD")
    assert sod.diarienummer == "SOD 2023/713" and sod.handläggare.username == "sod.handlaggare"
    statusar = set(remiss.instanser.values_list("status", flat=True))
    assert {S.BESVARAD, S.AVSTÅR, S.MOTTAGEN, S.UNDER_BEREDNING, S.BESLUTAD} <= statusar
    assert remiss.antal_försenade > 0 and remiss.antal_avstår == 2
    avstår = remiss.instanser.filter(status=S.AVSTÅR)
    assert all(i.avstår_motivering for i in avstår)


def test_the_history_is_dated_when_it_happened(demo):
    remiss = Remiss.objects.get(diarienummer="KS 2023/740")
    skickad = remiss.händelser.get(typ=Remisshändelse.Typ.SKICKAD)
    assert skickad.tidpunkt.date() == datetime.date(2023, 9, 1)
    assert remiss.utskickad.date() == datetime.date(2023, 9, 1)
    # UN's and Södermalm's cases are taken further by the yttranden demo (their utlåtanden).
    besvarad = remiss.instanser.filter(status=S.BESVARAD).exclude(nämnd__diarieprefix="UN")
    assert besvarad.count() >= 8 and all(i.besvarad.year == 2023 for i in besvarad)
    # An anstånd moved Enskede-Årsta-Vantör's deadline, and it answered in time.
    eåv = remiss.instanser.get(nämnd__diarieprefix="EÅV")
    assert eåv.svarsdatum == datetime.date(2023, 11, 17) and not eåv.försenad
    assert eåv.anstånd.get().status == Anstånd.Status.BEVILJAT


def test_the_2019_remiss_reached_nämnder_that_no_longer_exist(demo):
    remiss = Remiss.objects.get(diarienummer="KS 2019/656")
    assert remiss.status == Remiss.Status.AVSLUTAD
    assert (remiss.remissdatum, remiss.sista_svarsdatum) == (
        datetime.date(2019, 6, 3),
        datetime.date(2019, 9, 4),
    )
    älv = remiss.instanser.get(nämnd__namn="Älvsjö stadsdelsnämnd")
    assert älv.diarienummer == "ÄLV 2019/229" and älv.status == S.BESVARAD
    kul = remiss.instanser.get(nämnd__namn="Kulturnämnden")
    assert kul.handläggare.username == "kul.handlaggare"
    assert [p.username for p in kul.medhandläggare.all()] == ["kul.handlaggare2"]


def test_ks_2023_739_is_open_and_waits_for_utbildningsnämndens_utlåtande(demo, client):
    remiss = Remiss.objects.get(diarienummer="KS 2023/739")
    assert remiss.titel == "Stockholms stads trygghetsprogram 2024–2027"
    assert remiss.status == Remiss.Status.UTSKICKAD and remiss.avslutad is None
    un = remiss.instanser.get(nämnd__diarieprefix="UN")
    assert (un.status, un.handläggare.username) == (S.TILLDELAD, "un.handlaggare")
    assert un.diarienummer == "UN 2023/1902"
    assert not Tjänsteutlåtande.objects.filter(instans=un).exists()
    client.force_login(un.handläggare)
    sida = client.get(reverse("instanser:detalj", args=[un.pk])).text
    assert "Skriv tjänsteutlåtande" in sida


def _statuskedja(instans):
    """The instans's status changes, oldest first, as (from, to) labels."""
    return [
        tuple(h.text.split(".")[0].split(" → "))
        for h in instans.händelser.filter(typ=Remisshändelse.Typ.STATUS).order_by("tidpunkt", "pk")
    ]


def test_no_demo_case_has_a_history_its_page_contradicts(demo, client):
    """Every remissinstans: its status changes form one unbroken chain in time order ending in
    its status; an answer prepared outside Remiss says so in both history and page; a case with
    an utlåtande in Remiss never says it was outside, and a page that says no utlåtande is
    started has no history of one."""
    client.force_login(get_user_model().objects.get(username="ks.remissamordnare"))
    # The nämnder's chains; an external organisation answers in one step through its link
    # (tests/test_seed_demo.py).
    instanser = Remissinstans.objects.filter(nämnd__isnull=False).select_related("remiss", "nämnd")
    for instans in instanser:
        namn = f"{instans.remiss.diarienummer} {instans.nämnd.diarieprefix}"
        kedja = _statuskedja(instans)
        if kedja:
            assert kedja[0][0] == S.TILLDELAD.label, namn
            assert all(a[1] == b[0] for a, b in zip(kedja, kedja[1:], strict=False)), namn
            assert kedja[-1][1] == instans.get_status_display(), namn
        sida = client.get(reverse("instanser:detalj", args=[instans.pk])).text
        utanför = [h.text for h in instans.händelser.all() if "utanför Remiss" in h.text]
        if Tjänsteutlåtande.objects.filter(instans=instans).exists():
            assert not utanför, namn
            assert "Inget tjänsteutlåtande är påbörjat" not in sida, namn
        elif instans.status in (S.ATTESTERAD, S.BESLUTAD, S.BESVARAD):
            assert len(utanför) == len(kedja), namn
            assert "Tjänsteutlåtandet togs fram utanför Remiss" in sida, namn
        else:
            assert not kedja, namn  # nothing past tilldelad without an utlåtande
            assert "utanför Remiss" not in sida, namn


def test_one_remiss_is_out_now_with_work_waiting(demo):
    öppen = Remiss.objects.öppna().filter(sista_svarsdatum__gt=datetime.date.today()).get()
    assert öppen.instanser.filter(nämnd__diarieprefix="SOD", status=S.MOTTAGEN).exists()
    un = öppen.instanser.get(nämnd__diarieprefix="UN")
    assert (un.status, un.handläggare.username) == (S.TILLDELAD, "un.handlaggare")
    assert Anstånd.objects.filter(status=Anstånd.Status.BEGÄRT, instans__remiss=öppen).exists()
    assert Remiss.objects.filter(status=Remiss.Status.UTKAST).count() == 1


def test_the_demo_tells_no_one_by_e_mail(demo):
    epost = Utkorgspost.objects.filter(uppdrag__startswith="epost.")
    assert epost.filter(uppdrag="epost.remiss_inkommen").exists()  # written, as in real use
    assert set(epost.values_list("status", flat=True)) == {Utkorgspost.S.HOPPADES_ÖVER}
