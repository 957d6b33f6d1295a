"""The contact's timeline: interactions, shares, stage changes and reminders, newest first, read lazily.

The model holds only the pages it has fetched (``canFetchMore``/``fetchMore``, 200 rows a
page from :func:`dealjournal.queries.contact.timeline_page`), so a contact with thousands
of entries opens at once. Direction is never shown by colour alone: each row has an arrow,
a word and a colour. A share's response is edited in place with :class:`ResponseDelegate`;
an interaction's follow-up and a reminder are ticked done in the last column. A captured
interaction shows its source mark in the summary column (:data:`~dealjournal.gui.pages.entries.SOURCE_ROLE`,
painted by :class:`~dealjournal.gui.pages.entries.SourceMarkDelegate`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel, QCoreApplication, QDate, QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect,
    Qt, QTimer, Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent, QPalette
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QStyledItemDelegate, QStyleOptionViewItem, QWidget,
)

from dealjournal.domain import RESPONSES
from dealjournal.gui import labels
from dealjournal.gui.models.rows import RowsModel
from dealjournal.gui.pages import entries
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries import contact as queries
from dealjournal.queries.contact import TimelineRow

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    WHEN = 0
    DIRECTION = 1  # direction and kind: "→ out · email"
    SUMMARY = 2
    RESPONSE = 3  # a share's response (editable), an interaction's follow-up or a reminder (checkable)


_HEADERS = (QT_TRANSLATE_NOOP("TimelineModel", "When"), QT_TRANSLATE_NOOP("TimelineModel", "Direction"),
            QT_TRANSLATE_NOOP("TimelineModel", "Summary"), QT_TRANSLATE_NOOP("TimelineModel", "Response / follow-up"))

# direction → (glyph, light-theme colour, dark-theme colour); the word comes from labels.DIRECTIONS
DIRECTION_STYLE: dict[str, tuple[str, str, str]] = {
    "out": ("→", "#3a5f8a", "#8fb4e0"),
    "in": ("←", "#23794a", "#7fd19f"),
    "mutual": ("⇄", "#7d3c98", "#c39bd3"),
    "none": ("✎", "#6b6b6b", "#b0b0b0"),
    "stage": ("◆", "#a04000", "#f0b27a"),
    "reminder": ("◷", "#7a5c00", "#f4d03f"),
}
_WORDS = {"stage": QT_TRANSLATE_NOOP("TimelineModel", "stage"),
          "reminder": QT_TRANSLATE_NOOP("TimelineModel", "reminder")}
#: How a screen reader says each direction (the column shows an arrow and a short word).
_SPOKEN = {
    "out": QT_TRANSLATE_NOOP("TimelineModel", "outbound"),
    "in": QT_TRANSLATE_NOOP("TimelineModel", "inbound"),
    "mutual": QT_TRANSLATE_NOOP("TimelineModel", "mutual"),
    "none": QT_TRANSLATE_NOOP("TimelineModel", "note"),
    "stage": QT_TRANSLATE_NOOP("TimelineModel", "stage change"),
    "reminder": QT_TRANSLATE_NOOP("TimelineModel", "reminder"),
}


def direction_key(row: TimelineRow) -> str:
    return row.source if row.source in _WORDS else (row.direction or "none")


def direction_word(key: str) -> str:
    """The short word for a direction key ("out", "in", "mutual", "none", "stage", "reminder")."""
    if key in _WORDS:
        return QCoreApplication.translate("TimelineModel", _WORDS[key])
    return labels.label(labels.DIRECTIONS, key)


def direction_text(row: TimelineRow) -> str:
    """Arrow and word: "→ out"."""
    key = direction_key(row)
    return f"{DIRECTION_STYLE[key][0]} {direction_word(key)}"


def _dark() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


class TimelineModel(RowsModel[TimelineRow]):
    """One contact's timeline, fetched a page at a time."""

    headers = _HEADERS

    def __init__(self, today: Callable[[], date], on_response: Callable[[int, str, str | None], None],
                 on_done: Callable[[TimelineRow, bool], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today, self._on_response, self._on_done = today, on_response, on_done
        self._contact_id: int | None = None
        self._more = False

    # --- loading ------------------------------------------------------------------------

    def set_contact(self, contact_id: int | None) -> None:
        """Show *contact_id*'s timeline from the top (its first page only)."""
        self.beginResetModel()
        self._contact_id = contact_id
        self._rows, self._more = self._read(0, queries.TIMELINE_PAGE)
        self.endResetModel()

    def refresh(self) -> None:
        """Read the rows already shown again; keeps the view's scroll position when the count holds."""
        if self._contact_id is None:
            return
        rows, more = self._read(0, max(len(self._rows), queries.TIMELINE_PAGE))
        if len(rows) == len(self._rows) and self._rows:
            self._rows, self._more = rows, more
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(Column) - 1))
        else:
            self.beginResetModel()
            self._rows, self._more = rows, more
            self.endResetModel()

    def _read(self, offset: int, limit: int) -> tuple[list[TimelineRow], bool]:
        if self._contact_id is None:
            return [], False
        rows = queries.timeline_page(self._contact_id, offset, limit + 1)
        return rows[:limit], len(rows) > limit

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        rows, more = self._read(len(self._rows), queries.TIMELINE_PAGE)
        self._more = more
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return base
        if index.column() == Column.RESPONSE and row.source == "share":
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == Column.RESPONSE and row.follow_up_on:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == entries.SOURCE_ROLE:
            return entries.source_word(row.source_kind) if column == Column.SUMMARY else None
        if role == Qt.ItemDataRole.EditRole and column == Column.RESPONSE and row.source == "share":
            return row.response
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(row, column)
            return QtGuiNs.convertFromPlainText(tip) if tip else None  # user text stays plain
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.DIRECTION:
                _, light, dark = DIRECTION_STYLE[direction_key(row)]
                return QBrush(QColor(dark if _dark() else light))
            if column == Column.RESPONSE and self._follow_up_overdue(row):
                return QBrush(QColor("#e74c3c" if _dark() else "#c0392b"))
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.RESPONSE and row.follow_up_on:
            return Qt.CheckState.Checked if row.follow_up_done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole and column == Column.DIRECTION:
            word = QCoreApplication.translate("TimelineModel", _SPOKEN[direction_key(row)])
            return f"{word} {self._what(row)}".strip()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == Column.SUMMARY and row.source_kind:
            return f"{self._display(row, column) or ''} — {entries.source_spoken(row.source_kind)}"
        return None

    def _follow_up_overdue(self, row: TimelineRow) -> bool:
        return row.follow_up_on is not None and not row.follow_up_done \
            and row.follow_up_on < self._today().isoformat()

    def _what(self, row: TimelineRow) -> str:
        """The kind of entry in a word: "E-mail", "Share" (nothing for a stage change or a reminder)."""
        if row.source == "share":
            return self.tr("Share")
        return "" if row.source != "interaction" or not row.what else labels.label(labels.INTERACTION_KINDS, row.what)

    def follow_up_text(self, day: str, *, done: bool, overdue: bool) -> str:
        """The follow-up cell: done, overdue or due on *day*."""
        if done:
            return self.tr("done {day}").format(day=day)
        return (self.tr("overdue {day}") if overdue else self.tr("due {day}")).format(day=day)

    def _display(self, row: TimelineRow, column: int) -> str | None:
        if column == Column.WHEN:
            return row.at.replace("T", " ")
        if column == Column.DIRECTION:
            what = self._what(row)
            return f"{direction_text(row)} · {what}" if what else direction_text(row)
        if column == Column.SUMMARY:
            if row.source == "stage":
                if row.what:
                    return f"{labels.stage(row.what)} → {labels.stage(row.summary or '')}"
                return self.tr("added as {stage}").format(stage=labels.stage(row.summary or ""))
            return row.summary or (self.tr("(no summary)") if row.source == "interaction" else "")
        if column == Column.RESPONSE:
            if row.source == "share":
                if row.response and row.response != "none":
                    return f"{labels.label(labels.RESPONSES, row.response)} {row.responded_on or ''}".strip()
                return self.tr("no response yet")
            if not row.follow_up_on:
                return ""
            done_on = row.responded_on if row.source == "reminder" and row.follow_up_done else None
            return self.follow_up_text(done_on or row.follow_up_on, done=row.follow_up_done,
                                       overdue=self._follow_up_overdue(row))
        return None

    def _tooltip(self, row: TimelineRow, column: int) -> str | None:
        if column == Column.RESPONSE and row.source == "share":
            return self.tr("Double-click (or {keys}) to record their response").format(keys="F2")
        if column == Column.RESPONSE and row.source == "reminder":
            return (self.tr("Reminder for {day}, done. Untick to open it again.") if row.follow_up_done
                    else self.tr("Reminder for {day}, not done yet. Tick when it is done.")).format(
                day=row.follow_up_on)
        if column == Column.RESPONSE and row.follow_up_on:
            return (self.tr("Follow-up planned for {day}, done. Tick when it is done.") if row.follow_up_done
                    else self.tr("Follow-up planned for {day}, not done yet. Tick when it is done.")).format(
                day=row.follow_up_on)
        parts = []
        if row.source == "share":
            kind = labels.label(labels.CONTENT_KINDS, row.what) if row.what else self.tr("content")
            parts.append(self.tr("Shared {kind}: {title}").format(kind=kind, title=row.summary))
            if row.via:
                parts.append(self.tr("Via: {via}").format(via=labels.label(labels.VIA, row.via)))
            if row.details:
                parts.append(self.tr("Note: {note}").format(note=row.details))
        elif row.source == "reminder":
            parts.append(self.tr("Reminder: {text}").format(text=row.summary))
        elif row.source == "interaction":
            if row.summary:
                parts.append(row.summary)
            if row.via:
                parts.append(self.tr("Channel: {channel}").format(channel=row.via))
            if row.details:
                parts.append(row.details)
            if row.source_kind:
                parts.append(entries.source_tip(row.source_kind) or "")
        if row.goal:
            parts.append(self.tr("Goal: {goal}").format(goal=row.goal))
        return "\n".join(parts) or None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return False
        if role == Qt.ItemDataRole.EditRole and index.column() == Column.RESPONSE and row.source == "share":
            response, on = value if isinstance(value, tuple) else (value, None)
            if response not in RESPONSES:
                return False
            if (response, on if response != "none" else None) == (row.response, row.responded_on):
                return False
            # On the next turn: the page reloads this model, which must not happen mid-commit.
            QTimer.singleShot(0, lambda: self._on_response(row.id, str(response), on))
            return True
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == Column.RESPONSE and row.follow_up_on:
            done = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            QTimer.singleShot(0, lambda: self._on_done(row, done))
            return True
        return False


