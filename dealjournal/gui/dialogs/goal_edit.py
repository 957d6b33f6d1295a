"""The goal dialog (``ui/goal_edit.ui``): what a contact is trying to achieve, by when, how important."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget

from dealjournal import domain
from dealjournal.gui import commands, labels
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog, fill_codes, select_code
from dealjournal.queries import contact as queries

log = logging.getLogger(__name__)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class GoalDialog(FormDialog):
    form_name = "goal_edit"

    def __init__(self, bus: JournalBus, parent: QWidget | None = None, *, contact_id: int | None = None,
                 goal_id: int | None = None) -> None:
        super().__init__(parent)
        self.bus, self.contact_id, self.goal_id = bus, contact_id, goal_id
        self.saved_id: int | None = None
        self.goal_title = self.child(QLineEdit, "goalTitle")
        self.priority = self.child(QComboBox, "priority")
        self.has_target = self.child(QCheckBox, "hasTarget")
        self.target_on = self.child(QDateEdit, "targetOn")
        self.details = self.child(QPlainTextEdit, "details")
        fill_codes(self.priority, domain.PRIORITIES, labels.PRIORITIES)
        select_code(self.priority, "medium")
        self.target_on.setDate(_qdate(bus.today() + timedelta(days=90)))
        self.has_target.toggled.connect(self.target_on.setEnabled)
        assert self.buttons is not None
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.goal_title.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.setWindowTitle(self.tr("New Goal") if goal_id is None else self.tr("Edit Goal"))
        if goal_id is not None:
            self._load(goal_id)
        self.ok.setEnabled(bool(self.goal_title.text().strip()))
        self.resize(max(480, self.sizeHint().width()), self.sizeHint().height())
        self.goal_title.setFocus()

    def _load(self, goal_id: int) -> None:
        row = queries.goal(goal_id)
        if row is None:
            return
        self.goal_title.setText(row.title)
        select_code(self.priority, row.priority)
        self.details.setPlainText(row.details)
        if row.target_on:
            self.has_target.setChecked(True)
            self.target_on.setDate(QDate.fromString(row.target_on, "yyyy-MM-dd"))

    def values(self) -> dict[str, object]:
        return {
            "title": self.goal_title.text(),
            "priority": self.priority.currentData(),
            "details": self.details.toPlainText(),
            "target_on": self.target_on.date().toString("yyyy-MM-dd") if self.has_target.isChecked() else None,
        }

    def accept(self) -> None:
        if not self.ok.isEnabled():
            return
        values = self.values()
        if self.goal_id is None:
            assert self.contact_id is not None
            title = str(values.pop("title"))
            self.saved_id = commands.add_goal(self.bus, self, self.contact_id, title, **values)
        elif commands.edit_goal(self.bus, self, self.goal_id, **values):
            self.saved_id = self.goal_id
        if self.saved_id is not None:  # otherwise the error was shown: keep what was typed
            super().accept()

    @classmethod
    def add(cls, bus: JournalBus, parent: QWidget | None, contact_id: int) -> int | None:
        dialog = cls(bus, parent, contact_id=contact_id)
        return dialog.saved_id if dialog.exec() else None

    @classmethod
    def edit(cls, bus: JournalBus, parent: QWidget | None, goal_id: int) -> bool:
        dialog = cls(bus, parent, goal_id=goal_id)
        return bool(dialog.exec())
