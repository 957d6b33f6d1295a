"""Import and export from the window: the pieces the import wizard and the export dialog
share — a worker-thread job with progress and cancel, and the preview table's model. The
entry points the File menu and a file drop call are :func:`~dealjournal.gui.dialogs.
import_wizard.run_import` and :func:`~dealjournal.gui.dialogs.export_dialog.run_export`.

Parsing, planning, backing up and writing all run in a worker thread (:class:`Job`) with
its own database connection (peewee keeps one per thread), so a 10k-contact file never
freezes the window; the thread reports progress through queued signals. The UI thread
never writes while a job writes: the wizard disables everything but Cancel meanwhile.

Texts are in the window's language (translation context ``importing``); the tables below
hold the English, marked for translation, and are translated where they are shown
(:func:`format_choices`, :func:`format_name`, the model's headers and cells).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from dealjournal.contact_import import PlanRow
from dealjournal.errors import FormatError, JournalError
from dealjournal.gui import i18n
from dealjournal.importers import HEAD_SIZE, ImportCancelled, ImportFormatError
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.store.db import db

if TYPE_CHECKING:
    from dealjournal.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

Report = Callable[[int, int], bool]
Index = QModelIndex | QPersistentModelIndex

# The format combo's choices: (label, format; None = detect), in English: show :func:`format_choices`.
FORMAT_CHOICES: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("importing", "Automatic"), None), (QT_TRANSLATE_NOOP("importing", "Deal Journal JSON"), "json"),
    (QT_TRANSLATE_NOOP("importing", "vCard (.vcf)"), "vcard"),
    (QT_TRANSLATE_NOOP("importing", "LinkedIn connections (CSV)"), "linkedin"),
    (QT_TRANSLATE_NOOP("importing", "Google Contacts (CSV)"), "google"),
    (QT_TRANSLATE_NOOP("importing", "Outlook (CSV)"), "outlook"),
    (QT_TRANSLATE_NOOP("importing", "Other CSV — choose the columns"), "csv"))
# What each format is called in a sentence, in English: show :func:`format_name`.
FORMAT_NAMES: dict[str, str] = {
    "json": QT_TRANSLATE_NOOP("importing", "a Deal Journal JSON file"),
    "vcard": QT_TRANSLATE_NOOP("importing", "a vCard file"),
    "linkedin": QT_TRANSLATE_NOOP("importing", "LinkedIn connections (CSV)"),
    "google": QT_TRANSLATE_NOOP("importing", "a Google Contacts export (CSV)"),
    "outlook": QT_TRANSLATE_NOOP("importing", "an Outlook export (CSV)"),
    "csv": QT_TRANSLATE_NOOP("importing", "a CSV file")}


def format_choices() -> list[tuple[str, str | None]]:
    """The format combo's choices in the window's language: (label, format; None = detect)."""
    return [(QCoreApplication.translate("importing", label), fmt) for label, fmt in FORMAT_CHOICES]


def format_name(fmt: str) -> str:
    """What the format *fmt* is called in a sentence ("a vCard file"), in the window's language."""
    name = FORMAT_NAMES.get(fmt)
    return QCoreApplication.translate("importing", name) if name is not None else fmt


def read_head(path: Path) -> bytes:
    """The first bytes of *path* (JournalError when it cannot be read)."""
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_SIZE)  # enough to tell its format and read a CSV header
    except OSError as exc:
        raise JournalError(QCoreApplication.translate("importing", "{file} cannot be read: {error}.").format(
            file=path.name, error=exc.strerror or exc)) from exc


def size_text(size: int) -> str:
    """A file size for people ("12 KB"), in the window's language."""
    if size < 1024:
        return (QCoreApplication.translate("importing", "{n} byte") if size == 1
                else QCoreApplication.translate("importing", "{n} bytes")).format(n=size)
    if size < 1024 * 1024:
        return QCoreApplication.translate("importing", "{size} KB").format(size=QLocale().toString(size / 1024, "f", 0))
    return QCoreApplication.translate("importing", "{size} MB").format(
        size=QLocale().toString(size / (1024 * 1024), "f", 1))


def explain(exc: BaseException, name: str) -> str:
    """A message a person can act on (in the window's language), for an exception a job ended with."""
    if isinstance(exc, ImportFormatError):
        text = i18n.say_error(exc).rstrip(".")
        return QCoreApplication.translate("importing", "{file} cannot be imported: {reason}.").format(
            file=name, reason=text)
    if isinstance(exc, FormatError):
        return QCoreApplication.translate(
            "importing", "{file} is not a valid Deal Journal file; nothing can be imported from it.").format(file=name)
    if isinstance(exc, JournalError):
        return i18n.say_error(exc)
    return QCoreApplication.translate(
        "importing", "Something went wrong ({error}); nothing was changed. The log has the details.").format(
        error=type(exc).__name__)


