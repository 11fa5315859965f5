"""The database connection as settings.py configures it: on PostgreSQL a query a page runs again
and again is prepared once and then only executed (README "Förberedda frågor"), and the queries
that lean on a partial index can still use it in a prepared statement's generic plan
(nämnder/sqlkonstant.py)."""

import itertools
import re

import pytest
from django.db import connection
from django.utils import timezone
from psycopg import sql as psql

from nämnder.models import Nämnd
from nämnder.sqlkonstant import Konstant
from remiss.models import Remissinstans, Utkorgspost
from tests.factories import RemissFactory
from tests.test_env import _manage

pytestmark = pytest.mark.django_db


def _förberedda():
    with connection.cursor() as markör:
        markör.execute("SELECT statement FROM pg_prepared_statements")
        return [rad[0] for rad in markör.fetchall()]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_prepared_statements")
def test_a_query_run_six_times_on_a_connection_is_prepared():
    for _ in range(6):
        list(Nämnd.objects.filter(kortnamn="Ingen sådan").values("pk"))
    assert any('"nämnder_nämnd"' in sql and '"kortnamn" = $1' in sql for sql in _förberedda())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_prepared_statements")
def test_a_query_run_once_is_not_prepared():
    list(Nämnd.objects.filter(förvaltning="Bara en gång").values("pk"))
    assert not any('"förvaltning" = $1' in sql for sql in _förberedda())


def test_preparing_can_be_turned_off_for_a_pooler_that_cannot_keep_them():
    skript = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default']['OPTIONS'].get('prepare_threshold'))"
    )
    bas = {"DEBUG": "true", "DATABASE_URL": "postgres://remiss@db.internal/remiss"}
    på = _manage("shell", "-c", skript, **bas)
    av = _manage("shell", "-c", skript, **bas, DATABASE_PREPARED_STATEMENTS="false")
    assert på.stdout.split()[-1] == "5", på.stderr
    assert av.stdout.split()[-1] == "None", av.stderr


def _generisk_plan(queryset):
    """EXPLAIN of ``queryset`` as a prepared statement's generic plan: made before the
    parameters are known, as PostgreSQL may choose to once a query has run five times."""
    sql, parametrar = queryset.query.sql_with_params()
    nummer = itertools.count(1)
    sql = re.sub(r"%s", lambda _träff: f"${next(nummer)}", sql).replace("%%", "%")
    psycopg_anslutning = connection.connection
    argument = (
        psql.SQL(", ").join(psql.Literal(p) for p in parametrar).as_string(psycopg_anslutning)
    )
    with connection.cursor() as markör:
        markör.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        markör.execute("SET LOCAL enable_seqscan = off")
        markör.execute(f"PREPARE generisk AS {sql}")
        try:
            markör.execute(
                f"EXPLAIN EXECUTE generisk({argument})"
                if parametrar
                else "EXPLAIN EXECUTE generisk"
            )
            return "\n".join(rad for (rad,) in markör.fetchall())
        finally:
            markör.execute("DEALLOCATE generisk")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements' plans")
def test_the_open_instanser_use_their_partial_index_in_a_generic_plan(ks, ks_samordnare, un, sod):
    for _ in range(3):
        RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod]).skicka(
            av=ks_samordnare
        )
    with connection.cursor() as markör:
        markör.execute('ANALYZE "remiss_remissinstans"')
        # The inbox's other index in the same order is dropped for this test's transaction (and
        # comes back with its rollback), and a sort made too dear to choose: what is left is
        # the partial index, if the plan can prove it holds the rows asked for.
        markör.execute('DROP INDEX "instans_inkorg"')
        markör.execute("SET LOCAL enable_sort = off")
    öppna = Remissinstans.objects.öppna().filter(nämnd=un).order_by("-mottagen", "-pk")[:50]
    assert "instans_inkorg_oppna" in _generisk_plan(öppna)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements' plans")
def test_the_outbox_finds_its_unfinished_rows_by_their_partial_index_in_a_generic_plan():
    with connection.cursor() as markör:
        markör.execute('ANALYZE "remiss_utkorgspost"')
    assert "utkorg_ogjorda" in _generisk_plan(Utkorgspost.objects.lediga(timezone.now()))


@pytest.mark.parametrize("värde", ["besvarad'; DROP TABLE x; --", "två ord", 7, None])
def test_only_an_identifier_like_constant_is_written_into_the_sql(värde):
    with pytest.raises(ValueError, match="Inte en konstant"):
        Konstant(värde)
