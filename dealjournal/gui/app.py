"""Start-up of the window: the application object, the journal, the main window, the bug handler.

Problems with the journal file become messages the user can act on
(:mod:`dealjournal.gui.opening`). A second launch on a journal that a window already holds
brings that window forward and exits (:mod:`dealjournal.gui.single_instance`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from dealjournal import APP_ID, APP_NAME, DESKTOP_ID, __version__
from dealjournal.errors import JournalError
from dealjournal.gui.opening import explain_open_error

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


def _final_backup() -> None:
    """The backup on closing, if the window did not take it (never raises)."""
    from dealjournal.safety import backup
    from dealjournal.store.db import db, journal_path

    if journal_path() is None or db.is_closed():
        return
    try:
        backup.backup_if_changed("close")
    except (JournalError, OSError, sqlite3.Error) as exc:
        log.warning("The backup on closing failed: %s", exc)


def run_agent(db_path: Path | None = None) -> int:
    """``dealjournal --agent``: the reminder agent's event loop, without a window; the exit code."""
    from dealjournal.gui.agent import ReminderAgent
    from dealjournal.store import default_journal_path

    app = make_application()
    app.setQuitOnLastWindowClosed(False)
    apply_preferences(app)
    agent = ReminderAgent(db_path or default_journal_path(), parent=app)
    agent.start()
    return app.exec()


def run(db_path: Path | None = None) -> int:
    """Open the window on the journal at *db_path* (default location when None); the exit code."""
    from dealjournal.gui import single_instance
    from dealjournal.store import close_journal, default_journal_path
    from dealjournal.store.lock import JournalInUse

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
