"""Sync in the window: a pass (:func:`dealjournal.sync.journal.sync`) in the background.

Once a sync folder is chosen (Preferences ▸ Sync) the window syncs by itself — when the
journal opens, a few seconds after the user's last edit, when files arrive in the sync folder
(a :class:`QFileSystemWatcher` on the folder and its ``changes/<device>`` folders) and every
few minutes — unless the user turned that off; File ▸ Sync Now runs a pass at any time.

A pass runs in a worker thread on its own connection, tied to the opening of the journal it
started on (:func:`~dealjournal.store.db.connection_for_thread` with ``finish``: closing the
journal waits for the pass rather than interrupting it between writing its files and
recording them). What a pass of a journal closed since reports is dropped. A pass asked for
while one runs runs once more after it.
"""

from __future__ import annotations

import importlib
import logging
import threading
from datetime import date
from pathlib import Path

import peewee

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from dealjournal.errors import JournalError
from dealjournal.gui import i18n
from dealjournal.gui.bus import JournalBus
from dealjournal.sync import journal as sync_journal

store_db = importlib.import_module("dealjournal.store.db")  # the module (the package re-exports its `db` object)

log = logging.getLogger(__name__)

SETTLE_MS = 3_000        # after the last local edit or folder change, before a pass
EVERY_MS = 5 * 60_000    # a pass at least this often while the window is open


class _Pass:
    """One pass in flight: which opening of the journal, and whether the user asked for it."""

    def __init__(self, generation: int, asked: bool) -> None:
        self.generation = generation
        self.asked = asked


