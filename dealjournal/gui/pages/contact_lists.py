"""The contact page's small lists: channels and goals, plus an eliding label and a choice delegate.

Models are thin and read through :mod:`dealjournal.queries.contact`. Edits made in a cell
(the follow toggle, follows-back) are handed to a callback on the next turn of the event
loop, so that the page can reload the model without pulling it from under the view while
the view is still committing the edit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QLabel, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from dealjournal.domain import FOLLOWS_BACK
from dealjournal.gui import labels, links
from dealjournal.gui.models.rows import RowsModel
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries.contact import ChannelRow, GoalRow

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's dataclass
ID_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_COLOR = QColor("#c0392b")



def network_label(network: str) -> str:
    """A network's name in the window's language (brand names as they are)."""
    return labels.network(network)


class ElidedLabel(QLabel):
    """A one-line plain-text label that elides instead of widening its layout.

    ``text()`` keeps the whole text; the tooltip shows it when it does not fit.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        super().setText(text)
        self.setToolTip(text if len(text) > 40 else "")

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), 600), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text().replace("\n", " "), Qt.TextElideMode.ElideRight,
                                             rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor over fixed codes, showing their labels; picking one commits (the code) at once."""

    def __init__(self, choices: Sequence[str], names: Mapping[str, str], parent: QWidget | None = None) -> None:
        """*choices*: the codes, in order; *names*: their labels, a table of :mod:`dealjournal.gui.labels`."""
        super().__init__(parent)
        self.choices = tuple(choices)
        self.names = dict(names)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for code in self.choices:
            combo.addItem(labels.label(self.names, code), code)
        combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        def commit(_index: int) -> None:
            self.commitData.emit(combo)
            self.closeEditor.emit(combo)

        combo.activated.connect(commit)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setCurrentIndex(max(0, editor.findData(str(value))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ChannelColumn(IntEnum):
    NETWORK = 0
    HANDLE = 1
    FOLLOWING = 2
    FOLLOWS_BACK = 3
    PROFILE = 4


_CHANNEL_HEADERS = (QT_TRANSLATE_NOOP("ChannelModel", "Network"), QT_TRANSLATE_NOOP("ChannelModel", "Handle"),
                    QT_TRANSLATE_NOOP("ChannelModel", "You follow"), QT_TRANSLATE_NOOP("ChannelModel", "They follow"),
                    QT_TRANSLATE_NOOP("ChannelModel", "Profile"))


class ChannelModel(RowsModel[ChannelRow]):
    """The contact's channels; the follow toggle and follows-back are edited in place."""

    headers = _CHANNEL_HEADERS

    def __init__(self, on_follow: Callable[[int, bool], None], on_follows_back: Callable[[int, str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_follow, self._on_follows_back = on_follow, on_follows_back

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() == ChannelColumn.FOLLOWING:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == ChannelColumn.FOLLOWS_BACK:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.CheckStateRole and column == ChannelColumn.FOLLOWING:
            return Qt.CheckState.Checked if row.following_since else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and column == ChannelColumn.FOLLOWS_BACK:
            return row.follows_back
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ChannelColumn.PROFILE:
                return row.url or None
            if column == ChannelColumn.FOLLOWS_BACK:
                return self.tr("Double-click to change whether they follow you back")
            if column == ChannelColumn.FOLLOWING:
                return self.tr("You follow them since {day}").format(day=row.following_since) if row.following_since \
                    else self.tr("You don't follow them here; tick to follow from today")
            return self._display(row, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == ChannelColumn.FOLLOWS_BACK \
                and row.follows_back == "no" and row.following_since:
            return QBrush(OVERDUE_COLOR)
        return None

    def _display(self, row: ChannelRow, column: int) -> str | None:
        if column == ChannelColumn.NETWORK:
            return network_label(row.network)
        if column == ChannelColumn.HANDLE:
            return row.handle or row.url or ""
        if column == ChannelColumn.FOLLOWING:
            return row.following_since or self.tr("no")
        if column == ChannelColumn.FOLLOWS_BACK:
            return labels.label(labels.FOLLOWS_BACK, row.follows_back)
        if column == ChannelColumn.PROFILE:
            if not row.url:
                return ""
            return self.tr("Open ↗") if links.safe_url(row.url) is not None else self.tr("not a web link")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == ChannelColumn.FOLLOWING:
            follow = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            QTimer.singleShot(0, lambda: self._on_follow(row.id, follow))
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == ChannelColumn.FOLLOWS_BACK \
                and value in FOLLOWS_BACK and value != row.follows_back:
            QTimer.singleShot(0, lambda: self._on_follows_back(row.id, str(value)))
            return True
        return False


class GoalColumn(IntEnum):
    TITLE = 0
    PRIORITY = 1
    STATUS = 2
    TARGET = 3


_GOAL_HEADERS = (QT_TRANSLATE_NOOP("GoalModel", "Goal"), QT_TRANSLATE_NOOP("GoalModel", "Priority"),
                 QT_TRANSLATE_NOOP("GoalModel", "Status"), QT_TRANSLATE_NOOP("GoalModel", "Target"))


class GoalModel(RowsModel[GoalRow]):
    """The contact's goals, open first; an open goal past its target date says so in words and colour."""

    headers = _GOAL_HEADERS

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def is_overdue(self, row: GoalRow) -> bool:
        return row.status == "open" and row.target_on is not None and row.target_on < self._today().isoformat()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        overdue = self.is_overdue(row)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == GoalColumn.TITLE:
                return row.title
            if column == GoalColumn.PRIORITY:
                return labels.label(labels.PRIORITIES, row.priority)
            if column == GoalColumn.STATUS:
                status = labels.label(labels.GOAL_STATUSES, row.status)
                return status if row.status == "open" else f"{status} {row.closed_on or ''}".strip()
            if column == GoalColumn.TARGET:
                if not row.target_on:
                    return ""
                return self.tr("{day} — overdue").format(day=row.target_on) if overdue else row.target_on
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [row.title]
            if row.details:
                parts.append(row.details[:500])
            parts.append(self.tr("Set on {day}").format(day=row.created_on))
            return "\n".join(parts)
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue and column in (GoalColumn.TARGET, GoalColumn.TITLE):
                return QBrush(OVERDUE_COLOR)
            if row.status != "open":
                return QBrush(QColor("#7f8c8d"))
        if role == Qt.ItemDataRole.FontRole and overdue and column == GoalColumn.TARGET:
            font = QFont()
            font.setBold(True)
            return font
        return None
