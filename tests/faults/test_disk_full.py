"""A disk that fills during ``dealjournal import``, ``capture``, ``backup`` and ``export``: exit 1
with a message, never a traceback; the journal byte for byte as it was, and still opening.

Where this runs as root, each case mounts a small tmpfs (``mount -t tmpfs -o size=8m``) in a
temporary folder, puts the journal (with its backup folder and the export target) on it,
fills it with a file until the kernel says ENOSPC, then frees exactly the room the case
names: none, 16 KiB (the lock and SQLite's shared memory fit, nothing else), room for
the backup taken before an import but not for the import, half a backup, half an export.
Then ``dealjournal check`` runs on the still full disk (a message at worst, the journal
unchanged), the space is freed, and the journal must open and pass its check. The mount
is undone in a ``finally``. Elsewhere (not root, or ``mount`` refused; or
``DEALJOURNAL_FAULT_DISK=simulated``) the same cases run with the disk full *simulated*:
the child process runs under ``RLIMIT_FSIZE`` = the room (SIGXFSZ ignored, so a write past it
fails) and with ``PRAGMA max_page_count`` holding the journal at its size — SQLite's
``SQLITE_FULL``, as tests/unit/store/test_environment_failures.py does in-process. The test
ids and ``run.py`` say which ran.

The journal in each case was backed up just before (as after the window's periodic
backup), so that nothing *should* change it; one more case starts from a journal with
changes no backup holds yet, where the backup taken before the import does change one
bookkeeping row (``backup.changed``: now backed up) and nothing else — its records are
compared, not its bytes.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import faultlib

KIB = 1024
MOUNT_SIZE = 8 * 1024 * KIB
BASE_CONTACTS = 300
BIG_CONTACTS = 3000  # each with 2 KB of notes: some 8 MB to write, more than the disk holds


def _can_mount() -> bool:
    if os.environ.get("DEALJOURNAL_FAULT_DISK") == "simulated":
        return False
    if not (sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0):
        return False
    with tempfile.TemporaryDirectory(prefix="dj-tmpfs-probe-") as probe:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe], capture_output=True,
                              check=False)
        if done.returncode != 0:
            return False
        subprocess.run(["umount", probe], capture_output=True, check=False)
    return True


MODE = "tmpfs" if _can_mount() else "simulated"


# --- the inputs and the journal every case starts from -------------------------------------------

@dataclass
class Inputs:
    folder: Path
    backed_up: Path  # a journal just backed up (its backups deleted again): nothing marks it changed
    changed: Path  # the same journal with one change since
    json: Path
    vcard: Path
    mbox: Path
    export_sizes: dict[str, int]


def make_inputs(folder: Path) -> Inputs:
    from tests.perf.make_mbox import write_mbox

    folder.mkdir(parents=True, exist_ok=True)
    base_doc = folder / "base.json"
    base_doc.write_text(json.dumps({
        "format": "dealjournal", "version": 1,
        "contacts": [{"id": f"k{i}", "name": f"Known {i}", "company": f"Firm {i % 40}", "tags": ["base"],
                      "emails": [{"label": "work", "value": f"known{i}@example.com"}]} for i in range(BASE_CONTACTS)],
        "interactions": [{"contact": f"k{i}", "at": "2026-01-05T10:00", "kind": "call", "direction": "out",
                          "summary": "hello"} for i in range(0, BASE_CONTACTS, 3)]}), encoding="utf-8")
    backed_up = folder / "backed-up.sqlite3"
    for argv in (["import", base_doc], ["backup"]):
        run = faultlib.dealjournal(*argv, "--db", backed_up, folder=folder)
        assert run.code == 0, str(run)
    shutil.rmtree(backed_up.with_name(backed_up.name + ".backups"))
    changed = folder / "changed.sqlite3"
    shutil.copyfile(backed_up, changed)
    run = faultlib.dealjournal("contact", "add", "Changed Since", "--db", changed, folder=folder)
    assert run.code == 0, str(run)
    for journal in (backed_up, changed):
        _drop_side_files(journal)
    big = folder / "big.json"
    big.write_text(json.dumps({"format": "dealjournal", "version": 1, "contacts": [
        {"id": f"b{i}", "name": f"Big {i}", "notes": f"{i} " + "n" * 2000} for i in range(BIG_CONTACTS)]}),
        encoding="utf-8")
    vcard = folder / "big.vcf"
    with vcard.open("w", encoding="utf-8", newline="") as out:
        for i in range(BIG_CONTACTS):
            out.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card {i}\r\nEMAIL:card{i}@example.org\r\n"
                      f"NOTE:{i} {'v' * 2000}\r\nEND:VCARD\r\n")
    mbox = folder / "All mail.mbox"
    write_mbox(mbox, 2500, seed=3)
    sizes = {}
    for fmt in ("json", "csv", "vcf"):
        target = folder / f"export.{fmt}"
        run = faultlib.dealjournal("export", target, "--db", backed_up, folder=folder)
        assert run.code == 0, str(run)
        sizes[fmt] = target.stat().st_size
    _drop_side_files(backed_up)
    return Inputs(folder, backed_up, changed, big, vcard, mbox, sizes)


def _drop_side_files(journal: Path) -> None:
    """Leave only the journal file itself (a clean close leaves no -wal; the check record
    and the lock are other modules' business, and would be stale in a copy anyway)."""
    for path in journal.parent.glob(journal.name + "?*"):
        if path.is_file():
            path.unlink()


# --- the full disk -------------------------------------------------------------------------------

class Disk:
    """A folder whose file system has only *room* bytes left (tmpfs), or a promise to run the
    child under limits that behave as if (simulated)."""

    def __init__(self, folder: Path, mode: str) -> None:
        self.folder = folder
        self.mode = mode
        self.mounted = False
        self.filler = folder / "filler"
        self.room = 0

    def __enter__(self) -> Disk:  # noqa: PYI034 - Python 3.10 has no typing.Self
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.mode == "tmpfs":
            subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={MOUNT_SIZE},mode=0700", "tmpfs",
                            str(self.folder)], check=True, capture_output=True)
            self.mounted = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self.mounted:
            done = subprocess.run(["umount", str(self.folder)], capture_output=True, text=True, check=False)
            if done.returncode != 0:  # something still has a file open there: lazily, then
                subprocess.run(["umount", "-l", str(self.folder)], capture_output=True, check=False)
            self.mounted = False

    def fill(self, room: int) -> None:
        """Take all the space but *room* bytes."""
        self.room = room
        if self.mode != "tmpfs":
            return
        with open(self.filler, "wb", buffering=0) as fh:
            for size in (1024 * KIB, 4 * KIB, 1):  # to the last byte
                block = b"\0" * size
                with contextlib.suppress(OSError):
                    while fh.write(block):
                        pass
        if room:
            os.truncate(self.filler, max(0, self.filler.stat().st_size - room))

    def free(self) -> int:
        st = os.statvfs(self.folder)
        return st.f_bavail * st.f_frsize

    def release(self) -> None:
        """Give the space back (so that the journal is then opened as the user would, after freeing some)."""
        self.filler.unlink(missing_ok=True)

    def run(self, *args: str | os.PathLike[str]) -> faultlib.Run:
        if self.mode == "tmpfs":
            return faultlib.dealjournal(*args, folder=self.folder.parent)
        return _simulated(self.room, [str(a) for a in args])


