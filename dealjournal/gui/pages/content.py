"""The Content page: the library of things worth sharing, and who got each of them.

Sorted and searched in SQL (:func:`dealjournal.queries.library.content_library`); the detail
pane below shows the selected item's summary and its shares (double-click opens the contact).
"""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSplitter, QVBoxLayout, QWidget,
)

from dealjournal.gui import commands, labels, links, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.content_edit import ContentDialog
from dealjournal.gui.dialogs.share import ShareDialog
from dealjournal.gui.forms import icon
from dealjournal.gui.pages.base import Page, empty_state
from dealjournal.gui.pages.journal import set_widths, table_view
from dealjournal.ops import OpChanges
from dealjournal.gui.models.rows import RowsModel
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries import library
from dealjournal.queries.library import ContentRow, ShareRow

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class Col(IntEnum):
    TITLE = 0
    KIND = 1
    ORIGIN = 2
    AUTHOR = 3
    TOPICS = 4
    SHARED = 5
    RATE = 6
    LAST = 7


SORT_KEYS = ("title", "kind", "origin", "author", "topics", "times_shared", "response_rate", "last_shared")


def rate_text(row: ContentRow) -> str:
    rate = row.response_rate
    return "—" if rate is None else QCoreApplication.translate("ContentModel", "{percent}%").format(
        percent=round(rate * 100))


def web_link(text: str | None) -> bool:
    """Whether *text* is a link this page opens: http or https only."""
    url = links.safe_url(text)
    return url is not None and url.scheme().lower() in ("http", "https")


class ContentModel(RowsModel[ContentRow]):
    headers = (QT_TRANSLATE_NOOP("ContentModel", "Title"), QT_TRANSLATE_NOOP("ContentModel", "Kind"),
               QT_TRANSLATE_NOOP("ContentModel", "Origin"), QT_TRANSLATE_NOOP("ContentModel", "Author"),
               QT_TRANSLATE_NOOP("ContentModel", "Topics"), QT_TRANSLATE_NOOP("ContentModel", "Shared"),
               QT_TRANSLATE_NOOP("ContentModel", "Response rate"), QT_TRANSLATE_NOOP("ContentModel", "Last shared"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.sort_key = "title"
        self.descending = False
        # False until the first refresh: the view's sort settings made while the page is built
        # are kept without reading the journal (the page reloads once it is shown).
        self._live = False

    def refresh(self) -> None:
        self._live = True
        self.set_rows(library.content_library(self.search, self.sort_key, self.descending))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        self.sort_key = SORT_KEYS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self._live:
            self.refresh()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self.headers):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title.replace("\n", " "), labels.label(labels.CONTENT_KINDS, row.kind),
                    labels.label(labels.ORIGINS, row.origin), row.author or "", ", ".join(row.topics),
                    str(row.times_shared), rate_text(row), row.last_shared or self.tr("never"))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (Col.TITLE, Col.AUTHOR, Col.TOPICS, Col.RATE):
            if column == Col.RATE:
                if not row.times_shared:
                    return self.tr("Never shared")
                return (self.tr("{responded} of {n} share got a response") if row.times_shared == 1 else
                        self.tr("{responded} of {n} shares got a response")).format(responded=row.responded,
                                                                                     n=row.times_shared)
            return (row.title, None, None, row.author, ", ".join(row.topics))[column] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Col.SHARED, Col.RATE):
            return int(RIGHT)
        return None


class SharesModel(RowsModel[ShareRow]):
    headers = (QT_TRANSLATE_NOOP("SharesModel", "Contact"), QT_TRANSLATE_NOOP("SharesModel", "Shared on"),
               QT_TRANSLATE_NOOP("SharesModel", "Via"), QT_TRANSLATE_NOOP("SharesModel", "Response"),
               QT_TRANSLATE_NOOP("SharesModel", "Note"))

    def show_item(self, content_id: int | None) -> None:
        self.set_rows(library.content_shares(content_id) if content_id is not None else [])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            response = labels.label(labels.RESPONSES, row.response)
            if row.response != "none" and row.responded_on:
                response = f"{response} {row.responded_on}"
            via = labels.label(labels.VIA, row.via) if row.via else ""
            return (row.contact_name, row.on_day, via, response, row.note.replace("\n", " "))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (0, 4):
            return (row.contact_name if index.column() == 0 else row.note) or None
        return None


