"""The contact list model: the row count from SQL, rows fetched in blocks as the view needs them.

Filtering and sorting happen in SQL (:mod:`dealjournal.queries.contacts`); the model keeps a
few blocks of rows, so a 100k-contact journal costs one count and one page per change.
A block that fails to load shows as error rows instead of raising inside ``data()``.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from dealjournal.gui import i18n, labels
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries import contacts as q
from dealjournal.queries.contacts import ContactFilter, ContactRow

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
BLOCK = 200
KEEP_BLOCKS = 16
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Col(IntEnum):
    NAME = 0
    COMPANY = 1
    STAGE = 2
    LAST_TOUCH = 3
    DAYS_QUIET = 4
    HEALTH = 5


HEADERS = {Col.NAME: QT_TRANSLATE_NOOP("ContactListModel", "Name"),
           Col.COMPANY: QT_TRANSLATE_NOOP("ContactListModel", "Company"),
           Col.STAGE: QT_TRANSLATE_NOOP("ContactListModel", "Stage"),
           Col.LAST_TOUCH: QT_TRANSLATE_NOOP("ContactListModel", "Last touch"),
           Col.DAYS_QUIET: QT_TRANSLATE_NOOP("ContactListModel", "Days quiet"),
           Col.HEALTH: QT_TRANSLATE_NOOP("ContactListModel", "Health")}
SORT_KEY = {Col.NAME: "name", Col.COMPANY: "company", Col.STAGE: "stage", Col.LAST_TOUCH: "last_touch",
            Col.DAYS_QUIET: "days_quiet", Col.HEALTH: "health"}


class ContactListModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.filter = ContactFilter()
        self.sort_key = "name"
        self.descending = False
        self._count = 0
        self._blocks: OrderedDict[int, list[ContactRow] | None] = OrderedDict()
        # False until the first reload: the view's sort settings made while the window is built
        # are kept without reading the journal (the page reloads once it is shown).
        self._live = False

    # --- what to show -------------------------------------------------------------------

    def set_filter(self, new: ContactFilter) -> None:
        self.filter = new
        self.reload()

    def reload(self) -> None:
        self._live = True
        self.beginResetModel()
        self._blocks.clear()
        try:
            self._count = q.count(self.filter)
        except Exception:
            log.exception("Counting contacts failed")
            self._count = 0
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = SORT_KEY[Col(column)]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self._live:
            self.reload()

    def row_at(self, row: int) -> ContactRow | None:
        if not 0 <= row < self._count:
            return None
        block_no = row // BLOCK
        if block_no not in self._blocks:
            try:
                block: list[ContactRow] | None = q.page(self.filter, self.sort_key, self.descending,
                                                        block_no * BLOCK, BLOCK)
            except Exception:
                log.exception("Loading contacts %d-%d failed", block_no * BLOCK, block_no * BLOCK + BLOCK)
                block = None
            self._blocks[block_no] = block
            while len(self._blocks) > KEEP_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block_no)
        block = self._blocks[block_no]
        offset = row - block_no * BLOCK
        return block[offset] if block is not None and offset < len(block) else None

    def contact_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

    def contact_ids(self, rows: Iterable[int]) -> list[int]:
        """The contacts shown in *rows* (a selection), read in one query over their span
        rather than block by block: selecting 10,000 rows costs one indexed query."""
        wanted = sorted(r for r in set(rows) if 0 <= r < self._count)
        if not wanted:
            return []
        first = wanted[0]
        span = q.ordered_ids(self.filter, self.sort_key, self.descending, first, wanted[-1] - first + 1)
        return [span[r - first] for r in wanted if r - first < len(span)]

    # --- Qt model -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Col):
            return QCoreApplication.translate("ContactListModel", HEADERS[Col(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(Col):
            return None
        row = self.row_at(index.row())
        col = Col(index.column())
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and col == Col.NAME:
                return self.tr("(this row could not be loaded)")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (Col.NAME, Col.HEALTH):
            return "\n".join(i18n.say(reason) for reason in row.reasons) if col == Col.HEALTH else row.name
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.DAYS_QUIET:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == Col.HEALTH and row.severity:
            palette = QApplication.palette()
            dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
            return QBrush(QColor("#ff8a65" if dark else "#b3401a"))
        return None

    def _display(self, row: ContactRow, col: Col) -> Any:
        if col == Col.NAME:
            return row.name
        if col == Col.COMPANY:
            return row.company or ""
        if col == Col.STAGE:
            return labels.stage(row.stage)
        if col == Col.LAST_TOUCH:
            return row.last_touch_on or self.tr("never")
        if col == Col.DAYS_QUIET:
            return "" if row.days_quiet is None else row.days_quiet
        return i18n.say(row.health_text)
