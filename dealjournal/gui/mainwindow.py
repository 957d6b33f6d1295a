"""The main window: for now, the relationships that need attention today.

(The full window with its pages arrives with the desktop-app issue.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView

from dealjournal import APP_NAME, health
from dealjournal.domain import today
from dealjournal.health import ContactHealth

Index = QModelIndex | QPersistentModelIndex


class AttentionModel(QAbstractTableModel):
    """Contacts that are stale, one-sided or owed something, most overdue first."""

    HEADERS = ("Name", "Stage", "Days quiet", "Why")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ContactHealth] = []

    def reload(self) -> None:
        self.beginResetModel()
        flagged = [h for h in health.compute(today()) if h.reasons]
        self._rows = sorted(flagged, key=lambda h: (-(h.overdue_days or 0), h.name.casefold()))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        h = self._rows[index.row()]
        return (h.name, h.stage, h.days_quiet, "; ".join(h.reasons))[index.column()]


class MainWindow(QMainWindow):
    def __init__(self, journal: Path) -> None:
        super().__init__()
        self.setWindowTitle(f"{journal.name} — {APP_NAME}")
        self.model = AttentionModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Relationships that need attention")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.setCentralWidget(self.table)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu("&File").addAction(quit_action)
        self.statusBar().addPermanentWidget(QLabel(str(journal)))
        self.model.reload()
        count = self.model.rowCount()
        self.statusBar().showMessage(f"{count} relationships need attention" if count else "Every relationship is in good health")
        self.resize(1024, 640)
