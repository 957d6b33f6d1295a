"""Figures of sync (issue 14), run by bench.py (or alone: ``python tests/perf/sync_figures.py``).

``sync_apply_100k_s``: a fresh device (an empty journal) running one ``sync`` pass over a sync
folder holding 100,000 changes that three devices wrote (new contacts with e-mails, edits of one
to three fields, logged interactions, now and then a delete), end to end: its first publish,
the scan, reading and verifying every file, the merge, every row written to the journal, the
touch data and the sync state saved, in one transaction. Goal: ≤ 2 s.

``sync_floor_s``, measured in the same run on the same folder: only reading every file, parsing
every line as JSON and inserting one row per line into a plain SQLite table in one
transaction — what no sync can skip. ``sync_apply_vs_floor_ratio`` is the pass over that floor,
a figure that holds on a slower or faster machine.

``sync_publish_ms``: after one contact edit in that journal (``ops.edit_contact``), the
publishing part of a pass (the dirty record compared with the state, the change file written
with fsync, the state saved); median of 20. Goal: ≤ 20 ms.

``sync_folder_bytes_per_change``: the sync folder's bytes per change line when a journal is used
as through the command line, publishing after every action (add a contact with an e-mail, log
an interaction, change a stage, a company, …). Goal: ≤ 120.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FIRST = ["Anna", "Jonas", "Mia", "Lukas", "Sofia", "Elias", "Lea", "Noah", "Emma", "Paul"]
LAST = ["Lindqvist", "Schneider", "Moreau", "Rossi", "Novak", "Kowalski", "Jensen", "Garcia"]
STAGES = ["lead", "engaged", "opportunity", "customer", "advocate"]
NOTES = ["Asked for the pricing sheet", "Call back after the trade fair", "Wants a demo for the team",
         "Prefers email, not calls", "Budget approved for Q1", "Introduced me to their CFO"]


def write_history(folder: Path, changes: int, seed: int = 1) -> int:
    """Three devices write about *changes* changes (records as the journal maps them) to *folder*."""
    from dealjournal.store.gids import new_gid
    from dealjournal.sync.replica import Replica

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    reps = [Replica(durable=False, randbits=random.Random(seed * 10 + i).getrandbits) for i in range(3)]
    contacts: list[str] = []
    written = 0
    while written < changes:
        rep = reps[rng.randrange(3)]
        if rng.random() < 0.01:
            rep.pull(folder)
        before = len(rep.state.batch_lines) if rep.state.batch_no is not None else 0
        for _ in range(rng.randint(1, 2)):
            r = rng.random()
            if r < 0.2 or len(contacts) < 5:
                first, last = rng.choice(FIRST), rng.choice(LAST)
                gid = rep.create("contact", {"name": f"{first} {last}", "stage": rng.choice(STAGES), "notes": "",
                                             "buying_style": "unknown", "created_on": "2026-11-02", "archived": False},
                                 gid=new_gid())
                contacts.append(gid)
                rep.create("email", {"contact": gid, "label": "work",
                                     "value": f"{first.lower()}.{last.lower()}@example.com"}, gid=new_gid())
            elif r < 0.55:
                gid = rng.choice(contacts)
                for _ in range(rng.randint(1, 3)):
                    f = rng.choice(["stage", "company", "location", "cadence_days"])
                    value: Any = {"stage": rng.choice(STAGES), "company": rng.choice(LAST) + " GmbH",
                                  "location": rng.choice(["Berlin", "Paris", "Rome"]),
                                  "cadence_days": rng.choice([7, 14, 30])}[f]
                    rep.edit(gid, f, value)
            elif r < 0.98:
                rep.create("interaction", {"contact": rng.choice(contacts), "kind": rng.choice(["call", "email"]),
                                           "direction": rng.choice(["in", "out"]),
                                           "at": f"2026-11-{rng.randint(1, 30):02d}T{rng.randint(8, 18):02d}:00",
                                           "summary": rng.choice(NOTES), "details": "", "follow_up_done": False},
                                 gid=new_gid())
            else:
                rep.delete(rng.choice(contacts))
        written += len(rep.state.batch_lines) - before
        rep.publish(folder)
    return written


def _fresh_journal(path: Path) -> None:
    from dealjournal.store import close_journal, open_journal

    close_journal()
    open_journal(path, create=True)


def measure_apply(root: Path, changes: int = 100_000) -> tuple[float, float, Path, Path]:
    from dealjournal.store import db
    from dealjournal.sync import journal

    history = root / "history"
    n = write_history(history, changes)
    journal_path = root / "fresh.sqlite3"
    _fresh_journal(journal_path)
    start, cpu = time.perf_counter(), time.process_time()
    report = journal.sync(history, "fresh")
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert report.applied_changes == n and report.waiting == 0, (report.applied_changes, n, report.waiting)
    rows = db.connection().execute("SELECT count(*) FROM interaction").fetchone()[0]
    assert rows > 0
    return wall, cpu, history, journal_path


def measure_floor(folder: Path, root: Path) -> float:
    """Read, parse and store every change line of *folder*, nothing more (see the module doc)."""
    import json
    import sqlite3

    root.mkdir()
    start = time.perf_counter()
    conn = sqlite3.connect(root / "floor.sqlite3")
    conn.execute("CREATE TABLE line (gid TEXT, field TEXT, value TEXT, stamp TEXT)")
    with conn:
        for path in sorted(folder.rglob("*.jsonl")):
            lines = path.read_bytes().splitlines()[1:-1]
            conn.executemany("INSERT INTO line VALUES (?, ?, ?, ?)",
                             ((g, f, json.dumps(v), t) for g, f, v, t, *_ in map(json.loads, lines)))
    conn.close()
    return time.perf_counter() - start


def measure_publish(folder: Path, runs: int = 20) -> float:
    from dealjournal import ops
    from dealjournal.store import db
    from dealjournal.sync import journal

    cid = db.connection().execute("SELECT id FROM contact ORDER BY id LIMIT 1").fetchone()[0]
    times = []
    for k in range(runs):
        ops.edit_contact(cid, company=f"Company {k}")
        start = time.perf_counter()
        report = journal.publish(folder)
        times.append((time.perf_counter() - start) * 1000)
        assert report.published_changes == 1, report
    return statistics.median(times)


def measure_bytes(root: Path, actions: int = 400) -> float:
    from dealjournal import ops
    from dealjournal.sync import journal

    folder = root / "bytes"
    folder.mkdir()
    _fresh_journal(root / "bytes.sqlite3")
    journal.sync(folder, "laptop")
    start = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    rng = random.Random(5)
    ids: list[int] = []
    changes = 0
    for k in range(actions):
        r = rng.random()
        if r < 0.25 or not ids:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            ids.append(ops.add_contact(f"{first} {last} {k}", emails=[("work", f"{first}.{last}@example.com")]).id)
        elif r < 0.7:
            ops.log_interaction(rng.choice(ids), kind="call", direction="out", summary=rng.choice(NOTES))
        elif r < 0.85:
            ops.set_stage(rng.choice(ids), rng.choice(STAGES))
        else:
            ops.edit_contact(rng.choice(ids), company=rng.choice(LAST) + " GmbH")
        changes += journal.publish(folder).published_changes
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) - start
    return total / changes


def measure_sync(bench: Any = None) -> list[tuple[str, Any, str]]:
    from dealjournal.store import close_journal

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        try:
            wall, cpu, history, _ = measure_apply(root)
            floor = min(measure_floor(history, root / f"floor{k}") for k in range(3))
            publish_ms = measure_publish(history)
            per_change = measure_bytes(root)
        finally:
            close_journal()
    return [("sync_apply_100k_s", round(wall, 2), "s"), ("sync_apply_100k_cpu_s", round(cpu, 2), "s"),
            ("sync_floor_s", round(floor, 2), "s"), ("sync_apply_vs_floor_ratio", round(wall / floor, 1), "x"),
            ("sync_publish_ms", round(publish_ms, 1), "ms"),
            ("sync_folder_bytes_per_change", round(per_change, 1), "B")]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for name, value, unit in measure_sync():
        print(name, value, unit)
