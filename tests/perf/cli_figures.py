"""Figures of the command line's start (issue 16), run by bench.py.

``report_health_heavy_s``: ``python -m dealjournal report health --db JOURNAL --json`` end to
end, in a subprocess as a user or a script runs it: Python's start, the imports, opening the
journal, every contact's health, the JSON written (to /dev/null). Median of 3 after a
warm-up; the warm-up runs the day's ``quick_check`` if it is due, so the timed runs show the
command as it starts on every other run of the day (the bench says so if the check stayed due).
The warm-up's output is checked against ``json.dumps(report(...), indent=2)`` in this process.
Goal: ≤ 1.5 s on the heavy journal. ``report_health_heavy_cpu_s`` is the same runs' processor
time (user + system, median): what the wall time would be on an idle machine, so that a busy
one shows as the difference.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench import ROOT, Bench, progress

RUNS = 3


def _journal(bench: Bench) -> Path:
    from dealjournal import interchange
    from dealjournal.store import close_journal, open_journal

    if not bench.journal.exists():  # run alone (--only cli): import the document first
        progress("importing the document for the command line's figure")
        open_journal(bench.journal)
        interchange.import_file(bench.document)
    close_journal()  # this process must not hold the journal's lock while the command runs
    return bench.journal


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _run(command: list[str], out: Any, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, env=env, timeout=600)
    return time.perf_counter() - start, done


def measure_cli(bench: Bench) -> list[tuple[str, Any, str]]:
    from dealjournal.health import rules
    from dealjournal.store import close_journal, open_journal
    from dealjournal.store.db import check_is_due

    journal = _journal(bench)
    env = {key: value for key, value in os.environ.items() if key != "DEALJOURNAL_DB"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    command = [sys.executable, "-m", "dealjournal", "report", "health", "--db", str(journal), "--json"]
    with tempfile.TemporaryFile() as first:
        progress("report health --json in a subprocess: a warm-up (the day's quick_check if due)")
        seconds, done = _run(command, first, env)
        if done.returncode != 0:
            bench.failures.append(f"cli: report health exited {done.returncode}: {done.stderr[-500:]!r}")
            return []
        progress(f"warm-up {seconds:.2f} s")
        first.seek(0)
        text = first.read().decode("utf-8")
    if check_is_due(journal):
        bench.failures.append("cli: quick_check is still due after the warm-up (the timed runs would check)")
    doc = json.loads(text)
    open_journal(journal, check=False)
    expected = json.dumps(rules.report(date.fromisoformat(doc["as_of"])), ensure_ascii=False, indent=2) + "\n"
    close_journal()
    if text != expected:
        bench.failures.append("cli: report health --json differs from json.dumps of the health report")
    progress(f"report health --json for {len(doc['contacts']):,} contacts, median of {RUNS}")
    times, cpu = [], []
    with open(os.devnull, "wb") as devnull:
        for _ in range(RUNS):
            before = _cpu()
            seconds, done = _run(command, devnull, env)
            if done.returncode != 0:
                bench.failures.append(f"cli: report health exited {done.returncode}: {done.stderr[-500:]!r}")
                return []
            times.append(seconds)
            cpu.append(_cpu() - before)
    progress("runs: " + ", ".join(f"{t:.2f} s ({c:.2f} s processor)" for t, c in zip(times, cpu)))
    return [("report_health_heavy_s", round(statistics.median(times), 3), "s"),
            ("report_health_heavy_cpu_s", round(statistics.median(cpu), 3), "s")]
