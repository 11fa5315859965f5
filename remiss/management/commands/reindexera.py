import collections
import contextlib
import time
from concurrent.futures import Future, ThreadPoolExecutor

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from remiss.models import Sökpost
from remiss.sok import typer
from remiss.sok.index import Indexerare

SKRIVARE = 2


def _skriv(indexerare, omgång):
    """Runs in the writer thread, on that thread's own database connection."""
    try:
        with transaction.atomic():
            return indexerare.skriv_omgång(omgång)
    finally:
        connection.close()


class _Här(contextlib.nullcontext):
    """An executor that runs the write at once, in this thread and transaction."""

    def submit(self, _funktion, indexerare, omgång):
        klar = Future()
        with transaction.atomic():
            klar.set_result(indexerare.skriv_omgång(omgång))
        return klar


class Command(BaseCommand):
    help = (
        "Bygger om sökindexet för alla remisser, remissinstanser och tjänsteutlåtanden, i "
        "omgångar, och tar bort poster för dokument som inte längre finns. Kan köras när som helst."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--omgang", type=int, default=500, help="Antal dokument per omgång (standard 500)."
        )

    def handle(self, *args, omgang, verbosity, **options):
        if omgang < 1:
            raise CommandError("--omgang måste vara minst 1.")
        början, klockan = timezone.now(), time.perf_counter()
        indexerare, antal = Indexerare(), 0
        # While PostgreSQL writes batches (parsing the texts into vectors is most of the work,
        # and two connections parse on two cores), this thread reads and prepares the next.
        # Batches never share a new word (see Indexerare.förbered), so writers never wait for
        # each other. Inside a caller's transaction (or on SQLite) another connection would not
        # see its rows, so then the batches are written here, one after the other.
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            skrivare = ThreadPoolExecutor(max_workers=SKRIVARE)
        else:
            skrivare = _Här()
        with skrivare:
            for dokumenttyp in typer.alla():
                antal += self._typ(dokumenttyp, indexerare, skrivare, omgang, verbosity)
        # What was not rewritten belongs to a document that is gone or no longer to be found.
        borttagna, _per_modell = Sökpost.objects.filter(indexerad__lt=början).delete()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"ANALYZE {connection.ops.quote_name(Sökpost._meta.db_table)}")
        sekunder = time.perf_counter() - klockan
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Sökindexet klart: {antal} dokument på {sekunder:.1f} s "
                    f"({antal / max(sekunder, 1e-9):.0f} dokument/s), {borttagna} gamla poster "
                    "borttagna."
                )
            )

    def _typ(self, dokumenttyp, indexerare, skrivare, omgång, verbosity):
        urval = dokumenttyp.urval().order_by("pk")
        namn = str(dokumenttyp.modell._meta.verbose_name_plural).capitalize()
        antal, sista, pågående = 0, 0, collections.deque()
        with tqdm(
            total=urval.count(), desc=namn, unit=" dok", file=self.stderr, disable=not verbosity
        ) as stapel:
            while rader := list(urval.filter(pk__gt=sista)[:omgång]):
                förberedd = indexerare.förbered(rader)
                if len(pågående) >= SKRIVARE:
                    antal += pågående.popleft().result()
                pågående.append(skrivare.submit(_skriv, indexerare, förberedd))
                sista = rader[-1].pk
                stapel.update(len(rader))
            while pågående:
                antal += pågående.popleft().result()
        return antal
