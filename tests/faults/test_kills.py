"""kill -9 at random moments of ``dealjournal import`` (a JSON file, a vCard file) and
``dealjournal capture`` (an mbox): the journal is sound and the import wholly there or wholly
absent after every kill.

Each round runs the real command (``cli.main``) in a child process — a fork of the worker,
which has imported everything once, so that Python's start-up is not part of the round — on
a journal reset to a known state, and kills it with SIGKILL at a random moment:

- one round in five anywhere from the start of the command (reading the file, opening the
  journal, the backup taken before the import, the write, closing);
- three in five during the write: after the backup before it, within 1.1 × the write's
  measured length;
- one in five after the command returned, while the journal is closed (optimize,
  checkpoint, unlock).

One round in eight starts with no journal at all (the command creates it). After every kill
the journal must pass ``PRAGMA integrity_check``, open with Deal Journal and pass
``dealjournal check`` (derived data included); each user table must hold exactly the
rows it held before or exactly those of an undisturbed run ("partial" otherwise); every
backup the folder shows must pass its check. A kill that comes after the child had exited
is not counted (it is tried again).

The three operations run in parallel worker processes (``python test_kills.py --worker``).
``python tests/faults/run.py --kills 500`` is the long version.
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
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import faultlib

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

OPERATIONS = ("json", "contacts", "capture")
SUITE_KILLS = {"json": 34, "contacts": 34, "capture": 34}  # 102 in the normal run
SIZES = {"json": 1200, "contacts": 800, "capture": 600}  # contacts; contacts; messages
BASE_CONTACTS = 300


# --- the inputs --------------------------------------------------------------------------------

def write_exchange_file(path: Path, contacts: int, prefix: str = "Person") -> None:
    """An exchange document of *contacts* contacts, each with an e-mail, a tag and a note; an
    interaction for every fourth."""
    doc = {
        "format": "dealjournal", "version": 1,
        "contacts": [{"id": f"c{i}", "name": f"{prefix} {i}", "company": f"Company {i % 500}",
                      "notes": "met at the fair; follow up about pricing", "tags": ["crash-test"],
                      "emails": [{"label": "work", "value": f"{prefix.lower()}{i}@example.com"}]}
                     for i in range(contacts)],
        "interactions": [{"contact": f"c{i}", "at": "2026-01-05T10:00", "kind": "email", "direction": "out",
                          "summary": "intro"} for i in range(0, contacts, 4)],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")


def write_vcards(path: Path, cards: int) -> None:
    """*cards* vCards 3.0, each with a name, an e-mail, a phone, a company and a note."""
    with path.open("w", encoding="utf-8", newline="") as out:
        for i in range(cards):
            out.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card Person {i}\r\nN:Person {i};Card;;;\r\n"
                      f"EMAIL;TYPE=work:card{i}@example.org\r\nTEL;TYPE=cell:+49 30 {1_000_000 + i}\r\n"
                      f"ORG:Firm {i % 300}\r\nNOTE:met at the fair\\, call back\r\nCATEGORIES:kill-test\r\n"
                      "END:VCARD\r\n")


def write_input(op: str, folder: Path, size: int) -> Path:
    if op == "json":
        path = folder / "import.json"
        write_exchange_file(path, size)
    elif op == "contacts":
        path = folder / "contacts.vcf"
        write_vcards(path, size)
    else:
        from tests.perf.make_mbox import write_mbox

        path = folder / "All mail.mbox"
        write_mbox(path, size, seed=7)
    return path


def command(op: str, source: Path, journal: Path) -> list[str]:
    if op == "capture":
        return ["capture", str(source), "--me", faultlib.ME, "--add-unknown", "--db", str(journal)]
    return ["import", str(source), "--db", str(journal)]


# --- the child: the real command, with marks at the start of the write and of the close -----------

def _prepare() -> None:
    """Import what the commands need, once, in the worker: each child is a fork of it (so a
    round does not pay for Python's start-up, and the kill can come at any moment of the command)."""
    import dealjournal.store  # noqa: F401
    from dealjournal import (  # noqa: F401
        capture,
        contact_import,
        conversations,
        importers,
        interchange,
    )
    from dealjournal.cli import main  # noqa: F401
    from dealjournal.safety import backup  # noqa: F401


def _child(argv: list[str], marks: int, err: Path) -> None:
    """In the forked child: run ``cli.main(argv)`` and exit with its status.

    ``backup_before`` (the last step before an import's or a capture's write) writes
    "writing" to the *marks* pipe when it returns; the ``close_journal`` that ``cli.main``
    calls last writes "closing".
    """
    code = 70
    try:
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)
        log = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(log, 2)
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 - the fork's own streams
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115

        import dealjournal.store
        from dealjournal.cli import main as cli_main
        from dealjournal.safety import backup

        before, close = backup.backup_before, dealjournal.store.close_journal

        def backup_before(*args, **kwargs):  # type: ignore[no-untyped-def]
            made = before(*args, **kwargs)
            os.write(marks, b"writing\n")
            return made

        def close_journal(*args, **kwargs):  # type: ignore[no-untyped-def]
            os.write(marks, b"closing\n")
            return close(*args, **kwargs)

        backup.backup_before = backup_before  # type: ignore[assignment]
        dealjournal.store.close_journal = close_journal  # type: ignore[assignment]
        code = cli_main(argv)
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # noqa: BLE001 - report it, whatever it is, and leave the fork
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
    finally:
        os._exit(code)


