"""Contact ▸ More ▸ Merge Into Another Contact…: a duplicate goes into the contact that stays.

The contact that stays keeps its own fields and takes those it lacks and everything recorded
about the duplicate (:func:`dealjournal.sync.journal.merge_contacts`); with sync on, edits
another computer makes to the duplicate meanwhile follow it. A backup is taken first: a merge
is not on the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dealjournal.errors import JournalError
from dealjournal.gui import i18n, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.log_interaction import ID_ROLE, ContactMatchModel, contact_completer
from dealjournal.queries import contact as queries
from dealjournal.safety.backup import backup_before
from dealjournal.sync import journal as sync_journal



class MergeContactDialog(QDialog):
    def __init__(self, bus: JournalBus, contact_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.contact_id = contact_id
        self.chosen_id: int | None = None
        self.setWindowTitle(self.tr("Merge Into Another Contact"))
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("{name} goes into the contact you choose: that contact keeps its own fields, takes "
                               "the ones it lacks, and gets every e-mail, phone, tag, channel, goal, touch and share "
                               "of {name}. A backup is taken first; a merge cannot be undone with Undo.")
                       .format(name=name))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.into = QLineEdit()
        self.into.setPlaceholderText(self.tr("Type a name or company"))
        self.into.setAccessibleName(self.tr("The contact that stays"))
        form.addRow(self.tr("&Into:"), self.into)
        lay.addLayout(form)
        self.matches = ContactMatchModel(self)
        self.completer = contact_completer(self.into, self.matches)
        self.into.textEdited.connect(self._typed)
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _others(self, text: str) -> None:
        self.matches.set_matches([m for m in queries.find_contacts(text) if m.id != self.contact_id])

    def _typed(self, text: str) -> None:
        self._others(text)
        found = self.matches.id_for_text(text)
        if found is None and len(self.matches.matches()) == 1:
            found = self.matches.matches()[0].id
        self._choose(found)
        if self.matches.rowCount() and text.strip():
            self.completer.complete()

    def _picked(self, index: QModelIndex) -> None:
        contact_id = index.data(ID_ROLE)
        self._choose(contact_id if isinstance(contact_id, int) else None)

    def _choose(self, contact_id: int | None) -> None:
        self.chosen_id = contact_id
        self.merge_button.setEnabled(contact_id is not None)

    def accept(self) -> None:
        if self.chosen_id is None:
            return
        try:
            backup_before("merge")
            sync_journal.merge_contacts(self.contact_id, self.chosen_id)
        except (JournalError, OSError) as exc:
            messages.show_error(self, i18n.say_error(exc))
            return
        self.bus.reset()  # rows moved between contacts: every view reads again; the undo stack starts afresh
        super().accept()

    @classmethod
    def merge(cls, bus: JournalBus, parent: QWidget | None, contact_id: int, name: str) -> int | None:
        """Ask which contact *contact_id* goes into and merge it; that contact's id, or None."""
        dialog = cls(bus, contact_id, name, parent)
        return dialog.chosen_id if dialog.exec() else None
