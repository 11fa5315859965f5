"""The database connection as settings.py configures it: on PostgreSQL a query a page runs again
and again is prepared once and then only executed (README "Förberedda frågor")."""

import pytest
from django.db import connection

from nämnder.models import Nämnd
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
