"""Start-up of the window: the application object, the journal, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from dealjournal import APP_ID, APP_NAME, __version__
from dealjournal.errors import JournalError

log = logging.getLogger(__name__)


def run(db_path: Path | None = None) -> int:
    """Open the window on the journal at *db_path* (default location when None); the exit code."""
    from dealjournal.store import close_journal, default_journal_path, open_journal

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    path = db_path or default_journal_path()
    try:
        open_journal(path)
    except JournalError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    from dealjournal.gui.mainwindow import MainWindow

    window = MainWindow(path)
    window.show()
    try:
        return app.exec()
    finally:
        close_journal()
