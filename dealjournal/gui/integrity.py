"""SQLite's ``quick_check`` of the open journal, run in the background once the window shows.

On a big journal the check takes seconds, so the window does not wait for it at start-up;
if it finds damage, :attr:`IntegrityChecker.damaged` fires on the UI thread and the window
moves the file aside and offers the newest good backup (as opening a damaged file does).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

import importlib

store_db = importlib.import_module("dealjournal.store.db")  # the module (the package re-exports its `db` object)

log = logging.getLogger(__name__)


class IntegrityChecker(QObject):
    damaged = Signal(str)  # the journal's path
    finished = Signal(bool)  # True when the journal is sound
    _result = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self._result.connect(self._on_result)

    def check(self, path: Path) -> None:
        """Start checking the open journal at *path* in a worker thread."""
        self.busy = True

        def work() -> None:
            ok = True
            try:
                store_db.db.connect(reuse_if_open=True)
                store_db.db.execute_sql("PRAGMA cache_size = -2000")  # a one-off pass: a small page cache will do
                ok = store_db.quick_check_ok()
            except Exception:  # not damage (e.g. the journal was closed meanwhile): say so in the log only
                log.warning("The background integrity check could not run", exc_info=True)
            finally:
                store_db.db.close()
            try:
                self._result.emit(str(path), ok)
            except RuntimeError:  # the window closed while the check ran
                pass

        threading.Thread(target=work, name="quick-check", daemon=True).start()

    def _on_result(self, path: str, ok: bool) -> None:
        self.busy = False
        if not ok:
            log.warning("The background integrity check found the journal damaged")
            self.damaged.emit(path)
        self.finished.emit(ok)
