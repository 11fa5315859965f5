"""Writing the search index. ``indexera(objekt)`` and ``ta_bort(objekt)`` are called from the
model methods that change a document, inside their transaction, so the index commits or rolls
back with the change itself. ``Indexerare`` does the same for many objects at a time
(``manage.py reindexera``)."""

import dataclasses
import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from remiss.models import Sökord, Sökpost
from remiss.sok import text, typer

KONFIGURATION = "swedish"
FÄLT = [f.name for f in dataclasses.fields(typer.Sökdata)]
# Words worth correcting or finding inside compounds: letters only, four or more of them.
_ORD = re.compile(r"[^\W\d_]{4,60}")

# The vector, from the row's own columns: diarienummer and title weigh most (A), headings next
# (B), the body least (C). Computed by PostgreSQL in the statement that writes the row.
VEKTOR = (
    f"setweight(to_tsvector('{KONFIGURATION}', v.diarienummer || ' ' || v.titel), 'A')"
    f" || setweight(to_tsvector('{KONFIGURATION}', v.rubriker), 'B')"
    f" || setweight(to_tsvector('{KONFIGURATION}', v.text), 'C')"
)


def på_postgresql():
    return connection.vendor == "postgresql"


def _rensad(data):
    """Sökdata with texts cleaned (no highlight markers, control characters or NULs)."""
    return dataclasses.replace(
        data,
        titel=text.ren(data.titel)[:500],
        diarienummer=text.ren(data.diarienummer)[:200],
        status=text.ren(data.status)[:60],
        rubriker=text.ren(data.rubriker),
        text=text.ren(data.text),
    )


def ord_i(data):
    return {
        o.lower() for fält in (data.titel, data.rubriker, data.text) for o in _ORD.findall(fält)
    }


def _upsert_sql():
    """One INSERT … SELECT FROM unnest(arrays) … ON CONFLICT UPDATE for a whole batch: a dozen
    parameters whatever the batch size, and the vectors computed in the same statement."""
    kolumner = ["innehållstyp", "objekt_id", *FÄLT, "indexerad"]
    fält = [Sökpost._meta.get_field(namn) for namn in kolumner]
    namn = [connection.ops.quote_name(f.column) for f in fält]
    arrayer = ", ".join(f"%s::{f.db_type(connection)}[]" for f in fält)
    uppdatera = ", ".join(f"{n} = EXCLUDED.{n}" for n in [*namn[2:], '"vektor"'])
    return (
        f"INSERT INTO {connection.ops.quote_name(Sökpost._meta.db_table)} "
        f'({", ".join(namn)}, "vektor") '
        f"SELECT v.*, {VEKTOR} FROM unnest({arrayer}) AS v({', '.join(namn)}) "
        f"ON CONFLICT ({namn[0]}, {namn[1]}) DO UPDATE SET {uppdatera}"
    )


class Indexerare:
    """Writes posts in batches, with the batch's new words for the misspelling lookup."""

    def __init__(self):
        self.kända_ord = set()
        self.innehållstyper = {}

    def _innehållstyp(self, modell):
        if modell not in self.innehållstyper:
            self.innehållstyper[modell] = ContentType.objects.get_for_model(modell).pk
        return self.innehållstyper[modell]

    def skriv(self, objekt_lista):
        """Index ``objekt_lista`` (objects of registered kinds); objects whose kind says they
        should not be found lose their post. Returns the number of posts written."""
        rader, bort = [], []
        for objekt in objekt_lista:
            data = typer.för_modell(type(objekt)).sökdata(objekt)
            if data is None:
                bort.append(objekt)
            else:
                rader.append((self._innehållstyp(type(objekt)), objekt.pk, _rensad(data)))
        if rader and på_postgresql():
            self._skriv_postgresql(rader)
        elif rader:
            self._skriv_enkelt(rader)
        for objekt in bort:
            ta_bort(objekt)
        return len(rader)

    def _skriv_postgresql(self, rader):
        nu = timezone.now()
        kolumner = [[innehållstyp for innehållstyp, _pk, _d in rader], [pk for _i, pk, _d in rader]]
        kolumner += [[getattr(d, namn) for _i, _pk, d in rader] for namn in FÄLT]
        kolumner.append([nu] * len(rader))
        with connection.cursor() as cursor:
            cursor.execute(_upsert_sql(), kolumner)
        nya_ord = set().union(*(ord_i(d) for _i, _pk, d in rader)) - self.kända_ord
        if nya_ord:
            Sökord.objects.bulk_create([Sökord(ord=o) for o in nya_ord], ignore_conflicts=True)
            self.kända_ord |= nya_ord

    def _skriv_enkelt(self, rader):
        """SQLite: the same rows without a vector (search there reads the text itself)."""
        nu = timezone.now()
        Sökpost.objects.bulk_create(
            [
                Sökpost(innehållstyp_id=i, objekt_id=pk, indexerad=nu, **dataclasses.asdict(d))
                for i, pk, d in rader
            ],
            update_conflicts=True,
            unique_fields=["innehållstyp", "objekt_id"],
            update_fields=[*FÄLT, "indexerad"],
        )


def indexera(objekt):
    """Bring ``objekt``'s post up to date (or remove it, if it should no longer be found)."""
    Indexerare().skriv([objekt])


def ta_bort(objekt):
    Sökpost.objects.filter(
        innehållstyp=ContentType.objects.get_for_model(type(objekt)), objekt_id=objekt.pk
    ).delete()
