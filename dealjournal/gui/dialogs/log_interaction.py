"""The log-interaction dialog (``ui/log_interaction.ui``): write a journal entry fast, from the keyboard.

The contact field completes as you type: each keystroke asks SQL for up to 20 contacts
whose name or company contains the text (never a list of every contact in memory), and
each match reads "Name — Company" so that two people with one name stay apart. A name that
is nobody's yet is offered as a new contact, so logging never ends at "no such contact".
Enter saves (Ctrl+Enter in the details box), Escape cancels, Alt+O/I/M/N pick the direction;
until a direction is picked, a call or a meeting suggests mutual.

The same form edits an entry already logged (:meth:`LogInteractionDialog.edit`). Saving goes
through :mod:`dealjournal.gui.commands` (log, edit, add the new contact), so it can be undone.
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
    QCheckBox, QComboBox, QCompleter, QDateEdit, QDateTimeEdit, QDialogButtonBox, QLineEdit, QPlainTextEdit,
    QRadioButton, QWidget,
)

from dealjournal import domain
from dealjournal.gui import commands, labels, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog, fill_codes, select_code
from dealjournal.queries import contact as queries
from dealjournal.queries.contact import ContactMatch, InteractionDetails

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NEW_NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # on the "add as a new contact" row: the name typed
DIRECTIONS = {"dirOut": "out", "dirIn": "in", "dirMutual": "mutual", "dirNote": "none"}
#: The direction a kind suggests while the user has not picked one (any other kind: out).
SUGGESTED_DIRECTION = {"call": "mutual", "meeting": "mutual", "note": "none"}
FOLLOW_UP_DAYS = 7


def match_text(match: ContactMatch) -> str:
    """How a contact reads in the completer: "Name — Company" (archived ones say so)."""
    text = match.name if not match.company else f"{match.name} — {match.company}"
    if match.archived:
        return QCoreApplication.translate("LogInteractionDialog", "{contact} (archived)").format(contact=text)
    return text


def new_contact_text(name: str) -> str:
    """The completer's last row when *name* is nobody's yet."""
    return QCoreApplication.translate("LogInteractionDialog", "Add “{name}” as a new contact").format(name=name)


class ContactMatchModel(QAbstractListModel):
    """The contacts matching what was typed; filled by SQL, at most a screenful.

    When no contact bears the very name typed, a last row offers it as a new contact: its
    completion is the name itself, and its :data:`NEW_NAME_ROLE` holds it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[ContactMatch, str]] = []
        self._new_name: str | None = None

    def search(self, text: str) -> None:
        self.set_matches(queries.find_contacts(text), offer=text)

    def set_matches(self, matches: list[ContactMatch], offer: str = "") -> None:
        """Show *matches*; offer the name *offer* as a new contact unless one of them bears it."""
        texts = [match_text(m) for m in matches]
        # Two people with the same name and company still need telling apart.
        shown = [f"{t} (#{m.id})" if texts.count(t) > 1 else t for m, t in zip(matches, texts)]
        name = offer.strip()
        taken = any(m.name.casefold() == name.casefold() for m in matches)
        self.beginResetModel()
        self._rows = list(zip(matches, shown))
        self._new_name = name if name and not taken else None
        self.endResetModel()

    def matches(self) -> list[ContactMatch]:
        return [m for m, _ in self._rows]

    def new_name(self) -> str | None:
        """The name offered as a new contact, if any."""
        return self._new_name

    def id_for_text(self, text: str) -> int | None:
        """The one match whose completion text (or bare name) is *text*, if exactly one is."""
        exact = [m.id for m, shown in self._rows if shown == text]
        if len(exact) == 1:
            return exact[0]
        named = [m.id for m, _ in self._rows if m.name.casefold() == text.strip().casefold()]
        return named[0] if len(named) == 1 else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows) + (1 if self._new_name is not None else 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if index.row() == len(self._rows):
            return self._offer(role)
        match, shown = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return shown
        if role == ID_ROLE:
            return match.id
        return None

    def _offer(self, role: int) -> Any:
        """The "add as a new contact" row: shown in words, completed as the bare name."""
        if role == Qt.ItemDataRole.DisplayRole:
            return new_contact_text(self._new_name or "")
        if role in (Qt.ItemDataRole.EditRole, NEW_NAME_ROLE):
            return self._new_name
        return None


def contact_completer(edit: QLineEdit, matches: ContactMatchModel) -> QCompleter:
    """*edit* completes contacts from *matches* (refilled by SQL as the user types: unfiltered)."""
    completer = QCompleter(matches, edit)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setMaxVisibleItems(12)
    edit.setCompleter(completer)
    return completer


class LogInteractionDialog(FormDialog):
    """Log an entry (``entry`` None) or edit *entry*, an interaction already logged."""

    form_name = "log_interaction"

    def __init__(self, bus: JournalBus, parent: QWidget | None = None, contact_id: int | None = None,
                 *, entry: InteractionDetails | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.entry = entry
        self.logged_id: int | None = None
        self.chosen_id: int | None = None
        self.new_name: str | None = None  # picked "add as a new contact"
        self.contact = self.child(QLineEdit, "contact")
        self.kind = self.child(QComboBox, "kind")
        self.directions = {value: self.child(QRadioButton, name) for name, value in DIRECTIONS.items()}
        self.direction_picked = False  # once the user picks one, a kind no longer suggests it
        self.at = self.child(QDateTimeEdit, "at")
        self.summary = self.child(QLineEdit, "summary")
        self.details = self.child(QPlainTextEdit, "details")
        self.goal = self.child(QComboBox, "goal")
        self.follow_up = self.child(QCheckBox, "followUp")
        self.follow_up_on = self.child(QDateEdit, "followUpOn")
        fill_codes(self.kind, domain.INTERACTION_KINDS, labels.INTERACTION_KINDS)

        self.matches = ContactMatchModel(self)
        self.completer = contact_completer(self.contact, self.matches)
        self.contact.textEdited.connect(self._typed)
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]

        today = bus.today()
        now = datetime.combine(today, datetime.now().time())
        self.at.setDateTime(QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute)))
        follow = today + timedelta(days=FOLLOW_UP_DAYS)
        self.follow_up_on.setDate(QDate(follow.year, follow.month, follow.day))
        self.follow_up.toggled.connect(self.follow_up_on.setEnabled)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed(self.kind.currentData()))
        for radio in self.directions.values():
            radio.clicked.connect(self._direction_clicked)
        self.details.installEventFilter(self)
        self._fill_goals()
        if entry is not None:
            self._load(entry)
        elif contact_id is not None:
            self.set_contact(contact_id)
            self.summary.setFocus()
        else:
            self.contact.setFocus()
        self._loaded = self.values()  # as opened: an edit saves only what differs
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def _load(self, entry: InteractionDetails) -> None:
        """Fill the form from *entry*; its contact stays (an entry does not move to someone else)."""
        self.setWindowTitle(self.tr("Edit Interaction"))
        if self.buttons is not None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.set_contact(entry.contact_id)
        self.contact.setReadOnly(True)
        select_code(self.kind, entry.kind)
        self.directions.get(entry.direction, self.directions["out"]).setChecked(True)
        self.direction_picked = True  # the entry's own direction is the user's choice
        self.at.setDateTime(_at(entry.at))
        self.summary.setText(entry.summary)
        self.details.setPlainText(entry.details)
        if entry.goal_id is not None and self.goal.findData(entry.goal_id) < 0:
            closed = queries.goal(entry.goal_id)  # a closed goal stays the entry's
            if closed is not None:
                self.goal.addItem(closed.title, closed.id)
        self.goal.setCurrentIndex(max(0, self.goal.findData(entry.goal_id)))
        self.follow_up.setChecked(entry.follow_up_on is not None)
        if entry.follow_up_on:
            self.follow_up_on.setDate(QDate.fromString(entry.follow_up_on, "yyyy-MM-dd"))
        self.summary.setFocus()

    # --- the contact --------------------------------------------------------------------

    def set_contact(self, contact_id: int) -> None:
        match = queries.contact_match(contact_id)
        if match is None:
            return
        self.matches.set_matches([match])
        self.contact.setText(match_text(match))
        self._choose(match.id)

    def _typed(self, text: str) -> None:
        self.new_name = None
        self.matches.search(text)
        found = self.matches.id_for_text(text)
        if found is None and len(self.matches.matches()) == 1:
            found = self.matches.matches()[0].id  # only one person fits what was typed
        self._choose(found)
        if self.matches.rowCount() and text.strip():
            self.completer.complete()

    def _picked(self, index: QModelIndex) -> None:
        contact_id = index.data(ID_ROLE)
        if isinstance(contact_id, int):
            self.new_name = None
            self._choose(contact_id)
        elif isinstance(index.data(NEW_NAME_ROLE), str):
            self.new_name = index.data(NEW_NAME_ROLE)
            self._choose(None)

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
        """The contact to log for: the one picked, else the only match of what was typed (none
        when the user picked "add as a new contact")."""
        if self.chosen_id is not None or self.new_name is not None:
            return self.chosen_id
        found = self.matches.id_for_text(self.contact.text())
        if found is None and self.contact.text().strip():
            self.matches.search(self.contact.text())
            found = self.matches.id_for_text(self.contact.text())
            if found is None and len(self.matches.matches()) == 1:
                found = self.matches.matches()[0].id
        return found

    def _contact_for_entry(self) -> int | None:
        """The contact to log for. A name that is nobody's is added as a new contact (asked first,
        unless the user picked "add as a new contact" from the list). None, the reason shown
        (or the question declined), when there is no one to log for."""
        found = self.resolved_contact()
        if found is not None:
            return found
        name = self.contact.text().strip()
        if not name:
            messages.show_error(self, self.tr("Choose the contact this entry is about."))
            return None
        picked = self.new_name == name
        if self.matches.new_name() is None or (not picked and self.matches.matches()):
            messages.show_error(self, self.tr("No single contact matches “{text}”: pick one from the list.").format(
                text=name))
            return None
        if not picked and not messages.confirm(self, self.tr(
                "No contact is called “{name}”. Add them as a new contact and log this entry for them?").format(
                name=name), self.tr("Add Contact and Log")):
            return None
        contact_id = commands.add_contact(self.bus, self, name)
        if contact_id is not None:
            self.new_name = None
            self._choose(contact_id)  # should logging fail now, saving again logs for this contact
        return contact_id

    # --- the rest -----------------------------------------------------------------------

    def _kind_changed(self, kind: str) -> None:
        """A note is never a touch; other kinds suggest a direction until the user picks one."""
        if kind == "note" or not self.direction_picked:
            self.directions[SUGGESTED_DIRECTION.get(kind, "out")].setChecked(True)

    def _direction_clicked(self) -> None:
        self.direction_picked = True

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
        if self.entry is not None:
            self._save_edit(self.entry.id)
            return
        contact_id = self._contact_for_entry()
        if contact_id is None:
            self.contact.setFocus()
            return
        new_id = commands.log_interaction(self.bus, self, contact_id, **self.values())
        if new_id is None:
            return  # the error was shown; keep what was typed
        self.logged_id = new_id
        self.bus.status.emit(self.tr("Interaction logged."))
        super().accept()

    def _save_edit(self, interaction_id: int) -> None:
        """Save the fields that changed (none changed: nothing to save, nothing to undo)."""
        changed = {key: value for key, value in self.values().items() if value != self._loaded[key]}
        if changed and not commands.edit_interaction(self.bus, self, interaction_id, **changed):
            return  # the error was shown; keep what was typed
        self.logged_id = interaction_id
        if changed:
            self.bus.status.emit(self.tr("Interaction saved."))
        super().accept()

    @classmethod
    def log(cls, bus: JournalBus, parent: QWidget | None, contact_id: int | None = None) -> int | None:
        """Ask for an entry (about *contact_id* if given); the new interaction's id, or None."""
        dialog = cls(bus, parent, contact_id)
        return dialog.logged_id if dialog.exec() else None

    @classmethod
    def edit(cls, bus: JournalBus, parent: QWidget | None, interaction_id: int) -> bool:
        """Edit the interaction *interaction_id* in the same form; True if it was saved."""
        entry = queries.interaction(interaction_id)
        return entry is not None and bool(cls(bus, parent, entry=entry).exec())


def _at(text: str) -> QDateTime:
    """An interaction's stored time (``YYYY-MM-DD``, with ``THH:MM[:SS]`` or not) for the form."""
    day = QDate.fromString(text[:10], "yyyy-MM-dd")
    time = QTime.fromString(text[11:16], "HH:mm") if len(text) > 10 else QTime(0, 0)
    return QDateTime(day, time)
