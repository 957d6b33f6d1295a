"""Keeps the cached health state (``health_state``) describing today, off the UI thread.

On opening a journal, and when the calendar day changes while the app runs, the whole state
is rebuilt in a worker thread with its own connection; pages show what they have meanwhile
and reload when :attr:`JournalBus.reloaded` fires at the end.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from dealjournal.gui.bus import JournalBus
from dealjournal.health import state as health_state
from dealjournal.store.db import db

log = logging.getLogger(__name__)


class HealthKeeper(QObject):
    finished = Signal()
    _done = Signal(bool)

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        self.bus = bus
        self.busy = False
        self._done.connect(self._on_done)
        self._timer = QTimer(self)
        self._timer.setInterval(60_000)
        self._timer.timeout.connect(self.ensure_current)
        self._timer.start()
        bus.changed.connect(self._after_change)

    def ensure_current(self) -> bool:
        """Start a rebuild if the state does not describe today; True when one was started."""
        if self.busy or health_state.is_current(self.bus.today()):
            return False
        self.busy = True
        self.bus.status.emit(self.tr("Updating relationship health…"))
        today = self.bus.today()

        def work() -> None:
            ok = True
            try:
                db.connect(reuse_if_open=True)
                db.execute_sql("PRAGMA cache_size = -2000")  # a one-off pass: a small page cache will do
                health_state.rebuild(today)
            except Exception:  # a bug: keep the window alive, say so in the log
                log.exception("Rebuilding the health state failed")
                ok = False
            finally:
                db.close()
            try:
                self._done.emit(ok)
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

    def _on_done(self, ok: bool) -> None:
        self.busy = False
        self.bus.status.emit("" if ok else self.tr("Could not update relationship health (see the log)"))
        self.bus.reloaded.emit()
        self.finished.emit()
