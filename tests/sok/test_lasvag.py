"""How the matches are read: walking the date index newest first for a word in a large share of
the index, the GIN index for a rarer one (remiss.sok.fraga._genom_gin). Either way the page, the
count and the order are the same."""

import datetime

import pytest
from django.db import connection

from remiss.models import Sökpost
from remiss.sok import fraga
from remiss.sok.fraga import Urval, sök
from tests.sok.conftest import utkast

pytestmark = pytest.mark.django_db

# Posts in the widened index: enough that a word in every one of them is cheaper to find by
# walking the date index (matches² > G × 1 001 × rows, G the cost of a row walked past against
# a match read from GIN, fraga.GÅNG_FAST …).
RADER = 9_000


@pytest.fixture
def remisser(ks, ks_samordnare):
    def ny(dnr, titel, beskrivning, år, månad):
        dagar = datetime.date(år, månad, 1), datetime.date(år, månad, 20)
        return utkast(ks, ks_samordnare, dnr, titel, beskrivning, *dagar)

    return [
        ny("KS 2024/11", "Samverkan om trygghet", "Kommunens samverkan med polisen.", 2024, 5),
        ny("KS 2023/12", "Trafikstrategi", "Ökad samverkan mellan förvaltningarna.", 2023, 2),
        ny("KS 2022/13", "Parkeringspolicy", "Samverkan om boendeparkering.", 2022, 9),
        ny("KS 2021/14", "Cykelplan", "Cykelbanor i innerstaden.", 2021, 4),
    ]


def sidan(user, fråga, **urval):
    resultat = sök(user, Urval(fråga=fråga, **urval), per_sida=3)
    return (
        resultat.antal,
        resultat.fler,
        [p.diarienummer for p in resultat.sida.object_list],
        [p.utdrag for p in resultat.sida.object_list],
    )


@pytest.fixture
def vägar(monkeypatch):
    """Call ``läs(väg, …)`` to search with the matches read one way (``"gin"`` or
    ``"datumindex"``); ``vägar.valda`` holds the ways the searches took."""
    valda = []
    äkta = fraga._genom_gin

    def spion(*args):
        valt = äkta(*args)
        valda.append("gin" if valt else "datumindex")
        return valt

    monkeypatch.setattr(fraga, "_genom_gin", spion)

    def läs(väg, *args, **kwargs):
        for konstant in ("GÅNG_FAST", "GÅNG_MOT_GIN_FRAS"):
            monkeypatch.setattr(fraga, konstant, 10**12 if väg == "gin" else 0)
        monkeypatch.setattr(fraga, "GÅNG_PER_BYTE", 0)
        return sidan(*args, **kwargs)

    läs.valda = valda
    return läs


@pytest.mark.parametrize(
    "fråga, urval",
    [
        ("samverkan", {}),
        ("trafikstrategi", {}),
        ("samverkan", {"sortera": "datum"}),
        ("2023/12", {}),
        ('"ökad samverkan"', {}),
        ("samverkan -polisen", {}),
    ],
)
def test_the_page_is_the_same_whichever_index_the_matches_are_read_from(
    remisser, ks_samordnare, vägar, fråga, urval
):
    genom_gin = vägar("gin", ks_samordnare, fråga, **urval)
    genom_datum = vägar("datumindex", ks_samordnare, fråga, **urval)
    assert vägar.valda == ["gin", "datumindex"]
    assert genom_gin == genom_datum
    assert genom_gin[0] > 0


def _fyll_index(antal):
    """``antal`` more posts, copies of the first one with its words and its access, dated over
    the years before it, then the statistics the planner estimates from."""
    with connection.cursor() as cursor:
        cursor.execute(
            'INSERT INTO "remiss_sökpost" (innehållstyp_id, objekt_id, typ, nämnd_id, remiss_id,'
            " åtkomst, år, datum, status, diarienummer, titel, rubriker, text, url, vektor,"
            " vektor_kort, indexerad)"
            " SELECT innehållstyp_id, 1000000 + n, typ, nämnd_id, remiss_id, åtkomst, år,"
            " datum - n, status, diarienummer, titel, rubriker, text, url, vektor, vektor_kort,"
            ' indexerad FROM "remiss_sökpost", generate_series(1, %s) AS n'
            ' WHERE "remiss_sökpost".id = (SELECT min(id) FROM "remiss_sökpost")',
            [antal],
        )
        cursor.execute('ANALYZE "remiss_sökpost"')


def test_a_word_in_most_posts_walks_the_date_index_and_a_rare_one_reads_the_gin_index(
    remisser, ks_samordnare, vägar
):
    _fyll_index(RADER)
    assert Sökpost.objects.count() > RADER
    vanligt = sidan(ks_samordnare, "samverkan")  # the copied post says it, as do three others
    ovanligt = sidan(ks_samordnare, "cykelbanor")  # one post
    assert vägar.valda == ["datumindex", "gin"]
    assert vanligt[:3] == (1000, True, ["KS 2024/11", "KS 2024/11", "KS 2024/11"])
    assert ovanligt[:3] == (1, False, ["KS 2021/14"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_prepared_statements")
def test_the_search_plans_each_query_anew_even_once_it_is_prepared(remisser, ks_samordnare):
    """psycopg prepares a query run five times on a connection, and PostgreSQL may then keep a
    generic plan made for any words and any reader: the path chosen for the words searched
    (_genom_gin, a setting the cached plan would not see) would be lost. PostgreSQL decides
    that by its cost estimates; the connection here is told to always take the generic plan,
    which the search must overrule."""
    _fyll_index(RADER)
    with connection.cursor() as cursor:
        cursor.execute("SET plan_cache_mode = force_generic_plan")
    try:
        for _ in range(8):
            sidan(ks_samordnare, "samverkan")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET plan_cache_mode")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement LIKE 'EXPLAIN%%', generic_plans, custom_plans, parameter_types"
            " FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%ts_rank(%"vektor_kort"%'],
        )
        planer = cursor.fetchall()
    frågor = [(g, e) for förklaring, g, e, _typer in planer if not förklaring]
    assert frågor, "sökningens frågor förbereddes inte"
    assert all(generiska == 0 and egna >= 3 for generiska, egna in frågor), planer
    # The planner's estimate (EXPLAIN) has the words in its text, no parameters: even its
    # generic plan is made for these words.
    assert all(typer == [] for förklaring, _g, _e, typer in planer if förklaring), planer
