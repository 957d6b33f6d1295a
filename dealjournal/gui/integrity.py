"""SQLite's ``quick_check`` of the open journal, run in the background once the window shows.

On a big journal the check takes seconds, so the window does not wait for it at start-up;
if it finds damage, :attr:`IntegrityChecker.damaged` fires on the UI thread and the window
moves the file aside and offers the newest good backup (as opening a damaged file does).

The check belongs to the opening of the journal it was started on
(:func:`~dealjournal.store.db.journal_generation`): closing that journal — switching to
another one, restoring a backup, setting a damaged one aside — stops it and waits for its
connection to close (see :func:`~dealjournal.store.db.connection_for_thread`), and what a
stopped check found is dropped: it never speaks about a journal it did not check.
"""

from __future__ import annotations

import importlib
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

store_db = importlib.import_module("dealjournal.store.db")  # the module (the package re-exports its `db` object)

log = logging.getLogger(__name__)


class _Check:
    """One check in flight: the journal it checks, and which opening of it."""

    def __init__(self, path: Path, generation: int | None) -> None:
        self.path = path
        self.generation = generation


class IntegrityChecker(QObject):
    damaged = Signal(str)  # the journal's path
    finished = Signal(bool)  # True when the journal is sound
    _result = Signal(object, object)  # the _Check, and True / False / None (did not run)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: list[_Check] = []
        self._result.connect(self._on_result)

    @property
    def busy(self) -> bool:
        """A check has been started and has not reported yet."""
        return bool(self._running)

    def check(self, path: Path) -> None:
        """Start checking the open journal at *path* in a worker thread."""
        job = _Check(path, store_db.journal_generation())
        self._running.append(job)

        def work() -> None:
            ok: bool | None = None
            try:
                with store_db.connection_for_thread(generation=-1 if job.generation is None else job.generation) as current:
                    if current:  # (no journal open when the check was asked for: nothing to check)
                        store_db.db.execute_sql("PRAGMA cache_size = -2000")  # a one-off pass: a small page cache will do
                        ok = store_db.quick_check_ok()
            except Exception:  # not damage (e.g. the journal was closed meanwhile): say so in the log only
                if store_db.journal_generation() == job.generation:
                    log.warning("The background integrity check could not run", exc_info=True)
                else:
                    log.debug("The background integrity check stopped: its journal was closed", exc_info=True)
            try:
                self._result.emit(job, ok)
            except RuntimeError:  # the window closed while the check ran
                pass

        threading.Thread(target=work, name="quick-check", daemon=True).start()

    def _on_result(self, job: _Check, ok: bool | None) -> None:
        if job in self._running:
            self._running.remove(job)
        if job.generation is None or job.generation != store_db.journal_generation():
            log.debug("Dropped the result of an integrity check of a journal closed since")
            return
        if ok is False:
            log.warning("The background integrity check found the journal damaged")
            self.damaged.emit(str(job.path))
        self.finished.emit(ok is not False)
