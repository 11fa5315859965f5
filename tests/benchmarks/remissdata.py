"""Benchmark data as the years pile up: KS's remisser to the same 25 nämnder, the newest still
open and everything older answered and closed, written with bulk_create.

Remiss number 0 is the newest; ``lägg_till(grund, från, till)`` adds numbers ``från`` to
``till`` (older ones), so one run can grow the history step by step (100 → 1,000 → 5,000 →
20,000) while what is open today stays the same. The answer counters are recounted the way
the data migration does; instanser get the time they arrived; nämnd 0 to 4 get their
tjänsteutlåtanden, reviewed and attested by nämnd 0's avdelningschef and direktör.
"""

import contextlib
import datetime
from dataclasses import dataclass

INSTANSER_PER_REMISS = 25
ÖPPNA = 60  # remisser still out for answers, at any size
UTKAST = 10
MED_UTLÅTANDEN = 5  # nämnder whose instanser carry tjänsteutlåtanden


@dataclass
class Grund:
    ks: object
    nämnder: list
    samordnare: object
    läsare: object
    registrator: object
    handläggare: list
    avdelningschef: object
    direktör: object


def grund():
    """KS, 25 nämnder, their people and KS's ten drafts."""
    from nämnder.models import Användare, Nämnd
    from nämnder.roller import Roll, ge_roll
    from remiss.models import Remiss

    ks = Nämnd.objects.create(
        namn="Kommunstyrelsen", kortnamn="KS", diarieprefix="KS", typ=Nämnd.Typ.KOMMUNSTYRELSE
    )
    nämnder = Nämnd.objects.bulk_create(
        Nämnd(
            namn=f"Nämnd {nr}",
            kortnamn=f"N{nr}",
            diarieprefix="N" + "ABCDEFGHIJ"[nr // 10] + "ABCDEFGHIJ"[nr % 10],
            typ=Nämnd.Typ.STADSDELSNÄMND,
            förvaltning=f"Förvaltning {nr}",
        )
        for nr in range(INSTANSER_PER_REMISS)
    )
    samordnare = Användare.objects.create_user("samordnare", password="bench", first_name="Karin")
    ge_roll(samordnare, ks, Roll.REMISSAMORDNARE, av=None, källa="mätdata")
    läsare = Användare.objects.create_user("lasare", password="bench", first_name="Åsa")
    ge_roll(läsare, ks, Roll.LÄSARE, av=None, källa="mätdata")
    handläggare = []
    for nr, nämnd in enumerate(nämnder):
        person = Användare.objects.create_user(
            f"hl{nr}", password="bench", first_name="Kim", last_name=f"Handläggare {nr}"
        )
        ge_roll(person, nämnd, Roll.HANDLÄGGARE, av=None, källa="mätdata")
        handläggare.append(person)
    folk = {}
    for namn, roll in [
        ("registrator", Roll.REGISTRATOR),
        ("avdelningschef", Roll.AVDELNINGSCHEF),
        ("direktor", Roll.DIREKTÖR),
    ]:
        folk[namn] = Användare.objects.create_user(namn, password="bench", first_name=namn)
        ge_roll(folk[namn], nämnder[0], roll, av=None, källa="mätdata")
    idag = datetime.date.today()
    Remiss.objects.bulk_create(
        Remiss(
            nämnd=ks,
            diarienummer=f"KS {idag.year}/{90_000 + nr}",
            titel=f"Utkast nummer {nr + 1} om stadens verksamhet",
            avsändare="Rotel 1",
            remissdatum=idag,
            sista_svarsdatum=idag + datetime.timedelta(days=60),
            skapad_av=samordnare,
        )
        for nr in range(UTKAST)
    )
    return Grund(
        ks,
        nämnder,
        samordnare,
        läsare,
        folk["registrator"],
        handläggare,
        folk["avdelningschef"],
        folk["direktor"],
    )


INSTANSER_SQL = """
INSERT INTO "remiss_remissinstans" ("remiss_id", "nämnd_id", "status", "svarsdatum",
    "diarienummer", "handläggare_id", "mottagen", "avstår_motivering")
SELECT r."id", n."id", s."status", r."sista_svarsdatum",
    CASE WHEN s."status" = 'mottagen' THEN ''
         ELSE n."diarieprefix" || ' ' || extract(year FROM r."remissdatum") || '/' || r."id" END,
    CASE WHEN s."status" = 'mottagen' THEN NULL ELSE h."handläggare" END,
    r."remissdatum" + time '12:00', ''
FROM "remiss_remiss" r
CROSS JOIN unnest(%(nämnder)s::bigint[], %(handläggare)s::bigint[]) WITH ORDINALITY
    AS h("nämnd", "handläggare", "nr")
JOIN "nämnder_nämnd" n ON n."id" = h."nämnd"
CROSS JOIN LATERAL (SELECT CASE
    WHEN r."status" = 'avslutad' THEN
        CASE WHEN (r."id" * 7 + h."nr") %% 10 = 0 THEN 'avstar' ELSE 'besvarad' END
    ELSE (ARRAY['mottagen', 'tilldelad', 'under_beredning', 'attesterad', 'beslutad',
                'besvarad', 'avstar'])[1 + (r."id" * 7 + h."nr") %% 7]
    END AS "status") s
WHERE r."id" = ANY(%(remisser)s)
"""
HÄNDELSER_SQL = """
INSERT INTO "{händelser}" ("remiss_id", "instans_id", "typ", "text", "utförd_av_id",
    "tidpunkt")
SELECT i."remiss_id", i."id", 'registrerad', i."diarienummer", %(av)s, i."mottagen"
FROM "remiss_remissinstans" i WHERE i."remiss_id" = ANY(%(remisser)s)
"""
# Nämnd 0's are reviewed and attested by its avdelningschef and direktör; an open case is at
# any step of its own (utkast, granskning, godkänt), a finished one attested.
UTLÅTANDEN_SQL = """
INSERT INTO "yttranden_tjänsteutlåtande" ("instans_id", "version", "status", "datum",
    "versionsnummer", "skapad", "granskare_id", "attestant_id", "skapad_av_id", "underrubrik",
    "handläggare_i_dokumentet")
SELECT i."id", 1,
    CASE WHEN i."status" = 'under_beredning'
         THEN (ARRAY['utkast', 'granskning', 'godkand'])[1 + i."id" %% 3]
         ELSE 'attesterad' END,
    i."svarsdatum", 1, i."mottagen",
    CASE WHEN i."nämnd_id" = %(första)s THEN %(granskare)s END,
    CASE WHEN i."nämnd_id" = %(första)s THEN %(attestant)s END,
    COALESCE(i."handläggare_id", %(granskare)s), '', '[]'::jsonb
FROM "remiss_remissinstans" i
WHERE i."remiss_id" = ANY(%(remisser)s) AND i."nämnd_id" = ANY(%(nämnder)s)
    AND i."status" IN ('under_beredning', 'attesterad', 'beslutad', 'besvarad')
"""


def lägg_till(g, från, till):
    """Remisser number ``från`` to ``till`` (0 is the newest), with their instanser, history
    and tjänsteutlåtanden, written by PostgreSQL itself (half a million instanser take seconds
    that way, not minutes); returns the number of instanser written."""

    from django.db import ProgrammingError, connection
    from django.utils import timezone

    from remiss.models import Remiss, Remisshändelse, Remissinstans
    from yttranden.models import Tjänsteutlåtande

    idag = datetime.date.today()
    R = Remiss.Status
    remisser = []
    for nr in range(från, till):
        datum = idag - datetime.timedelta(days=nr // 4)
        skickad = timezone.make_aware(datetime.datetime.combine(datum, datetime.time(9)))
        öppen = nr < ÖPPNA
        remisser.append(
            Remiss(
                nämnd=g.ks,
                diarienummer=f"KS {datum.year}/{nr + 1}",
                titel=f"Remiss nummer {nr + 1} om stadens verksamhet",
                avsändare=f"Rotel {nr % 9 + 1}",
                remissdatum=datum,
                sista_svarsdatum=datum + datetime.timedelta(days=45),
                status=R.UTSKICKAD if öppen else R.AVSLUTAD,
                utskickad=skickad,
                avslutad=None if öppen else skickad + datetime.timedelta(days=60),
                skapad_av=g.samordnare,
            )
        )
    pks = [r.pk for r in Remiss.objects.bulk_create(remisser, batch_size=2_000)]
    with connection.cursor() as markör:
        markör.execute(
            INSTANSER_SQL,
            {
                "nämnder": [n.pk for n in g.nämnder],
                "handläggare": [h.pk for h in g.handläggare],
                "remisser": pks,
            },
        )
        antal = markör.rowcount
        # The table's name from the model: it was renamed once (Händelse → Remisshändelse).
        tabell = Remisshändelse._meta.db_table
        markör.execute(
            HÄNDELSER_SQL.format(händelser=tabell), {"av": g.samordnare.pk, "remisser": pks}
        )
        markör.execute(
            UTLÅTANDEN_SQL,
            {
                "första": g.nämnder[0].pk,
                "granskare": g.avdelningschef.pk,
                "attestant": g.direktör.pk,
                "remisser": pks,
                "nämnder": [n.pk for n in g.nämnder[:MED_UTLÅTANDEN]],
            },
        )
    Remiss.objects.filter(pk__in=pks).räkna_svar()
    with connection.cursor() as markör:
        # What autovacuum does on a live database after a bulk load.
        for modell in (Remiss, Remissinstans, Remisshändelse, Tjänsteutlåtande):
            markör.execute(f'VACUUM ANALYZE "{modell._meta.db_table}"')
        # The load's writes flushed now, not by a checkpoint in the middle of the timings.
        with contextlib.suppress(ProgrammingError):  # CHECKPOINT needs a superuser
            markör.execute("CHECKPOINT")
    return antal
