"""The search page: access, the header box, results, bad input and a fixed number of queries."""

import datetime

import pytest

from remiss.models import Sökpost
from tests.factories import RemissFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_log_in(client, skickad):
    antal = Sökpost.objects.count()
    svar = client.get("/sok/", {"q": "samverkan"})
    assert svar.status_code == 302
    assert svar["Location"].startswith("/logga-in/?next=/sok/")
    assert Sökpost.objects.count() == antal


def test_every_page_has_a_labelled_search_box_in_the_header(client, handläggare):
    client.force_login(handläggare)
    svar = client.get("/")
    assert '<form class="sidhuvud__sok" role="search" method="get" action="/sok/">' in svar.text
    assert '<label class="ds-sr-only" for="sidhuvud-sok">Sök i remisser och svar</label>' in (
        svar.text
    )


def test_the_results_show_title_kind_nämnd_dnr_and_the_highlighted_words(
    client, utlåtande, handläggare
):
    client.force_login(handläggare)
    svar = client.get("/sok/", {"q": "kvällsöppettider"})
    assert svar.status_code == 200
    assert "1 träff för ”kvällsöppettider”." in svar.text
    assert "<mark>kvällsöppettider</mark>" in svar.text
    assert f'href="/utlatanden/{utlåtande.pk}/"' in svar.text
    assert "Tjänsteutlåtande</span>" in svar.text
    assert "Utbildningsnämnden · UN 2023/1872 KS 2023/740 · Utkast" in svar.text


def test_text_from_a_document_is_escaped_in_titles_and_snippets(client, ks, ks_samordnare):
    remiss = RemissFactory.build(
        nämnd=ks,
        diarienummer="KS 2024/1",
        titel="<script>alert('titel')</script> Skolskjuts",
        beskrivning="Skolskjuts <img src=x onerror=alert(1)> och <mark>falsk</mark>.",
        skapad_av=ks_samordnare,
    )
    remiss.spara_utkast(av=ks_samordnare, ny=True)
    client.force_login(ks_samordnare)
    svar = client.get("/sok/", {"q": "skolskjuts"})
    assert "<script>alert" not in svar.text
    assert "<img src=x" not in svar.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in svar.text
    assert "<mark>falsk" not in svar.text  # only the search's own highlights are marks
    assert "<mark>Skolskjuts</mark>" in svar.text


def test_a_query_of_10000_characters_gets_a_swedish_message_and_no_search(client, handläggare):
    client.force_login(handläggare)
    svar = client.get("/sok/", {"q": "ö" * 10_000})
    assert svar.status_code == 200
    assert "Sökfrågan får vara högst 200 tecken lång (den är 10000)." in svar.text
    assert "sokresultat" not in svar.text and 'role="status"' not in svar.text


def test_an_unknown_filter_value_is_named_and_nothing_breaks(client, handläggare):
    client.force_login(handläggare)
    svar = client.get("/sok/", {"q": "samverkan", "ar": "förra året", "typ": "hemlig"})
    assert svar.status_code == 200
    assert "Välj ett giltigt alternativ." in svar.text


@pytest.mark.parametrize("nämnd", ["utbildning", "99999999999", "-1"])
def test_an_unknown_nämnd_is_named_and_nothing_breaks(client, handläggare, nämnd):
    client.force_login(handläggare)
    svar = client.get("/sok/", {"q": "samverkan", "namnd": nämnd})
    assert svar.status_code == 200
    assert "Välj ett giltigt alternativ." in svar.text
    assert "sokresultat" not in svar.text


def test_an_empty_query_asks_for_words(client, handläggare):
    client.force_login(handläggare)
    svar = client.get("/sok/", {"q": "   "})
    assert "Skriv ett eller flera ord eller ett diarienummer i sökrutan." in svar.text


def test_the_filters_and_the_sort_order_are_kept_in_the_page_links(
    client, ks, ks_samordnare, django_assert_max_num_queries
):
    for nr in range(25):
        RemissFactory.build(
            nämnd=ks,
            diarienummer=f"KS 2022/{nr + 1}",
            titel=f"Samverkan nummer {nr}",
            skapad_av=ks_samordnare,
            remissdatum=datetime.date(2022, 1, 1) + datetime.timedelta(days=nr),
        ).spara_utkast(av=ks_samordnare, ny=True)
    client.force_login(ks_samordnare)
    svar = client.get("/sok/", {"q": "samverkan", "sortera": "datum", "typ": "remiss"})
    assert "25 träffar" in svar.text
    assert "Sida 1 av 2" in svar.text
    assert 'href="?q=samverkan&amp;sortera=datum&amp;typ=remiss&amp;sida=2"' in svar.text
    assert svar.text.index("KS 2022/25") < svar.text.index("KS 2022/24")


@pytest.mark.parametrize("antal", [2, 30])
def test_a_page_of_results_takes_a_fixed_number_of_queries(
    client, ks, ks_samordnare, antal, django_assert_max_num_queries
):
    for nr in range(antal):
        RemissFactory.build(
            nämnd=ks,
            diarienummer=f"KS 2022/{nr + 1}",
            titel=f"Samverkan om ärende {nr}",
            skapad_av=ks_samordnare,
        ).spara_utkast(av=ks_samordnare, ny=True)
    client.force_login(ks_samordnare)
    # Session, person, roles (2), years, nämnder; transaction (2), similar words, the
    # planner's estimate, its settings with the way to read the matches (one SELECT of
    # set_config), count, the page.
    with django_assert_max_num_queries(12):
        svar = client.get("/sok/", {"q": "samverkan"})
    assert svar.status_code == 200


def test_the_year_filter_offers_only_years_the_person_can_find_something_in(
    client, skickad, ks, sod, ks_samordnare, handläggare, outsider
):
    """A remiss of 2019 sent to Södermalm only: Södermalm's outsider is offered 2019, the
    utbildningsförvaltning's handläggare is not even told that year has remisser."""
    gammal = RemissFactory.build(
        nämnd=ks,
        diarienummer="KS 2019/656",
        skapad_av=ks_samordnare,
        remissdatum=datetime.date(2019, 5, 2),
        sista_svarsdatum=datetime.date(2019, 6, 30),
    )
    gammal.spara_utkast(av=ks_samordnare, ny=True)
    gammal.mottagare.set([sod])
    gammal.skicka(av=ks_samordnare, dag=gammal.remissdatum)

    def år(person):
        client.force_login(person)
        return [värde for värde, _ in client.get("/sok/").context["form"].fields["ar"].choices]

    assert år(handläggare) == ["", "2023"]
    assert år(outsider) == ["", "2023", "2019"]
    assert år(ks_samordnare) == ["", "2023", "2019"]
