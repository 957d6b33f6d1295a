"""File ▸ Backups…: the journal's backups, newest first; back up now, restore one, how many to keep.

The list is short (thinning keeps about two dozen), so a QTableWidget filled from
:func:`dealjournal.safety.backup.list_backups` is enough. Restoring backs the current journal up
first (the core does it), swaps the file and reopens it; the window then reloads every page.
The keep policy is saved when the dialog closes, if it was changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from dealjournal.errors import JournalError
from dealjournal.gui import i18n, importing, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.safety import backup
from dealjournal.store.backup_files import describe

log = logging.getLogger(__name__)

REASONS = {
    "open": QT_TRANSLATE_NOOP("backups", "On opening"),
    "close": QT_TRANSLATE_NOOP("backups", "On closing"),
    "auto": QT_TRANSLATE_NOOP("backups", "Every 30 minutes"),
    "manual": QT_TRANSLATE_NOOP("backups", "Backed up by hand"),
    "before-import": QT_TRANSLATE_NOOP("backups", "Before an import"),
    "before-restore": QT_TRANSLATE_NOOP("backups", "Before a restore"),
    "before-upgrade": QT_TRANSLATE_NOOP("backups", "Before an upgrade"),
}
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def size_text(size: int) -> str:
    """1 KB, 820 KB, 3.4 MB: a backup is never shown smaller than 1 KB."""
    return importing.size_text(max(size, 1024))


def reason_text(reason: str) -> str:
    """Why a backup was taken, in the window's language (a reason this version does not know: its code)."""
    known = REASONS.get(reason)
    return QCoreApplication.translate("backups", known) if known else reason.replace("-", " ").capitalize()


class BackupsDialog(FormDialog):
    form_name = "backups"

    def __init__(self, bus: JournalBus, parent: QWidget | None = None,
                 on_restored: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.on_restored = on_restored
        self.table = self.child(QTableWidget, "table")
        head = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # "why": the one with room to spare
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.empty = self.child(QLabel, "empty")
        self.folder_label = self.child(QLabel, "folder")
        self.backup_button = self.child(QPushButton, "backupNow")
        self.restore_button = self.child(QPushButton, "restore")
        self.folder_button = self.child(QPushButton, "showFolder")
        self.keep = {field: self.child(QSpinBox, name) for field, name in
                     (("daily", "keepDaily"), ("weekly", "keepWeekly"), ("monthly", "keepMonthly"))}
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.show_folder)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._policy = backup.policy()
        for field, spin in self.keep.items():
            spin.setValue(getattr(self._policy, field))
        self.reload()
        self.setMinimumSize(600, 500)  # wrapped texts: below this Qt would squeeze them over each other
        self.resize(720, 540)

    @classmethod
    def show_for(cls, bus: JournalBus, parent: QWidget | None,
                 on_restored: Callable[[], None] | None = None) -> None:
        cls(bus, parent, on_restored).exec()

    # --- the list ---------------------------------------------------------------------------

    def folder(self) -> Path:
        return backup.backup_folder(self.bus.path)

    def reload(self, select: Path | None = None) -> None:
        try:
            found = backup.list_backups(self.bus.path)
        except (JournalError, OSError) as exc:
            log.warning("Cannot list the backups: %s", exc)
            found = []
        folder = self.folder()
        self.folder_label.setText(str(folder))
        self.folder_label.setToolTip(str(folder))
        self.table.setRowCount(len(found))
        for row, info in enumerate(found):
            cells = (f"{info.taken_at:%Y-%m-%d  %H:%M:%S}", reason_text(info.reason), size_text(info.size),
                     self.tr("unreadable") if info.contacts is None else QLocale().toString(info.contacts))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PATH_ROLE, str(info.path))
                item.setToolTip(info.path.name)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(found))
        self.empty.setVisible(not found)
        if found:
            paths = [info.path for info in found]
            self.table.selectRow(paths.index(select) if select in paths else 0)
        self._update_buttons()

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)
        self.folder_button.setEnabled(self.folder().is_dir())

    # --- actions ----------------------------------------------------------------------------

    def back_up_now(self) -> backup.BackupInfo | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = backup.make_backup("manual")
        except (JournalError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            messages.show_error(self, self.tr("No backup was taken: {error}").format(error=i18n.say_error(exc)))
            return None
        QApplication.restoreOverrideCursor()
        self.bus.status.emit(self.tr("Journal backed up ({file})").format(file=info.path.name))
        self.reload(select=info.path)
        return info

    def restore_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            return False
        info = describe(chosen)
        when = f"{info.taken_at:%Y-%m-%d %H:%M}"
        if info.contacts is None:
            question = self.tr("Restore the backup taken {when}?")
        elif info.contacts == 1:
            question = self.tr("Restore the backup taken {when}, {n} contact?")
        else:
            question = self.tr("Restore the backup taken {when}, {n} contacts?")
        question = question.format(when=when, n=QLocale().toString(info.contacts or 0))
        explanation = self.tr("The journal as it is now is backed up first, so you can come back to it from this "
                              "list. Changes made after this backup are then no longer in the journal.")
        if not messages.confirm(self, f"{question}\n\n{explanation}", self.tr("Restore"),
                                detail=self.tr("Undo history is cleared.")):
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backup.restore(chosen)
        except (JournalError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            messages.show_error(self, i18n.say_error(exc))
            self._after_restore()  # the core reopened the journal as it was (or closed it)
            return False
        QApplication.restoreOverrideCursor()
        self._after_restore()
        self.bus.status.emit(self.tr("Journal restored from the backup taken {when}").format(when=when))
        self.reload()
        return True

    def _after_restore(self) -> None:
        if self.on_restored is not None:
            self.on_restored()
        else:
            self.bus.reset()

    def show_folder(self) -> bool:
        folder = self.folder()
        if not folder.is_dir():
            return False
        # A folder this app made, opened in the file manager: not a link from the journal's data.
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- policy -----------------------------------------------------------------------------

    def chosen_policy(self) -> backup.Policy:
        return backup.Policy(**{field: spin.value() for field, spin in self.keep.items()})

    def done(self, result: int) -> None:
        chosen = self.chosen_policy()
        if chosen != self._policy:
            try:
                backup.set_policy(chosen)
                self._policy = chosen
            except JournalError as exc:
                messages.show_error(self, self.tr("The backup settings were not saved: {error}").format(
                    error=i18n.say_error(exc)))
        super().done(result)
