"""File ▸ Export…: a save dialog offering the four export formats, and the export itself
run in a worker thread (the CSV computes every contact's health) behind a busy indicator.

Texts are in the window's language (translation context ``export``)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from dealjournal import exports
from dealjournal.gui import messages
from dealjournal.gui.importing import Job, explain
from dealjournal.phrases import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from dealjournal.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

# (format, file-dialog filter in English, extension), in the order the dialog offers them;
# :func:`filter_text` gives a filter in the window's language.
FILTERS: tuple[tuple[str, str, str], ...] = (
    ("json", QT_TRANSLATE_NOOP("export", "Deal Journal JSON — everything, re-importable (*.json)"), ".json"),
    ("csv", QT_TRANSLATE_NOOP("export", "CSV — contacts with their health, for spreadsheets (*.csv)"), ".csv"),
    ("vcard", QT_TRANSLATE_NOOP("export", "vCard 4.0 — contacts for address books (*.vcf *.vcard)"), ".vcf"),
    ("ics", QT_TRANSLATE_NOOP("export", "iCalendar — open follow-ups for calendars (*.ics)"), ".ics"),
)


def filter_text(english: str) -> str:
    """A filter of :data:`FILTERS` in the window's language."""
    return QCoreApplication.translate("export", english)


def _folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def choose_target(parent: QWidget | None, journal: Path | None = None) -> tuple[Path, str] | None:
    """Ask where to export and in which format; the extension decides when it names one,
    else the chosen filter (and its extension is added). None when cancelled."""
    stem = f"{journal.stem}-export" if journal is not None else "journal-export"
    shown = [filter_text(text) for _, text, _ in FILTERS]
    name, chosen = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("export", "Export"),
                                               str(_folder() / f"{stem}.json"), ";;".join(shown), shown[0])
    if not name:
        return None
    path = Path(name)
    fmt = exports.format_for_path(path)
    if fmt is None:
        fmt, ext = next(((f, e) for (f, _, e), text in zip(FILTERS, shown) if text == chosen), FILTERS[0][::2])
        path = path.with_name(path.name + ext)
    return path, fmt


def done_message(fmt: str, count: int, path: Path) -> str:
    """What the status bar says after an export of *count* records in *fmt* to *path*."""
    one = count == 1
    if fmt == "json":
        text = (QCoreApplication.translate("export", "Exported the journal ({n} contact) to {file}") if one else
                QCoreApplication.translate("export", "Exported the journal ({n} contacts) to {file}"))
    elif fmt == "ics":
        text = (QCoreApplication.translate("export", "Exported {n} open follow-up to {file}") if one else
                QCoreApplication.translate("export", "Exported {n} open follow-ups to {file}"))
    else:
        text = (QCoreApplication.translate("export", "Exported {n} contact to {file}") if one else
                QCoreApplication.translate("export", "Exported {n} contacts to {file}"))
    return text.format(n=QLocale().toString(count), file=path.name)


def export_to(window: MainWindow, path: Path, fmt: str) -> bool:
    """Write the journal to *path* in *fmt* off the UI thread; show the outcome. True when written."""
    outcome: dict[str, object] = {}
    job = Job(lambda _report: exports.export_file(path, fmt), name="export")
    job.succeeded.connect(lambda count: outcome.update(count=count))
    job.failed.connect(lambda exc: outcome.update(error=exc))
    busy = QProgressDialog(QCoreApplication.translate("export", "Exporting to {file}…").format(file=path.name),
                           "", 0, 0, window)
    busy.setWindowTitle(QCoreApplication.translate("export", "Export"))
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
        text = QCoreApplication.translate("export", "Could not export to {path}:\n\n{reason}")
        messages.show_error(window, text.format(path=path, reason=explain(error, path.name)))
        return False
    window.bus.status.emit(done_message(fmt, int(outcome.get("count", 0)), path))  # type: ignore[call-overload]
    return True


def run_export(window: MainWindow) -> bool:
    """File ▸ Export…: choose a file and a format, write it in a worker thread (the window
    keeps painting); True when a file was written."""
    target = choose_target(window, window.bus.path)
    if target is None:
        return False
    return export_to(window, *target)
