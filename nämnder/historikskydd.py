"""The database's own refusal to change history: a PostgreSQL trigger on every history table
that raises on UPDATE and DELETE, whoever asks (the ORM, raw SQL, a psql session). Used by the
migrations that create history tables; on SQLite (the demo) there is no trigger and the models'
``save()``/``delete()`` guard alone.

One door, for the demo only: inside ``dateras_om()`` an UPDATE that changes nothing but
``tidpunkt`` is let through, so that seed_demo can date its history when it happened in the
story. Anything else still raises.

TRUNCATE is not refused: it needs the table owner's rights, and the test database is emptied
with it between tests."""

import contextlib

from django.db import connection, migrations, transaction

FUNKTION = "historik_kan_inte_andras"

SKAPA_FUNKTION = f"""
CREATE OR REPLACE FUNCTION {FUNKTION}() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND current_setting('remiss.historik_dateras_om', true) = 'ja'
        AND (to_jsonb(NEW) - 'tidpunkt') = (to_jsonb(OLD) - 'tidpunkt') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE =
        'Historiken kan inte ändras i efterhand (' || TG_OP || ' på ' || TG_TABLE_NAME || ')';
END;
$$ LANGUAGE plpgsql;
"""


def _trigger(tabell):
    return f"{tabell}_oforanderlig"


def _på_postgresql(sql):
    def kör(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return kör


def funktion():
    """The migration operation creating the trigger function (once, in nämnder)."""
    return migrations.RunPython(
        _på_postgresql(SKAPA_FUNKTION),
        _på_postgresql(f"DROP FUNCTION IF EXISTS {FUNKTION}()"),
    )


def skydda(tabell):
    """The migration operation refusing UPDATE and DELETE on ``tabell``."""
    skapa = (
        f'CREATE TRIGGER "{_trigger(tabell)}" BEFORE UPDATE OR DELETE ON "{tabell}" '
        f"FOR EACH ROW EXECUTE FUNCTION {FUNKTION}()"
    )
    ta_bort = f'DROP TRIGGER IF EXISTS "{_trigger(tabell)}" ON "{tabell}"'
    return migrations.RunPython(_på_postgresql(skapa), _på_postgresql(ta_bort))


@contextlib.contextmanager
def dateras_om():
    """Let UPDATEs of ``tidpunkt`` alone through, in this transaction (the demo's backdating)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL remiss.historik_dateras_om = 'ja'")
        yield
