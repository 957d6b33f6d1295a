"""Two command-line writers and the window on one journal: one writer at a time (the lock),
a refused writer exits 1 with a clear message — never a traceback — and no write that was
acknowledged is lost.

The window (the real entry point, offscreen) opens the journal and, once it has painted,
adds a contact every 150 ms (each printed once ``ops.add_contact`` returned), then closes
itself. Meanwhile two command-line writers hammer the same journal from the first moment,
and on after the window has gone: writer A adds contacts (``dealjournal contact add``),
writer B logs interactions (``dealjournal log``) — every attempt with a name or summary of
its own, until each has had :data:`ACKS` writes acknowledged (exit 0). While the window
holds the journal, every attempt must be refused; afterwards the two refuse each other now
and then. At the end, the journal holds exactly the acknowledged writes of all three
(none of a refused attempt), passes ``dealjournal check`` and its integrity check.
"""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import faultlib

ACKS = 6  # acknowledged writes per command-line writer after the window has gone
WINDOW_WRITES = 8
REFUSED = re.compile(r"^dealjournal: The journal .* is in use by another (Deal Journal|program)", re.MULTILINE)

_WINDOW = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from dealjournal import cli, ops
    from dealjournal.gui import mainwindow

    painted = mainwindow.MainWindow._after_first_paint
    WRITES = int(sys.argv[1])

    def after_first_paint(self):
        painted(self)
        print("READY", flush=True)
        done = []

        def write():
            if len(done) == WRITES:
                print("CLOSING", flush=True)
                self.close()
                return
            name = f"Window {len(done)}"
            ops.add_contact(name)
            done.append(name)
            print("WROTE", name, flush=True)
            QTimer.singleShot(150, write)

        QTimer.singleShot(150, write)

    mainwindow.MainWindow._after_first_paint = after_first_paint
    raise SystemExit(cli.main(sys.argv[2:]))
""")


@dataclass
class Writer:
    """A command-line writer's attempts: what it was asked to write and how each ended."""

    name: str
    acked: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    refused_by_window: int = 0
    problems: list[str] = field(default_factory=list)


def _attempt(writer: Writer, journal: Path, n: int, window_alive: bool) -> None:
    label = f"{writer.name} {n}"
    argv: list[str | Path]
    if writer.name == "A":
        argv = ["contact", "add", label, "--db", journal]
    else:
        argv = ["log", "Seed", "--kind", "call", "--direction", "out", "--summary", label, "--db", journal]
    run = faultlib.dealjournal(*argv, timeout=60)
    if run.crashed or run.code not in (0, 1):
        writer.problems.append(f"{label}: exit {run.code}: {run.stderr[-500:]}")
    elif run.code == 0:
        writer.acked.append(label)
    else:
        writer.refused.append(label)
        if window_alive:
            writer.refused_by_window += 1
        if not REFUSED.search(run.stderr) or len(run.stderr.strip().splitlines()) > 2:
            writer.problems.append(f"{label}: refused without the clear message: {run.stderr[-500:]!r}")


def run_writers(folder: Path) -> tuple[list[Writer], list[str], list[str]]:
    """The scenario; (the two writers, the window's acknowledged writes, problems)."""
    journal = folder / "journal.sqlite3"
    seed = faultlib.dealjournal("contact", "add", "Seed", "--db", journal)
    assert seed.code == 0, str(seed)
    problems: list[str] = []
    window = subprocess.Popen([sys.executable, "-c", _WINDOW, str(WINDOW_WRITES), "--db", str(journal)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=faultlib.env())
    lines: queue.Queue[str] = queue.Queue()
    window_lines: list[str] = []

    def pump() -> None:
        assert window.stdout is not None
        for line in window.stdout:
            lines.put(line.strip())

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + 60
    while True:  # the window first: one that starts while a command holds the journal says so in a dialog
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            window.kill()
            raise AssertionError(f"the window did not paint: {window.communicate()[1][-3000:]}") from None
        window_lines.append(line)
        if line == "READY":
            break
    writers = [Writer("A"), Writer("B")]

    def hammer(writer: Writer) -> None:
        n = 0
        while len(writer.acked) < ACKS and n < 400 and not writer.problems:
            n += 1
            _attempt(writer, journal, n, window.poll() is None)

    threads = [threading.Thread(target=hammer, args=(w,)) for w in writers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    try:
        code = window.wait(timeout=60)
    except subprocess.TimeoutExpired:
        window.kill()
        code = window.wait()
    _, err = window.communicate()
    while not lines.empty():
        window_lines.append(lines.get())
    if code != 0 or "Traceback" in err:
        problems.append(f"the window ended with {code}: {err[-3000:]}")
    acked_by_window = [line.split(" ", 1)[1] for line in window_lines if line.startswith("WROTE ")]
    if len(acked_by_window) != WINDOW_WRITES:
        problems.append(f"the window wrote {len(acked_by_window)} of {WINDOW_WRITES}: {window_lines} {err[-2000:]}")

    # Exactly the acknowledged writes are there.
    import sqlite3

    conn = sqlite3.connect(journal)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM contact")]
        summaries = [r[0] for r in conn.execute("SELECT summary FROM interaction")]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    a, b = writers
    expected_names = sorted(["Seed", *acked_by_window, *a.acked])
    if sorted(names) != expected_names:
        problems.append(f"contacts {sorted(set(names) ^ set(expected_names))} differ from the acknowledged writes")
    if sorted(summaries) != sorted(b.acked):
        problems.append(f"interactions {sorted(set(summaries) ^ set(b.acked))} differ from the acknowledged writes")
    if check != "ok":
        problems.append(f"integrity_check: {check}")
    problems += faultlib.opens(journal)
    for w in writers:
        problems += w.problems
        if len(w.acked) < ACKS:
            problems.append(f"writer {w.name} had only {len(w.acked)} writes acknowledged")
    return writers, acked_by_window, problems


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks; the window over Qt's offscreen platform")
def test_two_cli_writers_and_the_window(tmp_path: Path) -> None:
    writers, window, problems = run_writers(tmp_path)
    assert not problems, problems
    assert all(w.refused_by_window > 0 for w in writers), [(w.name, w.refused_by_window) for w in writers]
    assert len(window) == WINDOW_WRITES


if __name__ == "__main__":
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="dj-writers-") as tmp:
        ws, win, found = run_writers(Path(tmp))
        for w in ws:
            print(f"writer {w.name}: {len(w.acked)} acknowledged, {len(w.refused)} refused "
                  f"({w.refused_by_window} while the window had the journal)")
        print(f"window: {len(win)} acknowledged; problems: {found or 'none'}")
