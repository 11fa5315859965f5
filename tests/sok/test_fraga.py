"""What a query finds: diarienummer whole or in part, compounds, misspellings, web-search
syntax, ranking, highlighting, filters and sort order; and the simpler SQLite search."""

import datetime

import pytest

from remiss.sok import fraga, index, text
from remiss.sok.fraga import Urval, sök
from tests.factories import RemissFactory
from tests.sok.conftest import träffar, utkast

pytestmark = pytest.mark.django_db


@pytest.fixture
def remisser(ks, un, ks_samordnare):
    """Three remisser over three years; only the first has samverkan in its title."""

    def ny(dnr, titel, beskrivning, år):
        dagar = datetime.date(år, 3, 1), datetime.date(år, 5, 1)
        return utkast(ks, ks_samordnare, dnr, titel, beskrivning, *dagar)

    return [
        ny("KS 2023/740", "Övergripande samverkansöverenskommelse med polisen", "Trygghet.", 2023),
        ny("KS 2021/1234", "Trafikstrategi", "Ökad samverkan mellan förvaltningarna.", 2021),
        ny("SOD 2019/713", "Parkeringspolicy", "Avgifter för boendeparkering i innerstaden.", 2019),
    ]


def dnr(user, fråga, **filter):
    return [p.diarienummer for p in träffar(user, fråga, **filter)]


def test_a_whole_diarienummer_finds_its_remiss(remisser, ks_samordnare):
    assert dnr(ks_samordnare, "KS 2021/1234") == ["KS 2021/1234"]
    assert dnr(ks_samordnare, "sod 2019/713") == ["SOD 2019/713"]


def test_part_of_a_diarienummer_finds_it(remisser, ks_samordnare):
    assert dnr(ks_samordnare, "2023/74") == ["KS 2023/740"]
    assert dnr(ks_samordnare, "2021/12") == ["KS 2021/1234"]


def test_part_of_a_compound_finds_the_compound_and_the_word_itself(remisser, ks_samordnare):
    assert set(dnr(ks_samordnare, "samverkan")) == {"KS 2023/740", "KS 2021/1234"}
    assert dnr(ks_samordnare, "överenskommelse") == ["KS 2023/740"]


def test_a_misspelled_word_still_finds_it(remisser, ks_samordnare):
    assert dnr(ks_samordnare, "samverkansöverenskomelse") == ["KS 2023/740"]
    assert dnr(ks_samordnare, "parkeringspolisy") == ["SOD 2019/713"]


def test_inflected_forms_match_through_the_swedish_stemmer(remisser, ks_samordnare):
    assert dnr(ks_samordnare, "avgift") == ["SOD 2019/713"]
    assert dnr(ks_samordnare, "trafikstrategin") == ["KS 2021/1234"]


def test_a_hit_in_the_title_ranks_above_one_in_the_description(remisser, ks_samordnare):
    assert dnr(ks_samordnare, "samverkan") == ["KS 2023/740", "KS 2021/1234"]


def test_web_search_syntax_phrases_and_exclusions(remisser, ks_samordnare):
    assert dnr(ks_samordnare, '"ökad samverkan"') == ["KS 2021/1234"]
    assert dnr(ks_samordnare, "samverkan -trafikstrategi") == ["KS 2023/740"]
    assert set(dnr(ks_samordnare, "trafikstrategi or parkeringspolicy")) == {
        "KS 2021/1234",
        "SOD 2019/713",
    }


def test_hits_are_highlighted_in_the_snippet(remisser, ks_samordnare):
    (post,) = träffar(ks_samordnare, "boendeparkering")
    assert f"{text.START}boendeparkering{text.SLUT}" in post.utdrag
    assert "<mark>boendeparkering</mark>" in text.markera(post.utdrag)


@pytest.mark.parametrize("ord", ["Boendeparkeringen", "boendeparkering"])
def test_a_hit_far_into_a_long_text_is_in_the_snippet(ks, ks_samordnare, ord):
    """The snippet is made from a window of the text at the first hit (fraga._FörstaTräff),
    found by the stem's place in the lowercased text, however far in and however inflected."""
    utfyllnad = "Förvaltningen har inga synpunkter på denna del av förslaget. " * 200
    remiss = RemissFactory.build(
        nämnd=ks,
        diarienummer="KS 2024/1",
        titel="Program för stadsmiljön",
        beskrivning=f"{utfyllnad}{ord} i innerstaden utreds särskilt. {utfyllnad}",
        skapad_av=ks_samordnare,
    )
    remiss.spara_utkast(av=ks_samordnare, ny=True)
    assert len(remiss.beskrivning) > 5 * fraga.UTDRAGSFÖNSTER
    (post,) = träffar(ks_samordnare, "boendeparkering")
    assert f"{text.START}{ord}{text.SLUT}" in post.utdrag


def test_a_hit_only_in_the_title_gives_the_start_of_the_text(ks, ks_samordnare):
    remiss = RemissFactory.build(
        nämnd=ks,
        diarienummer="KS 2024/2",
        titel="Cykelplan",
        beskrivning="Planen gäller hela staden. " + "Mer text om annat. " * 300,
        skapad_av=ks_samordnare,
    )
    remiss.spara_utkast(av=ks_samordnare, ny=True)
    (post,) = träffar(ks_samordnare, "cykelplan")
    assert post.utdrag.startswith("Planen gäller hela staden")


