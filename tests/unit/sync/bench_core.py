"""Micro-benchmark of the sync core (not a test: run it by hand).

    .venv/bin/python tests/unit/sync/bench_core.py [changes]

Three devices write a realistic mix of changes (new contacts, edits of one to three fields,
logged interactions, now and then a delete or a merge), each publishing after one or two
actions and pulling the others' files now and then. Printed:

* ``apply_100k_s``: a fresh device pulling every one of those changes (scan, read, verify,
  apply), in seconds;
* ``publish_one_ms``: publishing a file of one edit (with fsync), median of 50, in ms;
* ``bytes_per_change``: sync-folder bytes per change for the mix, and for files of a
  single edit (the worst case).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dealjournal.sync.replica import Replica

FIRST = ["Anna", "Jonas", "Mia", "Lukas", "Sofia", "Elias", "Lea", "Noah", "Emma", "Paul"]
LAST = ["Lindqvist", "Schneider", "Moreau", "Rossi", "Novak", "Kowalski", "Jensen", "Garcia"]
STAGES = ["lead", "engaged", "opportunity", "customer", "advocate"]
NOTES = ["Asked for the pricing sheet", "Call back after the trade fair", "Wants a demo for the team",
         "Prefers email, not calls", "Budget approved for Q1", "Introduced me to their CFO"]


def action(rep: Replica, rng: random.Random, contacts: list[str]) -> None:
    r = rng.random()
    if r < 0.2 or len(contacts) < 5:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        contacts.append(rep.create("contact", {
            "name": f"{first} {last}", "email": f"{first.lower()}.{last.lower()}@example.com",
            "phone": f"+49151{rng.randint(10**7, 10**8 - 1)}", "stage": rng.choice(STAGES)}))
    elif r < 0.6:
        gid = rng.choice(contacts)
        for _ in range(rng.randint(1, 3)):
            f = rng.choice(["stage", "phone", "email", "next_step", "company"])
            value = {"stage": rng.choice(STAGES), "phone": f"+49151{rng.randint(10**7, 10**8 - 1)}",
                     "email": f"{rng.choice(FIRST).lower()}@example.org", "company": rng.choice(LAST) + " GmbH",
                     "next_step": f"2026-12-{rng.randint(1, 28):02d}"}[f]
            rep.edit(gid, f, value)
    elif r < 0.95:
        rep.create("interaction", {"contact": rng.choice(contacts), "kind": rng.choice(["call", "email", "meeting"]),
                                   "date": f"2026-11-{rng.randint(1, 30):02d}", "note": rng.choice(NOTES)})
    elif r < 0.98:
        rep.delete(rng.choice(contacts))
    else:
        a, b = rng.sample(contacts, 2)
        rep.merge(a, b, {})


def write_history(folder: Path, changes: int, seed: int = 1, per_file: tuple[int, int] = (1, 2)) -> int:
    """Three devices write about *changes* changes to *folder*; the number written."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    reps = [Replica(durable=False, randbits=random.Random(seed * 10 + i).getrandbits) for i in range(3)]
    contacts: list[str] = []
    written = 0
    while written < changes:
        i = rng.randrange(3)
        rep = reps[i]
        if rng.random() < 0.01:
            rep.pull(folder)
            contacts = sorted(set(contacts) | {g for g, rec in rep.state.values.items()
                                               if any(c[0] == "contact" for c in rec.get("_k", ()))})
        before = len(rep.state.batch_lines) if rep.state.batch_no is not None else 0
        for _ in range(rng.randint(*per_file)):
            action(rep, rng, contacts)
        written += len(rep.state.batch_lines) - before
        rep.publish(folder)
    return written


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(changes: int = 100_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        history = root / "history"
        n = write_history(history, changes)
        files = sum(1 for p in history.rglob("*.jsonl"))
        best = float("inf")
        for _ in range(3):
            fresh = Replica(durable=False)
            start, cpu = time.perf_counter(), time.process_time()
            report = fresh.pull(history)
            apply_s, apply_cpu = time.perf_counter() - start, time.process_time() - cpu
            assert report.changes == n and report.pending == 0, (report.changes, n, report.pending)
            best = min(best, apply_s)
            print(f"apply_100k_s: {apply_s:.2f}   (cpu {apply_cpu:.2f} s; {n} changes in {files} files, "
                  f"{n / apply_s:,.0f} changes/s)")

        start = time.perf_counter()
        fresh.pull(history)
        print(f"pull_again_s: {time.perf_counter() - start:.3f}   (nothing new: a scan)")

        publish = root / "publish"
        publish.mkdir()
        rep = Replica(durable=True)
        gid = rep.create("contact", {"name": "Anna Lindqvist"})
        rep.publish(publish)
        times = []
        for k in range(50):
            rep.edit(gid, "stage", STAGES[k % 5])
            start = time.perf_counter()
            rep.publish(publish)
            times.append((time.perf_counter() - start) * 1000)
        print(f"publish_one_ms: {statistics.median(times):.2f}   (max {max(times):.2f}, with fsync)")

        mix = root / "mix"
        m = write_history(mix, 20_000, seed=2)
        single = root / "single"
        s = write_history(single, 5_000, seed=3, per_file=(1, 1))
        one = root / "one-edit"
        one.mkdir()
        edits = Replica(durable=False)
        g = edits.create("contact", {"name": "Anna Lindqvist"})
        edits.publish(one)
        for k in range(2000):
            edits.edit(g, "stage", STAGES[k % 5])
            edits.publish(one)
        print(f"bytes_per_change: {folder_bytes(mix) / m:.1f}   (the mix, 1-2 actions a file)"
              f"; {folder_bytes(single) / s:.1f} (one action a file)"
              f"; {(folder_bytes(one) - 0) / 2001:.1f} (one edit a file)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
