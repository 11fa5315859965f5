"""The benchmarks' targets, checked in one place: every figure is printed with its target and
the baseline measured in the same run, and every miss is collected so that ``make bench``
exits non-zero.

``BENCH_MALSKALA`` scales every target towards "harder" (ceilings are multiplied by it, floors
divided by it): ``BENCH_MALSKALA=0.001`` makes every target impossible, which is how the test
proves a miss fails the run (tests/test_benchmarks.py).
"""

import os

SKALA = float(os.environ.get("BENCH_MALSKALA", "1"))
missade = []


def _tal(värde, enhet):
    if enhet == "ms":
        return f"{värde * 1000:.1f} ms"
    if enhet == "":
        return f"{värde:.2f}" if isinstance(värde, float) else str(värde)
    return f"{värde:.2f} {enhet}" if isinstance(värde, float) else f"{värde} {enhet}"


def _rapportera(vad, uppmätt, tecken, mål, baslinje, enhet, träffat):
    rad = f"{vad}: {_tal(uppmätt, enhet)} (mål {tecken} {_tal(mål, enhet)}"
    if baslinje is not None:
        namn, värde = baslinje
        rad += f"; {namn}: {_tal(värde, enhet) if isinstance(värde, int | float) else värde}"
    rad += ")"
    print(f"{rad} {'OK' if träffat else 'MISSAT'}")
    if not träffat:
        missade.append(vad)
    return träffat


def högst(vad, uppmätt, mål, baslinje=None, enhet="ms"):
    """A ceiling: ``uppmätt`` must be at most ``mål`` (seconds when ``enhet`` is ms).
    ``baslinje`` is ``(name, value)``, printed beside the figure."""
    mål = mål * SKALA if isinstance(mål, float) or SKALA >= 1 else int(mål * SKALA)
    return _rapportera(vad, uppmätt, "≤", mål, baslinje, enhet, uppmätt <= mål)


def minst(vad, uppmätt, mål, baslinje=None, enhet=""):
    """A floor: ``uppmätt`` must be at least ``mål``."""
    mål = mål / SKALA
    return _rapportera(vad, uppmätt, "≥", mål, baslinje, enhet, uppmätt >= mål)


def belastning():
    """The machine's load, printed with the figures: on a shared box it explains them."""
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())
