"""A corpus of tjänsteutlåtanden for the search benchmark, generated from the seed texts.

Every seed is about one remiss (the samverkansöverenskommelse with the police), so the generator
gives each remiss a subject of its own from ``ÄMNEN`` and writes it into the borrowed sentences
where the seeds name theirs: most remisser are then about something else, as in a real diary,
and a search for one subject does not match every document. Sections are built from sentences
drawn from all the seeds, so no two documents are alike. The point is the search, not the
workflow, so the rows are written the fastest way: the few remisser with bulk_create, and the
hundred thousand remissinstanser, tjänsteutlåtanden and their 800,000 sections by PostgreSQL
itself (``INSERT … SELECT``, sentences drawn with ``random()`` after ``setseed``), a minute
where building the texts in Python and sending them took five.
"""

import datetime
import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
RUBRIKER = [
    "Förvaltningens förslag till beslut",
    "Sammanfattning",
    "Bakgrund",
    "Ärendet",
    "Ärendets beredning",
    "Förvaltningens synpunkter och förslag",
    "Konsekvenser för barns rättigheter samt jämställdhetsanalys",
    "Förslag till beslut",
]
ÄMNEN = [
    (
        "samverkansöverenskommelse",
        "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm",
    ),
    ("trafikstrategi", "Trafikstrategi för en växande stad"),
    ("cykelplan", "Cykelplan med åtgärder för säkrare cykelvägar"),
    ("äldreomsorgsprogram", "Program för äldreomsorg och hemtjänst"),
    ("klimathandlingsplan", "Klimathandlingsplan för ett fossilfritt Stockholm"),
    ("näringslivspolicy", "Näringslivspolicy för Stockholms stad"),
    ("bostadsförsörjningsprogram", "Riktlinjer för bostadsförsörjning"),
    ("digitaliseringsstrategi", "Strategi för digitalisering av stadens tjänster"),
    ("kulturstrategi", "Kulturstrategi och konstnärlig gestaltning"),
    ("idrottspolitiskt program", "Idrottspolitiskt program för ökad fysisk aktivitet"),
    ("vattenprogram", "Vattenprogram för Stockholms stad"),
    ("grönplan", "Grönplan för parker och naturområden"),
    ("skolplan", "Skolplan och lokalförsörjning för grundskolan"),
    ("folkhälsopolicy", "Folkhälsopolicy med mål för jämlik hälsa"),
    ("jämställdhetsplan", "Handlingsplan för jämställdhet i stadens verksamheter"),
    ("krisberedskapsprogram", "Program för krisberedskap och civilt försvar"),
    ("upphandlingspolicy", "Upphandlingspolicy med sociala hänsyn"),
    ("avfallsplan", "Avfallsplan för en cirkulär stad"),
    ("arkitekturprogram", "Arkitekturprogram för offentliga miljöer"),
    ("biblioteksplan", "Biblioteksplan för folkbiblioteken"),
    ("funktionshinderprogram", "Program för tillgänglighet och delaktighet"),
    ("integrationsprogram", "Integrationsprogram för nyanlända"),
    ("energiplan", "Energiplan med solceller på stadens tak"),
    ("parkeringspolicy", "Parkeringspolicy och avgifter för boendeparkering"),
]
_NAMNGIVNA = re.compile(r"samverkansöverenskommelse(n|rna|r)?", re.IGNORECASE)


def meningar():
    """Every sentence of at least six words in the four seeds, with their subject marked."""
    alla = []
    for fil in sorted(SEEDS.glob("*.txt")):
        text = re.sub(r"\s+", " ", fil.read_text(encoding="utf-8"))
        for mening in re.split(r"(?<=[.!?])\s+", text):
            if len(mening.split()) >= 6 and "@" not in mening and "http" not in mening:
                alla.append(_NAMNGIVNA.sub("{ämne}", mening))
    return alla


def _stycke(slump, källa, ämne, n):
    return " ".join(slump.choice(källa) for _ in range(n)).replace("{ämne}", ämne)


