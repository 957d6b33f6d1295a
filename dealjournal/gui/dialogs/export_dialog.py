"""File ▸ Export…: a save dialog offering the four export formats, and the export itself
run in a worker thread (the CSV computes every contact's health) behind a busy indicator."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from dealjournal import exports
from dealjournal.gui import messages
from dealjournal.gui.importing import Job, explain

if TYPE_CHECKING:
    from dealjournal.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

#: (format, file-dialog filter, extension), in the order the dialog offers them.
FILTERS: tuple[tuple[str, str, str], ...] = (
    ("json", "Deal Journal JSON — everything, re-importable (*.json)", ".json"),
    ("csv", "CSV — contacts with their health, for spreadsheets (*.csv)", ".csv"),
    ("vcard", "vCard 4.0 — contacts for address books (*.vcf *.vcard)", ".vcf"),
    ("ics", "iCalendar — open follow-ups for calendars (*.ics)", ".ics"),
)


def _folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def choose_target(parent: QWidget | None, journal: Path | None = None) -> tuple[Path, str] | None:
    """Ask where to export and in which format; the extension decides when it names one,
    else the chosen filter (and its extension is added). None when cancelled."""
    stem = f"{journal.stem}-export" if journal is not None else "journal-export"
    name, chosen = QFileDialog.getSaveFileName(parent, "Export", str(_folder() / f"{stem}.json"),
                                               ";;".join(f for _, f, _ in FILTERS), FILTERS[0][1])
    if not name:
        return None
    path = Path(name)
    fmt = exports.format_for_path(path)
    if fmt is None:
        fmt, ext = next(((f, e) for f, text, e in FILTERS if text == chosen), FILTERS[0][::2])
        path = path.with_name(path.name + ext)
    return path, fmt


def done_message(fmt: str, count: int, path: Path) -> str:
    if fmt == "json":
        return f"Exported the journal ({count:,} contact{'s' if count != 1 else ''}) to {path.name}"
    noun = "open follow-up" if fmt == "ics" else "contact"
    return f"Exported {count:,} {noun}{'s' if count != 1 else ''} to {path.name}"


def export_to(window: MainWindow, path: Path, fmt: str) -> bool:
    """Write the journal to *path* in *fmt* off the UI thread; show the outcome. True when written."""
    outcome: dict[str, object] = {}
    job = Job(lambda _report: exports.export_file(path, fmt), name="export")
    job.succeeded.connect(lambda count: outcome.update(count=count))
    job.failed.connect(lambda exc: outcome.update(error=exc))
    busy = QProgressDialog(f"Exporting to {path.name}…", "", 0, 0, window)
    busy.setWindowTitle("Export")
    busy.setCancelButton(None)  # type: ignore[arg-type]
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(400)
    loop = QEventLoop()
    job.ended.connect(loop.quit)
    job.start()
    loop.exec()  # the window keeps painting; the busy dialog blocks input meanwhile
    busy.close()
    busy.deleteLater()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        messages.show_error(window, f"Could not export to {path}:\n\n{explain(error, path.name)}")
        return False
    window.bus.status.emit(done_message(fmt, int(outcome.get("count", 0)), path))  # type: ignore[call-overload]
    return True
