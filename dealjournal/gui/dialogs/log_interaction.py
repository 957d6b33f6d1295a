"""The log-interaction dialog (``ui/log_interaction.ui``): write a journal entry fast, from the keyboard.

The contact field completes as you type: each keystroke asks SQL for up to 20 contacts
whose name or company contains the text (never a list of every contact in memory), and
each match reads "Name — Company" so that two people with one name stay apart. Enter
saves (Ctrl+Enter in the details box), Escape cancels, Alt+O/I/M/N pick the direction.
Saving goes through :func:`dealjournal.gui.commands.log_interaction`, so it can be undone.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel, QCoreApplication, QDate, QDateTime, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTime,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QDateEdit, QDateTimeEdit, QLineEdit, QPlainTextEdit, QRadioButton, QWidget,
)

from dealjournal import domain
from dealjournal.gui import commands, labels, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog, fill_codes
from dealjournal.queries import contact as queries
from dealjournal.queries.contact import ContactMatch

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
DIRECTIONS = {"dirOut": "out", "dirIn": "in", "dirMutual": "mutual", "dirNote": "none"}
FOLLOW_UP_DAYS = 7


def match_text(match: ContactMatch) -> str:
    """How a contact reads in the completer: "Name — Company" (archived ones say so)."""
    text = match.name if not match.company else f"{match.name} — {match.company}"
    if match.archived:
        return QCoreApplication.translate("LogInteractionDialog", "{contact} (archived)").format(contact=text)
    return text


class ContactMatchModel(QAbstractListModel):
    """The contacts matching what was typed; filled by SQL, at most a screenful."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[ContactMatch, str]] = []

    def search(self, text: str) -> None:
        self.set_matches(queries.find_contacts(text))

    def set_matches(self, matches: list[ContactMatch]) -> None:
        texts = [match_text(m) for m in matches]
        # Two people with the same name and company still need telling apart.
        shown = [f"{t} (#{m.id})" if texts.count(t) > 1 else t for m, t in zip(matches, texts)]
        self.beginResetModel()
        self._rows = list(zip(matches, shown))
        self.endResetModel()

    def matches(self) -> list[ContactMatch]:
        return [m for m, _ in self._rows]

    def id_for_text(self, text: str) -> int | None:
        """The one match whose completion text (or bare name) is *text*, if exactly one is."""
        exact = [m.id for m, shown in self._rows if shown == text]
        if len(exact) == 1:
            return exact[0]
        named = [m.id for m, _ in self._rows if m.name.casefold() == text.strip().casefold()]
        return named[0] if len(named) == 1 else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        match, shown = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return shown
        if role == ID_ROLE:
            return match.id
        return None


