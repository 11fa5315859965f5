from io import StringIO
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.management import call_command

from nämnder.models import (
    Avdelning,
    Nämnd,
    NämndUserObjectPermission,
    Rollhändelse,
    Sammanträde,
)
from nämnder.permissions import roller
from nämnder.roller import Roll


def _antal():
    return (
        Nämnd.objects.count(),
        Avdelning.objects.count(),
        get_user_model().objects.count(),
        NämndUserObjectPermission.objects.count(),
        Sammanträde.objects.count(),
        Rollhändelse.objects.count(),
    )


def test_seed_demo_can_run_twice_without_duplicating_anything(db):
    call_command("seed_demo", stdout=StringIO())
    första = _antal()
    call_command("seed_demo", stdout=StringIO())
    assert _antal() == första


def test_seed_demo_loads_stockholms_nämnder(db):
    call_command("seed_demo", stdout=StringIO())
    aktiva_sdn = Nämnd.objects.aktiva().av_typ(Nämnd.Typ.STADSDELSNÄMND)
    assert aktiva_sdn.count() == 13
    assert Nämnd.objects.kommunstyrelsen().förvaltning == "Stadsledningskontoret"
    for namn in [
        "Utbildningsnämnden",
        "Socialnämnden",
        "Trafiknämnden",
        "Kulturnämnden",
        "Stockholms Stadshus AB",
        "Älvsjö stadsdelsnämnd",
    ]:
        assert Nämnd.objects.filter(namn=namn).exists(), namn
    un = Nämnd.objects.get(diarieprefix="UN")
    assert (un.besöksadress, un.box, un.postadress) == (
        "Hantverkargatan 2F",
        "Box 22049",
        "104 22 Stockholm",
    )
    assert un.avdelningar.filter(namn="Avdelningen för ekonomi och styrning").exists()
    sod = Nämnd.objects.get(diarieprefix="SOD")
    assert sod.besöksadress == "Virkesvägen 3" and sod.epost == "soder@stockholm.se"


def test_seed_demo_gives_each_demo_login_its_role(db):
    call_command("seed_demo", stdout=StringIO())
    User = get_user_model()
    direktör = User.objects.get(username="un.direktor")
    assert direktör.get_full_name() == "Lena Holmdahl"
    assert direktör.check_password("demo")
    assert roller(direktör, Nämnd.objects.get(diarieprefix="UN")) == {Roll.DIREKTÖR}
    # Given through ge_roll like every other role: written in the role history.
    rad = Rollhändelse.objects.get(användare=direktör)
    assert (rad.typ, rad.roll, rad.källa) == (Rollhändelse.Typ.GIVEN, "direktor", "demodata")
    assert Rollhändelse.objects.count() == NämndUserObjectPermission.objects.count()
    assert roller(User.objects.get(username="ks.remissamordnare"), Nämnd.objects.kommunstyrelsen())


def test_seed_demo_asks_external_organisations_one_has_answered_and_a_link_works(db, client):
    from remiss.models import Organisation, Remissinstans
    from yttranden.models import ExterntSvar

    utdata = StringIO()
    call_command("seed_demo", stdout=utdata)
    externa = Remissinstans.objects.filter(organisation__isnull=False)
    assert set(externa.values_list("organisation__namn", flat=True)) >= {
        "Funktionshindersrådet",
        "Pensionärsrådet",
        "Polismyndigheten",
    }
    assert Organisation.objects.count() == 4
    svar = ExterntSvar.objects.exclude(instans__remiss__diarienummer="KS 2023/739").get(
        instans__organisation__namn="Polismyndigheten"
    )
    assert svar.är_inskickat and svar.instans.status == "besvarad"
    url = utdata.getvalue().split("med länken ")[1].split()[0]
    svar = client.get(urlsplit(url).path)
    assert svar.status_code == 302 and svar.url == "/svar/"


def test_seed_demo_has_an_external_answer_with_a_stance_on_every_förslag(db, client):
    from django.urls import reverse

    from remiss.models import Remiss, Ställningstagande
    from yttranden.models import ExterntSvar

    call_command("seed_demo", stdout=StringIO())
    remiss = Remiss.objects.get(diarienummer="KS 2023/739")
    svar = ExterntSvar.objects.get(instans__remiss=remiss)
    assert svar.organisation.namn == "Polismyndigheten" and svar.stämmer()
    assert svar.inskickat.date() < remiss.sista_svarsdatum  # answered in time, back then
    rader = Ställningstagande.objects.filter(instans=svar.instans).order_by("förslag__nummer")
    assert [r.ståndpunkt for r in rader] == [
        "tillstyrker",
        "tillstyrker_med_andringar",
        "tillstyrker",
        "tillstyrker_med_andringar",
    ]
    assert remiss.förslag.count() == rader.count() == 4
    client.force_login(get_user_model().objects.get(username="ks.remissamordnare"))
    sida = client.get(reverse("remisser:per_förslag", args=[remiss.pk]))
    assert sida.status_code == 200
    assert "Polismyndigheten" in sida.text and "gemensamma lägesbilder" in sida.text
    assert "Pensionärsrådet" in sida.text  # asked, never answered: shown as late
    # A second run adds nothing.
    call_command("seed_demo", stdout=StringIO())
    assert ExterntSvar.objects.filter(instans__remiss=remiss).count() == 1


def test_seed_demo_has_a_ks_handläggare_for_ks_own_utlåtande(db, client):
    from django.urls import reverse

    from remiss.models import Remiss

    call_command("seed_demo", stdout=StringIO())
    User = get_user_model()
    nils = User.objects.get(username="ks.handlaggare")
    assert nils.check_password("demo")
    assert roller(nils, Nämnd.objects.kommunstyrelsen()) == {Roll.HANDLÄGGARE}
    remiss = Remiss.objects.get(diarienummer="KS 2023/739")
    client.force_login(User.objects.get(username="ks.remissamordnare"))
    sida = client.get(reverse("remisser:per_förslag", args=[remiss.pk]))
    assert f'value="{nils.pk}"' in sida.text
    svar = client.post(
        reverse("yttranden:påbörja_eget", args=[remiss.pk]), {"handläggare": nils.pk}
    )
    assert svar.status_code == 302
    client.force_login(nils)
    utlåtande = client.get(svar.url)
    assert utlåtande.status_code == 200 and "Polismyndigheten" in utlåtande.text
