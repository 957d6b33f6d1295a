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

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dealjournal.gui import commands, labels
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.pages.base import Page, empty_state
from dealjournal.gui.pages.journal import PagedModel, set_widths, table_view
from dealjournal.ops import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries import library
from dealjournal.queries.library import GoalRow

log = logging.getLogger(__name__)

FILTERS = ((QT_TRANSLATE_NOOP("GoalsPage", "Open goals"), "open"),
           (QT_TRANSLATE_NOOP("GoalsPage", "Achieved"), "achieved"),
           (QT_TRANSLATE_NOOP("GoalsPage", "Dropped"), "dropped"),
           (QT_TRANSLATE_NOOP("GoalsPage", "All goals"), "all"))
OVERDUE_MARK = "⚠"
# How a closed goal's "Due" cell reads: (with the day it was closed, without).
_CLOSED = {
    "achieved": (QT_TRANSLATE_NOOP("GoalsModel", "achieved {day}"), QT_TRANSLATE_NOOP("GoalsModel", "achieved")),
    "dropped": (QT_TRANSLATE_NOOP("GoalsModel", "dropped {day}"), QT_TRANSLATE_NOOP("GoalsModel", "dropped")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("GoalsModel", text)


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
        if row.status not in _CLOSED:
            return labels.label(labels.GOAL_STATUSES, row.status)
        with_day, without = _CLOSED[row.status]
        return _tr(with_day).format(day=row.closed_on) if row.closed_on else _tr(without)
    if row.overdue_days is not None:
        n = row.overdue_days
        overdue = (_tr(QT_TRANSLATE_NOOP("GoalsModel", "overdue by {n} day")) if n == 1
                   else _tr(QT_TRANSLATE_NOOP("GoalsModel", "overdue by {n} days"))).format(n=n)
        return f"{OVERDUE_MARK} {overdue}"
    if not row.target_on:
        return _tr(QT_TRANSLATE_NOOP("GoalsModel", "no target"))
    days = (date.fromisoformat(row.target_on) - today).days
    if days == 0:
        return _tr(QT_TRANSLATE_NOOP("GoalsModel", "due today"))
    return (_tr(QT_TRANSLATE_NOOP("GoalsModel", "in {n} day")) if days == 1
            else _tr(QT_TRANSLATE_NOOP("GoalsModel", "in {n} days"))).format(n=days)


class GoalsModel(PagedModel[GoalRow]):
    headers = (QT_TRANSLATE_NOOP("GoalsModel", "Priority"), QT_TRANSLATE_NOOP("GoalsModel", "Goal"),
               QT_TRANSLATE_NOOP("GoalsModel", "Contact"), QT_TRANSLATE_NOOP("GoalsModel", "Target"),
               QT_TRANSLATE_NOOP("GoalsModel", "Due"), QT_TRANSLATE_NOOP("GoalsModel", "Created"),
               QT_TRANSLATE_NOOP("GoalsModel", "Status"))
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
            return (labels.label(labels.PRIORITIES, row.priority), row.title.replace("\n", " "), row.contact_name,
                    row.target_on or "—", due_text(row, self.today), row.created_on,
                    labels.label(labels.GOAL_STATUSES, row.status))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (Col.GOAL, Col.CONTACT, Col.DUE):
            if column == Col.DUE and overdue:
                return self.tr("The target date {day} has passed.").format(day=row.target_on)
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
            return due_text(row, self.today).replace(OVERDUE_MARK, self.tr("Warning:"))
        return None


class GoalsPage(Page):
    title = QT_TRANSLATE_NOOP("GoalsPage", "Goals")
    icon_name = "goals"
    shortcut_help = ((QT_TRANSLATE_NOOP("GoalsPage", "mark the selected goal achieved"), "Ctrl+Return"),)

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        self.model = GoalsModel(bus, self)
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show which goals"))
        for label, value in FILTERS:
            self.filter.addItem(QCoreApplication.translate("GoalsPage", label), value)
        show = QLabel(self.tr("&Show"))
        show.setBuddy(self.filter)
        self.open_button = QPushButton(self.tr("&Open contact"))
        self.achieved_button = QPushButton(self.tr("Mark &achieved"))
        self.dropped_button = QPushButton(self.tr("Mark &dropped"))
        self.reopen_button = QPushButton(self.tr("&Reopen"))
        for button in (self.open_button, self.achieved_button, self.dropped_button, self.reopen_button):
            button.setAccessibleName(button.text().replace("&", ""))
        top = QHBoxLayout()
        top.addWidget(show)
        top.addWidget(self.filter)
        top.addStretch(1)
        for button in (self.open_button, self.achieved_button, self.dropped_button, self.reopen_button):
            top.addWidget(button)

        self.view = table_view(self.tr("Goals"))
        self.view.setModel(self.model)
        overdue = _tr(QT_TRANSLATE_NOOP("GoalsModel", "overdue by {n} days")).format(n=99999)  # bold: room to spare
        set_widths(self.view, {Col.PRIORITY: 8, Col.CONTACT: 22, Col.TARGET: 11, Col.DUE: [f"{OVERDUE_MARK} {overdue}"],
                               Col.CREATED: 11, Col.STATUS: 9}, Col.GOAL)
        self.empty = empty_state()
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
        self.empty.setText({"open": self.tr("No open goals. Add what a customer is trying to achieve on their page."),
                            "achieved": self.tr("No goal achieved yet."), "dropped": self.tr("No dropped goals.")}
                           .get(self.model.status, self.tr("No goals yet.")))
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
        if commands.close_goal(self.bus, self, goal.id, status):
            said = {"open": self.tr("Reopened: {goal}"), "achieved": self.tr("Achieved: {goal}"),
                    "dropped": self.tr("Dropped: {goal}")}[status]
            self.bus.status.emit(said.format(goal=goal.title[:60]))

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.bus.open_contact.emit(row.contact_id)
