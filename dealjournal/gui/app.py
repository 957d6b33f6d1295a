"""Start-up of the window: the application object, the journal, the main window, the bug handler."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from dealjournal import APP_ID, APP_NAME, DESKTOP_ID, __version__
from dealjournal.errors import JournalError

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


def _report_bug(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """A bug: log it with its traceback and tell the user, without taking the window down."""
    log.error("Unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
    if QApplication.instance() is not None:
        QMessageBox.critical(None, APP_NAME, "Something went wrong inside Deal Journal. Your journal is safe; "
                             f"the details are in the log.\n\n{kind.__name__}")


def run(db_path: Path | None = None) -> int:
    """Open the window on the journal at *db_path* (default location when None); the exit code."""
    from dealjournal.store import close_journal, default_journal_path, open_journal

    app = make_application()
    if smoke_ms := os.environ.get("DEALJOURNAL_SMOKE_QUIT_MS"):  # packaging/build_bundle.py: paint, then quit
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(smoke_ms), app.quit)
    path = db_path or default_journal_path()
    try:
        open_journal(path)
    except JournalError as exc:
        from dealjournal.gui.messages import show_error

        show_error(None, str(exc))
        return 1
    from dealjournal.gui.bus import JournalBus
    from dealjournal.gui.mainwindow import MainWindow

    sys.excepthook = _report_bug
    bus = JournalBus(path)
    window = MainWindow(bus)
    window.show()
    try:
        return app.exec()
    finally:
        close_journal()
