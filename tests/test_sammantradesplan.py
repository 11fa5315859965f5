"""A nämndsekreterare imports the nämnd's sammanträdesplan from a CSV file; a bad file is
refused whole, with every problem named by its line."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nämnder.models import Sammanträde
from nämnder.sammantradesplan import läs
from tests.datum import nästa_år
from tests.factories import SammanträdeFactory


def plan(år):
    return f"Datum;Tid;Plats\n{år}-02-12;17:30;Stadshuset, sal 3\n{år}-03-19;17.30;\n{år}-04-23;;\n"


def url(nämnd):
    return reverse("nämnder:importera_sammanträdesplan", args=[nämnd.pk])


def fil(text, kodning="utf-8", namn="plan.csv"):
    return SimpleUploadedFile(namn, text.encode(kodning), content_type="text/csv")


def importera(client, nämnd, text, **kw):
    return client.post(url(nämnd), {"fil": fil(text, **kw)})


def möten(nämnd):
    return list(nämnd.sammanträden.order_by("datum").values_list("datum", "tid", "plats"))


def test_a_nämndsekreterare_imports_the_plan(client, nämndsekreterare, un):
    år = nästa_år()
    client.force_login(nämndsekreterare)
    svar = importera(client, un, plan(år))
    assert svar.status_code == 302 and svar.url == reverse("nämnder:detalj", args=[un.pk])
    assert möten(un) == [
        (datetime.date(år, 2, 12), datetime.time(17, 30), "Stadshuset, sal 3"),
        (datetime.date(år, 3, 19), datetime.time(17, 30), ""),
        (datetime.date(år, 4, 23), None, ""),
    ]
    assert "3 sammanträden är importerade (3 nya, 0 ändrade)" in client.get(svar.url).text


def test_importing_the_same_plan_again_updates_instead_of_duplicating(client, nämndsekreterare, un):
    år = nästa_år()
    SammanträdeFactory(nämnd=un, datum=datetime.date(år, 2, 12), plats="Gammal lokal")
    client.force_login(nämndsekreterare)
    importera(client, un, plan(år))
    svar = importera(client, un, plan(år))
    assert "(0 nya, 3 ändrade)" in client.get(svar.url).text
    assert len(möten(un)) == 3 and möten(un)[0][2] == "Stadshuset, sal 3"


# Parameters are made at import, so {år} stands for next year and is filled in by the test.
@pytest.mark.parametrize(
    ("text", "kodning"),
    [
        ("DATUM,PLATS\n{år}-02-12,Rådhuset\n", "utf-8"),  # commas, any case, no time column
        ("\ufeffDatum;Plats\n{år}-02-12;Rådhuset\n", "utf-8"),  # Excel's "CSV UTF-8"
        ("Datum;Plats\n{år}-02-12;Rådhuset\n", "cp1252"),  # Excel's plain "CSV"
        ("Plats;Datum\r\nRådhuset;{år}-02-12\r\n\r\n;\r\n", "utf-8"),  # order, blank lines
        ("Datum\tLokal\n{år}-02-12\tRådhuset\n", "utf-8"),  # tabs, "Lokal" for Plats
    ],
)
def test_the_usual_ways_excel_writes_csv_are_read(text, kodning):
    år = nästa_år()
    (rad,) = läs(text.format(år=år).encode(kodning))
    assert (rad.datum, rad.plats) == (datetime.date(år, 2, 12), "Rådhuset")


def test_a_malformed_file_is_refused_with_line_numbers_and_nothing_is_saved(
    client, nämndsekreterare, un
):
    år = nästa_år()
    dålig = (
        "Datum;Tid;Plats\n"
        f"{år}-02-12;17:30;Stadshuset\n"
        "19 mars;17:30;Stadshuset\n"
        f"{år}-04-31;;\n"
        f"{år}-05-20;halv sex;\n"
        f"{år}-02-12;;\n"
    )
    client.force_login(nämndsekreterare)
    svar = importera(client, un, dålig)
    assert svar.status_code == 400
    sida = svar.text
    assert "Rad 3: ”19 mars” är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD" in sida
    assert f"Rad 4: ”{år}-04-31” är inget datum" in sida
    assert "Rad 5: ”halv sex” är ingen tid" in sida
    assert f"Rad 6: datumet {år}-02-12 finns redan på rad 2" in sida
    assert not Sammanträde.objects.exists()


# {år} as above.
@pytest.mark.parametrize(
    ("text", "fel"),
    [
        ("", "tom"),
        ("Dag;Tid\n{år}-02-12;17:30\n", "Rad 1: okänd kolumn ”dag”"),
        ("Tid;Plats\n17:30;Rådhuset\n", "Rad 1: kolumnen Datum saknas"),
        ("Datum;Tid;Plats\n", "Filen innehåller inga sammanträden"),
        ("Datum;Plats\n{år}-02-12;Rådhuset;extra\n", "Rad 2: fler värden än det finns kolumner"),
        ("Datum;Plats\n{år}-02-12;" + "x" * 201 + "\n", "Rad 2: platsen är längre än 200 tecken"),
    ],
)
def test_each_kind_of_bad_file_gets_a_clear_swedish_error(client, nämndsekreterare, un, text, fel):
    client.force_login(nämndsekreterare)
    svar = importera(client, un, text.format(år=nästa_år()))
    assert svar.status_code == 400 and fel in svar.text
    assert not Sammanträde.objects.exists()


def test_a_too_large_file_is_refused(client, nämndsekreterare, un):
    client.force_login(nämndsekreterare)
    svar = importera(client, un, "Datum\n" + f"{nästa_år()}-02-12\n" * 30000)
    assert svar.status_code == 400 and "Filen är för stor" in svar.text


def test_no_file_chosen_is_refused(client, nämndsekreterare, un):
    client.force_login(nämndsekreterare)
    svar = client.post(url(un), {})
    assert svar.status_code == 400 and "Välj en CSV-fil att importera" in svar.text


def test_the_page_explains_the_format_and_the_nämnd_page_links_to_it(client, nämndsekreterare, un):
    client.force_login(nämndsekreterare)
    assert "Datum;Tid;Plats" in client.get(url(un)).text
    assert url(un) in client.get(reverse("nämnder:detalj", args=[un.pk])).text


@pytest.mark.parametrize("person", ["handläggare", "registrator", "ks_samordnare", "outsider"])
def test_only_the_nämndsekreterare_may_import(client, request, un, person):
    client.force_login(request.getfixturevalue(person))
    assert client.get(url(un)).status_code == 403
    assert importera(client, un, plan(nästa_år())).status_code == 403
    assert not Sammanträde.objects.exists()


def test_the_link_is_not_shown_to_others(client, handläggare, un):
    client.force_login(handläggare)
    assert url(un) not in client.get(reverse("nämnder:detalj", args=[un.pk])).text


def test_anonymous_visitors_are_sent_to_login_and_change_nothing(client, un):
    for svar in (client.get(url(un)), importera(client, un, plan(nästa_år()))):
        assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    assert not Sammanträde.objects.exists()


def test_an_unknown_nämnd_gives_404(client, nämndsekreterare):
    client.force_login(nämndsekreterare)
    assert (
        client.get(reverse("nämnder:importera_sammanträdesplan", args=[99999])).status_code == 404
    )


def test_the_import_runs_a_fixed_number_of_queries(
    client, nämndsekreterare, un, django_assert_max_num_queries
):
    år = nästa_år()
    rader = "".join(
        f"{år}-01-01;;\n".replace("01-01", f"{m:02d}-{d:02d}")
        for m in range(1, 13)
        for d in (5, 20)
    )
    client.force_login(nämndsekreterare)
    with django_assert_max_num_queries(14):
        svar = importera(client, un, "Datum;Tid;Plats\n" + rader)
    assert svar.status_code == 302 and len(möten(un)) == 24
