"""Runs every benchmark: each module ``tests/benchmarks/bench_*.py`` has a ``main()``.

``make bench`` runs this against PostgreSQL; ``python -m tests.benchmarks NAME`` runs one.
The benchmarks create their own database (``<DATABASE_URL name>_bench``) and drop it after.
Each checks its figures through ``tests/benchmarks/mal.py``; the run exits with 1 when any
figure missed its target, after running them all.
"""

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv):
    namn = sorted(
        modul.name
        for modul in pkgutil.iter_modules([str(Path(__file__).parent)])
        if modul.name.startswith("bench_")
    )
    valda = [n for n in namn if not argv or n.removeprefix("bench_") in argv or n in argv]
    if not valda:
        print(f"Okänt benchmark. Finns: {', '.join(n.removeprefix('bench_') for n in namn)}")
        return 2
    from tests.benchmarks import mal

    for modulnamn in valda:
        print(f"== {modulnamn.removeprefix('bench_')} (belastning {mal.belastning()})")
        importlib.import_module(f"tests.benchmarks.{modulnamn}").main()
    print(f"belastning efteråt (1, 5, 15 min): {mal.belastning()}")
    if mal.missade:
        print(f"{len(mal.missade)} mål missade: {'; '.join(mal.missade)}")
        return 1
    print("Alla mål nådda.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