class ElidedLabel(QLabel):
    """One line of user text, shown literally and cut with "…" rather than widening the window."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:
        return QSize(20, super().minimumSizeHint().height())

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text.replace("\n", " "))
        self.setToolTip(text if len(text) > 40 else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)


class ContentPage(Page):
    title = QT_TRANSLATE_NOOP("ContentPage", "Content")
    icon_name = "content"
    shortcut_help = ((QT_TRANSLATE_NOOP("ContentPage", "delete the selected item"), "Del"),)

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        self.model = ContentModel(self)
        self.shares = SharesModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, author or topic…"))
        self.search.setAccessibleName(self.tr("Search the content library"))
        self.search.setClearButtonEnabled(True)
        self.add_button = QPushButton(icon("content"), self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.link_button = QPushButton(self.tr("Open &link"))
        self.share_button = QPushButton(icon("share"), self.tr("S&hare with…"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (self.add_button, self.edit_button, self.delete_button, self.link_button, self.share_button):
            button.setAccessibleName(button.text().replace("&", "").replace("…", ""))
            top.addWidget(button)

        self.view = table_view(self.tr("Content library"))
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(Col.TITLE, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.installEventFilter(self)
        set_widths(self.view, {Col.KIND: 10, Col.ORIGIN: 10, Col.AUTHOR: 14, Col.TOPICS: 16, Col.SHARED: 7,
                               Col.RATE: 13, Col.LAST: 11}, Col.TITLE)
        self.empty = empty_state()

        self.detail = self._build_detail()
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.view, 1)
        upper_layout.addWidget(self.empty, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("contentSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(self.splitter)

        self.search.textChanged.connect(self._search)
        self.view.selectionModel().currentRowChanged.connect(self._show_current)
        self.view.activated.connect(lambda _index: self.edit_current())
        self.share_view.activated.connect(self._open_share)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.link_button.clicked.connect(self.open_current_link)
        self.share_button.clicked.connect(self.share_current)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._show_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Author and topics grow with the window, up to a point; the title takes the rest."""
        extra = max(0, self.view.width() - 800)  # below that, every pixel goes to the title
        header = self.view.horizontalHeader()
        header.resizeSection(Col.AUTHOR, 100 + min(120, int(extra * 0.25)))
        header.resizeSection(Col.TOPICS, 110 + min(150, int(extra * 0.3)))

    def _build_detail(self) -> QWidget:
        self.item_title = ElidedLabel()
        font = QFont(self.item_title.font())
        font.setBold(True)
        self.item_title.setFont(font)
        self.item_meta = ElidedLabel()
        self.item_link = ElidedLabel()
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Summary of the item"))
        self.summary.setTabChangesFocus(True)
        info = QWidget()
        info_layout = QVBoxLayout(info)
        info_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.item_title, self.item_meta, self.item_link):
            info_layout.addWidget(widget)
        info_layout.addWidget(self.summary, 1)

        self.share_view = table_view(self.tr("Who it was shared with"))
        self.share_view.setModel(self.shares)
        set_widths(self.share_view, {0: 20, 1: 11, 2: 9, 3: 20}, 4)
        self.shares_label = QLabel(self.tr("Shared with"))
        self.shares_label.setBuddy(self.share_view)
        shares_box = QWidget()
        shares_layout = QVBoxLayout(shares_box)
        shares_layout.setContentsMargins(0, 0, 0, 0)
        shares_layout.addWidget(self.shares_label)
        shares_layout.addWidget(self.share_view, 1)
        detail = QSplitter(Qt.Orientation.Horizontal)
        detail.setObjectName("contentDetailSplitter")
        detail.setChildrenCollapsible(False)
        detail.addWidget(info)
        detail.addWidget(shares_box)
        detail.setStretchFactor(0, 2)
        detail.setStretchFactor(1, 3)
        return detail

    # --- reading -----------------------------------------------------------------------

    def concerns(self, changes: OpChanges) -> bool:
        return bool(changes.content or changes.shares or changes.contacts)

    def reload(self) -> None:
        current = self.current_item()
        self.model.refresh()
        self._after_refresh(current.id if current else None)

    def _search(self, text: str) -> None:
        current = self.current_item()
        self.model.search = text
        self.model.refresh()
        self._after_refresh(current.id if current else None)

    def _after_refresh(self, keep_id: int | None) -> None:
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.empty.setText(self.tr("Nothing in the library matches your search.") if self.model.search.strip() else
                           self.tr("Your content library is empty. Add articles, videos or e-books worth sharing "
                                   "with “Add…”."))
        if has_rows:
            ids = [r.id for r in self.model.rows]
            self.view.selectRow(ids.index(keep_id) if keep_id in ids else 0)
        self._show_current()

    def current_item(self) -> ContentRow | None:
        return self.model.row_at(self.view.currentIndex())

    def current_content_id(self) -> int | None:
        item = self.current_item()
        return item.id if item is not None else None

    def _show_current(self) -> None:
        row = self.current_item()
        item = library.content_item(row.id) if row is not None else None
        for button in (self.edit_button, self.delete_button, self.share_button):
            button.setEnabled(item is not None)
        self.link_button.setEnabled(item is not None and web_link(item.url))
        self.detail.setEnabled(item is not None)
        if item is None or row is None:
            self.item_title.setText(self.tr("No item selected"))
            for label in (self.item_meta, self.item_link):
                label.setText("")
            self.summary.setPlainText("")
            self.shares.show_item(None)
            self.shares_label.setText(self.tr("Shared with"))
            return
        self.item_title.setText(item.title)
        parts = [labels.label(labels.CONTENT_KINDS, item.kind), labels.label(labels.ORIGINS, item.origin)]
        if item.author:
            parts.append(self.tr("by {author}").format(author=item.author))
        if item.topics:
            parts.append(self.tr("topics: {topics}").format(topics=", ".join(item.topics)))
        self.item_meta.setText(" · ".join(parts))
        self.item_link.setText(item.url or self.tr("No link"))
        self.summary.setPlainText(item.summary)
        self.summary.setPlaceholderText(self.tr("No summary."))
        self.shares.show_item(item.id)
        if not row.times_shared:
            self.shares_label.setText(self.tr("Not shared with anyone yet — use “Share with…”."))
        else:
            self.shares_label.setText(
                (self.tr("Shared {n} time ({rate} got a response) — double-click to open the contact")
                 if row.times_shared == 1 else
                 self.tr("Shared {n} times ({rate} got a response) — double-click to open the contact"))
                .format(n=row.times_shared, rate=rate_text(row)))

    # --- actions -----------------------------------------------------------------------

    def add_item(self) -> None:
        new_id = ContentDialog.create(self.bus, self)
        if new_id is not None:
            self.reload()
            ids = [r.id for r in self.model.rows]
            if new_id in ids:
                self.view.selectRow(ids.index(new_id))

    def edit_current(self) -> None:
        item = self.current_item()
        if item is not None:
            ContentDialog.edit(self.bus, self, item.id)

    def delete_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        count = library.share_count(item.id)
        detail = (self.tr("It was never shared.") if not count else
                  self.tr("It was shared {n} time; that share goes with it.") if count == 1 else
                  self.tr("It was shared {n} times; those shares go with it.")).format(n=count)
        question = self.tr("Delete “{title}” from the library?").format(title=item.title[:80])
        if messages.confirm(self, question, self.tr("Delete"), detail):
            commands.delete_content(self.bus, self, item.id)

    def open_current_link(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if not web_link(item.url):
            messages.show_error(self, self.tr("This item's link is not a web address (http:// or https://), "
                                              "so Deal Journal does not open it."))
            return
        links.open_link(item.url)

    def share_current(self) -> None:
        item = self.current_item()
        if item is not None:
            ShareDialog.share(self.bus, self, content_id=item.id)

    def _open_share(self, index: QModelIndex) -> None:
        row = self.shares.row_at(index)
        if row is not None:
            self.bus.open_contact.emit(row.contact_id)