class Child:
    """``dealjournal ARGV`` in a fork of this process, with the moments its write and its
    close begin."""

    def __init__(self, argv: list[str], folder: Path) -> None:
        assert "--db" in argv  # never the user's own journal
        self.err = folder / "child.err"
        read, write = os.pipe()
        self.marks: dict[str, float] = {}
        self.code: int | None = None
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - the child
            os.close(read)
            _child(argv, write, self.err)
        os.close(write)
        self.marks["go"] = time.monotonic()
        self.pipe = os.fdopen(read, "rb", buffering=0)

    def _read_mark(self) -> bool:
        line = self.pipe.readline()
        if not line:
            return False
        self.marks.setdefault(line.decode().strip(), time.monotonic())
        return True

    def wait_for(self, word: str) -> float:
        while word not in self.marks:
            if not self._read_mark():
                raise AssertionError(f"the child ended before {word!r}: {self.stderr()}")
        return self.marks[word]

    def finish(self) -> int:
        while self._read_mark():
            pass
        _, status = os.waitpid(self.pid, 0)
        self.marks["exit"] = time.monotonic()
        self.code = os.waitstatus_to_exitcode(status)
        self.pipe.close()
        return self.code

    def kill(self) -> bool:
        """SIGKILL; whether the process was still running when it came."""
        done, status = os.waitpid(self.pid, os.WNOHANG)
        if done == 0:
            os.kill(self.pid, signal.SIGKILL)
            _, status = os.waitpid(self.pid, 0)
        self.code = os.waitstatus_to_exitcode(status)
        self.pipe.close()
        return done == 0 and self.code == -signal.SIGKILL

    def stderr(self) -> str:
        try:
            return self.err.read_text(errors="replace")[-3000:]
        except OSError:
            return ""


# --- one operation, killed again and again ------------------------------------------------------

@dataclass
class Outcome:
    op: str
    kills: int = 0
    partial: int = 0
    corrupt: int = 0
    ends: Counter[str] = field(default_factory=Counter)  # rolled back / completed / missed
    by_moment: Counter[str] = field(default_factory=Counter)  # "write: rolled back", …
    problems: list[str] = field(default_factory=list)
    write_ms: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, object]:
        return {"op": self.op, "kills": self.kills, "partial": self.partial, "corrupt": self.corrupt,
                "ends": dict(self.ends), "by_moment": dict(self.by_moment), "problems": self.problems[:20],
                "write_ms": self.write_ms, "seconds": round(self.seconds, 1)}