class Job(QObject):
    """Runs ``work(report)`` in a worker thread; ``report(done, total)`` returns False once
    :meth:`cancel` was called (the core then raises :class:`ImportCancelled`).

    Exactly one of :attr:`succeeded` (the result), :attr:`failed` (the exception) or
    :attr:`cancelled` fires, in the UI thread, then :attr:`ended`.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()
    _finished = Signal(str, object)

    def __init__(self, work: Callable[[Report], Any], name: str = "import") -> None:
        super().__init__()
        self._work = work
        self._name = name
        self._cancel = threading.Event()
        self._last = -1
        self.running = False
        self._finished.connect(self._on_finished)

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        self.running = True
        threading.Thread(target=self._run, name=f"dealjournal-{self._name}", daemon=True).start()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int) -> bool:
        """Called by the core in the worker thread; emits at most ~1000 progress signals."""
        if self._cancel.is_set():
            return False
        step = (1000 * done) // max(total, 1)
        if step != self._last:
            self._last = step
            self.progressed.emit(done, total)
        return True

    def _run(self) -> None:
        kind, value = "ok", None
        try:
            db.connect(reuse_if_open=True)
            value = self._work(self.report)
        except ImportCancelled:
            kind = "cancelled"
        except (ImportFormatError, JournalError) as exc:
            kind, value = "failed", exc
        except Exception as exc:  # a bug: keep the window alive; no file content in the log
            log.error("The %s job failed: %s", self._name, type(exc).__name__)
            log.debug("job failure details", exc_info=True)
            kind, value = "failed", exc
        finally:
            if not db.is_closed():
                db.close()
        self._finished.emit(kind, value)

    def _on_finished(self, kind: str, value: object) -> None:
        self.running = False
        if kind == "ok":
            self.succeeded.emit(value)
        elif kind == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(value)
        self.ended.emit()


class Col(IntEnum):
    LINE = 0
    WHAT = 1
    NAME = 2
    REASON = 3


HEADERS = {Col.LINE: QT_TRANSLATE_NOOP("importing", "Line"), Col.WHAT: QT_TRANSLATE_NOOP("importing", "What happens"),
           Col.NAME: QT_TRANSLATE_NOOP("importing", "Name"), Col.REASON: QT_TRANSLATE_NOOP("importing", "Why")}
ACTIONS = {"skip": QT_TRANSLATE_NOOP("importing", "Skipped"), "merge": QT_TRANSLATE_NOOP("importing", "Merged"),
           "new": QT_TRANSLATE_NOOP("importing", "New")}
ADDED_ANYWAY = QT_TRANSLATE_NOOP("importing", "Added anyway")  # a new contact although it duplicates another
# The preview's "Show" choices: (label with the count, the action listed; None = every row).
SHOW_CHOICES: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("importing", "Every row ({n})"), None), (QT_TRANSLATE_NOOP("importing", "New ({n})"), "new"),
    (QT_TRANSLATE_NOOP("importing", "Merged ({n})"), "merge"), (QT_TRANSLATE_NOOP("importing", "Skipped ({n})"), "skip"))


def row_reason(row: PlanRow) -> str:
    """Why the import does what it does with *row*, in the window's language."""
    reason = i18n.say(row.reason)
    if row.action != "merge":
        return reason
    into = (QCoreApplication.translate("importing", "into {name}").format(name=row.target_name) if row.target_name
            else QCoreApplication.translate("importing", "into line {line}").format(line=row.same_as_line)
            if row.same_as_line else "")
    if reason and into:
        #: Import preview, "Why" column: the reason for merging, then which contact it merges into
        return QCoreApplication.translate("importing", "{reason} → {into}").format(reason=reason, into=into)
    return reason or into


class PlanRowsModel(QAbstractTableModel):
    """The preview's rows: new, merged and skipped, or those of one action (:meth:`show_only`); sortable."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[PlanRow] = []
        self._rows: list[PlanRow] = []
        self._action: str | None = None
        self._order: tuple[int, Qt.SortOrder] = (Col.LINE, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: list[PlanRow]) -> None:
        self._all = list(rows)
        self.show_only(self._action)

    def show_only(self, action: str | None) -> None:
        """List only the rows whose action is *action* ("new", "merge", "skip"; None: every row)."""
        self.beginResetModel()
        self._action = action
        self._rows = [r for r in self._all if action is None or r.action == action]
        self._sort_rows()
        self.endResetModel()

    def counts(self) -> dict[str | None, int]:
        """How many rows each :data:`SHOW_CHOICES` entry lists."""
        found: dict[str | None, int] = {None: len(self._all), "new": 0, "merge": 0, "skip": 0}
        for row in self._all:
            found[row.action] = found.get(row.action, 0) + 1
        return found

    def rows(self) -> list[PlanRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def _text(self, row: PlanRow, col: Col) -> str:
        if col == Col.LINE:
            return str(row.line)
        if col == Col.WHAT:
            action = ADDED_ANYWAY if row.action == "new" and row.reason else ACTIONS.get(row.action)
            return QCoreApplication.translate("importing", action) if action is not None else row.action
        if col == Col.NAME:
            return row.name or QCoreApplication.translate("importing", "(no name)")
        return row_reason(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(Col):
            return None
        row, col = self._rows[index.row()], Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._text(row, col)
            return text if len(text) <= 300 else text[:299] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and col in (Col.NAME, Col.REASON):
            return self._text(row, col)[:2000]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Col):
            return QCoreApplication.translate("importing", HEADERS[Col(section)])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Col):
            return
        self.beginResetModel()
        self._order = (column, order)
        self._sort_rows()
        self.endResetModel()

    def _sort_rows(self) -> None:
        column, order = self._order
        col = Col(column)

        def key(row: PlanRow) -> tuple[Any, ...]:
            first: Any = row.line if col == Col.LINE else self._text(row, col).casefold()
            return (first, row.line)

        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


def after_import(window: MainWindow, message: str) -> None:
    """Every page reloads, the health state is rebuilt in the background, and the status
    bar says what happened (the core already invalidated the health state)."""
    window.bus.reset()
    window.keeper.ensure_current()
    if window.stack.currentWidget() is window.welcome:
        window.show_contact_list()
    window.bus.status.emit(message)
