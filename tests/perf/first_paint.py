"""Child process of the bench: open the window on a journal and report when it first paints.

    python tests/perf/first_paint.py JOURNAL [--settle] [--stages]

Prints ``first_paint_ms`` (from this script's first line to the first paint of the main
window, imports included) and, with ``--settle``, waits for the background health rebuild
and prints ``peak_rss_mb`` too. ``--stages`` tells on stderr the process's memory (VmHWM,
VmRSS) at each stage: imports, window made, first paint, health rebuilt, settled.
"""

import time

T0 = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402


def _memory() -> dict[str, int]:
    """VmHWM and VmRSS of this process, in kB (VmHWM, not ru_maxrss: Linux carries the parent's
    ru_maxrss across fork and exec)."""
    status = Path("/proc/self/status").read_text().splitlines()
    return {line.split(":")[0]: int(line.split()[1]) for line in status if line.startswith(("VmHWM:", "VmRSS:"))}


def _stage(name: str) -> None:
    if "--stages" in sys.argv:
        memory = _memory()
        print(f"stage {name} at {(time.perf_counter() - T0) * 1000:.0f} ms: peak {memory['VmHWM'] / 1024:.1f} MB, "
              f"now {memory['VmRSS'] / 1024:.1f} MB", file=sys.stderr, flush=True)


def main() -> int:
    from dealjournal.gui.app import make_application
    from dealjournal.gui.opening import open_journal_safely
    from dealjournal.gui.bus import JournalBus
    from dealjournal.gui.mainwindow import MainWindow

    _stage("imported")
    path = Path(sys.argv[1])
    settle = "--settle" in sys.argv
    app = make_application(["dealjournal"])
    # As app.run opens it: quick_check runs in the background once the window shows.
    if not path.exists() or not open_journal_safely(path, check=False):
        raise SystemExit(f"cannot open {path}")
    _stage("journal open")
    window = MainWindow(JournalBus(path))
    _stage("window made")
    window.keeper.finished.connect(lambda: _stage("health state rebuilt"))
    painted: list[float] = []

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted and obj is window:
                painted.append(time.perf_counter())
                _stage("first paint")
                QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        if settle and (window.keeper.busy or window.integrity.busy or not window.started):
            QTimer.singleShot(50, finish)
            return
        _stage("settled")
        app.quit()

    watch = Watch()
    window.installEventFilter(watch)
    window.resize(1280, 800)
    window.show()
    app.exec()
    print(f"first_paint_ms {(painted[0] - T0) * 1000:.1f}")
    if settle:
        print(f"peak_rss_mb {_memory()['VmHWM'] / 1024:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
