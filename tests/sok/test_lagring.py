"""How the index is stored and read on PostgreSQL: the full vector in the post's own row (a
search walking the date index tests each post's vector, see migration 0018), and no JIT
compilation of the search's queries."""

import datetime

import pytest
from django.db import connection

from remiss.sok import fraga
from tests.sok.conftest import träffar, utkast

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="TOAST och JIT"),
]

# Words enough for a vector of about 5 kB, like a tjänsteutlåtande's: over the 2 kB at which
# PostgreSQL would move it out of the row.
LÅNG_TEXT = " ".join(f"stadsdelsområde{n}" for n in range(180))


def _långa_poster(ks, ks_samordnare):
    dag = datetime.date(2024, 5, 1)
    return [
        utkast(ks, ks_samordnare, f"KS 2024/{n}", f"Remiss {n}", LÅNG_TEXT, dag, dag)
        for n in (1, 2)
    ]


def test_a_long_documents_vector_stays_in_its_row(ks, ks_samordnare):
    remisser = _långa_poster(ks, ks_samordnare)
    with connection.cursor() as cursor:
        cursor.execute(
            'SELECT pg_column_size("vektor"), (ctid::text::point)[0] FROM "remiss_sökpost"'
            " WHERE objekt_id = ANY(%s) AND typ = 'remiss'",
            [[r.pk for r in remisser]],
        )
        rader = cursor.fetchall()
    assert len(rader) == 2
    assert all(storlek > 4_000 for storlek, _sida in rader), rader
    # In TOAST, each row would hold a pointer of 18 bytes and both would share a page; in their
    # rows, two vectors of 4 kB or more cannot.
    assert rader[0][1] != rader[1][1], rader
    assert [r.diarienummer for r in träffar(ks_samordnare, "stadsdelsområde7")] == [
        "KS 2024/2",
        "KS 2024/1",
    ]


def test_the_search_compiles_no_query_just_in_time(ks, ks_samordnare, monkeypatch):
    """A walk of the date index is costed as if it read the whole table (its LIMIT stops it
    early), so past some hundred thousand posts PostgreSQL would JIT-compile each search: 20 ms
    for a query that runs in 5. The search turns JIT off for its own transaction, even for a
    connection that would compile everything."""
    _långa_poster(ks, ks_samordnare)
    inställningar = []
    äkta = fraga._räkna_och_välj

    def spion(*args):
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('jit'), current_setting('jit_above_cost')")
            inställningar.append(cursor.fetchone())
        return äkta(*args)

    monkeypatch.setattr(fraga, "_räkna_och_välj", spion)
    with connection.cursor() as cursor:
        cursor.execute("SET jit = on")
        cursor.execute("SET jit_above_cost = 0")
    try:
        assert träffar(ks_samordnare, "stadsdelsområde7")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET jit")
            cursor.execute("RESET jit_above_cost")
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('jit')")
            efteråt = cursor.fetchone()[0]
    assert inställningar == [("off", "0")]
    assert efteråt == "on"  # only the search's own transaction
