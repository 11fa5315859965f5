"""Opening and saving a 10-page tjänsteutlåtande in the editor, and comparing two 10-page
versions (issue 4, "Speed"). Server time: the request through Django's full stack (middleware,
permission gateway, queries, template) in a warm process against PostgreSQL, without network.
``python -m tests.benchmarks utlatande`` runs it alone."""

import statistics
import time

MÅL_ÖPPNA = 0.150  # seconds, median
MÅL_SPARA = 0.150
MÅL_JÄMFÖR = 0.200
VARV = 30
SIDOR = 10
TECKEN_PER_SIDA = 3500

STYCKE = (
    "Förvaltningen stödjer avgränsningen till fem prioriterade områden i den nya "
    "överenskommelsen och delar uppfattningen att de för skolan specifika intresseområdena "
    "kommer omhändertas i den nya strukturens formuleringar, med {n} lokala handlingsplaner "
    "som följs upp varje år av den stadsövergripande beredningsgruppen. "
)


def _text(avsnitt, tecken):
    """Paragraphs, a bullet list and a quotation: about ``tecken`` characters of body text."""
    delar, n = [], 0
    while sum(len(d) for d in delar) < tecken:
        n += 1
        if n % 7 == 0:
            delar.append("<ul>" + "".join(f"<li><p>Punkt {n}.{i}</p></li>" for i in range(5)))
            delar[-1] += "</ul>"
        elif n % 11 == 0:
            delar.append(f"<blockquote><p><em>Citat {n}</em> ur remissen.</p></blockquote>")
        else:
            delar.append(f"<p><strong>{avsnitt} {n}.</strong> {STYCKE.format(n=n) * 2}</p>")
    return "".join(delar)


def _median(funktion):
    funktion()  # warm caches and connections
    tider = []
    for varv in range(VARV):
        start = time.perf_counter()
        funktion(varv)
        tider.append(time.perf_counter() - start)
    return statistics.median(tider)


def _förbered():
    import datetime

    from nämnder.models import Nämnd
    from nämnder.roller import Roll
    from tests.factories import AnvändareFactory, NämndFactory, RemissFactory
    from yttranden.models import Tjänsteutlåtande

    ks = NämndFactory(namn="Kommunstyrelsen", diarieprefix="KS", typ=Nämnd.Typ.KOMMUNSTYRELSE)
    un = NämndFactory(namn="Utbildningsnämnden", diarieprefix="UN")
    handläggare = AnvändareFactory(username="joakim", roller=[(un, Roll.HANDLÄGGARE)])
    AnvändareFactory(username="ulrika", roller=[(un, Roll.AVDELNINGSCHEF)])
    AnvändareFactory(username="lena", roller=[(un, Roll.DIREKTÖR)])
    samordnare = AnvändareFactory(username="karin", roller=[(ks, Roll.REMISSAMORDNARE)])
    remiss = RemissFactory(
        nämnd=ks, skapad_av=samordnare, mottagare=[un],
        sista_svarsdatum=datetime.date.today() + datetime.timedelta(days=40),
    )  # fmt: skip
    remiss.skicka(av=samordnare)
    instans = remiss.instanser.get()
    instans.tilldela(handläggare, av=samordnare)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    per_avsnitt = SIDOR * TECKEN_PER_SIDA // utlåtande.sektioner.count()
    texter = {s.pk: (s.rubrik, _text(s.rubrik, per_avsnitt)) for s in utlåtande.sektioner.all()}
    utlåtande.spara(texter, utlåtande.versionsnummer, av=handläggare)
    return utlåtande, handläggare, texter


def main():
    from tests.benchmarks.databas import benchmarkdatabas

    with benchmarkdatabas():
        from django.test import Client
        from django.urls import reverse

        from tests.benchmarks import sidmatning
        from yttranden.formatering import text_av
        from yttranden.jamforelse import jämför

        sidmatning.använd_benchmarkadresser()
        utlåtande, handläggare, texter = _förbered()
        tecken = sum(len(text_av(html)) for _, html in texter.values())
        klient = Client()
        klient.force_login(handläggare)
        redigera = reverse("yttranden:redigera", args=[utlåtande.pk])
        spara = reverse("yttranden:spara", args=[utlåtande.pk])
        sektioner = list(utlåtande.sektioner.all())

        def öppna(varv=0):
            svar = klient.get(redigera)
            assert svar.status_code == 200

        def spara_ändring(varv=-1):
            utlåtande.refresh_from_db()
            data = {"grundad_på": utlåtande.versionsnummer}
            for nr, sektion in enumerate(sektioner):
                rubrik, html = texter[sektion.pk]
                if nr == varv % len(sektioner):
                    html = html.replace("lokala", f"lokala ({varv})", 1)
                data[f"rubrik_{sektion.pk}"], data[f"text_{sektion.pk}"] = rubrik, html
            svar = klient.post(spara, data, headers={"X-Autosparning": "1"})
            assert svar.status_code == 200, svar.content

        öppna_s = _median(öppna)
        spara_s = _median(spara_ändring)

        # Two 10-page versions that differ in a paragraph or two of every section.
        utlåtande.refresh_from_db()
        ändrat = {
            pk: (rubrik, html.replace("beredningsgruppen", "styrgruppen", 3).replace(
                "Punkt 7.2", "Punkt sju och två"))
            for pk, (rubrik, html) in texter.items()
        }  # fmt: skip
        före = utlåtande.versioner.first()
        efter = utlåtande.spara(ändrat, utlåtande.versionsnummer, av=handläggare)
        versioner = reverse("yttranden:versioner", args=[utlåtande.pk])

        def jämför_sidan(varv=0):
            svar = klient.get(versioner, {"från": före.nummer, "till": efter.nummer})
            assert svar.status_code == 200 and "<ins>" in svar.text

        jämför_s = _median(jämför_sidan)
        bar_s = sidmatning.bar(klient, VARV)
        bara_s = _median(lambda varv=0: jämför(före.innehåll, efter.innehåll))

    from tests.benchmarks import mal

    bar = ("bar vy", bar_s)
    mal.högst(f"Öppna utkast i redigeraren ({tecken // 1000}000 tecken ≈ {SIDOR} sidor), median",
              öppna_s, MÅL_ÖPPNA, bar)  # fmt: skip
    mal.högst("Spara utkastet (autosparning, ny version), median", spara_s, MÅL_SPARA, bar)
    mal.högst(f"Jämför två versioner om {SIDOR} sidor (versionssidan), median", jämför_s,
              MÅL_JÄMFÖR, ("själva jämförelsen (difflib)", bara_s))  # fmt: skip


if __name__ == "__main__":
    main()