class ResponseEditor(QWidget):
    """A response combo and its date side by side; picking a response or pressing Enter commits."""

    committed = Signal()
    cancelled = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.combo = QComboBox()
        for code in RESPONSES:
            self.combo.addItem(labels.label(labels.RESPONSES, code), code)
        self.combo.setAccessibleName(self.tr("Response"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.date.setAccessibleName(self.tr("Response date"))
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.date)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(lambda _i: self.committed.emit())
        for child in (self.combo, self.date):
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.committed.emit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancelled.emit()
                return True
        return super().eventFilter(watched, event)

    def value(self) -> tuple[str, str | None]:
        response = str(self.combo.currentData())
        return response, (self.date.date().toString("yyyy-MM-dd") if response != "none" else None)


class ResponseDelegate(QStyledItemDelegate):
    """Edits a share's response (and its date, today unless changed) in the timeline."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # type: ignore[override]
                     index: Index) -> QWidget | None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, TimelineRow) or row.source != "share":
            return None
        editor = ResponseEditor(self._today(), parent)
        def commit() -> None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor)

        editor.committed.connect(commit)
        editor.cancelled.connect(lambda: self.closeEditor.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(editor, ResponseEditor) or not isinstance(row, TimelineRow):
            return
        editor.combo.setCurrentIndex(max(0, editor.combo.findData(row.response or "none")))
        if row.responded_on:
            editor.date.setDate(QDate.fromString(row.responded_on, "yyyy-MM-dd"))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, ResponseEditor):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = QRect(option.rect)
        hint = editor.sizeHint()
        rect.setWidth(max(rect.width(), hint.width()))
        rect.setHeight(max(rect.height(), hint.height()))
        editor.setGeometry(rect)
