"""Share a content item with one or several contacts (``ui/share.ui``), and edit a share once made.

Contacts are found in SQL as the user types (full-text prefix search, 50 at a time) and
suggested from the item's topics (matching tags or open goals, each with its reason). The
share is recorded through :func:`dealjournal.gui.commands.record_share`, so it can be undone.
A recorded share is edited in :class:`ShareEditDialog` (``ui/share_edit.ui``).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QWidget,
)

from dealjournal.domain import RESPONSES
from dealjournal.gui import commands, i18n, labels, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog, fill_codes, select_code
from dealjournal.queries import contact as contact_queries
from dealjournal.queries import library
from dealjournal.queries.library import ContactChoice

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_SHOWN = 90  # characters of a name shown in a list; the tooltip holds the rest


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(choice: ContactChoice) -> str:
    name = shorten(choice.name, 60)
    return f"{name} — {shorten(choice.company, 40)}" if choice.company else name


def fill_via(combo: QComboBox, current: str | None = None) -> None:
    """Offer the usual ways to share (any other text may be typed) and show *current*: an
    offered way by its label, text typed in earlier as it is."""
    for text, code in labels.choices(labels.VIA):
        combo.addItem(text, code)
    if current:
        index = combo.findData(current)
        if index < 0:
            combo.addItem(current)
            index = combo.count() - 1
        combo.setCurrentIndex(index)


def via_value(combo: QComboBox) -> str | None:
    """What goes in a share's *via*: the code of an offered way, else the text typed in."""
    text = combo.currentText().strip()
    index = combo.currentIndex()
    if index < 0 or text != combo.itemText(index):
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)  # a label typed in: its code
    code = combo.itemData(index) if index >= 0 else None
    return code if isinstance(code, str) else (text or None)  # (text entered earlier has no code)


