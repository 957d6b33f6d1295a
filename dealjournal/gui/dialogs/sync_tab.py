"""Preferences ▸ Sync: the folder a file-sync service (Syncthing, Dropbox, Nextcloud) keeps in
step between the user's computers, this computer's name and whether the window syncs by itself
(kept in the journal: :func:`dealjournal.sync.journal.save_settings`), with when the last pass
ended, the computers seen and the conflicts open. Saving tells :data:`sync_notices`, so the
window's syncer follows.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dealjournal.errors import JournalError
from dealjournal.gui import i18n, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.forms import plain
from dealjournal.gui.models.rows import Index, RowsModel
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.sync import journal as sync_journal

log = logging.getLogger(__name__)


class SyncNotices(QObject):
    """Preferences ▸ Sync saved new settings: the window's syncer reads them again (and syncs)."""

    saved = Signal()


#: Told after Preferences ▸ Sync saved; the main window connects its syncer to it.
sync_notices = SyncNotices()


class DevicesModel(RowsModel[sync_journal.Device]):
    """The computers seen in the sync folder: name (this one marked), change files."""

    headers = (QT_TRANSLATE_NOOP("DevicesModel", "Computer"), QT_TRANSLATE_NOOP("DevicesModel", "Change files"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        device = self.row_at(index)
        if device is None or not 0 <= index.column() < len(self.headers):
            return None
        if index.column() == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return QLocale().toString(device.files)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = (QCoreApplication.translate("DevicesModel", "{name} (this computer)").format(name=device.name)
                    if device.this else device.name)
            return QtGuiNs.convertFromPlainText(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None


class SyncTab(QWidget):
    """Preferences ▸ Sync: the sync folder, this computer's name, automatic sync on/off, and
    how sync stands (last pass, computers seen, conflicts). Saved by the dialog's OK
    (:meth:`apply`), only when something changed."""

    def __init__(self, bus: JournalBus | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncTab")
        self.bus = bus
        intro = plain(QLabel(self.tr(
            "Keep this journal the same on your other computers: choose a folder that Syncthing, Dropbox or "
            "Nextcloud keeps in step (not the journal's own folder). Each computer writes its changes there as "
            "small files; the journal file itself is never synced.")))
        self.closed_note = plain(QLabel(self.tr(
            "Open a journal first: the sync settings are kept in the journal.")))
        self.closed_note.setObjectName("syncClosed")

        self.folder = QLineEdit()
        self.folder.setObjectName("syncFolder")
        self.folder.setReadOnly(True)  # chosen with Choose…; read-only, a long path scrolls and can be copied
        self.folder.setPlaceholderText(self.tr("None: sync is off"))
        self.folder.setAccessibleName(self.tr("Sync folder"))
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.off_button = QPushButton(self.tr("&Turn Off"))
        self.off_button.setToolTip(self.tr("Stop syncing this journal (the files in the folder stay)"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        for button in (self.choose_button, self.off_button):
            button.setAutoDefault(False)
            folder_row.addWidget(button)
        self.choose_button.clicked.connect(self.choose)
        self.off_button.clicked.connect(self.turn_off)

        self.name = QLineEdit()
        self.name.setObjectName("syncName")
        self.name.setAccessibleName(self.tr("This computer's name"))
        self.name.setMaxLength(100)
        # The hints below do not wrap (a wrapped label in a QFormLayout row gets the height of its
        # text at a guessed narrow width); a long translation breaks its lines with "\n".
        name_hint = plain(QLabel(self.tr("Shown to your other computers, for example in conflicts.")), wrap=False)
        self.auto = QCheckBox(self.tr("Sync &automatically"))
        self.auto.setObjectName("syncAuto")
        auto_hint = plain(QLabel(self.tr(
            "When the journal opens, when the folder changes, after your\nedits and every 5 minutes. "
            "Otherwise only File ▸ Sync Now syncs.")), wrap=False)

        self.last_sync = plain(QLabel(), wrap=False)
        self.last_sync.setObjectName("syncLast")
        self.model = DevicesModel(self)
        self.devices = QTableView()
        self.devices.setObjectName("syncDevices")
        self.devices.setAccessibleName(self.tr("Computers seen"))
        self.devices.setModel(self.model)
        self.devices.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.devices.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.devices.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.devices.setWordWrap(False)
        self.devices.verticalHeader().hide()
        head = self.devices.horizontalHeader()
        head.setHighlightSections(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        rows = 3  # a few computers show without scrolling; more scroll
        self.devices.setFixedHeight(head.sizeHint().height() + rows * self.devices.verticalHeader()
                                    .defaultSectionSize() + 2 * self.devices.frameWidth())
        self.no_devices = plain(QLabel(self.tr("None yet: the first sync publishes this journal.")), wrap=False)
        self.no_devices.setObjectName("syncNoDevices")
        devices_box = QVBoxLayout()
        devices_box.setContentsMargins(0, 0, 0, 0)
        devices_box.addWidget(self.devices)
        devices_box.addWidget(self.no_devices)
        self.conflicts = plain(QLabel(), wrap=False)
        self.conflicts.setObjectName("syncConflicts")

        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        folder_label = plain(QLabel(self.tr("Sync &folder:")), wrap=False)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        name_label = plain(QLabel(self.tr("This computer's &name:")), wrap=False)
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        form.addRow("", name_hint)
        form.addRow("", self.auto)
        form.addRow("", auto_hint)
        form.addRow(plain(QLabel(self.tr("Last sync:")), wrap=False), self.last_sync)
        form.addRow(plain(QLabel(self.tr("Computers seen:")), wrap=False), devices_box)
        form.addRow(plain(QLabel(self.tr("Conflicts:")), wrap=False), self.conflicts)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.closed_note)
        layout.addWidget(self.form)
        layout.addStretch(1)

        self._saved: tuple[str | None, str | None, bool] = (None, None, True)
        self.closed_note.setVisible(bus is None)
        self.form.setEnabled(bus is not None)
        if bus is not None:
            self.refresh()
        else:
            self._show_status(None)

    # --- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the sync settings and how sync stands from the journal; the form shows them."""
        status = sync_journal.status()
        self._saved = (status.folder, status.stored_name, status.auto)
        self.show_folder(status.folder)
        self.name.setText(status.stored_name or "")
        self.name.setPlaceholderText(sync_journal.default_device_name())
        self.auto.setChecked(status.auto)
        self._show_status(status)

    def _show_status(self, status: sync_journal.Status | None) -> None:
        last = status.last_sync if status is not None else None
        self.last_sync.setText(last if last else self.tr("never"))  # local time, as the pass stored it
        self.model.set_rows(status.devices if status is not None else [])
        self.devices.setVisible(bool(self.model.rows))
        self.no_devices.setVisible(not self.model.rows)
        issues = status.conflicts + status.deleted_elsewhere if status is not None else 0
        self.conflicts.setText(self.tr("{n} to settle (Edit ▸ Sync Conflicts…)").format(n=issues) if issues
                               else self.tr("None"))

    def show_folder(self, folder: str | None) -> None:
        """Put *folder* in the form (None or "": sync off); stored only on OK."""
        self.folder.setText(folder or "")
        self.folder.setCursorPosition(0)
        self.folder.setToolTip(QtGuiNs.convertFromPlainText(folder) if folder else "")
        self.off_button.setEnabled(bool(folder))

    # --- the form ---------------------------------------------------------------------------

    def chosen_folder(self) -> str | None:
        return self.folder.text().strip() or None

    def chosen_name(self) -> str | None:
        return self.name.text().strip() or None

    def values(self) -> tuple[str | None, str | None, bool]:
        """The folder (None: off), this computer's name (None: the host name) and automatic sync."""
        return self.chosen_folder(), self.chosen_name(), self.auto.isChecked()

    def folder_problem(self, folder: str) -> str | None:
        """Why *folder* cannot be the sync folder (it holds, or is held by, the journal's own
        folder: the sync service would copy the live journal file and corrupt it), or None."""
        if self.bus is None:
            return None
        journal_folder = self.bus.path.parent.resolve()
        try:
            where = Path(folder).expanduser().resolve()
        except (OSError, RuntimeError):
            return None  # the core says what is wrong with it
        if where == journal_folder or journal_folder in where.parents:
            return self.tr(
                "The sync folder cannot be the journal's own folder or a folder inside it ({journal}): the sync "
                "service would copy the journal file while it is in use, and that damages it. Choose another "
                "folder.").format(journal=str(journal_folder))
        if where in journal_folder.parents:
            return self.tr(
                "The sync folder {folder} holds the journal's own folder ({journal}): the sync service would copy "
                "the journal file while it is in use, and that damages it. Choose a folder of its own.").format(
                folder=str(where), journal=str(journal_folder))
        return None

    def choose(self) -> None:
        """Choose…: a folder, checked at once (it is stored on OK)."""
        start = self.chosen_folder() or str(Path.home())
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose the sync folder"), start)
        if not name:
            return
        problem = self.folder_problem(name)
        if problem is not None:
            messages.show_error(self, problem)
            return
        self.show_folder(name)

    def turn_off(self) -> None:
        """Turn Off: no sync folder (on OK); the files already in the folder stay."""
        self.show_folder(None)

    # --- applying ---------------------------------------------------------------------------

    def apply(self) -> bool:
        """Store the settings when they changed and tell :data:`sync_notices`; False (with a
        message shown) when the folder is refused."""
        if self.bus is None:
            return True
        folder, name, auto = self.values()
        if (folder, name, auto) == self._saved:
            return True
        problem = self.folder_problem(folder) if folder is not None else None
        if problem is not None:
            messages.show_error(self, problem)
            return False
        try:
            sync_journal.save_settings(folder, name, auto)
        except JournalError as exc:
            messages.show_error(self, i18n.say_error(exc))
            return False
        log.info("Sync settings changed (sync %s, automatic %s)", "on" if folder else "off", "on" if auto else "off")
        self.refresh()
        sync_notices.saved.emit()
        return True
