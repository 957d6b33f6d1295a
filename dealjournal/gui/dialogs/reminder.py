"""The reminder dialog (``ui/reminder.ui``): "remind me to … on DATE" for a contact, added or edited."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QWidget

from dealjournal import ops
from dealjournal.gui import commands
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReminderDialog(FormDialog):
    form_name = "reminder"

    def __init__(self, bus: JournalBus, parent: QWidget | None = None, *, contact_id: int,
                 reminder_id: int | None = None) -> None:
        super().__init__(parent)
        self.bus, self.contact_id, self.reminder_id = bus, contact_id, reminder_id
        self.saved_id: int | None = None
        self.text = self.child(QLineEdit, "text")
        self.due = self.child(QDateEdit, "due")
        name = ops.get_contact(contact_id).name
        self.child(QLabel, "about").setText(self.tr("A reminder about {name}: it shows on Today when it is due "
                                                    "(it is not a touch).").format(name=name))
        today = bus.today()
        self.due.setDate(_qdate(today.fromordinal(today.toordinal() + 1)))
        if reminder_id is not None:
            row = ops.get_reminder(reminder_id)
            self.text.setText(row.text)
            self.due.setDate(QDate.fromString(row.due_on, "yyyy-MM-dd"))
        self.setWindowTitle(self.tr("New Reminder") if reminder_id is None else self.tr("Edit Reminder"))
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())
        self.text.setFocus()

    def accept(self) -> None:
        day = self.due.date().toString("yyyy-MM-dd")
        if self.reminder_id is None:
            self.saved_id = commands.add_reminder(self.bus, self, self.contact_id, day, self.text.text())
            if self.saved_id is None:
                return
        elif not commands.edit_reminder(self.bus, self, self.reminder_id, due_on=day, text=self.text.text()):
            return
        super().accept()

    @classmethod
    def add(cls, bus: JournalBus, parent: QWidget | None, contact_id: int) -> int | None:
        dialog = cls(bus, parent, contact_id=contact_id)
        return dialog.saved_id if dialog.exec() else None

    @classmethod
    def edit(cls, bus: JournalBus, parent: QWidget | None, contact_id: int, reminder_id: int) -> bool:
        return bool(cls(bus, parent, contact_id=contact_id, reminder_id=reminder_id).exec())
