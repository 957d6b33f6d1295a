"""Keeps the cached health state (``health_state``) describing today, off the UI thread.

On opening a journal, and when the calendar day changes while the app runs, the whole state
is rebuilt in a worker thread with its own connection; pages show what they have meanwhile
and reload when :attr:`JournalBus.reloaded` fires at the end.

A rebuild belongs to the opening of the journal it was started on
(:func:`~dealjournal.store.db.journal_generation`): closing that journal stops it and waits
for its connection to close (see :func:`~dealjournal.store.db.connection_for_thread`); a
stopped rebuild reports nothing, and the next journal gets a rebuild of its own.
"""

from __future__ import annotations

import importlib
import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from dealjournal.gui.bus import JournalBus
from dealjournal.health import state as health_state
from dealjournal.store.db import db

store_db = importlib.import_module("dealjournal.store.db")  # the module (the package re-exports its `db` object)

log = logging.getLogger(__name__)


class _Rebuild:
    """One rebuild in flight, of that opening of the journal."""

    def __init__(self, generation: int) -> None:
        self.generation = generation


class HealthKeeper(QObject):
    finished = Signal()
    _done = Signal(object, object)  # the _Rebuild, and True / False / None (stopped: its journal was closed)

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        self.bus = bus
        self._job: _Rebuild | None = None
        self._done.connect(self._on_done)
        self._timer = QTimer(self)
        self._timer.setInterval(60_000)
        self._timer.timeout.connect(self.ensure_current)
        self._timer.start()
        bus.changed.connect(self._after_change)

    @property
    def busy(self) -> bool:
        """A rebuild of the open journal's health state is running."""
        return self._job is not None

    def ensure_current(self) -> bool:
        """Start a rebuild if the state does not describe today; True when one was started."""
        generation = store_db.journal_generation()
        if self._job is not None and self._job.generation != generation:
            self._job = None  # a rebuild of a journal closed since: it was stopped, and reports nothing
        if generation is None or self._job is not None or health_state.is_current(self.bus.today()):
            return False
        job = self._job = _Rebuild(generation)
        self.bus.status.emit(self.tr("Updating relationship health…"))
        today = self.bus.today()

        def work() -> None:
            ok: bool | None = True
            try:
                with store_db.connection_for_thread(generation=generation) as current:
                    if current:
                        db.execute_sql("PRAGMA cache_size = -2000")  # a one-off pass: a small page cache will do
                        health_state.rebuild(today)
                    else:
                        ok = None
            except Exception:
                if store_db.journal_generation() != generation:  # stopped: the journal was closed
                    log.debug("The health rebuild stopped: its journal was closed", exc_info=True)
                    ok = None
                else:  # a bug: keep the window alive, say so in the log
                    log.exception("Rebuilding the health state failed")
                    ok = False
            try:
                self._done.emit(job, ok)
            except RuntimeError:  # the window closed while the rebuild ran
                pass

        threading.Thread(target=work, name="health-state", daemon=True).start()
        return True

    def stop(self) -> None:
        """No more checks (the journal is gone)."""
        self._timer.stop()

    def rebuild_now(self) -> None:
        """Synchronous rebuild (small journals, tests)."""
        health_state.rebuild(self.bus.today())

    def _after_change(self, changes: object) -> None:
        if getattr(changes, "settings", False):
            self.ensure_current()

    def _on_done(self, job: _Rebuild, ok: bool | None) -> None:
        if job is not self._job:
            return  # replaced by the rebuild of the journal opened since
        self._job = None
        if ok is None or job.generation != store_db.journal_generation():
            self.bus.status.emit("")
            return
        self.bus.status.emit("" if ok else self.tr("Could not update relationship health (see the log)"))
        self.bus.reloaded.emit()
        self.finished.emit()
