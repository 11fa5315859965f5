"""Render + seal of the 4-page tjänsteutlåtande in a warm process (issue 6, "Speed").

Measures, in one run: the median of our pipeline (template → WeasyPrint PDF/A-2b → pyHanko seal
→ SHA-256), of WeasyPrint alone on the same HTML with the project's own warm configuration (the
same stylesheet object, FontConfiguration, fetcher and options: the fair baseline) and of the
seal alone; the peak and growth
of resident memory over 200 consecutive renders; and the throughput of two processes against
one. Needs no database. ``python -m tests.benchmarks pdf`` runs it alone.
"""

import io
import multiprocessing
import os
import resource
import statistics
import time

MÅL_MEDIAN = 0.5  # seconds
MÅL_KVOT = 1.15  # our pipeline / WeasyPrint alone with the same warm configuration
MÅL_RSS = 300  # MiB
VARV = 30
SERIE = 200
PER_PROCESS = 16


def _förbered():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "remiss.settings")
    import django

    django.setup()
    from tests.yttranden.pdfhjalp import demosigill
    from tests.yttranden.seedtext import utbildningsnämndens_utlåtande

    return utbildningsnämndens_utlåtande(), demosigill()


def _rss_mib():
    with open("/proc/self/status") as status:
        for rad in status:
            if rad.startswith("VmRSS:"):
                return int(rad.split()[1]) / 1024
    return 0.0


def _weasyprint_ensam(html):
    """The fair baseline: WeasyPrint on the same HTML with exactly the project's warm setup
    (stylesheet parsed once, the one FontConfiguration, the same fetcher and PDF/A options)."""
    from yttranden.pdf import rendering

    return rendering.skriv_pdf(html)


def _försegla_ensam(dokument, pdf, sigill):
    from django.utils import timezone

    from yttranden.pdf.framstallning import _postort
    from yttranden.pdf.sigill import försegla

    attest = dokument.attester[-1]
    return försegla(
        pdf,
        förvaltning=dokument.brevhuvud.förvaltning,
        attesterad_av=attest.namn,
        attesterad=timezone.now(),
        plats=_postort(dokument.brevhuvud),
        sigill=sigill,
    )


def _tider(dokument, sigill):
    """Medians of: our whole pipeline, WeasyPrint alone (fair), and the seal alone."""
    from yttranden.pdf import rendering
    from yttranden.pdf.framstallning import skapa_signerad_pdf

    html = rendering.rendera_html(dokument)
    pdf = rendering.skriv_pdf(html)
    for _ in range(3):  # warm: fonts, stylesheet, key
        skapa_signerad_pdf(dokument, sigill=sigill)
        _weasyprint_ensam(html)
        _försegla_ensam(dokument, pdf, sigill)
    vår, ensam, sigill_tider = [], [], []
    for _ in range(VARV):  # interleaved, so all three see the same machine load
        start = time.perf_counter()
        skapa_signerad_pdf(dokument, sigill=sigill)
        vår.append(time.perf_counter() - start)
        start = time.perf_counter()
        _weasyprint_ensam(html)
        ensam.append(time.perf_counter() - start)
        start = time.perf_counter()
        _försegla_ensam(dokument, pdf, sigill)
        sigill_tider.append(time.perf_counter() - start)
    return statistics.median(vår), statistics.median(ensam), statistics.median(sigill_tider)


def _minne(dokument, sigill):
    from yttranden.pdf.framstallning import skapa_signerad_pdf

    prover = []
    for varv in range(1, SERIE + 1):
        skapa_signerad_pdf(dokument, sigill=sigill)
        if varv % 20 == 0:
            prover.append(_rss_mib())
    topp = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return topp, prover


def _arbetare(dokument, sigill, start, klara):
    from yttranden.pdf.framstallning import skapa_signerad_pdf

    skapa_signerad_pdf(dokument, sigill=sigill)  # warm in this process too
    start.wait()
    for _ in range(PER_PROCESS):
        skapa_signerad_pdf(dokument, sigill=sigill)
    klara.put(time.perf_counter())


def _genomströmning(dokument, sigill, antal):
    """Documents per second with ``antal`` forked processes (as Celery's prefork workers)."""
    ctx = multiprocessing.get_context("fork")
    start, klara = ctx.Barrier(antal + 1), ctx.Queue()
    processer = [
        ctx.Process(target=_arbetare, args=(dokument, sigill, start, klara)) for _ in range(antal)
    ]
    for process in processer:
        process.start()
    start.wait()
    början = time.perf_counter()
    slut = max(klara.get() for _ in processer)
    for process in processer:
        process.join()
    return antal * PER_PROCESS / (slut - början)


def main():
    from tests.benchmarks import mal

    dokument, sigill = _förbered()
    from pyhanko.pdf_utils.reader import PdfFileReader

    from yttranden.pdf.framstallning import skapa_signerad_pdf

    pdf = skapa_signerad_pdf(dokument, sigill=sigill).innehåll
    sidor = PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Count"]
    median, ensam, förseglingen = _tider(dokument, sigill)
    kvot = median / ensam
    en = _genomströmning(dokument, sigill, 1)
    två = _genomströmning(dokument, sigill, 2)
    topp, prover = _minne(dokument, sigill)
    tillväxt = prover[-1] - prover[1]

    print(f"dokument: UN-seeden, {sidor} sidor; {VARV} varv, median")
    print(f"WeasyPrint ensam, samma HTML och samma varma typsnitt/stilmall: {ensam * 1000:.0f} ms")
    print(f"försegling ensam (pyHanko, samma PDF): {förseglingen * 1000:.0f} ms")
    print(f"mall + rendering + försegling + SHA-256: {median * 1000:.0f} ms")
    baslinje = ("WeasyPrint ensam", ensam)
    mal.högst("rendera + försegla", median, MÅL_MEDIAN, baslinje)
    mal.högst("kvot rendera + försegla / WeasyPrint ensam", kvot, MÅL_KVOT, enhet="")
    mal.högst(f"topp-RSS över {SERIE} renderingar", topp, MÅL_RSS, enhet="MiB")
    print(
        f"RSS efter 40 / {SERIE}: {prover[1]:.0f} / {prover[-1]:.0f} MiB (tillväxt {tillväxt:+.0f})"
    )
    print(
        f"genomströmning 1 process: {en:.2f} dok/s, 2 processer: {två:.2f} dok/s ({två / en:.2f}×)"
    )
