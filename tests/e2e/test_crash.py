"""Crash safety: an import killed with SIGKILL at random moments loses or half-writes nothing.

A child process imports a 10,000-contact exchange file into a journal and is killed at a
random moment of the write (every sixth time: just after it, while the journal is being
closed); after every kill ``integrity_check`` must say ``ok`` and the
journal must hold exactly the contacts it held before, or those plus all 10,000.

The test suite runs 30 kills; for the full run::

    python tests/e2e/test_crash.py --kills 200

prints a summary (and exits 1 on the first violation).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

CONTACTS = 10_000
SUITE_KILLS = 30

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def write_exchange_file(path: Path, contacts: int = CONTACTS) -> None:
    """An exchange document of *contacts* contacts, each with an e-mail, a tag and an interaction."""
    doc = {
        "format": "dealjournal", "version": 1,
        "contacts": [{"id": f"c{i}", "name": f"Person {i}", "company": f"Company {i % 500}",
                      "notes": "met at the fair; follow up about pricing", "tags": ["crash-test"],
                      "emails": [{"label": "work", "value": f"person{i}@example.com"}]}
                     for i in range(contacts)],
        "interactions": [{"contact": f"c{i}", "at": "2026-01-05T10:00", "kind": "email", "direction": "out",
                          "summary": "intro"} for i in range(0, contacts, 4)],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")


def _child(journal: Path, source: Path) -> None:
    """Read *source*, wait for the parent's go, then import it into *journal*, saying when the write starts."""
    from dealjournal import interchange
    from dealjournal.store import close_journal, open_journal

    prepared = interchange.prepare_file(source)
    print("prepared", flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    open_journal(journal)
    print("ready", flush=True)
    interchange.import_prepared(prepared)
    print("done", flush=True)
    close_journal()


class _Child:
    """An importing process, started ahead so that reading the file is not part of each round."""

    def __init__(self, journal: Path, source: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, __file__, "--child", str(journal), str(source)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)

    def _expect(self, word: str) -> None:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if line.strip() != word:
            self.proc.kill()
            _, err = self.proc.communicate()
            raise AssertionError(f"the importing process failed (expected {word!r}): {err[-2000:]}")

    def go(self) -> None:
        """Let it open the journal; return when its write begins."""
        self._expect("prepared")
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        self._expect("ready")

    def wait_done(self) -> None:
        self._expect("done")

    def finish(self) -> None:
        self._expect("done")
        self.proc.communicate(timeout=60)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.communicate(timeout=60)


def inspect(journal: Path) -> tuple[str, int]:
    """(``integrity_check`` result, contact count) of *journal*, read the way a new process would."""
    conn = sqlite3.connect(journal)
    try:
        check = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check(10)"))
        count = conn.execute("SELECT count(*) FROM contact").fetchone()[0]
    finally:
        conn.close()
    return check, count


def run(folder: Path, kills: int, *, seed: int | None = None, log: bool = False) -> Counter[str]:
    """Kill *kills* imports at random moments; return how each ended. AssertionError on a violation."""
    rng = random.Random(seed)
    journal, source = folder / "journal.sqlite3", folder / "contacts.json"
    write_exchange_file(source)
    started = time.monotonic()
    child = _Child(journal, source)  # one undisturbed import measures how long the write takes
    child.go()
    t0 = time.monotonic()
    child.finish()
    write_time = time.monotonic() - t0
    check, count = inspect(journal)
    assert (check, count) == ("ok", CONTACTS)
    base = folder / "base.sqlite3"
    shutil.copyfile(journal, base)  # closed cleanly: the whole journal is in this one file
    outcomes: Counter[str] = Counter()
    following = _Child(journal, source)
    for n in range(1, kills + 1):
        child, following = following, None  # type: ignore[assignment]
        child.go()
        if n < kills:
            following = _Child(journal, source)  # reads the file while this one writes
        if n % 6:
            time.sleep(rng.uniform(0, write_time * 1.1))  # during the write or its commit
        else:
            child.wait_done()
            time.sleep(rng.uniform(0, 0.15))  # after the commit: closing, checkpointing, unlocking
        child.kill()
        check, after = inspect(journal)
        if check != "ok":
            raise AssertionError(f"kill {n}: integrity_check says {check!r}")
        if after not in (count, count + CONTACTS):
            raise AssertionError(f"kill {n}: {after} contacts; expected {count} or {count + CONTACTS}")
        outcomes["completed" if after != count else "rolled back"] += 1
        count = after
        if count >= 4 * CONTACTS:  # keep every round's journal (and its checks) the same size
            for side in (journal.with_name(journal.name + "-wal"), journal.with_name(journal.name + "-shm")):
                side.unlink(missing_ok=True)
            shutil.copyfile(base, journal)
            count = CONTACTS
        if log:
            print(f"kill {n:>4}: integrity ok, {after:,} contacts", flush=True)
    from dealjournal.store import close_journal, open_journal

    open_journal(journal, create=False)  # the killed writers' locks went with them
    close_journal()
    outcomes["seconds"] = round(time.monotonic() - started)
    outcomes["write_ms"] = round(write_time * 1000)
    return outcomes


def test_import_killed_at_random_moments_is_all_or_nothing(tmp_path: Path) -> None:
    outcomes = run(tmp_path, SUITE_KILLS, seed=int(os.environ.get("DEALJOURNAL_CRASH_SEED", "5")))
    assert outcomes["rolled back"] + outcomes["completed"] == SUITE_KILLS
    assert outcomes["rolled back"] > 0  # the kills did land inside the write


_UPGRADER = """
import sys, time
from dealjournal.store import close_journal, open_journal, schema

def slow_step(conn):
    conn.execute("ALTER TABLE contact ADD COLUMN nickname TEXT")
    print("upgrading", flush=True)
    for start in range(0, 2000, 100):  # slow on purpose, so that the kill lands inside
        conn.execute("UPDATE contact SET nickname = 'n-' || name WHERE id > ? AND id <= ?", (start, start + 100))
        time.sleep(0.01)

schema.STEPS = [*schema.STEPS, (schema.SCHEMA_VERSION + 1, slow_step)]
schema.SCHEMA_VERSION += 1
open_journal(sys.argv[1])
print("done", flush=True)
close_journal()
"""


def test_interrupted_upgrade_leaves_the_old_or_the_new_version(tmp_path: Path) -> None:
    from dealjournal import ops
    from dealjournal.store import close_journal, open_journal, schema

    journal = tmp_path / "j.sqlite3"
    open_journal(journal)
    for n in range(2000):
        ops.add_contact(f"Person {n}")
    close_journal()
    rng = random.Random(9)
    seen: Counter[str] = Counter()
    for attempt in range(6):
        proc = subprocess.Popen([sys.executable, "-c", _UPGRADER, str(journal)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "upgrading", proc.communicate()[1]
        if attempt < 5:
            time.sleep(rng.uniform(0, 0.25))
            proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        conn = sqlite3.connect(journal)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            columns = [r[1] for r in conn.execute("PRAGMA table_info(contact)")]
            if version == schema.SCHEMA_VERSION:
                assert "nickname" not in columns
                seen["old"] += 1
            else:
                assert version == schema.SCHEMA_VERSION + 1
                assert conn.execute("SELECT count(*) FROM contact WHERE nickname IS NULL").fetchone()[0] == 0
                seen["new"] += 1
                break
        finally:
            conn.close()
    assert seen["old"] >= 1 and seen["new"] == 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--child", nargs=2, metavar=("JOURNAL", "JSON"), help=argparse.SUPPRESS)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        _child(Path(args.child[0]), Path(args.child[1]))
        return 0
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dealjournal-crash-") as folder:
        try:
            outcomes = run(Path(folder), args.kills, seed=args.seed, log=args.verbose)
        except AssertionError as exc:
            print(f"FAILED: {exc}")
            return 1
    print(f"{args.kills} kills of a {CONTACTS:,}-contact import (write ≈ {outcomes['write_ms']} ms): "
          f"integrity_check ok after every kill; {outcomes['rolled back']} rolled back to the count before, "
          f"{outcomes['completed']} completed (+{CONTACTS:,}), none in between; {outcomes['seconds']} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
