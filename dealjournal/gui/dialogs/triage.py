"""Triage (``ui/triage.ui``): one key per decision for the contacts a big import left
"don't flag until I choose" (cadence 0 and the tag :data:`dealjournal.ops.bulk.TRIAGE_TAG`).

1–5 keep in touch every 7, 14, 30, 60 or 90 days; N is "not now" (the cadence stays 0, the
contact leaves the queue); A archives. Each decision is its own step on the undo stack;
Backspace (or Ctrl+Z, or Back) undoes the last one made here and shows that contact again.
Esc stops; what was decided stays. The queue is read from the journal before each contact
(in the order they were imported), so it stays right whatever else changed.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QWidget

from dealjournal.gui import commands
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog
from dealjournal.queries import contacts as q
from dealjournal.queries.contacts import TriageItem

#: The keep-in-touch choices, on the keys 1, 2, 3…
CHOICES: tuple[int, ...] = (7, 14, 30, 60, 90)


class TriageDialog(FormDialog):
    form_name = "triage"

    def __init__(self, bus: JournalBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.left = self.child(QLabel, "left")
        self.name = self.child(QLabel, "name")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name.setFont(font)
        self.details = self.child(QLabel, "details")
        self.question = self.child(QLabel, "question")
        self.choice_buttons: list[QPushButton] = []
        row = self.child(QWidget, "choices").layout()
        assert isinstance(row, QBoxLayout)
        for key, days in enumerate(CHOICES, start=1):
            #: A triage choice: the key to press, then the cadence it sets ("1 — every 7 days")
            button = QPushButton(self.tr("{key} — every {n} days").format(key=key, n=days))
            button.setAutoDefault(False)
            button.clicked.connect(partial(self.decide, keep_in_touch=days))
            row.addWidget(button)
            self.choice_buttons.append(button)
        self.not_now = self.child(QPushButton, "notNow")
        self.not_now.clicked.connect(lambda: self.decide())
        self.archive = self.child(QPushButton, "archive")
        self.archive.clicked.connect(lambda: self.decide(archive=True))
        self.back = self.child(QPushButton, "back")
        self.back.clicked.connect(self.go_back)
        self.child(QPushButton, "stop").clicked.connect(self.reject)
        self.current: TriageItem | None = None
        self._decided: list[int] = []  # the undo stack's index after each decision made here
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resize(max(620, self.sizeHint().width()), max(300, self.sizeHint().height()))
        self.show_next()

    def show_next(self) -> None:
        """Show the first contact of the queue (or that none is left) and how many are left."""
        self.current = q.next_untriaged()
        left = q.untriaged_count()
        self.left.setText((self.tr("{n} contact left to triage") if left == 1
                           else self.tr("{n} contacts left to triage")).format(n=QLocale().toString(left)))
        item = self.current
        if item is None:
            self.name.setText(self.tr("Every imported contact has been triaged."))
            self.details.setText(self.tr("Set a keep-in-touch cadence on a contact's page, or for a selection "
                                         "with Bulk ▸ Keep in touch."))
        else:
            self.name.setText(item.name)
            lines = [" · ".join(x for x in (item.title, item.company, item.location) if x)]
            if item.connected_on:
                lines.append(self.tr("Connected on LinkedIn on {day}").format(day=item.connected_on))
            self.details.setText("\n".join(line for line in lines if line))
        for widget in (self.question, *self.choice_buttons, self.not_now, self.archive):
            widget.setEnabled(item is not None)
        self.back.setEnabled(self._can_go_back())
        self.setFocus()

    def decide(self, *, keep_in_touch: int | None = None, archive: bool = False) -> bool:
        """Record a decision for the contact shown and go on to the next; False when none is shown
        or the journal refused it (the error was shown)."""
        if self.current is None:
            return False
        done = commands.triage(self.bus, self, self.current.id, keep_in_touch=keep_in_touch, archive=archive)
        if done:
            self._decided.append(self.bus.undo_stack.index())
        self.show_next()
        return done

    def _can_go_back(self) -> bool:
        stack = self.bus.undo_stack
        return bool(self._decided) and stack.index() == self._decided[-1] and stack.canUndo()

    def go_back(self) -> None:
        """Undo the last decision made here (only while it is the last change) and show that contact."""
        if self._can_go_back():
            self._decided.pop()
            self.bus.undo_stack.undo()
        self.show_next()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text().upper()
        if text.isdigit() and 1 <= int(text) <= len(CHOICES):
            self.decide(keep_in_touch=CHOICES[int(text) - 1])
        elif text == "N":
            self.decide()
        elif text == "A":
            self.decide(archive=True)
        elif key == Qt.Key.Key_Backspace or event.matches(QKeySequence.StandardKey.Undo):
            self.go_back()
        else:
            super().keyPressEvent(event)
