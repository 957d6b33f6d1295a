"""Edit ▸ Sync Conflicts…: the values two devices wrote to one field before they synced, and the
records deleted on another device while edited here; the user settles each by picking one.

The list comes from :func:`dealjournal.sync.journal.conflicts` (a few dozen at most: each is
settled once, everywhere), so a small :class:`RowsModel` over it is enough. Settling one is
:func:`~dealjournal.sync.journal.resolve`: a write that has seen every candidate, published by
the next sync pass. It is not an undoable step: every view rereads the journal afterwards
(:attr:`JournalBus.reloaded`). From a contact's page the dialog shows that contact's conflicts
only (the contact's record and its rows: e-mails, goals, interactions …).

Every value, name and field is user text: shown in plain-text labels, in item views, or in
radio buttons (which never read markup) with their ``&`` doubled.
"""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dealjournal.errors import JournalError
from dealjournal.gui import i18n, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.forms import plain
from dealjournal.gui.models.rows import Index, RowsModel
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.sync import journal as sync_journal
from dealjournal.sync import mapping
from dealjournal.sync.journal import DELETED, Candidate, Conflict

log = logging.getLogger(__name__)

CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Conflict
OTHER = 0        # the button id of "Other value:"; candidates are 1, 2, … (resolve's pick)
SHORT = 48       # characters of a value on its radio button; a longer one is shown in full below it


# -- what the list shows ---------------------------------------------------------------------------

def what_text(conflict: Conflict) -> str:
    """The field in conflict, readable: "company", "cadence days", "email: value", or
    "deleted on another device while edited here"."""
    if conflict.field == DELETED:
        what = QCoreApplication.translate("conflicts", "deleted on another device while edited here")
    else:
        what = conflict.field.replace("_", " ")
    if conflict.kind in ("contact", "content"):
        return what
    return QCoreApplication.translate("conflicts", "{kind}: {what}").format(
        kind=conflict.kind.replace("_", " "), what=what)


def who_text(conflict: Conflict) -> str:
    return conflict.who or "—"


def value_text(value: Any) -> str:
    """A candidate value as text: None (and an empty text) as "(empty)"."""
    if value is None or value == "":
        return QCoreApplication.translate("conflicts", "(empty)")
    return str(value)


def source_text(candidate: Candidate) -> str:
    """Where and when a value was written: "Laptop · 2026-12-03 14:02:11" (the device alone
    when the core has no time: keeping a record is this device's choice, not a write)."""
    return f"{candidate.device_name} · {candidate.at}" if candidate.at else candidate.device_name


def takes_text(conflict: Conflict) -> bool:
    """Whether :func:`~dealjournal.sync.journal.resolve` accepts a value of the user's own for
    this field (not for a deletion, a reference to another record, or a yes/no field)."""
    if conflict.field == DELETED:
        return False
    spec = mapping.BY_KIND.get(conflict.kind)
    col = next((c for c in spec.columns if c.field == conflict.field), None) if spec else None
    if col is None:
        return conflict.field in mapping.SNOOZE_FIELDS
    return not col.ref and col.type != mapping.BOOL


def _mnemonic_free(text: str) -> str:
    """*text* for a button's label: its ``&`` shown as itself, not as a shortcut."""
    return text.replace("&", "&&")


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SHORT else line[:SHORT - 1].rstrip() + "…"


# -- whose conflicts -------------------------------------------------------------------------------

class ConflictCol(IntEnum):
    WHO = 0
    WHAT = 1
    VALUES = 2