def _reset(journal: Path, base: Path | None) -> None:
    """No journal at *journal* (nor its -wal, -shm, lock, check record, backups); then a copy of *base*."""
    for path in journal.parent.glob(journal.name + "*"):
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    if base is not None:
        shutil.copyfile(base, journal)


def _bad_backups(journal: Path) -> list[str]:
    from dealjournal.store.backup_files import backup_files, check_file

    folder = journal.with_name(journal.name + ".backups")
    return [f"{path.name}: {problems[0]}" for path in backup_files(folder) if (problems := check_file(path))]


def run_operation(op: str, folder: Path, kills: int, *, seed: int, size: int | None = None,
                  log: bool = False) -> Outcome:
    """Kill *kills* runs of *op* at random moments; how they ended."""
    started = time.monotonic()
    _prepare()
    rng = random.Random(f"{op}-{seed}")
    folder.mkdir(parents=True, exist_ok=True)
    source = write_input(op, folder, size or SIZES[op])
    journal, base = folder / "journal.sqlite3", folder / "base.sqlite3"
    seed_file = folder / "base.json"
    _reset(base, None)
    write_exchange_file(seed_file, BASE_CONTACTS, prefix="Known")
    made = faultlib.dealjournal("import", seed_file, "--db", base, folder=folder)
    assert made.code == 0, str(made)
    shutil.rmtree(base.with_name(base.name + ".backups"), ignore_errors=True)

    # Undisturbed runs from both starting points: what "wholly there" means, and how long each phase takes.
    expected: dict[bool, tuple[tuple[int, ...], tuple[int, ...]]] = {}
    phases: dict[str, float] = {}
    for fresh in (False, True):
        _reset(journal, None if fresh else base)
        before = faultlib.counts(journal)
        child = Child(command(op, source, journal), folder)
        code = child.finish()
        assert code == 0, f"an undisturbed {op} failed: {child.marks} {child.stderr()}"
        m = child.marks
        assert m["go"] <= m["writing"] <= m["closing"] <= m["exit"], m
        after = faultlib.counts(journal)
        assert after != before, f"an undisturbed {op} wrote nothing"
        expected[fresh] = (before, after)
        if not fresh:
            phases = {"total": m["exit"] - m["go"], "write": m["closing"] - m["writing"],
                      "close": m["exit"] - m["closing"]}
    outcome = Outcome(op, write_ms=round(phases["write"] * 1000))

    n = 0
    while outcome.kills < kills:
        n += 1
        fresh = n % 8 == 0
        _reset(journal, None if fresh else base)
        before, after = expected[fresh]
        child = Child(command(op, source, journal), folder)
        roll = rng.random()
        if roll < 0.2:
            moment = "anywhere"
            time.sleep(rng.uniform(0, phases["total"]))
        elif roll < 0.8:
            moment = "write"
            child.wait_for("writing")
            time.sleep(rng.uniform(0, phases["write"] * 1.1))
        else:
            moment = "close"
            child.wait_for("closing")
            time.sleep(rng.uniform(0, phases["close"]))
        if not child.kill():
            outcome.ends["missed"] += 1
            if outcome.ends["missed"] > 3 * kills + 20:
                raise AssertionError(f"{op}: the kills keep coming after the command ended: {outcome.ends}")
            continue
        outcome.kills += 1
        found = faultlib.counts(journal)  # as a new process finds it (raw SQLite, WAL recovered)
        check = faultlib.integrity(journal)  # as found, before Deal Journal opens (and checks) it
        problems = [] if check in ("ok", "absent") else [f"integrity_check: {check}"]
        problems += faultlib.opens(journal) if journal.exists() else []
        problems += _bad_backups(journal)
        where = f"{op} kill {outcome.kills} ({moment}, {'new journal' if fresh else 'existing journal'})"
        if problems:
            outcome.corrupt += 1
            outcome.problems.append(f"{where}: {'; '.join(problems)}")
        if found == before:
            outcome.ends["rolled back"] += 1
            outcome.by_moment[f"{moment}: rolled back"] += 1
        elif found == after:
            outcome.ends["completed"] += 1
            outcome.by_moment[f"{moment}: completed"] += 1
        else:
            outcome.partial += 1
            outcome.problems.append(f"{where}: counts {found}; expected {before} or {after}")
        if log:
            print(f"{where}: {'ok' if not problems else problems}, {found[0]:,} contacts", flush=True)
    outcome.seconds = time.monotonic() - started
    return outcome