_SIMULATED = """
import resource, signal, sys
room = int(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
import importlib
importlib.import_module("dealjournal.store.db").PRAGMAS["max_page_count"] = 1  # SQLite keeps it at the journal's size: growing it is SQLITE_FULL
resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))
from dealjournal.cli import main
raise SystemExit(main(sys.argv[2:]))
"""


def _simulated(room: int, argv: list[str]) -> faultlib.Run:
    """The command under the limits (its output through pipes: the limit is on files)."""
    proc = subprocess.run([sys.executable, "-c", _SIMULATED, str(room), *argv], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=faultlib.env(), timeout=120, check=False)
    return faultlib.Run(argv, proc.returncode, proc.stdout, proc.stderr, 0.0)


# --- the cases -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    name: str
    start: str  # "backed_up" or "changed"
    room: Callable[[Inputs], int]
    argv: Callable[[Inputs, Path], list[str | os.PathLike[str]]]
    strict: bool = True  # the journal's bytes must not change (else: its records must not)


def _journal_room(inputs: Inputs) -> int:
    """Room for the backup taken before an import (a compact copy of the journal), not for the import."""
    return inputs.backed_up.stat().st_size + 160 * KIB


NONE, LOCK = (lambda _: 0), (lambda _: 16 * KIB)
CASES: list[Case] = []
for what, argv in (
    ("import-json", lambda i, j: ["import", i.json, "--db", j]),
    ("import-vcard", lambda i, j: ["import", i.vcard, "--db", j]),
    ("capture-mbox", lambda i, j: ["capture", i.mbox, "--me", faultlib.ME, "--add-unknown", "--db", j]),
):
    CASES += [Case(f"{what}-no-room", "backed_up", NONE, argv),
              Case(f"{what}-16k", "backed_up", LOCK, argv),
              Case(f"{what}-half-a-backup", "backed_up", lambda i: i.backed_up.stat().st_size // 2, argv),
              Case(f"{what}-room-for-the-backup-only", "backed_up", _journal_room, argv)]
CASES.append(Case("import-json-unbacked-changes-room-for-the-backup-only", "changed", _journal_room,
                  lambda i, j: ["import", i.json, "--db", j], strict=False))
CASES += [Case("backup-no-room", "backed_up", NONE, lambda i, j: ["backup", "--db", j]),
          Case("backup-16k", "backed_up", LOCK, lambda i, j: ["backup", "--db", j]),
          Case("backup-half", "backed_up", lambda i: i.backed_up.stat().st_size // 2,
               lambda i, j: ["backup", "--db", j]),
          Case("backup-to-folder-half", "backed_up", lambda i: i.backed_up.stat().st_size // 2,
               lambda i, j: ["backup", "--to", j.parent / "elsewhere", "--db", j])]
for fmt in ("json", "csv", "vcf"):
    CASES += [Case(f"export-{fmt}-no-room", "backed_up", NONE,
                   lambda i, j, fmt=fmt: ["export", j.parent / f"out.{fmt}", "--db", j]),  # type: ignore[misc]
              Case(f"export-{fmt}-half", "backed_up", lambda i, fmt=fmt: i.export_sizes[fmt] // 2,  # type: ignore[misc]
                   lambda i, j, fmt=fmt: ["export", j.parent / f"out.{fmt}", "--db", j])]  # type: ignore[misc]


@dataclass
class Result:
    case: str
    mode: str
    run: faultlib.Run
    changed: bool
    problems: list[str]


def _user_records(journal: Path) -> list[object]:
    """Every table's rows but the backup bookkeeping (``backup.*`` settings)."""
    conn = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return [(t, conn.execute(f"SELECT * FROM {t} ORDER BY 1" if t != "setting" else
                                 "SELECT * FROM setting WHERE key NOT LIKE 'backup.%' ORDER BY 1").fetchall())
                for t in tables]
    finally:
        conn.close()


def run_case(case: Case, inputs: Inputs, folder: Path, mode: str = MODE) -> Result:
    """Run *case* on a full disk under *folder*; what happened (``problems`` empty: as it should)."""
    problems: list[str] = []
    disk_folder = folder / "disk"
    with Disk(disk_folder, mode) as disk:
        journal = disk_folder / "journal.sqlite3"
        shutil.copyfile(inputs.backed_up if case.start == "backed_up" else inputs.changed, journal)
        before, records = faultlib.journal_state(journal), _user_records(journal)
        disk.fill(case.room(inputs))
        run = disk.run(*case.argv(inputs, journal))
        if run.crashed or run.code != 1:
            problems.append(f"exit {run.code}, expected 1 without a traceback")
        message = run.stderr.strip().splitlines()[-1:] or [""]
        if not message[0].startswith("dealjournal: "):
            problems.append(f"no message on standard error: {run.stderr[-300:]!r}")
        elif mode == "tmpfs" and not re.search(r"full|space|disk", message[0], re.IGNORECASE):
            problems.append(f"the message does not say the disk is full: {message[0]!r}")
        after = faultlib.journal_state(journal)
        changed = after != before if case.strict else _user_records(journal) != records
        if changed:
            problems.append("the journal changed" + ("" if case.strict else " (its records)"))
        left = [p.name for p in disk_folder.rglob("*") if p.name.endswith(".tmp")]
        if left:
            problems.append(f"temporary files left on the full disk: {left}")
        for target in disk_folder.glob("out.*"):
            problems.append(f"an export was written although the disk was full: {target.name}")
        if mode == "tmpfs":  # a read-only command on the still full disk: a message at worst, no change
            check = disk.run("check", "--db", journal)
            if check.crashed or faultlib.journal_state(journal) != after:
                problems.append(f"`dealjournal check` on the full disk: exit {check.code}, "
                                f"journal changed: {faultlib.journal_state(journal) != after}: {check.stderr[-300:]}")
        disk.release()
        problems += [f"after freeing space: {p}" for p in faultlib.opens(journal)]
    return Result(case.name, mode, run, changed, problems)


# --- the tests ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Inputs]:
    yield make_inputs(tmp_path_factory.mktemp("disk-full-inputs"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE / tmpfs: Linux")
@pytest.mark.parametrize("case", CASES, ids=[f"{MODE}-{c.name}" for c in CASES])
def test_disk_full(case: Case, inputs: Inputs, tmp_path: Path) -> None:
    result = run_case(case, inputs, tmp_path)
    assert not result.problems, f"{case.name} ({result.mode}): {result.problems}\n{result.run}"


def test_a_write_that_failed_leaves_the_file_byte_for_byte(inputs: Inputs, tmp_path: Path) -> None:
    """The smallest form of the cases above, in this process and on any platform: SQLITE_FULL
    half-way through a contact import rolls it back — and closing the journal afterwards must
    not rewrite the file (``close_journal`` runs ``PRAGMA optimize`` when ``total_changes``
    grew, and that counts the rolled-back rows too)."""
    from dealjournal.contact_import import apply_plan, plan_import
    from dealjournal.errors import JournalError
    from dealjournal.importers import parse_file
    from dealjournal.store import close_journal, db, open_journal

    journal = tmp_path / "journal.sqlite3"
    shutil.copyfile(inputs.backed_up, journal)
    before = faultlib.journal_state(journal)
    open_journal(journal)
    try:
        conn = db.connection()
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        plan = plan_import(parse_file(inputs.vcard, None, None), on_duplicate="merge")
        with pytest.raises(JournalError, match="full"):
            apply_plan(plan)
    finally:
        close_journal()
    assert faultlib.journal_state(journal) == before