class Syncer(QObject):
    """Runs sync passes for the window; :attr:`text` says how sync stands, for the status bar."""

    changed = Signal()       # :attr:`text`, :attr:`issues` or :attr:`held` changed
    failed = Signal(str)     # a pass the user asked for failed: the message
    _done = Signal(object, object, object)  # the _Pass, the SyncReport or None, the exception or None

    def __init__(self, bus: JournalBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self._job: _Pass | None = None
        self._again = False
        self._again_asked = False
        self.auto = False
        self.folder: Path | None = None
        self.text = ""
        self.issues = 0
        self.held = 0  # files from a newer Deal Journal the last pass kept unread
        self._done.connect(self._on_done)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(lambda: self.sync_now(asked=False))
        self._timer = QTimer(self)
        self._timer.setInterval(EVERY_MS)
        self._timer.timeout.connect(lambda: self.sync_now(asked=False))
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._folder_changed)
        bus.changed.connect(self._edited)

    @property
    def busy(self) -> bool:
        """A pass is running."""
        return self._job is not None

    # --- when ------------------------------------------------------------------------------

    def journal_opened(self) -> None:
        """Another journal (or the first) is open: read its settings; sync it soon if it syncs by itself."""
        self._job = None  # a pass of the journal before: it reports nothing
        self._again = False
        self._read_settings()
        if self.auto:
            self._settle.start(0)

    def settings_saved(self) -> None:
        """Preferences ▸ Sync saved: follow the new settings (a new folder: sync now)."""
        self._read_settings()
        if self.folder is not None:
            self.sync_now(asked=False)

    def after_resolving(self) -> None:
        """Conflicts were (perhaps) settled: count what is left; a window syncing by itself sends them soon."""
        try:
            self.issues = sync_journal.issue_count()
        except (JournalError, peewee.PeeweeException) as exc:
            log.warning("Cannot count the sync conflicts: %s", type(exc).__name__)
        self.changed.emit()
        if self.auto:
            self._settle.start()

    def stop(self) -> None:
        """The window closes: no more passes (one running finishes: closing the journal waits)."""
        self._settle.stop()
        self._timer.stop()
        self._unwatch()
        self.auto = False

    def _read_settings(self) -> None:
        try:
            status = sync_journal.status(devices=False)
        except (JournalError, peewee.PeeweeException, OSError) as exc:
            log.warning("Cannot read the sync settings: %s", type(exc).__name__)
            status = None
        self.folder = Path(status.folder) if status and status.folder else None
        self.auto = bool(status and status.folder and status.auto)
        self.issues = status.conflicts + status.deleted_elsewhere if status else 0
        self._unwatch()
        if self.auto:
            self._timer.start()
            self._watch()
        else:
            self._timer.stop()
            self._settle.stop()
        self.text = self._describe(status.last_sync if status else None) if self.folder else ""
        self.changed.emit()

    def _edited(self, _changes: object) -> None:
        if self.auto:
            self._settle.start()

    def _folder_changed(self, _path: str) -> None:
        self._watch()  # a new device's folder appeared: watch it too
        if self.auto:
            self._settle.start()

    def _watch(self) -> None:
        if self.folder is None:
            return
        changes = self.folder / "changes"
        wanted = [self.folder, changes]
        try:
            wanted += [p for p in changes.iterdir() if p.is_dir()] if changes.is_dir() else []
        except OSError:
            pass
        have = set(self._watcher.directories())
        new = [str(p) for p in wanted if p.is_dir() and str(p) not in have]
        if new:
            self._watcher.addPaths(new)

    def _unwatch(self) -> None:
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())

    # --- a pass ----------------------------------------------------------------------------

    def sync_now(self, asked: bool = True) -> bool:
        """Start a pass (File ▸ Sync Now: *asked*); False when there is nothing to sync with."""
        generation = store_db.journal_generation()
        if generation is None or self.folder is None:
            return False
        if self._job is not None:
            self._again = True
            self._again_asked = self._again_asked or asked
            return True
        self._settle.stop()
        job = self._job = _Pass(generation, asked)
        self.text = self.tr("Syncing…")
        self.changed.emit()

        def work() -> None:
            report: sync_journal.SyncReport | None = None
            error: BaseException | None = None
            try:
                with store_db.connection_for_thread(generation=generation, finish=True) as current:
                    if current:
                        report = sync_journal.sync()
            except JournalError as exc:  # a missing folder, a full disk: said on the UI thread
                error = exc
            except Exception as exc:  # a bug: keep the window alive, say so in the log
                log.exception("A sync pass failed")
                error = exc
            try:
                self._done.emit(job, report, error)
            except RuntimeError:  # the window closed while the pass ran
                pass

        threading.Thread(target=work, name="sync", daemon=True).start()
        return True

    def _on_done(self, job: _Pass, report: sync_journal.SyncReport | None, error: BaseException | None) -> None:
        if job is not self._job:
            return  # a pass of a journal closed since
        self._job = None
        if job.generation != store_db.journal_generation():
            return
        if error is not None:
            if isinstance(error, JournalError):
                text = i18n.say_error(error)
            else:
                text = self.tr("Sync failed ({error}); the journal is as it was. The log has the details.").format(
                    error=type(error).__name__)
            self.text = self.tr("Sync failed")
            self.changed.emit()
            if job.asked:
                self.failed.emit(text)
            else:
                self.bus.status.emit(text)
        elif report is not None:
            self.issues = report.conflicts + report.deleted_elsewhere
            self.held = len(report.held)
            self.text = self._describe(sync_journal.status(devices=False).last_sync)
            if report.rows or report.republished:
                self.bus.reset()  # other computers' changes: every view reads again, and undo starts afresh
            self.changed.emit()
            if job.asked:
                self.bus.status.emit(self.report_text(report))
        if self._again:
            asked, self._again, self._again_asked = self._again_asked, False, False
            self.sync_now(asked=asked)

    # --- words -----------------------------------------------------------------------------

    def _describe(self, last: str | None) -> str:
        if not last:
            return self.tr("Not synced yet")
        day, _, time = last.partition(" ")
        shown = time[:5] if day == date.today().isoformat() else f"{day} {time[:5]}"
        return self.tr("Synced {when}").format(when=shown)

    def report_text(self, report: sync_journal.SyncReport) -> str:
        """One line for the status bar after File ▸ Sync Now."""
        sent, got = report.published_changes, report.applied_changes
        issues = report.conflicts + report.deleted_elsewhere
        parts = [(self.tr("Synced: {n} change sent") if sent == 1 else self.tr("Synced: {n} changes sent")).format(n=sent),
                 self.tr("{n} received").format(n=got)]
        if issues:
            parts.append((self.tr("{n} conflict to settle (Edit ▸ Sync Conflicts…)") if issues == 1 else
                          self.tr("{n} conflicts to settle (Edit ▸ Sync Conflicts…)")).format(n=issues))
        if report.held:
            parts.append((self.tr("{n} file from a newer Deal Journal held until you update this one")
                          if len(report.held) == 1 else
                          self.tr("{n} files from a newer Deal Journal held until you update this one"))
                         .format(n=len(report.held)))
        if report.incomplete:
            parts.append((self.tr("{n} file still arriving") if report.incomplete == 1 else
                          self.tr("{n} files still arriving")).format(n=report.incomplete))
        return ", ".join(parts) + "."