def run_parallel(folder: Path, kills: dict[str, int], *, seed: int, log: bool = False) -> list[Outcome]:
    """The operations' kill rounds, each in its own worker process at the same time."""
    workers = []
    for op, n in kills.items():
        out = folder / f"{op}.result.json"
        argv = [sys.executable, __file__, "--worker", op, "--kills", str(n), "--seed", str(seed),
                "--folder", str(folder / op), "--result", str(out), *(["--verbose"] if log else [])]
        workers.append((op, out, subprocess.Popen(argv, env=faultlib.env(), stderr=subprocess.PIPE, text=True)))
    outcomes = []
    for op, out, proc in workers:
        _, err = proc.communicate(timeout=1800)
        if proc.returncode != 0 or not out.exists():
            raise AssertionError(f"the {op} kill worker failed ({proc.returncode}): {err[-3000:]}")
        doc = json.loads(out.read_text())
        outcome = Outcome(op, doc["kills"], doc["partial"], doc["corrupt"], Counter(doc["ends"]),
                          Counter(doc["by_moment"]), doc["problems"], doc["write_ms"], doc["seconds"])
        outcomes.append(outcome)
    return outcomes


def seed() -> int:
    return int(os.environ.get("DEALJOURNAL_FAULT_SEED", os.environ.get("DEALJOURNAL_CRASH_SEED", "5")))


# --- the tests -------------------------------------------------------------------------------

def test_kills_during_import_and_capture_leave_all_or_nothing(tmp_path: Path) -> None:
    outcomes = run_parallel(tmp_path, SUITE_KILLS, seed=seed())
    for o in outcomes:
        assert o.partial == 0 and o.corrupt == 0, (o.op, o.problems)
        assert o.kills == SUITE_KILLS[o.op]
        assert o.ends["rolled back"] > 0, (o.op, o.ends)  # the kills did land inside the write
        assert o.ends["completed"] > 0, (o.op, o.ends)  # and after it
    assert sum(o.kills for o in outcomes) >= 100


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
                                stderr=subprocess.PIPE, text=True, env=faultlib.env())
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


# --- as a script: the child, a worker, or a run of its own --------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", choices=OPERATIONS, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--kills", type=int, default=sum(SUITE_KILLS.values()))
    parser.add_argument("--seed", type=int, default=seed())
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.worker:
        outcome = run_operation(args.worker, args.folder, args.kills, seed=args.seed, log=args.verbose)
        args.result.write_text(json.dumps(outcome.to_json()))
        return 0
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dealjournal-kills-") as folder:
        outcomes = run_parallel(Path(folder), split(args.kills), seed=args.seed, log=args.verbose)
    for o in outcomes:
        print(f"{o.op}: {o.kills} kills, {dict(o.ends)}, partial {o.partial}, corrupt {o.corrupt}, "
              f"write ≈ {o.write_ms} ms, {o.seconds:.0f} s")
        for problem in o.problems:
            print(f"  {problem}")
    print(f"kills {sum(o.kills for o in outcomes)} partial {sum(o.partial for o in outcomes)} "
          f"corrupt {sum(o.corrupt for o in outcomes)}")
    return 0 if not any(o.partial or o.corrupt for o in outcomes) else 1


def split(kills: int) -> dict[str, int]:
    """*kills* shared out among the operations as evenly as they go."""
    share, extra = divmod(kills, len(OPERATIONS))
    return {op: share + (i < extra) for i, op in enumerate(OPERATIONS)}


if __name__ == "__main__":
    raise SystemExit(main())
