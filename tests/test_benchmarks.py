"""`make bench` fails when a figure misses its target: the runner exits non-zero, after printing
each figure with its target and baseline. Run on a small data set (20 remisser) so it is quick;
``BENCH_MALSKALA`` makes every target impossibly strict, or generous."""

import os
import subprocess
import sys
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]


def _kör_benchmark(målskala):
    miljö = {
        **os.environ,
        "BENCH_REMISSER": "20",
        "BENCH_VARV": "3",
        "BENCH_MALSKALA": målskala,
        "BENCH_DATABAS": f"remiss_benchprov_{os.getpid()}",
    }
    return subprocess.run(
        [sys.executable, "-m", "tests.benchmarks", "remisser"],
        cwd=ROT,
        env=miljö,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_benchmark_whose_target_is_impossibly_low_fails_the_run():
    körning = _kör_benchmark("0.000001")
    assert körning.returncode == 1, körning.stdout + körning.stderr
    assert "MISSAT" in körning.stdout and "mål missade" in körning.stdout
    assert "bar vy:" in körning.stdout  # the baseline is printed beside each figure


def test_the_same_benchmark_with_generous_targets_passes():
    körning = _kör_benchmark("1000")
    assert körning.returncode == 0, körning.stdout + körning.stderr
    assert "Alla mål nådda." in körning.stdout and "MISSAT" not in körning.stdout