class ShareDialog(FormDialog):
    form_name = "share"

    def __init__(self, bus: JournalBus, parent: QWidget | None = None, content_id: int | None = None,
                 contact_ids: list[int] | tuple[int, ...] = ()) -> None:
        super().__init__(parent)
        self.bus = bus
        self.share_ids: list[int] = []
        self._chosen: dict[int, ContactChoice] = {}
        self._shown: dict[str, dict[int, ContactChoice]] = {}  # list name -> contacts it shows
        self.content = self.child(QComboBox, "contentCombo")
        self.search = self.child(QLineEdit, "contactSearch")
        self.results = self.child(QListWidget, "results")
        self.suggestions = self.child(QListWidget, "suggestions")
        self.chosen = self.child(QListWidget, "chosen")
        self.shared_on = self.child(QDateEdit, "sharedOn")
        self.via = self.child(QComboBox, "via")
        self.goal = self.child(QComboBox, "goal")
        self.note = self.child(QPlainTextEdit, "note")

        self.content.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.content.setMinimumContentsLength(30)
        self.goal.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.goal.setMinimumContentsLength(30)
        for item_id, title in library.content_choices():
            self.content.addItem(shorten(title), item_id)
            self.content.setItemData(self.content.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        if content_id is not None and self.content.findData(content_id) >= 0:
            self.content.setCurrentIndex(self.content.findData(content_id))
        fill_via(self.via)
        today = bus.today()
        self.shared_on.setDate(QDate(today.year, today.month, today.day))
        for view in (self.results, self.suggestions, self.chosen):
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setWordWrap(True)  # long names wrap inside the list instead of widening it
            view.itemChanged.connect(self._on_item_changed)
            view.installEventFilter(self)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self._find)
        self.content.currentIndexChanged.connect(self._suggest)

        for choice in library.contact_names(contact_ids):
            self._chosen[choice.id] = choice
        self._find()
        self._suggest()
        self._chosen_changed()
        self.resize(760, 600)
        self.search.setFocus()

    # --- lists ---------------------------------------------------------------------------

    def _fill(self, view: QListWidget, choices: list[ContactChoice], empty: str) -> None:
        view.blockSignals(True)
        view.clear()
        for choice in choices:
            text = describe(choice)
            reasons = [i18n.say(reason) for reason in choice.reasons or ()]
            if reasons:
                text += "   · " + shorten("; ".join(reasons), 80)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, choice.id)
            item.setToolTip("\n".join([choice.name, *reasons]))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.id in self._chosen else Qt.CheckState.Unchecked)
            view.addItem(item)
        if not choices and empty:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            view.addItem(item)
        elif choices:
            view.setCurrentRow(0)
        view.blockSignals(False)
        self._shown[view.objectName()] = {c.id: c for c in choices}

    def _find(self) -> None:
        text = self.search.text()
        found = library.find_contacts(text)
        self._fill(self.results, found, self.tr("No contact matches “{text}”.").format(text=shorten(text, 40))
                   if text.strip() else self.tr("No contacts yet."))

    def _suggest(self) -> None:
        content_id = self.content.currentData()
        found = library.suggestions(content_id) if content_id is not None else []
        self._fill(self.suggestions, found, self.tr("No contact's tags or open goals match this item's topics."))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        contact_id = item.data(ID_ROLE)
        if contact_id is None:
            return
        view = item.listWidget()
        if item.checkState() == Qt.CheckState.Checked:
            choice = self._shown.get(view.objectName(), {}).get(contact_id) or self._chosen.get(contact_id)
            if choice is not None:
                self._chosen[contact_id] = ContactChoice(choice.id, choice.name, choice.company)
        else:
            self._chosen.pop(contact_id, None)
        if view is self.chosen:  # never rebuild a list from inside its own signal
            QTimer.singleShot(0, self, self._chosen_changed)
        else:
            self._chosen_changed()

    def choose(self, contact_id: int) -> None:
        """Add a contact to those the item goes to."""
        for choice in library.contact_names([contact_id]):
            self._chosen[choice.id] = choice
        self._chosen_changed()

    def _chosen_changed(self) -> None:
        for view in (self.results, self.suggestions):
            view.blockSignals(True)
            for row in range(view.count()):
                item = view.item(row)
                if item.data(ID_ROLE) is not None:
                    checked = item.data(ID_ROLE) in self._chosen
                    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            view.blockSignals(False)
        self._fill(self.chosen, list(self._chosen.values()), self.tr("Nobody yet: find or check a contact above."))
        self._update_goals()
        if self.buttons is not None:
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setEnabled(bool(self._chosen) and self.content.currentData() is not None)
            n = len(self._chosen)
            ok.setText(self.tr("Share") if n <= 1 else self.tr("Share with {n}").format(n=n))

    def _update_goals(self) -> None:
        current = self.goal.currentData()
        self.goal.clear()
        if len(self._chosen) != 1:
            self.goal.addItem(self.tr("A goal fits one contact only") if self._chosen else self.tr("No goal"), None)
            self.goal.setEnabled(False)
            return
        (contact_id,) = self._chosen
        goals = library.open_goals_of(contact_id)
        self.goal.addItem(self.tr("No goal") if goals else self.tr("No open goals"), None)
        for g in goals:
            priority = labels.label(labels.PRIORITIES, g.priority)
            text = (self.tr("{goal} ({priority}, by {day})") if g.target_on else self.tr("{goal} ({priority})"))
            self.goal.addItem(text.format(goal=shorten(g.title, 70), priority=priority, day=g.target_on), g.id)
            self.goal.setItemData(self.goal.count() - 1, g.title, Qt.ItemDataRole.ToolTipRole)
        self.goal.setEnabled(bool(goals))
        if current is not None and self.goal.findData(current) >= 0:
            self.goal.setCurrentIndex(self.goal.findData(current))

    # --- keyboard --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()  # type: ignore[attr-defined]
        if watched is self.search:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search.text().strip():
                item = self.results.currentItem() or self.results.item(0)
                if item is not None and item.data(ID_ROLE) is not None:
                    self.choose(item.data(ID_ROLE))
                    self.search.clear()
                return True  # Enter in the search field picks; it never closes the dialog
            if key == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                return True
        elif isinstance(watched, QListWidget) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = watched.currentItem()
            if item is not None and item.data(ID_ROLE) is not None:
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return True
        return super().eventFilter(watched, event)

    # --- saving ----------------------------------------------------------------------------

    def accept(self) -> None:
        content_id = self.content.currentData()
        if content_id is None:
            messages.show_error(self, self.tr("Choose what to share."))
            return
        if not self._chosen:
            messages.show_error(self, self.tr("Choose at least one contact to share with."))
            self.search.setFocus()
            return
        goal_id = self.goal.currentData() if len(self._chosen) == 1 else None
        ids = commands.record_share(
            self.bus, self, content_id, list(self._chosen), on=self.shared_on.date().toPython(),
            via=self.via_value(), note=self.note.toPlainText(), goal_id=goal_id)
        if not ids:
            return
        self.share_ids = ids
        n = len(ids)
        self.bus.status.emit((self.tr("Shared with {n} contact.") if n == 1 else
                              self.tr("Shared with {n} contacts.")).format(n=n))
        super().accept()

    def via_value(self) -> str | None:
        return via_value(self.via)

    @classmethod
    def share(cls, bus: JournalBus, parent: QWidget | None, content_id: int | None = None,
              contact_ids: list[int] | tuple[int, ...] = ()) -> list[int]:
        """Ask what to share with whom and record it; the new shares' ids (empty if cancelled)."""
        if not library.content_choices():
            from dealjournal.gui.dialogs.content_edit import ContentDialog

            if not messages.confirm(parent, QCoreApplication.translate(
                    "ShareDialog", "The content library is empty. Add the item you want to share now?"),
                    QCoreApplication.translate("ShareDialog", "Add Content…")):
                return []
            content_id = ContentDialog.create(bus, parent)  # then it is shared, from the same click
            if content_id is None:
                return []
        dialog = cls(bus, parent, content_id, contact_ids)
        dialog.exec()
        return dialog.share_ids


