"""The Journal page: recent activity across everyone, newest first, read 200 entries at a time.

Interactions, shares and stage changes come from :func:`dealjournal.queries.library.activity`,
paged by key as the user scrolls (``canFetchMore``/``fetchMore``), so a journal of a million
interactions opens as fast as an empty one. Filters: kind, direction, a period, and a search
of what was said (full-text over summaries, details and share notes, typed words as
prefixes). An interaction or a share opens in its form
(Enter, double-click) and Del deletes it, as on the contact's timeline
(:mod:`dealjournal.gui.pages.entries`); the Contact column, a stage change and the context
menu open the contact. A captured interaction carries its source mark ("mail", "WhatsApp")
in the Summary column, as on the timeline.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from enum import IntEnum
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QTableView,
    QVBoxLayout, QWidget,
)

from dealjournal import domain
from dealjournal.gui import i18n, labels
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.models.rows import RowsModel
from dealjournal.gui.pages import entries
from dealjournal.gui.pages.base import Page, empty_state
from dealjournal.ops import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries import library
from dealjournal.queries.library import ActivityRow

log = logging.getLogger(__name__)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

# A direction's glyph; its word comes from labels.DIRECTIONS ("→ out").
DIRECTION_GLYPHS = {"out": "→", "in": "←", "mutual": "↔", "none": "·"}
DIRECTION_TIPS = {"out": QT_TRANSLATE_NOOP("ActivityModel", "You reached out"),
                  "in": QT_TRANSLATE_NOOP("ActivityModel", "They reached out or answered"),
                  "mutual": QT_TRANSLATE_NOOP("ActivityModel", "Both took part"),
                  "none": QT_TRANSLATE_NOOP("ActivityModel", "A private note, not a touch")}
# The filters' entries, English (marked in the context "JournalPage"; the interaction kinds'
# plurals are labels.INTERACTION_KINDS_PLURAL): shown through kind_filter_text / direction_filter_text.
KIND_FILTERS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("JournalPage", "All activity"), None),
    (QT_TRANSLATE_NOOP("JournalPage", "Interactions"), "interaction"),
    *((labels.INTERACTION_KINDS_PLURAL.get(k, k), k) for k in domain.INTERACTION_KINDS),
    (QT_TRANSLATE_NOOP("JournalPage", "Shares"), "share"),
    (QT_TRANSLATE_NOOP("JournalPage", "Stage changes"), "stage"),
)
# The period filter: (text, days back from today; 0 = today only, None = any time, -1 = a range you choose).
PERIODS: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("JournalPage", "Any time"), None),
    (QT_TRANSLATE_NOOP("JournalPage", "Today"), 0),
    (QT_TRANSLATE_NOOP("JournalPage", "Last 7 days"), 6),
    (QT_TRANSLATE_NOOP("JournalPage", "Last 30 days"), 29),
    (QT_TRANSLATE_NOOP("JournalPage", "Last 90 days"), 89),
    (QT_TRANSLATE_NOOP("JournalPage", "Between…"), -1),
)
SEARCH_DELAY_MS = 200  # typing pauses this long before the list is searched
DIRECTION_FILTERS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("JournalPage", "Any direction"), None),
    (QT_TRANSLATE_NOOP("JournalPage", "→ Out (you reached out)"), "out"),
    (QT_TRANSLATE_NOOP("JournalPage", "← In (they reached out)"), "in"),
    (QT_TRANSLATE_NOOP("JournalPage", "↔ Mutual"), "mutual"),
    (QT_TRANSLATE_NOOP("JournalPage", "· Notes"), "none"),
)


def kind_filter_text(text: str, code: str | None) -> str:
    """A :data:`KIND_FILTERS` entry as the menu shows it, in the window's language (kinds indented)."""
    if code in domain.INTERACTION_KINDS:
        return "  " + labels.label(labels.INTERACTION_KINDS_PLURAL, code)
    return QCoreApplication.translate("JournalPage", text)


def direction_filter_text(text: str) -> str:
    """A :data:`DIRECTION_FILTERS` entry in the window's language."""
    return QCoreApplication.translate("JournalPage", text)


def direction_text(direction: str | None) -> str:
    """A direction as the journal shows it: "→ out" (a glyph and the word); "—" for none."""
    if direction is None or direction not in DIRECTION_GLYPHS:
        return "—"
    return f"{DIRECTION_GLYPHS[direction]} {labels.label(labels.DIRECTIONS, direction)}"