# One remissinstans per remiss and nämnd, in order, until ``antal`` are made; received with
# their remiss and answered.
INSTANSER_SQL = """
INSERT INTO "remiss_remissinstans" ("remiss_id", "nämnd_id", "diarienummer", "svarsdatum",
    "status", "mottagen", "avstår_motivering")
SELECT r."id", n."id",
    n."diarieprefix" || ' ' || extract(year FROM r."remissdatum") || '/' || nr."nr",
    r."sista_svarsdatum", 'besvarad', r."remissdatum", ''
FROM unnest(%(remisser)s::bigint[], %(nr)s::int[]) AS nr("id", "nr")
JOIN "remiss_remiss" r ON r."id" = nr."id"
CROSS JOIN unnest(%(nämnder)s::bigint[]) WITH ORDINALITY AS m("id", "k")
JOIN "nämnder_nämnd" n ON n."id" = m."id"
WHERE (nr."nr" - 1) * %(per_remiss)s + m."k" <= %(antal)s
"""
# One tjänsteutlåtande per instans, attested at the share ``andel``, else a draft.
UTLÅTANDEN_SQL = """
INSERT INTO "yttranden_tjänsteutlåtande" ("instans_id", "version", "status", "datum",
    "versionsnummer", "skapad", "skapad_av_id", "underrubrik", "handläggare_i_dokumentet")
SELECT i."id", 1, CASE WHEN random() < %(andel)s THEN 'attesterad' ELSE 'utkast' END,
    r."remissdatum" + (10 + floor(random() * 41))::int, 1, now(), %(av)s, '', '[]'::jsonb
FROM "remiss_remissinstans" i JOIN "remiss_remiss" r ON r."id" = i."remiss_id"
WHERE i."remiss_id" = ANY(%(remisser)s)
"""
# Eight sections per utlåtande: the proposals a fixed list naming the nämnd, the others two or
# three paragraphs of two to four sentences drawn from the seeds, about the remiss's subject.
# The subqueries name the outer row (``s."id"``) so that PostgreSQL draws anew for each section.
SEKTIONER_SQL = """
INSERT INTO "yttranden_sektion" ("utlåtande_id", "ordning", "rubrik", "html", "obligatorisk")
SELECT u."id", s."ordning", s."rubrik",
    CASE WHEN s."förslag" THEN
        '<ol><li>' || n."namn" || ' godkänner förvaltningens tjänsteutlåtande och överlämnar det '
        || 'till kommunstyrelsen som svar på remissen.</li>'
        || '<li>Beslutet justeras omedelbart.</li></ol>'
    ELSE (
        SELECT string_agg(CASE WHEN stycke > 0 THEN '<p>' || (
            SELECT string_agg(replace(
                (%(meningar)s::text[])[1 + floor(random() * %(antal_meningar)s)::int + 0 * mening],
                '{ämne}', ä."ämne"), ' ')
            FROM generate_series(1, 2 + floor(random() * 3)::int + 0 * stycke) AS mening
        ) || '</p>' END, '')
        FROM generate_series(1, 2 + floor(random() * 2)::int + 0 * u."id" + 0 * s."ordning")
            AS stycke
    ) END,
    true
FROM unnest(%(remisser)s::bigint[], %(ämnen)s::text[]) AS ä("remiss", "ämne")
JOIN "remiss_remissinstans" i ON i."remiss_id" = ä."remiss"
JOIN "nämnder_nämnd" n ON n."id" = i."nämnd_id"
JOIN "yttranden_tjänsteutlåtande" u ON u."instans_id" = i."id"
CROSS JOIN unnest(%(rubriker)s::text[], %(förslag)s::boolean[]) WITH ORDINALITY
    AS s("rubrik", "förslag", "ordning")
"""


def behållen(antal):
    """The people of a kept corpus of ``antal`` indexed utlåtanden (``BENCH_BEHALL=1``), or
    None when there is none to reuse."""
    from django.contrib.auth import get_user_model

    from remiss.models import Sökpost
    from tests.benchmarks.databas import behållen as behålls
    from yttranden.models import Tjänsteutlåtande

    if not behålls() or Tjänsteutlåtande.objects.count() != antal:
        return None
    if Sökpost.objects.filter(typ=Sökpost.Typ.TJÄNSTEUTLÅTANDE).count() != antal:
        return None
    folk = get_user_model().objects.in_bulk(
        ["bench-ks", "bench-handlaggare"], field_name="username"
    )
    return {"ks_läsare": folk["bench-ks"], "handläggare": folk["bench-handlaggare"]}


