"""KS's remissamordnare lists the förslag of a draft remiss on its register and edit pages; once
the remiss is sent they are fixed. An answer's stances are written once, per answer number."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from remiss.forms.forslag import StällningstagandenForm
from remiss.models import Förslag, Remiss, Remisshändelse, Ställningstagande, Ståndpunkt
from tests.datum import idag
from tests.factories import RemissFactory

FOKUSOMRÅDEN = [
    "Ett tryggt och säkert Stockholm för alla",
    "Brottsförebyggande arbete i samverkan",
    "Trygghet i den fysiska miljön",
]


def _fält(**ändrat):
    i_dag = idag()
    fält = {
        "diarienummer": "KS 2024/100",
        "titel": "Program för ett tryggt och säkert Stockholm 2024–2028",
        "remissdatum": i_dag.isoformat(),
        "sista_svarsdatum": (i_dag + datetime.timedelta(days=42)).isoformat(),
    }
    return {**fält, **ändrat}


def _rader(*rader, befintliga=0):
    """The förslag rows of the form: (ordning, rubrik, text[, pk, ta bort]) per row."""
    data = {
        "forslag-TOTAL_FORMS": str(len(rader)),
        "forslag-INITIAL_FORMS": str(befintliga),
        "forslag-MIN_NUM_FORMS": "0",
        "forslag-MAX_NUM_FORMS": "50",
    }
    for i, (ordning, rubrik, text, *rest) in enumerate(rader):
        data |= {
            f"forslag-{i}-ordning": ordning,
            f"forslag-{i}-rubrik": rubrik,
            f"forslag-{i}-text": text,
        }
        if rest:
            data[f"forslag-{i}-id"] = rest[0]
            if len(rest) > 1 and rest[1]:
                data[f"forslag-{i}-DELETE"] = "on"
    return data


def _förslag(remiss):
    return list(remiss.förslag.values_list("nummer", "rubrik"))


@pytest.fixture
def utkast(ks, un):
    remiss = RemissFactory(nämnd=ks, diarienummer="KS 2024/101", mottagare=[un])
    for nr, rubrik in enumerate(FOKUSOMRÅDEN, start=1):
        Förslag.objects.create(remiss=remiss, nummer=nr, rubrik=rubrik)
    return remiss


def test_the_remissamordnare_registers_a_remiss_with_three_förslag(client, ks, ks_samordnare):
    client.force_login(ks_samordnare)
    assert "Förslag att ta ställning till" in client.get(reverse("ks:ny")).text
    rader = _rader(*[("", rubrik, "") for rubrik in FOKUSOMRÅDEN], ("", "", ""))
    svar = client.post(reverse("ks:ny"), _fält() | rader)
    remiss = Remiss.objects.get()
    assert svar.status_code == 302 and svar.url == reverse("remisser:detalj", args=[remiss.pk])
    assert _förslag(remiss) == [(1, FOKUSOMRÅDEN[0]), (2, FOKUSOMRÅDEN[1]), (3, FOKUSOMRÅDEN[2])]
    händelse = remiss.händelser.get(typ=Remisshändelse.Typ.ÄNDRAD)
    assert händelse.text.startswith("Förslag: 1. Ett tryggt")
    sida = client.get(svar.url).text
    assert "Förslag att ta ställning till" in sida and FOKUSOMRÅDEN[2] in sida


def test_empty_rows_are_not_saved_and_a_remiss_without_förslag_has_none(client, ks_samordnare):
    client.force_login(ks_samordnare)
    client.post(reverse("ks:ny"), _fält() | _rader(("", "", ""), ("", "", "")))
    remiss = Remiss.objects.get()
    assert _förslag(remiss) == []
    assert not remiss.händelser.filter(typ=Remisshändelse.Typ.ÄNDRAD).exists()
    assert (
        "Förslag att ta ställning till"
        not in client.get(reverse("remisser:detalj", args=[remiss.pk])).text
    )


def test_förslag_are_reordered_edited_and_removed_while_a_draft(client, utkast, ks_samordnare):
    client.force_login(ks_samordnare)
    ett, två, tre = utkast.förslag.all()
    rader = _rader(
        ("3", ett.rubrik, "", ett.pk),
        ("1", "Brottsförebyggande arbete", "Ny text.", två.pk),
        ("2", tre.rubrik, "", tre.pk, True),
        ("2", "Ett nytt fjärde", ""),
        befintliga=3,
    )
    data = _fält(diarienummer=utkast.diarienummer, titel=utkast.titel) | rader
    svar = client.post(reverse("ks:ändra", args=[utkast.pk]), data)
    assert svar.status_code == 302
    assert _förslag(utkast) == [
        (1, "Brottsförebyggande arbete"),
        (2, "Ett nytt fjärde"),
        (3, FOKUSOMRÅDEN[0]),
    ]
    assert utkast.händelser.filter(text__contains="Borttagna: 3. Trygghet").exists()


def test_a_description_without_a_förslag_is_refused_in_swedish(client, utkast, ks_samordnare):
    client.force_login(ks_samordnare)
    före = _förslag(utkast)
    data = _fält(diarienummer=utkast.diarienummer, titel="Ändrad") | _rader(
        ("", "", "Bara en beskrivning.")
    )
    svar = client.post(reverse("ks:ändra", args=[utkast.pk]), data)
    assert svar.status_code == 400
    assert "Skriv förslaget, eller töm beskrivningen." in svar.text
    utkast.refresh_from_db()
    assert utkast.titel != "Ändrad" and _förslag(utkast) == före


def test_an_order_that_is_not_a_number_is_refused_in_swedish(client, utkast, ks_samordnare):
    client.force_login(ks_samordnare)
    data = _fält(diarienummer=utkast.diarienummer) | _rader(("första", "Nytt", ""))
    svar = client.post(reverse("ks:ändra", args=[utkast.pk]), data)
    assert svar.status_code == 400 and "Skriv ordningen som ett heltal." in svar.text
    assert utkast.förslag.count() == 3


def test_förslag_cannot_be_changed_after_sending(client, utkast, ks_samordnare):
    utkast.skicka(av=ks_samordnare)
    före = _förslag(utkast)
    client.force_login(ks_samordnare)
    ett = utkast.förslag.first()
    data = _fält(diarienummer=utkast.diarienummer) | _rader(
        ("1", "Kapad", "", ett.pk), befintliga=1
    )
    svar = client.post(reverse("ks:ändra", args=[utkast.pk]), data, follow=True)
    assert "Remissen är redan skickad och kan inte ändras." in svar.text
    ett.rubrik = "Kapad"
    with pytest.raises(ValidationError, match="Förslagen kan inte ändras efter utskick"):
        ett.save()
    with pytest.raises(ValidationError):
        ett.delete()
    with pytest.raises(ValidationError):
        utkast.förslag.update(rubrik="Kapad")
    with pytest.raises(ValidationError):
        Förslag.objects.create(remiss=utkast, nummer=4, rubrik="Sent tillagt")
    with pytest.raises(ValidationError):
        Förslag.spara_för(utkast, [], [ett], av=ks_samordnare)
    assert _förslag(utkast) == före


def test_the_stance_form_needs_a_stance_on_every_förslag_when_submitted(utkast):
    förslag = list(utkast.förslag.all())
    data = {f"standpunkt_{förslag[0].pk}": "tillstyrker", f"kommentar_{förslag[1].pk}": " Bra. "}
    form = StällningstagandenForm(data, förslag=förslag, kräv_alla=True)
    assert not form.is_valid()
    assert form.errors[f"standpunkt_{förslag[1].pk}"] == [
        f"Välj ett ställningstagande till förslag 2 ”{FOKUSOMRÅDEN[1]}”."
    ]
    assert f"standpunkt_{förslag[0].pk}" not in form.errors
    utkastform = StällningstagandenForm(data, förslag=förslag)
    assert utkastform.is_valid()
    assert utkastform.värden()[förslag[1].pk] == ("", "Bra.")
    fel = StällningstagandenForm({f"standpunkt_{förslag[0].pk}": "kanske"}, förslag=förslag).errors
    assert fel[f"standpunkt_{förslag[0].pk}"] == ["Välj ett av ställningstagandena."]


def test_the_stance_partial_renders_a_labelled_group_per_förslag(utkast):
    from django.template.loader import render_to_string

    förslag = list(utkast.förslag.all())
    form = StällningstagandenForm(förslag=förslag, initial={förslag[0].pk: ("avstyrker", "Nej.")})
    html = render_to_string("remiss/_stallningstaganden_form.html", {"form": form})
    assert html.count("<fieldset") == 3 and "Förslag 2. Brottsförebyggande" in html
    assert 'value="avstyrker" checked' in html and "Tillstyrker med ändringar" in html


def test_delivered_stances_are_kept_per_answer_and_a_correction_replaces_them(
    utkast, ks_samordnare
):
    utkast.skicka(av=ks_samordnare)
    instans = utkast.instanser.get()
    ett, två, tre = utkast.förslag.all()
    with pytest.raises(ValidationError, match="förslag 3"):
        Ställningstagande.lämna(instans, 1, {ett.pk: ("tillstyrker", ""), två.pk: ("avstar", "")})
    assert not Ställningstagande.objects.exists()
    svar = {ett.pk: ("tillstyrker", "Bra."), två.pk: ("avstar", ""), tre.pk: ("avstyrker", "")}
    Ställningstagande.lämna(instans, 1, svar)
    Ställningstagande.lämna(instans, 2, svar | {tre.pk: ("tillstyrker_med_andringar", " Ja, om… ")})
    gällande = Ställningstagande.objects.gällande().order_by("förslag__nummer")
    assert [(s.svarsnummer, s.ståndpunkt) for s in gällande] == [
        (2, Ståndpunkt.TILLSTYRKER),
        (2, Ståndpunkt.AVSTÅR),
        (2, Ståndpunkt.TILLSTYRKER_MED_ÄNDRINGAR),
    ]
    assert gällande[2].kommentar == "Ja, om…"
    assert Ställningstagande.objects.count() == 6  # the first answer stays on record
    första = Ställningstagande.objects.get(svarsnummer=1, förslag=tre)
    första.ståndpunkt = Ståndpunkt.TILLSTYRKER
    with pytest.raises(ValidationError, match="kan inte ändras"):
        första.save()


def test_a_remiss_without_förslag_takes_an_answer_without_stances(ks, un, ks_samordnare):
    remiss = RemissFactory(nämnd=ks, mottagare=[un])
    remiss.skicka(av=ks_samordnare)
    assert Ställningstagande.lämna(remiss.instanser.get(), 1, {}) == []