class LogInteractionDialog(FormDialog):
    form_name = "log_interaction"

    def __init__(self, bus: JournalBus, parent: QWidget | None = None, contact_id: int | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.logged_id: int | None = None
        self.chosen_id: int | None = None
        self.contact = self.child(QLineEdit, "contact")
        self.kind = self.child(QComboBox, "kind")
        self.directions = {value: self.child(QRadioButton, name) for name, value in DIRECTIONS.items()}
        self.at = self.child(QDateTimeEdit, "at")
        self.summary = self.child(QLineEdit, "summary")
        self.details = self.child(QPlainTextEdit, "details")
        self.goal = self.child(QComboBox, "goal")
        self.follow_up = self.child(QCheckBox, "followUp")
        self.follow_up_on = self.child(QDateEdit, "followUpOn")
        fill_codes(self.kind, domain.INTERACTION_KINDS, labels.INTERACTION_KINDS)

        self.matches = ContactMatchModel(self)
        self.completer = QCompleter(self.matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.contact.setCompleter(self.completer)
        self.contact.textEdited.connect(self._typed)
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]

        today = bus.today()
        now = datetime.combine(today, datetime.now().time())
        self.at.setDateTime(QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute)))
        follow = today + timedelta(days=FOLLOW_UP_DAYS)
        self.follow_up_on.setDate(QDate(follow.year, follow.month, follow.day))
        self.follow_up.toggled.connect(self.follow_up_on.setEnabled)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed(self.kind.currentData()))
        self.details.installEventFilter(self)
        self._fill_goals()
        if contact_id is not None:
            self.set_contact(contact_id)
            self.summary.setFocus()
        else:
            self.contact.setFocus()
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    # --- the contact --------------------------------------------------------------------

    def set_contact(self, contact_id: int) -> None:
        match = queries.contact_match(contact_id)
        if match is None:
            return
        self.matches.set_matches([match])
        self.contact.setText(match_text(match))
        self._choose(match.id)

    def _typed(self, text: str) -> None:
        self.matches.search(text)
        found = self.matches.id_for_text(text)
        if found is None and self.matches.rowCount() == 1:
            found = self.matches.matches()[0].id  # only one person fits what was typed
        self._choose(found)
        if self.matches.rowCount() and text.strip():
            self.completer.complete()

    def _picked(self, index: QModelIndex) -> None:
        contact_id = index.data(ID_ROLE)
        if isinstance(contact_id, int):
            self._choose(contact_id)

    def _choose(self, contact_id: int | None) -> None:
        if contact_id != self.chosen_id:
            self.chosen_id = contact_id
            self._fill_goals()

    def _fill_goals(self) -> None:
        self.goal.clear()
        self.goal.addItem(self.tr("(none)"), None)
        for goal_id, title in queries.open_goals(self.chosen_id) if self.chosen_id is not None else []:
            self.goal.addItem(title, goal_id)
        self.goal.setEnabled(self.goal.count() > 1)

    def resolved_contact(self) -> int | None:
        """The contact to log for: the one picked, else the only match of what was typed."""
        if self.chosen_id is not None:
            return self.chosen_id
        found = self.matches.id_for_text(self.contact.text())
        if found is None and self.contact.text().strip():
            self.matches.search(self.contact.text())
            found = self.matches.id_for_text(self.contact.text())
            if found is None and self.matches.rowCount() == 1:
                found = self.matches.matches()[0].id
        return found

    # --- the rest -----------------------------------------------------------------------

    def _kind_changed(self, kind: str) -> None:
        if kind == "note":
            self.directions["none"].setChecked(True)

    def direction(self) -> str:
        return next((value for value, radio in self.directions.items() if radio.isChecked()), "out")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.details and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def values(self) -> dict[str, Any]:
        """The entry as :func:`dealjournal.ops.log_interaction` takes it (without the contact)."""
        return {
            "kind": self.kind.currentData(),
            "direction": self.direction(),
            "at": self.at.dateTime().toString("yyyy-MM-dd'T'HH:mm"),
            "summary": self.summary.text(),
            "details": self.details.toPlainText(),
            "goal_id": self.goal.currentData(),
            "follow_up_on": self.follow_up_on.date().toString("yyyy-MM-dd") if self.follow_up.isChecked() else None,
        }

    def accept(self) -> None:
        contact_id = self.resolved_contact()
        if contact_id is None:
            text = self.contact.text().strip()
            messages.show_error(self, self.tr("No single contact matches “{text}”: pick one from the list.").format(
                text=text) if text else self.tr("Choose the contact this entry is about."))
            self.contact.setFocus()
            return
        new_id = commands.log_interaction(self.bus, self, contact_id, **self.values())
        if new_id is None:
            return  # the error was shown; keep what was typed
        self.logged_id = new_id
        self.bus.status.emit(self.tr("Interaction logged."))
        super().accept()

    @classmethod
    def log(cls, bus: JournalBus, parent: QWidget | None, contact_id: int | None = None) -> int | None:
        """Ask for an entry (about *contact_id* if given); the new interaction's id, or None."""
        dialog = cls(bus, parent, contact_id)
        return dialog.logged_id if dialog.exec() else None