def skapa(antal, slump=None, instanser_per_remiss=29, andel_attesterade=0.7):
    """``antal`` tjänsteutlåtanden on ``antal / instanser_per_remiss`` remisser from KS, one per
    remissinstans, with their sections. Returns the people the benchmark searches as."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from nämnder.models import Nämnd
    from nämnder.roller import Roll, ge_roll
    from remiss.models import Remiss, Remissinstans
    from yttranden.models import Sektion, Tjänsteutlåtande

    slump = slump or random.Random(740)
    källa = meningar()
    ks = Nämnd.objects.create(
        namn="Kommunstyrelsen",
        kortnamn="KS",
        diarieprefix="KS",
        typ=Nämnd.Typ.KOMMUNSTYRELSE,
        förvaltning="Stadsledningskontoret",
    )
    nämnder = Nämnd.objects.bulk_create(
        Nämnd(
            namn=f"Nämnd {nr}",
            kortnamn=f"N{nr}",
            diarieprefix="N" + "ABCDEFGHIJ"[nr // 10] + "ABCDEFGHIJ"[nr % 10],
            typ=Nämnd.Typ.FACKNÄMND,
            förvaltning=f"Förvaltning {nr}",
        )
        for nr in range(instanser_per_remiss)
    )
    Användare = get_user_model()
    skapare = Användare.objects.create(username="bench-skapare")
    ks_läsare = Användare.objects.create(username="bench-ks")
    ge_roll(ks_läsare, ks, Roll.LÄSARE, av=None, källa="mätdata")
    handläggare = Användare.objects.create(username="bench-handlaggare")
    ge_roll(handläggare, nämnder[0], Roll.HANDLÄGGARE, av=None, källa="mätdata")

    antal_remisser = -(-antal // instanser_per_remiss)
    remisser = Remiss.objects.bulk_create(
        Remiss(
            nämnd=ks,
            diarienummer=f"KS {2015 + nr % 10}/{100 + nr}",
            titel=ÄMNEN[nr % len(ÄMNEN)][1],
            beskrivning=_stycke(slump, källa, ÄMNEN[nr % len(ÄMNEN)][0], 2),
            remissdatum=datetime.date(2015 + nr % 10, 1 + nr % 12, 1 + nr % 28),
            sista_svarsdatum=datetime.date(2015 + nr % 10, 1 + nr % 12, 1 + nr % 28)
            + datetime.timedelta(days=60),
            status=Remiss.Status.AVSLUTAD,
            skapad_av=skapare,
        )
        for nr in range(antal_remisser)
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [slump.random()])
        cursor.execute(
            INSTANSER_SQL,
            {
                "remisser": [r.pk for r in remisser],
                "nr": list(range(1, len(remisser) + 1)),
                "nämnder": [n.pk for n in nämnder],
                "per_remiss": instanser_per_remiss,
                "antal": antal,
            },
        )
        cursor.execute(
            UTLÅTANDEN_SQL,
            {"remisser": [r.pk for r in remisser], "andel": andel_attesterade, "av": skapare.pk},
        )
        cursor.execute(
            SEKTIONER_SQL,
            {
                "remisser": [r.pk for r in remisser],
                "ämnen": [ÄMNEN[nr % len(ÄMNEN)][0] for nr in range(len(remisser))],
                "meningar": källa,
                "rubriker": RUBRIKER,
                "förslag": [r.startswith(("Förvaltningens", "Förslag till")) for r in RUBRIKER],
                "antal_meningar": len(källa),
            },
        )
        for modell in (Remiss, Remissinstans, Tjänsteutlåtande, Sektion):
            cursor.execute(f'VACUUM ANALYZE "{modell._meta.db_table}"')
    return {"ks_läsare": ks_läsare, "handläggare": handläggare}