class ShareEditDialog(FormDialog):
    """One recorded share, edited (``ui/share_edit.ui``): its date, via, goal, note and response.

    Saving goes through :func:`dealjournal.gui.commands.edit_share`: every field in one step,
    so one undo puts the whole share back.
    """

    form_name = "share_edit"

    def __init__(self, bus: JournalBus, share: contact_queries.ShareDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus, self.share_id = bus, share.id
        self.shared_on = self.child(QDateEdit, "sharedOn")
        self.via = self.child(QComboBox, "via")
        self.goal = self.child(QComboBox, "goal")
        self.note = self.child(QPlainTextEdit, "note")
        self.response = self.child(QComboBox, "response")
        self.responded_on = self.child(QDateEdit, "respondedOn")
        self.child(QLabel, "about").setText(self.tr("“{title}”, shared with {name}").format(
            title=shorten(share.title), name=share.contact_name))
        self.shared_on.setDate(QDate.fromString(share.on_day, "yyyy-MM-dd"))
        fill_via(self.via, share.via)
        self._fill_goals(share.contact_id, share.goal_id)
        self.note.setPlainText(share.note)
        fill_codes(self.response, RESPONSES, labels.RESPONSES)
        select_code(self.response, share.response)
        today = bus.today()
        self.responded_on.setDate(QDate.fromString(share.responded_on, "yyyy-MM-dd") if share.responded_on
                                  else QDate(today.year, today.month, today.day))
        self.response.currentIndexChanged.connect(lambda _i: self._response_changed())
        self._response_changed()
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())
        self.shared_on.setFocus()

    def _fill_goals(self, contact_id: int, current: int | None) -> None:
        """The contact's open goals, and the share's own goal even when it is closed by now."""
        self.goal.addItem(self.tr("No goal"), None)
        for goal in library.open_goals_of(contact_id):
            self.goal.addItem(shorten(goal.title, 70), goal.id)
        if current is not None and self.goal.findData(current) < 0:
            row = contact_queries.goal(current)
            if row is not None:
                self.goal.addItem(shorten(row.title, 70), row.id)
        self.goal.setCurrentIndex(max(0, self.goal.findData(current)))

    def _response_changed(self) -> None:
        self.responded_on.setEnabled(self.response.currentData() != "none")

    def values(self) -> dict[str, Any]:
        """The share as :func:`dealjournal.ops.edit_share` takes it."""
        response = self.response.currentData()
        return {"on": self.shared_on.date().toString("yyyy-MM-dd"), "via": via_value(self.via),
                "note": self.note.toPlainText(), "goal_id": self.goal.currentData(), "response": response,
                "responded_on": self.responded_on.date().toString("yyyy-MM-dd") if response != "none" else None}

    def accept(self) -> None:
        if commands.edit_share(self.bus, self, self.share_id, **self.values()):
            super().accept()

    @classmethod
    def edit(cls, bus: JournalBus, parent: QWidget | None, share_id: int) -> bool:
        """Edit the share *share_id*; True if it was saved."""
        share = contact_queries.share(share_id)
        return share is not None and bool(cls(bus, share, parent).exec())