class ConflictsModel(RowsModel[Conflict]):
    """One row per conflict (or deleted-elsewhere flag)."""

    headers = (QT_TRANSLATE_NOOP("ConflictsModel", "Who"), QT_TRANSLATE_NOOP("ConflictsModel", "What"),
               QT_TRANSLATE_NOOP("ConflictsModel", "Values"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(ConflictCol):
            return None
        col = ConflictCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == ConflictCol.WHO:
                return who_text(row)
            if col == ConflictCol.WHAT:
                return what_text(row)
            return str(len(row.candidates))
        if role == Qt.ItemDataRole.ToolTipRole and col != ConflictCol.VALUES:
            return QtGuiNs.convertFromPlainText(f"{who_text(row)}\n{what_text(row)}")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == ConflictCol.VALUES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CONFLICT_ROLE:
            return row
        return None


# -- the dialog ------------------------------------------------------------------------------------

class ConflictsDialog(QDialog):
    """The open conflicts (of one contact, when *contact_id* is given), and the values of the
    selected one to choose from."""

    def __init__(self, bus: JournalBus, parent: QWidget | None = None, contact_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.bus = bus
        self.contact_id = contact_id
        self.setWindowTitle(self.tr("Sync Conflicts"))

        self.intro = plain(QLabel(self.tr(
            "These values were changed on two devices before they synced. Choose the one to keep; "
            "the next sync gives it to every device.")))
        self.filter_note = plain(QLabel())
        self.filter_note.setObjectName("filterNote")
        self.show_all = QCheckBox(self.tr("Show &all conflicts"))
        self.show_all.setObjectName("showAll")
        self.show_all.setVisible(contact_id is not None)
        self.show_all.toggled.connect(lambda _on: self.reload())

        self.model = ConflictsModel(self)
        self.view = QTreeView()
        self.view.setObjectName("conflicts")
        self.view.setAccessibleName(self.tr("Conflicts"))
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        head = self.view.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(ConflictCol.WHO, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(ConflictCol.WHAT, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(ConflictCol.VALUES, QHeaderView.ResizeMode.ResizeToContents)
        head.resizeSection(ConflictCol.WHO, self.fontMetrics().horizontalAdvance("M") * 14)
        self.view.selectionModel().currentRowChanged.connect(lambda _now, _before: self._show_selected())

        # The values of the selected conflict: one radio button each (rebuilt per conflict).
        self.heading = plain(QLabel())
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.choices = QButtonGroup(self)
        self.choices.idToggled.connect(lambda _id, _on: self._update_buttons())
        self.choice_box = QWidget()
        self.choice_rows = QVBoxLayout(self.choice_box)
        self.choice_rows.setContentsMargins(0, 0, 0, 0)
        self.choice_rows.setSpacing(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.choice_box)
        # As wide as the pane: a long value wraps below its button instead of widening the pane.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.other_radio = QRadioButton(self.tr("&Other value:"))
        self.other_radio.setObjectName("otherValue")
        self.other = QLineEdit()
        self.other.setObjectName("otherText")
        self.other.setAccessibleName(self.tr("Other value"))
        self.other.textEdited.connect(self._other_edited)
        self.other_radio.toggled.connect(lambda on: self.other.setFocus() if on else None)
        self.other_row = QWidget()
        other_layout = QHBoxLayout(self.other_row)
        other_layout.setContentsMargins(0, 4, 0, 0)
        other_layout.addWidget(self.other_radio)
        other_layout.addWidget(self.other, 1)
        # The candidates go above these two, right below each other: "Other value" reads as one more.
        self.choice_rows.addWidget(self.other_row)
        self.choice_rows.addStretch(1)
        self._choice_widgets: list[QWidget] = []
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(scroll, 1)
        self.detail = detail

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.empty = plain(QLabel())
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)

        self.resolve_button = QPushButton(self.tr("&Use This Value"))
        self.resolve_button.setObjectName("resolve")
        self.resolve_button.setAccessibleName(self.tr("Use the chosen value"))
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.resolve_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        self.resolve_button.setDefault(True)  # Enter (also in "Other value") settles the selected one
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_all)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.filter_note)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self.setMinimumSize(720, 420)
        self.resize(860, 480)
        self.reload()
        self.splitter.setSizes([500, 360])

    @classmethod
    def open_for(cls, bus: JournalBus, parent: QWidget | None, contact_id: int | None = None) -> None:
        """Edit ▸ Sync Conflicts… (all of them) or a contact page's mark (that contact's)."""
        cls(bus, parent, contact_id).exec()

    # --- the list ---------------------------------------------------------------------------

    def filtered(self) -> bool:
        return self.contact_id is not None and not self.show_all.isChecked()

    def reload(self, select_row: int | None = None) -> None:
        """Read the conflicts again; select *select_row* (clamped), else the one selected before."""
        before = self.selected()
        try:
            found = sync_journal.conflicts()
        except JournalError as exc:
            log.warning("Cannot read the sync conflicts: %s", type(exc).__name__)
            messages.show_error(self, i18n.say_error(exc))
            found = []
        name: str | None = None
        if self.contact_id is not None:
            name, gids = sync_journal.contact_gids(self.contact_id)
            if self.filtered():
                found = [c for c in found if c.gid in gids]
        self.model.set_rows(found)
        self.intro.setVisible(bool(found))
        if not self.filtered():
            self.filter_note.hide()
        else:
            self.filter_note.setText(self.tr("The conflicts of {name}.").format(name=name or "—"))
            self.filter_note.show()
        if found:
            self.stack.setCurrentWidget(self.splitter)
            if select_row is None:
                ids = [c.id for c in found]
                select_row = ids.index(before.id) if before is not None and before.id in ids else 0
            row = max(0, min(select_row, len(found) - 1))
            self.view.setCurrentIndex(self.model.index(row, 0))
        else:
            self.empty.setText(self.tr("No conflicts of {name}: every synced value is settled.").format(
                name=name or "—") if self.filtered() else self.tr("No conflicts: every synced value is settled."))
            self.stack.setCurrentWidget(self.empty)
        self._show_selected()

    def selected(self) -> Conflict | None:
        return self.model.row_at(self.view.currentIndex()) if self.model.rows else None

    # --- the values of one conflict ---------------------------------------------------------

    def _clear_choices(self) -> None:
        for button in self.choices.buttons():
            self.choices.removeButton(button)
        for widget in self._choice_widgets:
            self.choice_rows.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._choice_widgets = []

    def _show_selected(self) -> None:
        self._clear_choices()
        conflict = self.selected()
        self.detail.setEnabled(conflict is not None)
        self.other.clear()
        if conflict is None:
            self.heading.clear()
            self.other_row.hide()
            self._update_buttons()
            return
        self.heading.setText(f"{who_text(conflict)} · {what_text(conflict)}")
        for pick, candidate in enumerate(conflict.candidates, start=1):
            widget = self._choice(conflict, pick, candidate)
            self.choice_rows.insertWidget(pick - 1, widget)
            self._choice_widgets.append(widget)
        self.choices.addButton(self.other_radio, OTHER)
        self.other_row.setVisible(takes_text(conflict))
        first = self.choices.button(1)
        if first is not None:
            first.setChecked(True)  # the newest: the value the journal shows now
        self._update_buttons()

    def _choice(self, conflict: Conflict, pick: int, candidate: Candidate) -> QWidget:
        """One value: its radio button, the value in full when it is long, who wrote it when."""
        if conflict.field == DELETED:
            text = (self.tr("Keep it, with the edits made here") if candidate.value == "keep"
                    else self.tr("Delete it, as the other device did"))
            full = text
        else:
            full = value_text(candidate.value)
            text = _one_line(full)
        box = QWidget()
        rows = QVBoxLayout(box)
        rows.setContentsMargins(0, 2, 0, 6)
        rows.setSpacing(0)
        radio = QRadioButton(_mnemonic_free(text))
        radio.setObjectName(f"choice{pick}")
        radio.setAccessibleName(f"{full} ({source_text(candidate)})")
        radio.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        radio.setMinimumWidth(radio.fontMetrics().horizontalAdvance("M") * 8)
        self.choices.addButton(radio, pick)
        rows.addWidget(radio)
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + 6
        if text != full:
            whole = plain(QLabel(full))
            whole.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            whole.setContentsMargins(indent, 0, 0, 0)
            whole.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            rows.addWidget(whole)
        source = plain(QLabel(source_text(candidate)), wrap=False)
        source.setObjectName(f"source{pick}")
        source.setContentsMargins(indent, 0, 0, 0)
        source.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, and follows a theme change
        source.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        rows.addWidget(source)
        return box

    def _other_edited(self, text: str) -> None:
        if text:
            self.other_radio.setChecked(True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        conflict = self.selected()
        chosen = self.choices.checkedId()
        ready = conflict is not None and (chosen > 0 or (chosen == OTHER and bool(self.other.text().strip())))
        self.resolve_button.setEnabled(ready)

    # --- settling ---------------------------------------------------------------------------

    def resolve_selected(self) -> bool:
        """Settle the selected conflict with the chosen value; the next one is selected then."""
        conflict = self.selected()
        chosen = self.choices.checkedId()
        if conflict is None or chosen < 0 or not self.resolve_button.isEnabled():
            return False
        row = self.view.currentIndex().row()
        try:
            if chosen == OTHER:
                sync_journal.resolve(conflict.id, value=self.other.text().strip())
            else:
                sync_journal.resolve(conflict.id, pick=chosen)
        except JournalError as exc:
            messages.show_error(self, i18n.say_error(exc))
            return False
        self.reload(select_row=row)  # the settled one is gone: the row now holds the next one
        self.bus.reloaded.emit()     # every view rereads the journal (a value, or a whole record, changed)
        self.bus.status.emit(self.tr("Conflict settled; the next sync gives the value to every device."))
        return True


__all__ = ["ConflictsDialog", "ConflictsModel", "source_text", "value_text", "what_text"]
