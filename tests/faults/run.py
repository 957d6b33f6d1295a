"""The fault suite's long version, with its figures.

    python tests/faults/run.py [--kills 500] [--seed S] [--skip-writers] [--verbose]

Runs what the normal test run does, with more kills: *--kills* kill -9 rounds shared out
among a JSON import, a vCard import and an mbox capture (test_kills.py), every disk-full
case (test_disk_full.py, on a tmpfs where it can mount one, else simulated), every
malformed input (test_malformed.py) and the two-writers-and-a-window scenario
(test_writers.py). Prints what went wrong, if anything, then one line per figure::

    kills N partial 0 corrupt 0
    disk_full_cases N changed_journals 0
    malformed_cases N crashes 0

(and the lines ``disk_full_mode``, ``malformed_over_memory``, ``writers``). Exits 1 when
any case failed. The user's own folders are never touched: XDG_* point into a temporary
folder for the run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--skip-writers", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="say how every kill round ended")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dealjournal-faults-") as tmp:
        root = Path(tmp)
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[var] = str(root / "home" / var.lower())
        os.environ.pop("DEALJOURNAL_DB", None)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return _run(root, args)


def _run(root: Path, args: argparse.Namespace) -> int:
    import faultlib
    import test_disk_full
    import test_kills
    import test_malformed
    import test_writers

    failed = False
    lines: list[str] = []

    started = time.monotonic()
    seed = args.seed if args.seed is not None else test_kills.seed()
    kills = test_kills.run_parallel(root / "kills", test_kills.split(args.kills), seed=seed, log=args.verbose)
    for k in kills:
        print(f"kill -9 during {k.op}: {k.kills} kills ({dict(k.ends)}; {dict(sorted(k.by_moment.items()))}), "
              f"write ≈ {k.write_ms} ms, {k.seconds:.0f} s")
        for problem in k.problems:
            print(f"  {problem}")
    partial, corrupt = sum(k.partial for k in kills), sum(k.corrupt for k in kills)
    failed |= bool(partial or corrupt)
    lines.append(f"kills {sum(k.kills for k in kills)} partial {partial} corrupt {corrupt}")

    inputs = test_disk_full.make_inputs(root / "disk-inputs")
    changed = bad = 0
    for case in test_disk_full.CASES:
        result = test_disk_full.run_case(case, inputs, root / "disk" / case.name)
        message = result.run.stderr.strip().splitlines()[-1:] or [""]
        print(f"disk full, {case.name}: exit {result.run.code}, {message[0][:150]!r}"
              + (f" — {result.problems}" if result.problems else ""))
        changed += result.changed
        bad += bool(result.problems)
    failed |= bool(bad)
    lines.append(f"disk_full_mode {test_disk_full.MODE} failed_cases {bad}")
    lines.append(f"disk_full_cases {len(test_disk_full.CASES)} changed_journals {changed}")

    outcomes = test_malformed.run_all(root / "malformed")
    crashes = over = 0
    for o in outcomes.values():
        crashed = o.run.crashed or o.run.timed_out
        crashes += crashed
        over += o.run.peak_mb > faultlib.MEMORY_BOUND_MB
        if o.problems or args.verbose:
            print(f"malformed {o.case}: exit {o.run.code}, {o.run.peak_mb:.0f} MB — {o.problems or 'ok'}"
                  + (f" {o.run.stderr.strip()[-300:]!r}" if o.problems else ""))
    failed |= any(o.problems for o in outcomes.values())
    peak = max(o.run.peak_mb for o in outcomes.values())
    lines.append(f"malformed_over_memory {over} (bound {faultlib.MEMORY_BOUND_MB} MB, "
                 f"highest {peak:.0f} MB)")
    lines.append(f"malformed_cases {len(outcomes)} crashes {crashes}")

    if not args.skip_writers:
        writers, window, problems = test_writers.run_writers(root / "writers")
        for problem in problems:
            print(f"writers: {problem}")
        failed |= bool(problems)
        acked = len(window) + sum(len(w.acked) for w in writers)
        refused = sum(len(w.refused) for w in writers)
        lines.append(f"writers acknowledged {acked} refused {refused} problems {len(problems)}")

    print(f"({time.monotonic() - started:.0f} s)")
    print("\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
