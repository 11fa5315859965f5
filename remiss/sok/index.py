"""Writing the search index. ``indexera(objekt)`` and ``ta_bort(objekt)`` are called from the
model methods that change a document, inside their transaction, so the index commits or rolls
back with the change itself. ``Indexerare`` does the same for many objects at a time
(``manage.py reindexera``)."""

import dataclasses
import functools
import operator
import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from nämnder import atkomst
from remiss.models import Sökord, Sökpost
from remiss.sok import text, typer

KONFIGURATION = "swedish"
# Sökdata's fields that are columns as they are (``åtkomst`` is written as one string).
FÄLT = [f.name for f in dataclasses.fields(typer.Sökdata) if f.name != "åtkomst"]
# Words worth correcting or finding inside compounds: letters only, four or more of them.
_ORD = re.compile(r"[^\W\d_]{4,60}")

# The vector, from the row's own columns: diarienummer and title weigh most (A), headings next
# (B), the body least (C). Computed by PostgreSQL in the statement that writes the row.
# The short vector (see Sökpost.vektor_kort) is the same without the body.
VEKTOR_KORT = (
    f"setweight(to_tsvector('{KONFIGURATION}', v.diarienummer || ' ' || v.titel), 'A')"
    f" || setweight(to_tsvector('{KONFIGURATION}', v.rubriker), 'B')"
)
VEKTOR = f"{VEKTOR_KORT} || setweight(to_tsvector('{KONFIGURATION}', v.text), 'C')"


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


def åtkomst(data):
    """The tokens that may find the post (see remiss.models.sokpost), each between spaces."""
    return f" {' '.join(data.åtkomst)} "


def ord_i(data):
    return {
        o.lower() for fält in (data.titel, data.rubriker, data.text) for o in _ORD.findall(fält)
    }


def _upsert_sql():
    """One INSERT … SELECT FROM unnest(arrays) … ON CONFLICT UPDATE for a whole batch: a dozen
    parameters whatever the batch size, and the vectors computed in the same statement."""
    kolumner = ["innehållstyp", "objekt_id", *FÄLT, "åtkomst", "indexerad"]
    fält = [Sökpost._meta.get_field(namn) for namn in kolumner]
    namn = [connection.ops.quote_name(f.column) for f in fält]
    arrayer = ", ".join(f"%s::{f.db_type(connection)}[]" for f in fält)
    vektorer = ['"vektor"', '"vektor_kort"']
    uppdatera = ", ".join(f"{n} = EXCLUDED.{n}" for n in [*namn[2:], *vektorer])
    return (
        f"INSERT INTO {connection.ops.quote_name(Sökpost._meta.db_table)} "
        f"({', '.join([*namn, *vektorer])}) "
        f"SELECT v.*, {VEKTOR}, {VEKTOR_KORT} FROM unnest({arrayer}) AS v({', '.join(namn)}) "
        f"ON CONFLICT ({namn[0]}, {namn[1]}) DO UPDATE SET {uppdatera}"
    )


@dataclasses.dataclass
class Omgång:
    """A batch ready to write: rows (content type pk, object pk, Sökdata), posts to remove
    (content type pk → object pks) and words the index has not seen in this run."""

    rader: list
    bort: dict
    ord: set


class Indexerare:
    """Writes posts in batches. Preparing a batch (``förbered``: Python only) and writing it
    (``skriv_omgång``: one statement for the posts, one for the words) are separate, so that
    ``manage.py reindexera`` can prepare the next batch while the database writes this one."""

    def __init__(self):
        self.kända_ord = set()
        self.innehållstyper = {}

    def _innehållstyp(self, modell):
        if modell not in self.innehållstyper:
            self.innehållstyper[modell] = ContentType.objects.get_for_model(modell).pk
        return self.innehållstyper[modell]

    def förbered(self, objekt_lista):
        omgång = Omgång(rader=[], bort={}, ord=set())
        for objekt in objekt_lista:
            innehållstyp = self._innehållstyp(type(objekt))
            data = typer.för_modell(type(objekt)).sökdata(objekt)
            if data is None:
                omgång.bort.setdefault(innehållstyp, []).append(objekt.pk)
                continue
            data = dataclasses.replace(_rensad(data), åtkomst=tuple(atkomst.nycklar(objekt)))
            omgång.rader.append((innehållstyp, objekt.pk, data))
            if på_postgresql():
                omgång.ord |= ord_i(data)
        omgång.ord -= self.kända_ord
        self.kända_ord |= omgång.ord
        return omgång

    def skriv_omgång(self, omgång):
        """Write a prepared batch; returns the number of posts written."""
        if omgång.rader and på_postgresql():
            self._skriv_postgresql(omgång.rader)
        elif omgång.rader:
            self._skriv_enkelt(omgång.rader)
        if omgång.ord:
            # Sorted, so that two writers never wait for each other's words in opposite order.
            Sökord.objects.bulk_create(
                [Sökord(ord=o) for o in sorted(omgång.ord)], ignore_conflicts=True
            )
        if omgång.bort:
            villkor = functools.reduce(
                operator.or_,
                (Q(innehållstyp_id=typ, objekt_id__in=pks) for typ, pks in omgång.bort.items()),
            )
            Sökpost.objects.filter(villkor).delete()
        return len(omgång.rader)

    def skriv(self, objekt_lista):
        """Index ``objekt_lista`` (objects of registered kinds); objects whose kind says they
        should not be found lose their post. Returns the number of posts written."""
        return self.skriv_omgång(self.förbered(objekt_lista))

    @staticmethod
    def _skriv_postgresql(rader):
        nu = timezone.now()
        kolumner = [[innehållstyp for innehållstyp, _pk, _d in rader], [pk for _i, pk, _d in rader]]
        kolumner += [[getattr(d, namn) for _i, _pk, d in rader] for namn in FÄLT]
        kolumner.append([åtkomst(d) for _i, _pk, d in rader])
        kolumner.append([nu] * len(rader))
        with connection.cursor() as cursor:
            cursor.execute(_upsert_sql(), kolumner)

    @staticmethod
    def _skriv_enkelt(rader):
        """SQLite: the same rows without a vector (search there reads the text itself)."""
        nu = timezone.now()
        Sökpost.objects.bulk_create(
            [
                Sökpost(
                    innehållstyp_id=i,
                    objekt_id=pk,
                    indexerad=nu,
                    åtkomst=åtkomst(d),
                    **{namn: getattr(d, namn) for namn in FÄLT},
                )
                for i, pk, d in rader
            ],
            update_conflicts=True,
            unique_fields=["innehållstyp", "objekt_id"],
            update_fields=[*FÄLT, "åtkomst", "indexerad"],
        )


def indexera(objekt):
    """Bring ``objekt``'s post up to date (or remove it, if it should no longer be found)."""
    Indexerare().skriv([objekt])


def ta_bort(objekt):
    """Remove ``objekt``'s post, for a document that is deleted or should no longer be found."""
    Sökpost.objects.filter(
        innehållstyp=ContentType.objects.get_for_model(type(objekt)), objekt_id=objekt.pk
    ).delete()
