"""What the fault tests share: running ``dealjournal`` as a user would (with its peak memory),
and looking at a journal from outside — its bytes, its record counts, whether it opens.

Every fault test ends with the same questions about the journal: is it byte for byte what
it was (:func:`journal_state`), how many records does each user table hold
(:func:`counts`), and does Deal Journal still open it and find it sound (:func:`opens`)?
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO) not in sys.path:  # run.py and the worker processes are started as scripts
    sys.path.insert(0, str(REPO))

# The user's records (derived tables follow from these; `setting` also holds bookkeeping).
RECORD_TABLES = ("contact", "contact_email", "contact_phone", "contact_tag", "channel", "content",
                 "content_topic", "goal", "share", "interaction", "stage_change")
ME = "sam.seller@example.com"  # the owner of tests/perf/make_mbox.py's mailboxes
MEMORY_BOUND_MB = 300  # a child's peak RSS, whatever it was fed


def env(**extra: str) -> dict[str, str]:
    """The environment for a ``dealjournal`` child: this checkout first on the path, no display."""
    return {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", **extra}


@dataclass
class Run:
    """How a child process ended: its status, output and peak resident memory."""

    args: list[str]
    code: int  # negative: killed by that signal
    stdout: str
    stderr: str
    peak_mb: float
    timed_out: bool = False

    @property
    def crashed(self) -> bool:
        """A crash: an exit status other than 0, 1 or 2, or a traceback on standard error."""
        return self.code not in (0, 1, 2) or "Traceback" in self.stderr

    def __str__(self) -> str:
        return (f"dealjournal {' '.join(self.args)} -> exit {self.code} ({self.peak_mb:.0f} MB peak)"
                f"{' TIMED OUT' if self.timed_out else ''}\nstdout: {self.stdout[-800:]}\n"
                f"stderr: {self.stderr[-1500:]}")


MEMORY_CAP = 2 * 1024**3  # the child's address space: a runaway reader fails there, not the machine

# Runs the command as its grandchild and reports that one's exit status and peak RSS. (The
# peak ``wait4`` reports for a child includes the RSS its parent had when it was forked — a
# test process can be large — so the measured process is forked from this small one.)
_LAUNCHER = """
import os, resource, sys
report, cap = sys.argv[1], int(sys.argv[2])
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    os.execv(sys.executable, [sys.executable, *sys.argv[3:]])
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as fh:
    fh.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def dealjournal(*args: str | os.PathLike[str], timeout: float = 120, folder: Path | None = None,
                extra_env: dict[str, str] | None = None) -> Run:
    """Run ``python -m dealjournal ARGS`` to its end (at most *timeout* seconds, at most
    :data:`MEMORY_CAP` of address space); with its peak RSS (``wait4``).

    Standard output and error go to files (a 50 MB line echoed back must not fill a pipe
    and block the child); *folder* holds them (default: a temporary one).
    """
    import tempfile

    argv = [str(a) for a in args]
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        out_path, err_path, report = (Path(scratch) / name for name in ("out", "err", "report"))
        with out_path.open("wb") as out, err_path.open("wb") as err:
            proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(report), str(MEMORY_CAP),
                                     "-m", "dealjournal", *argv], stdout=out, stderr=err,
                                    stdin=subprocess.DEVNULL, env=env(**(extra_env or {})), start_new_session=True)
            launcher, _, timed_out = wait_measured(proc, timeout)
        try:
            code_text, peak_kib = report.read_text().split()
            code, peak_mb = int(code_text), int(peak_kib) / 1024
        except (OSError, ValueError):  # the launcher itself was killed (the timeout)
            code, peak_mb = launcher, 0.0
        return Run(argv, code, _text(out_path), _text(err_path), peak_mb, timed_out)


def wait_measured(proc: subprocess.Popen, timeout: float) -> tuple[int, float, bool]:  # type: ignore[type-arg]
    """Wait for *proc* with ``os.wait4``: (exit code, peak RSS in MB, whether it was killed —
    with its whole process group — for taking longer than *timeout* seconds)."""
    late = threading.Event()

    def overdue() -> None:
        late.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, overdue)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped here: Popen must not wait for it again
    return code, usage.ru_maxrss / 1024, late.is_set()  # ru_maxrss is in KiB on Linux


def _text(path: Path, limit: int = 200_000) -> str:
    with path.open("rb") as fh:
        data = fh.read(limit)
    return data.decode("utf-8", "replace")


def side_files(journal: Path) -> list[Path]:
    return [journal.with_name(journal.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def journal_state(journal: Path) -> tuple[str, ...]:
    """The journal's bytes as a digest, and those of a ``-wal``/``-journal`` left with content
    (a clean close leaves none); ``("absent",)`` when there is no journal."""
    if not journal.exists():
        return ("absent",)
    found = [_digest(journal)]
    for side in side_files(journal):
        if side.name.endswith("-shm"):
            continue  # an index rebuilt from the WAL on open: not data
        if side.exists() and side.stat().st_size:
            found.append(f"{side.name}:{_digest(side)}")
    return tuple(found)


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def counts(journal: Path) -> tuple[int, ...]:
    """How many rows each of :data:`RECORD_TABLES` holds, read as a new process would (a
    missing journal or table counts 0)."""
    if not journal.exists():
        return (0,) * len(RECORD_TABLES)
    conn = sqlite3.connect(f"file:{journal}?mode=rw", uri=True)
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if t in present else 0
                     for t in RECORD_TABLES)
    finally:
        conn.close()


def integrity(journal: Path) -> str:
    """``PRAGMA integrity_check`` of *journal* ("ok" when sound; "absent" when there is none)."""
    if not journal.exists():
        return "absent"
    conn = sqlite3.connect(f"file:{journal}?mode=rw", uri=True)
    try:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check(10)"))
    except sqlite3.Error as exc:
        return f"{type(exc).__name__}: {exc}"
    finally:
        conn.close()


_ONE_JOURNAL = threading.Lock()  # Deal Journal has one journal open per process


def opens(journal: Path) -> list[str]:
    """Open *journal* with Deal Journal in this process (create=False) and run its check;
    the problems found (empty when it opens and is sound)."""
    with _ONE_JOURNAL:
        return _opens(journal)


def _opens(journal: Path) -> list[str]:
    from dealjournal.errors import JournalError
    from dealjournal.safety import check
    from dealjournal.store import close_journal, db, open_journal

    try:
        open_journal(journal, create=False)
        try:
            return check.problems()
        finally:
            close_journal()
    except JournalError as exc:
        return [f"does not open: {exc}"]
    finally:
        if db.database is not None:
            db.init(None)  # as a new process has it: no journal named (the kill rounds fork from here)