class PagedModel(RowsModel[R]):
    """A table read from SQL one page at a time; subclasses say how to fetch and show a row."""

    page_size = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._more = False
        self._busy = False

    def fetch(self, loaded: list[R], limit: int) -> list[R]:
        """The next *limit* rows after *loaded*."""
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError

    def reload(self) -> None:
        page = self.fetch([], self.page_size + 1)
        self._busy = True
        try:
            self.beginResetModel()
            self._more = len(page) > self.page_size
            self._rows = page[: self.page_size]
            self.endResetModel()
        finally:
            self._busy = False

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        if self._busy:  # a view asks while a change is still being announced: answer after it
            QTimer.singleShot(0, self, self.fetchMore)
            return
        page = self.fetch(self._rows, self.page_size + 1)
        self._more = len(page) > self.page_size
        page = page[: self.page_size]
        if page:
            self._busy = True
            try:
                self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
            finally:
                self._busy = False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self.headers):
            return None
        if role == ROW_ROLE:
            return row
        try:
            return self.cell(row, index.column(), role)
        except Exception:  # a row that cannot be shown becomes a visible error, not a crash
            log.exception("Cannot show a row")
            return self.tr("(cannot show this entry)") if role == Qt.ItemDataRole.DisplayRole else None


class Col(IntEnum):
    WHEN = 0
    CONTACT = 1
    KIND = 2
    DIRECTION = 3
    SUMMARY = 4


