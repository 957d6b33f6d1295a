"""Help ▸ About (version, licences, where the journal and its backups live) and Help ▸ Keyboard Shortcuts."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QWidget

from dealjournal import __version__
from dealjournal.gui.dialogs.base import FormDialog
from dealjournal.gui.forms import icon
from dealjournal.safety.backup import backup_folder


class AboutDialog(FormDialog):
    """Version, licences, and where the journal and its backups live (all selectable plain text)."""

    form_name = "about"

    def __init__(self, journal: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child(QLabel, "logo").setPixmap(icon("dealjournal").pixmap(96, 96))
        title = self.child(QLabel, "title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.child(QLabel, "version").setText(self.tr("Version {version}").format(version=__version__))
        # Read-only line edits: a long path scrolls instead of widening the dialog, and
        # can be selected and copied with the keyboard.
        for name, path in (("journal", journal), ("backups", backup_folder(journal))):
            field = self.child(QLineEdit, name)
            field.setText(str(path))
            field.setCursorPosition(0)
            field.setToolTip(str(path))
        self.child(QLabel, "runtime").setText(self.tr("Python {python}, Qt {qt}, PySide6 {pyside}").format(
            python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__))
        assert self.buttons is not None
        self.buttons.rejected.connect(self.reject)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()
        self.setMinimumWidth(480)
        width = 600
        self.resize(width, max(self.heightForWidth(width), self.minimumSizeHint().height()))


class ShortcutsDialog(FormDialog):
    form_name = "shortcuts"

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        table = self.child(QTableWidget, "table")
        table.setRowCount(len(rows))
        for r, (name, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(name))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.resize(460, 520)
