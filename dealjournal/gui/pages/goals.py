"""The Goals page: what every contact is trying to achieve, high priority and soonest target first.

Ordered and paged in SQL (:func:`dealjournal.queries.library.goals`). An open goal whose
target date has passed carries a warning sign and the words "overdue by N days", coloured
too, so it does not rely on colour alone.
"""

from __future__ import annotations

import logging
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dealjournal import ops
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.pages.base import Page
from dealjournal.gui.pages.journal import PagedModel, set_widths, table_view
from dealjournal.ops import OpChanges
from dealjournal.queries import library
from dealjournal.queries.library import GoalRow

log = logging.getLogger(__name__)

FILTERS = (("Open goals", "open"), ("Achieved", "achieved"), ("Dropped", "dropped"), ("All goals", "all"))
OVERDUE_MARK = "⚠"


class Col(IntEnum):
    PRIORITY = 0
    GOAL = 1
    CONTACT = 2
    TARGET = 3
    DUE = 4
    CREATED = 5
    STATUS = 6


def due_text(row: GoalRow, today: date) -> str:
    """How the target stands, in words: "⚠ overdue by 5 days", "in 12 days", "no target"."""
    if row.status != "open":
        return f"{row.status} {row.closed_on}" if row.closed_on else row.status
    if row.overdue_days is not None:
        return f"{OVERDUE_MARK} overdue by {row.overdue_days} day{'s' if row.overdue_days != 1 else ''}"
    if not row.target_on:
        return "no target"
    days = (date.fromisoformat(row.target_on) - today).days
    return "due today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"


class GoalsModel(PagedModel[GoalRow]):
    headers = ("Priority", "Goal", "Contact", "Target", "Due", "Created", "Status")
    page_size = 500

    def __init__(self, bus: JournalBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.status = "open"
        self.today = bus.today()

    def reload(self) -> None:
        self.today = self.bus.today()
        super().reload()

    def fetch(self, loaded: list[GoalRow], limit: int) -> list[GoalRow]:
        return library.goals(self.status, self.today, limit=limit, offset=len(loaded))

    def cell(self, row: GoalRow, column: int, role: int) -> Any:
        overdue = row.overdue_days is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.priority.capitalize(), row.title.replace("\n", " "), row.contact_name,
                    row.target_on or "—", due_text(row, self.today), row.created_on,
                    row.status.capitalize())[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (Col.GOAL, Col.CONTACT, Col.DUE):
            if column == Col.DUE and overdue:
                return f"The target date {row.target_on} has passed."
            return row.title if column == Col.GOAL else row.contact_name if column == Col.CONTACT else None
        if overdue and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(220, 50, 40, 38)
        if overdue and column == Col.DUE:
            if role == Qt.ItemDataRole.ForegroundRole:
                dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
                return QColor("#ff8a80") if dark else QColor("#b3261e")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.AccessibleTextRole and column == Col.DUE:
            return due_text(row, self.today).replace(OVERDUE_MARK, "Warning:")
        return None


class GoalsPage(Page):
    title = "Goals"
    icon_name = "goals"
    shortcut_help = (("mark the selected goal achieved", "Ctrl+Return"),)

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        self.model = GoalsModel(bus, self)
        self.filter = QComboBox()
        self.filter.setAccessibleName("Show which goals")
        for label, value in FILTERS:
            self.filter.addItem(label, value)
        show = QLabel("&Show")
        show.setBuddy(self.filter)
        self.open_button = QPushButton("&Open contact")
        self.achieved_button = QPushButton("Mark &achieved")
        self.dropped_button = QPushButton("Mark &dropped")
        self.reopen_button = QPushButton("&Reopen")
        for button in (self.open_button, self.achieved_button, self.dropped_button, self.reopen_button):
            button.setAccessibleName(button.text().replace("&", ""))
        top = QHBoxLayout()
        top.addWidget(show)
        top.addWidget(self.filter)
        top.addStretch(1)
        for button in (self.open_button, self.achieved_button, self.dropped_button, self.reopen_button):
            top.addWidget(button)

        self.view = table_view("Goals")
        self.view.setModel(self.model)
        set_widths(self.view, {Col.PRIORITY: 8, Col.CONTACT: 22, Col.TARGET: 11, Col.DUE: 26,
                               Col.CREATED: 11, Col.STATUS: 9}, Col.GOAL)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)

        self.filter.currentIndexChanged.connect(self._filter)
        self.view.activated.connect(self._open)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.open_button.clicked.connect(lambda: self._open(self.view.currentIndex()))
        self.achieved_button.clicked.connect(lambda: self.close_current("achieved"))
        self.dropped_button.clicked.connect(lambda: self.close_current("dropped"))
        self.reopen_button.clicked.connect(lambda: self.close_current("open"))
        QShortcut(QKeySequence("Ctrl+Return"), self.view, lambda: self.close_current("achieved"),
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.view.setColumnHidden(Col.STATUS, True)
        self._update_buttons()

    def concerns(self, changes: OpChanges) -> bool:
        return bool(changes.goals or changes.contacts)

    def _filter(self) -> None:
        self.model.status = self.filter.currentData()
        self.view.setColumnHidden(Col.STATUS, self.model.status != "all")  # one status: the filter says it
        self.reload()

    def reload(self) -> None:
        current = self.current_goal()
        self.model.reload()
        has_rows = self.model.rowCount() > 0
        self.empty.setText({"open": "No open goals. Add what a customer is trying to achieve on their page.",
                            "achieved": "No goal achieved yet.", "dropped": "No dropped goals."}
                           .get(self.model.status, "No goals yet."))
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows:
            rows = [r.id for r in self.model.rows]
            self.view.selectRow(rows.index(current.id) if current and current.id in rows else 0)
        self._update_buttons()

    def current_goal(self) -> GoalRow | None:
        return self.model.row_at(self.view.currentIndex())

    def current_contact_id(self) -> int | None:
        goal = self.current_goal()
        return goal.contact_id if goal is not None else None

    def _update_buttons(self) -> None:
        goal = self.current_goal()
        self.open_button.setEnabled(goal is not None)
        self.achieved_button.setEnabled(goal is not None and goal.status != "achieved")
        self.dropped_button.setEnabled(goal is not None and goal.status != "dropped")
        self.reopen_button.setEnabled(goal is not None and goal.status != "open")

    def close_current(self, status: str) -> None:
        goal = self.current_goal()
        if goal is None:
            return
        if self.bus.attempt(self, ops.close_goal, goal.id, status) is not None:
            verb = {"open": "Reopened", "achieved": "Achieved", "dropped": "Dropped"}[status]
            self.bus.status.emit(f"{verb}: {goal.title[:60]}")

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.bus.open_contact.emit(row.contact_id)