class ActivityModel(PagedModel[ActivityRow]):
    headers = (QT_TRANSLATE_NOOP("ActivityModel", "When"), QT_TRANSLATE_NOOP("ActivityModel", "Contact"),
               QT_TRANSLATE_NOOP("ActivityModel", "Kind"), QT_TRANSLATE_NOOP("ActivityModel", "Direction"),
               QT_TRANSLATE_NOOP("ActivityModel", "Summary"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.direction: str | None = None
        self.search = ""
        self.since: str | None = None
        self.until: str | None = None

    @property
    def filtered(self) -> bool:
        return bool(self.kind or self.direction or self.search.strip() or self.since or self.until)

    def fetch(self, loaded: list[ActivityRow], limit: int) -> list[ActivityRow]:
        before = loaded[-1].key if loaded else None
        return library.activity(limit, before, kind=self.kind, direction=self.direction, search=self.search,
                                since=self.since, until=self.until)

    def cell(self, row: ActivityRow, column: int, role: int) -> Any:
        if role == entries.SOURCE_ROLE:
            return entries.source_word(row.source_kind) if column == Col.SUMMARY else None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == Col.SUMMARY and row.source_kind:
            return f"{i18n.say(row.summary)} — {entries.source_spoken(row.source_kind)}"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Col.WHEN:
                return row.at.replace("T", " ")
            if column == Col.CONTACT:
                return row.contact_name
            if column == Col.KIND:
                return self.kind_text(row.kind)
            if column == Col.DIRECTION:
                return direction_text(row.direction)
            if column == Col.SUMMARY:
                return i18n.say(row.summary).replace("\n", " ")
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == Col.DIRECTION:
                tip = DIRECTION_TIPS.get(row.direction or "")
                return QCoreApplication.translate("ActivityModel", tip) if tip else self.tr("A change of stage")
            if column == Col.CONTACT:
                return QtGuiNs.convertFromPlainText(row.contact_name)  # user text stays plain
            if column == Col.SUMMARY:
                tip = "\n".join(t for t in (i18n.say(row.summary), entries.source_tip(row.source_kind)) if t)
                return QtGuiNs.convertFromPlainText(tip) if tip else None
        return None

    def kind_text(self, kind: str) -> str:
        """An entry's kind in words: an interaction kind's label, "Share" or "Stage change"."""
        if kind == "share":
            return self.tr("Share")
        if kind == "stage":
            return self.tr("Stage change")
        return labels.label(labels.INTERACTION_KINDS, kind)


def table_view(accessible_name: str) -> QTableView:
    """A read-only, row-selecting table as every page uses it."""
    view = QTableView()
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    return view


def set_widths(view: QTableView, widths: dict[int, int | Iterable[str]], stretch: int) -> None:
    """Column widths in average characters, or as wide as the widest of some sample texts (in
    the window's language), and never narrower than the column's title; one column takes the rest."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    metrics = view.fontMetrics()
    model = view.model()
    for column, size in widths.items():
        wide = size * metrics.averageCharWidth() if isinstance(size, int) \
            else max((metrics.horizontalAdvance(sample) for sample in size), default=0)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model is not None else ""
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(wide + 16, header.fontMetrics().horizontalAdvance(title) + 24))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class JournalPage(Page):
    title = QT_TRANSLATE_NOOP("JournalPage", "Journal")
    icon_name = "journal"
    shortcut_help = ((QT_TRANSLATE_NOOP("JournalPage", "open the entry for editing (a stage change: its contact)"),
                      "Return"),
                     (QT_TRANSLATE_NOOP("JournalPage", "delete the entry"), "Del"))

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        self.model = ActivityModel(self)
        heading = QLabel(self.tr("Recent activity across everyone, newest first"))
        heading.setWordWrap(True)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Show which kind of activity"))
        for label, value in KIND_FILTERS:
            self.kind_filter.addItem(kind_filter_text(label, value), value)
        self.direction_filter = QComboBox()
        self.direction_filter.setAccessibleName(self.tr("Show which direction"))
        for label, value in DIRECTION_FILTERS:
            self.direction_filter.addItem(direction_filter_text(label), value)
        show = QLabel(self.tr("&Show"))
        show.setBuddy(self.kind_filter)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(show)
        top.addWidget(self.kind_filter)
        top.addWidget(self.direction_filter)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search what was said: summaries, details, share notes"))
        self.search.setAccessibleName(self.tr("Search the journal"))
        find = QLabel(self.tr("Searc&h"))
        find.setBuddy(self.search)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Show which period"))
        for text, days in PERIODS:
            self.period.addItem(QCoreApplication.translate("JournalPage", text), days)
        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit, name in ((self.since, self.tr("From")), (self.until, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setDate(QDate.currentDate())
            edit.hide()
        self.since.setDate(QDate.currentDate().addDays(-30))
        second = QHBoxLayout()
        second.addWidget(find)
        second.addWidget(self.search, 1)
        second.addWidget(self.period)
        second.addWidget(self.since)
        second.addWidget(self.until)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.period.currentIndexChanged.connect(self._period_changed)
        self.since.dateChanged.connect(self._filter)
        self.until.dateChanged.connect(self._filter)

        self.view = table_view(self.tr("Journal entries"))
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(Col.SUMMARY, entries.SourceMarkDelegate(self.view))
        set_widths(self.view, {Col.WHEN: 17, Col.CONTACT: 24, Col.KIND: 13,
                               Col.DIRECTION: [direction_text(d) for d in DIRECTION_GLYPHS]}, Col.SUMMARY)
        self.view.activated.connect(self._activated)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self.delete_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.empty = empty_state()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self.kind_filter.currentIndexChanged.connect(self._filter)
        self.direction_filter.currentIndexChanged.connect(self._filter)

    def concerns(self, changes: OpChanges) -> bool:
        return bool(changes.interactions or changes.shares or changes.stages or changes.contacts
                    or changes.content)

    def _period_changed(self) -> None:
        custom = self.period.currentData() == -1
        self.since.setVisible(custom)
        self.until.setVisible(custom)
        self._filter()

    def _filter(self) -> None:
        self._search_timer.stop()
        self.model.kind = self.kind_filter.currentData()
        self.model.direction = self.direction_filter.currentData()
        self.model.search = self.search.text()
        days = self.period.currentData()
        if days is None:
            self.model.since = self.model.until = None
        elif days == -1:
            first, last = sorted((self.since.date().toString("yyyy-MM-dd"), self.until.date().toString("yyyy-MM-dd")))
            self.model.since, self.model.until = first, last
        else:
            today = self.bus.today()
            self.model.since, self.model.until = (today - timedelta(days=days)).isoformat(), today.isoformat()
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        has_rows = self.model.rowCount() > 0
        filtered = self.model.filtered
        self.empty.setText(self.tr("Nothing matches this filter.") if filtered else
                           self.tr("The journal is empty. Log an interaction (Ctrl+L) or share content to start it."))
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)

    def current_contact_id(self) -> int | None:
        row = self.model.row_at(self.view.currentIndex())
        return row.contact_id if row is not None else None

    def current_entry(self) -> entries.Entry | None:
        row = self.model.row_at(self.view.currentIndex())
        return entries.Entry(row.source, row.id, row.contact_id) if row is not None else None

    def _activated(self, index: QModelIndex) -> None:
        """Open the entry in its form; from the Contact column, or a stage change, open the contact."""
        row = self.model.row_at(index)
        if row is None:
            return
        if index.column() == Col.CONTACT or row.source not in entries.EDITABLE:
            self.bus.open_contact.emit(row.contact_id)
        else:
            entries.edit(self.bus, self, entries.Entry(row.source, row.id, row.contact_id))

    def delete_current(self) -> bool:
        entry = self.current_entry()
        return entry is not None and entries.delete(self.bus, self, entry)

    def _menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        entry = self.current_entry()
        if entry is None:
            return
        menu = QMenu(self)
        entries.add_actions(menu, self.bus, self, entry)
        if not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(self.tr("Open &Contact"), lambda: self.bus.open_contact.emit(entry.contact_id))
        menu.exec(self.view.viewport().mapToGlobal(pos))
