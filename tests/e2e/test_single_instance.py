"""One window per journal, with real processes: a second launch brings the first forward and exits,
and a command-line write while the window holds the journal is refused with a clear message.

The first window runs the real entry point (``cli.main``) with two spies wrapped around
the main window: one prints ``READY`` once the window has painted (its single-instance
server is listening by then), the other prints ``RAISED`` when a second launch asks it to
come forward, then closes the window so that the process ends normally.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"

_FIRST = textwrap.dedent("""
    import sys
    from dealjournal import cli
    from dealjournal.gui import mainwindow

    painted = mainwindow.MainWindow._after_first_paint
    raised = mainwindow.MainWindow.bring_to_front

    def after_first_paint(self):
        painted(self)
        print("READY", flush=True)

    def bring_to_front(self):
        raised(self)
        print("RAISED", self.isVisible(), flush=True)
        self.close()

    mainwindow.MainWindow._after_first_paint = after_first_paint
    mainwindow.MainWindow.bring_to_front = bring_to_front
    raise SystemExit(cli.main(sys.argv[1:]))
""")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}


def _lines(stream) -> queue.Queue[str]:  # type: ignore[no-untyped-def]
    found: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:
            found.put(line.strip())

    threading.Thread(target=pump, daemon=True).start()
    return found


def _wait_for(lines: queue.Queue[str], prefix: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        if line.startswith(prefix):
            return line
    raise AssertionError(f"no {prefix!r} line within {timeout} s")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks and sockets; Windows uses the same Qt API")
def test_second_launch_raises_the_first_and_a_cli_writer_is_refused(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    first = subprocess.Popen([sys.executable, "-c", _FIRST, "--db", str(journal)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=_env())
    try:
        out = _lines(first.stdout)
        _wait_for(out, "READY", timeout=30)

        # A command-line writer while the window holds the journal: a clear message, exit 1, nothing written.
        writer = subprocess.run([sys.executable, "-m", "dealjournal", "import", str(FIXTURES / "rules.json"),
                                 "--db", str(journal)], capture_output=True, text=True, env=_env(), timeout=60)
        assert writer.returncode == 1, writer.stderr
        assert "in use by another Deal Journal" in writer.stderr and str(journal) in writer.stderr

        # A second launch on the same journal: the first window comes forward, the second exits at once.
        started = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "dealjournal", "--db", str(journal)], capture_output=True,
                                text=True, env=_env(), timeout=60)
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - started < 15
        assert _wait_for(out, "RAISED", timeout=10) == "RAISED True"
        assert first.wait(timeout=20) == 0  # the spy closed the window: a normal exit
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        for stream in (first.stdout, first.stderr):
            if stream is not None:
                stream.close()
    # The journal is free again: the command line can write now.
    after = subprocess.run([sys.executable, "-m", "dealjournal", "import", str(FIXTURES / "rules.json"),
                            "--db", str(journal)], capture_output=True, text=True, env=_env(), timeout=60)
    assert after.returncode == 0, after.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX sockets")
def test_a_window_on_another_journal_does_not_answer(tmp_path: Path) -> None:
    """Different journals never meet: the server name comes from the journal's resolved path."""
    from dealjournal.gui.single_instance import server_name

    one, two = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert server_name(one) != server_name(two)
    (tmp_path / "link").symlink_to(tmp_path)
    assert server_name(tmp_path / "link" / "a.sqlite3") == server_name(one)
    assert len(server_name(one)) < 48  # Unix socket paths are short