def test_filters_by_year_nämnd_type_and_status(remisser, ks_samordnare, ks, un):
    assert dnr(ks_samordnare, "samverkan", år=2021) == ["KS 2021/1234"]
    assert dnr(ks_samordnare, "samverkan", nämnd_id=ks.pk) != []
    assert dnr(ks_samordnare, "samverkan", nämnd_id=un.pk) == []
    assert dnr(ks_samordnare, "samverkan", typ="tjansteutlatande") == []
    assert len(dnr(ks_samordnare, "samverkan", status="Utkast")) == 2
    assert dnr(ks_samordnare, "samverkan", status="Avslutad") == []


def test_sorting_by_date_puts_the_newest_first(remisser, ks_samordnare):
    nyast_först = dnr(ks_samordnare, "samverkan or parkeringspolicy", sortera="datum")
    assert nyast_först == ["KS 2023/740", "KS 2021/1234", "SOD 2019/713"]


def test_a_page_and_the_count(remisser, ks_samordnare):
    resultat = sök(ks_samordnare, Urval(fråga="samverkan or parkeringspolicy"), per_sida=2)
    assert resultat.antal == 3 and not resultat.fler and resultat.bästa is None
    assert len(resultat.sida.object_list) == 2 and resultat.sida.has_next()
    andra = sök(ks_samordnare, Urval(fråga="samverkan or parkeringspolicy"), 2, per_sida=2)
    assert len(andra.sida.object_list) == 1


def test_a_common_word_is_ranked_among_the_best_candidates_and_says_so(
    remisser, ks_samordnare, monkeypatch
):
    monkeypatch.setattr(fraga, "KANDIDATER", 2)
    resultat = sök(ks_samordnare, Urval(fråga="samverkan or parkeringspolicy"))
    assert (resultat.antal, resultat.bästa, len(resultat.sida.object_list)) == (3, 2, 2)


def test_counting_stops_at_the_limit(remisser, ks_samordnare, monkeypatch):
    monkeypatch.setattr(fraga, "MAX_RÄKNA", 2)
    resultat = sök(ks_samordnare, Urval(fråga="samverkan or parkeringspolicy", sortera="datum"))
    assert (resultat.antal, resultat.fler) == (2, True)


@pytest.mark.parametrize("fråga", ["", "   ", "\x00", "och att", "'&|!:*()", "-", '"'])
def test_queries_with_nothing_to_search_for_find_nothing_without_error(
    remisser, ks_samordnare, fråga
):
    assert sök(ks_samordnare, Urval(fråga=fråga)).antal == 0


def test_on_sqlite_every_word_is_looked_for_in_the_text_newest_first(
    remisser, ks_samordnare, monkeypatch
):
    """The demo's SQLite search, run here by switching PostgreSQL's features off."""
    monkeypatch.setattr(fraga, "på_postgresql", lambda: False)
    monkeypatch.setattr(index, "på_postgresql", lambda: False)
    assert dnr(ks_samordnare, "samverkan") == ["KS 2023/740", "KS 2021/1234"]
    assert dnr(ks_samordnare, "2023/74") == ["KS 2023/740"]
    assert dnr(ks_samordnare, "samverkan trafikstrategi") == ["KS 2021/1234"]
    (post,) = träffar(ks_samordnare, "boendeparkering")
    assert "<mark>boendeparkering</mark>" in text.markera(post.utdrag)


def test_on_sqlite_a_page_of_hits_takes_a_fixed_number_of_queries(
    remisser, ks_samordnare, monkeypatch, django_assert_max_num_queries
):
    """The snippet is cut from each hit's text: the text is read with the page, not per hit."""
    monkeypatch.setattr(fraga, "på_postgresql", lambda: False)
    monkeypatch.setattr(index, "på_postgresql", lambda: False)
    träffar(ks_samordnare, "samverkan")  # the person's roles, read once per request
    with django_assert_max_num_queries(2):  # the count, the page
        resultat = sök(ks_samordnare, Urval(fråga="samverkan"))
        assert [p.utdrag for p in resultat.sida.object_list]
    assert len(resultat.sida.object_list) == 2


def test_a_phrase_is_counted_to_its_own_lower_limit(remisser, ks_samordnare, monkeypatch):
    """A phrase is checked against each candidate's whole vector, so its count stops sooner."""
    monkeypatch.setattr(fraga, "MAX_RÄKNA_FRAS", 1)
    resultat = sök(ks_samordnare, Urval(fråga='"samverkan" or parkeringspolicy'))
    assert (resultat.antal, resultat.fler) == (1, True)
    assert len(resultat.sida.object_list) == 1
    utan_fras = sök(ks_samordnare, Urval(fråga="samverkan or parkeringspolicy"))
    assert (utan_fras.antal, utan_fras.fler) == (3, False)


def test_a_widened_query_is_hashed_by_its_sql_not_its_tree(remisser):
    """The rank's ORDER BY hashes the query; the widened one is hashed as its compiled SQL."""
    vidgad = fraga.tsquery("samverkan")
    assert isinstance(vidgad, fraga._Kompilerad)
    samma, annan = fraga.tsquery("samverkan"), fraga.tsquery("översiktsplan")
    assert vidgad == samma and hash(vidgad) == hash(samma)
    assert vidgad != annan
    assert vidgad.identity == (fraga._Kompilerad, vidgad.sql, tuple(vidgad.parametrar))
