"""Help ▸ About and Help ▸ Keyboard Shortcuts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from dealjournal import __version__
from dealjournal.gui.dialogs.base import FormDialog
from dealjournal.gui.forms import icon


class AboutDialog(FormDialog):
    form_name = "about"

    def __init__(self, journal: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child(QLabel, "logo").setPixmap(icon("dealjournal").pixmap(96, 96))
        title = self.child(QLabel, "title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.child(QLabel, "version").setText(f"Version {__version__}")
        self.child(QLabel, "journal").setText(f"Journal: {journal}")
        self.buttons.rejected.connect(self.reject)  # type: ignore[union-attr]


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
