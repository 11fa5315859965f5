"""``Bland``: a list of values as one array parameter on PostgreSQL, an IN list on SQLite (the
demo), the same rows either way."""

import pytest
from django.db.utils import ConnectionHandler

from nämnder.sqlbland import Bland
from remiss.models import Remiss, Sökord
from tests.factories import RemissFactory


@pytest.mark.django_db
def test_on_postgresql_the_list_is_one_parameter(ks, ks_samordnare):
    remisser = [RemissFactory(nämnd=ks, skapad_av=ks_samordnare) for _ in range(3)]
    pks = [remisser[0].pk, remisser[2].pk, 10**9]
    urval = Remiss.objects.filter(Bland("pk", pks)).order_by("pk")
    sql, parametrar = urval.query.sql_with_params()
    assert "= ANY(%s)" in sql and parametrar[-1] == pks
    assert list(urval) == [remisser[0], remisser[2]]
    assert not Remiss.objects.filter(Bland("pk", [])).exists()


def test_on_sqlite_the_list_is_an_in_list_and_an_empty_one_matches_nothing(django_db_blocker):
    anslutningar = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    )
    sqlite = anslutningar["default"]
    with django_db_blocker.unblock():  # an in-memory database of its own, not the test database
        _sök_i_sqlite(sqlite)


def _sök_i_sqlite(sqlite):
    try:
        with sqlite.schema_editor() as schema:
            schema.create_model(Sökord)
        with sqlite.cursor() as markör:
            markör.executemany('INSERT INTO "remiss_sökord" ("ord") VALUES (%s)', [("a",), ("b",)])

        def ord_bland(värden):
            kompilator = (
                Sökord.objects.filter(Bland("ord", värden))
                .order_by("ord")
                .query.get_compiler(connection=sqlite)
            )
            sql, parametrar = kompilator.as_sql()
            with sqlite.cursor() as markör:
                markör.execute(sql, parametrar)
                return [rad[0] for rad in markör.fetchall()], sql

        träffar, sql = ord_bland(["b", "c", "a"])
        assert träffar == ["a", "b"] and " IN (%s, %s, %s)" in sql
        assert ord_bland([])[0] == []
    finally:
        sqlite.close()
