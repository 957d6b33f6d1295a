"""Start-up of the window: the application object, the journal, the main window, the bug handler.

Opening goes through :func:`open_journal_safely`, which turns every problem with the file
into a message the user can act on: a damaged journal (moved aside by the store) offers
its newest good backup or an empty journal; a journal in use says so. A second launch on a
journal that a window already holds brings that window forward and exits
(:mod:`dealjournal.gui.single_instance`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dealjournal import APP_ID, APP_NAME, DESKTOP_ID, __version__
from dealjournal.errors import JournalError

if TYPE_CHECKING:
    from dealjournal.store.db import CorruptJournal

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the names QSettings and the desktop use."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    from dealjournal.gui.forms import icon

    app.setWindowIcon(icon("dealjournal"))
    return app


def apply_preferences(app: QApplication) -> None:
    """What must be in place before any window is made: the language (Preferences, or the
    system's) and the theme."""
    from dealjournal.gui import i18n, uiprefs
    from dealjournal.gui.theme import apply_theme

    prefs = uiprefs.load()
    i18n.install(prefs.language, app)
    apply_theme(app, prefs.theme)


def _report_bug(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """A bug: log it with its traceback and tell the user, without taking the window down."""
    log.error("Unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
    if QApplication.instance() is not None:
        text = QCoreApplication.translate(
            "app", "Something went wrong inside Deal Journal. Your journal is safe; the details are in the log.")
        QMessageBox.critical(None, APP_NAME, f"{text}\n\n{kind.__name__}")


def open_journal_safely(path: Path, parent: QWidget | None = None, *, check: bool = True) -> bool:
    """Open the journal at *path*, explaining any problem; True when it is open.

    A damaged journal has been moved aside by the store; the user may restore the newest
    good backup or start an empty journal at *path*. Any other problem (in use, not a
    journal, newer format, read-only folder…) is shown as it is. Never raises for a bad file.
    """
    from dealjournal.store import open_journal

    try:
        open_journal(path, check=check)
        return True
    except (JournalError, OSError, sqlite3.Error) as exc:
        return explain_open_error(exc, parent)


def explain_open_error(exc: BaseException, parent: QWidget | None = None) -> bool:
    """Tell the user why a journal did not open; True if the offered way out opened one."""
    from dealjournal.gui import i18n, messages
    from dealjournal.store.db import CorruptJournal

    log.warning("Cannot open the journal: %s", type(exc).__name__)
    if isinstance(exc, CorruptJournal):
        return recover_corrupt(exc, parent)
    messages.show_error(parent, i18n.say_error(exc))
    return False


def recover_corrupt(exc: CorruptJournal, parent: QWidget | None = None) -> bool:
    """After :class:`~dealjournal.store.db.CorruptJournal`: offer the backup, then an empty journal."""
    from dealjournal import backup
    from dealjournal.gui import i18n, messages
    from dealjournal.store import close_journal, open_journal

    journal, moved, good = exc.journal, exc.moved_to, exc.backup
    damaged = QCoreApplication.translate("app", "The journal {journal} is damaged and cannot be opened.").format(
        journal=journal)
    kept = (QCoreApplication.translate("app", "The damaged file was kept as {file}, in case you need it.").format(
        file=moved) if moved else QCoreApplication.translate("app", "The damaged file could not be moved aside."))
    if good is not None:
        taken = backup.taken_at(good)
        question = (QCoreApplication.translate("app", "Restore the newest good backup ({backup} taken {when})?")
                    .format(backup=good.name, when=f"{taken:%Y-%m-%d %H:%M}") if taken else
                    QCoreApplication.translate("app", "Restore the newest good backup ({backup})?")
                    .format(backup=good.name))
        if messages.confirm(parent, f"{damaged}\n\n{kept}\n\n{question}",
                            QCoreApplication.translate("app", "Restore Backup"),
                            detail=QCoreApplication.translate("app", "Changes made after that backup are not in it.")):
            try:
                backup.restore(good, journal=journal)
                log.info("Restored the newest good backup after a damaged journal")
                return True
            except JournalError as err:
                close_journal()
                messages.show_error(parent, QCoreApplication.translate(
                    "app", "The backup could not be restored: {error}").format(error=i18n.say_error(err)))
    if moved is None:  # the damaged file is still in the way: nothing more to offer
        messages.show_error(parent, i18n.say_error(exc))
        return False
    question = (QCoreApplication.translate("app", "Start again with an empty journal?") if good is None
                else QCoreApplication.translate("app", "Start again with an empty journal instead?"))
    if not messages.confirm(parent, f"{damaged}\n\n{kept}\n\n{question}",
                            QCoreApplication.translate("app", "Start Empty Journal"),
                            detail="" if good is None
                            else QCoreApplication.translate("app", "The backups stay in File ▸ Backups…")):
        return False
    try:
        open_journal(journal)
    except JournalError as err:
        messages.show_error(parent, i18n.say_error(err))
        return False
    return True


def _final_backup() -> None:
    """The backup on closing, if the window did not take it (never raises)."""
    from dealjournal import backup
    from dealjournal.store.db import db, journal_path

    if journal_path() is None or db.is_closed():
        return
    try:
        backup.backup_if_changed("close")
    except (JournalError, OSError, sqlite3.Error) as exc:
        log.warning("The backup on closing failed: %s", exc)


def run(db_path: Path | None = None) -> int:
    """Open the window on the journal at *db_path* (default location when None); the exit code."""
    from dealjournal.gui import single_instance
    from dealjournal.safety import JournalInUse
    from dealjournal.store import close_journal, default_journal_path

    app = make_application()
    apply_preferences(app)
    if smoke_ms := os.environ.get("DEALJOURNAL_SMOKE_QUIT_MS"):  # packaging/build_bundle.py: paint, then quit
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(smoke_ms), app.quit)
    path = db_path or default_journal_path()
    if single_instance.notify_running(path):
        return 0  # the window already holding this journal came forward
    try:
        from dealjournal.store import open_journal

        open_journal(path, check=False)  # quick_check runs in the background once the window shows
    except JournalInUse as exc:
        # Another window may have been starting up, its server not yet listening: ask again.
        if single_instance.notify_running(path, timeout_ms=3000):
            return 0
        from dealjournal.gui import i18n, messages

        messages.show_error(None, i18n.say_error(exc))
        return 1
    except JournalError as exc:
        if not explain_open_error(exc):  # offers a backup (or an empty journal) for a damaged file
            return 1
    from dealjournal.gui.bus import JournalBus
    from dealjournal.gui.mainwindow import MainWindow

    sys.excepthook = _report_bug
    bus = JournalBus(path)
    window = MainWindow(bus)
    window.instances = single_instance.InstanceServer(window)
    window.instances.raise_requested.connect(window.bring_to_front)
    window.instances.listen(path)
    from dealjournal.gui.reminders import FollowUpReminder

    reminder = FollowUpReminder(bus, window.show_home, window=window, parent=window)  # owned by the window
    reminder.start()
    window.show()
    try:
        return app.exec()
    finally:
        window.instances.close()
        if not window.act.showing_sample():
            _final_backup()
        close_journal()
        window.act.discard_sample()
