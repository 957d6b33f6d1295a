"""The Attention page, one click from Today: the detailed lists of who needs you, and the map.

Six lists on the left (stale, you do all the reaching out, they're waiting on you, follow-ups
due, unanswered shares, follow imbalance), each row with its reason in words and numbers,
opening the contact on Enter or double-click, with a one-step, undoable "log a touch"; the
relationship map on the right. All read through :mod:`dealjournal.queries.attention`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QByteArray, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, QPoint, QSettings,
    Qt,
)
from PySide6.QtGui import QAction, QFont
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton, QSplitter, QStackedWidget, QToolBox,
    QToolButton, QTreeView, QVBoxLayout, QWidget,
)

from dealjournal.gui import commands, i18n, labels
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.pages.base import Page
from dealjournal.gui.widgets.relationship_map import MapPanel
from dealjournal.ops import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries import attention as queries
from dealjournal.queries.attention import Item, Section

log = logging.getLogger(__name__)

ContactRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

def _tr(text: str) -> str:
    """*text* (marked with ``QT_TRANSLATE_NOOP("AttentionPage", …)``) in the window's language."""
    return QCoreApplication.translate("AttentionPage", text)


# One-step touches: (menu text, kind, direction, summary logged, what the status bar says).
# A meeting is "mutual" (DOMAIN.md: both took part); the others are you reaching out.
# The summary is written into the journal in the window's language.
TOUCHES: tuple[tuple[str, str, str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("AttentionPage", "&E-mail"), "email", "out",
     QT_TRANSLATE_NOOP("AttentionPage", "Sent an e-mail"),
     QT_TRANSLATE_NOOP("AttentionPage", "Logged an e-mail to {name} today. Undo: Ctrl+Z")),
    (QT_TRANSLATE_NOOP("AttentionPage", "&Call"), "call", "out",
     QT_TRANSLATE_NOOP("AttentionPage", "Called"),
     QT_TRANSLATE_NOOP("AttentionPage", "Logged a call with {name} today. Undo: Ctrl+Z")),
    (QT_TRANSLATE_NOOP("AttentionPage", "&Message"), "message", "out",
     QT_TRANSLATE_NOOP("AttentionPage", "Sent a message"),
     QT_TRANSLATE_NOOP("AttentionPage", "Logged a message to {name} today. Undo: Ctrl+Z")),
    (QT_TRANSLATE_NOOP("AttentionPage", "Mee&ting"), "meeting", "mutual",
     QT_TRANSLATE_NOOP("AttentionPage", "Met"),
     QT_TRANSLATE_NOOP("AttentionPage", "Logged a meeting with {name} today. Undo: Ctrl+Z")),
)
# Section actions besides open and log a touch: (section, text, tooltip, what, only for rows of this kind).
EXTRA: tuple[tuple[str, str, str, str, str], ...] = (
    ("followups", QT_TRANSLATE_NOOP("AttentionPage", "Mark &done"),
     QT_TRANSLATE_NOOP("AttentionPage", "Mark this follow-up as done"), "done", ""),
    ("channels", QT_TRANSLATE_NOOP("AttentionPage", "Follo&w back"),
     QT_TRANSLATE_NOOP("AttentionPage", "Start following them on this channel today"), "follow", "not_following_back"),
    ("channels", QT_TRANSLATE_NOOP("AttentionPage", "They follow &back now"),
     QT_TRANSLATE_NOOP("AttentionPage", "Record that they now follow you on this channel"), "followed",
     "not_followed_back"),
)
# The responses a share can be given from this page, as its Response menu names them (each
# with its own mnemonic: the labels of :data:`labels.RESPONSES` may share a first letter).
RESPONSES: tuple[tuple[str, str], ...] = (
    ("seen", QT_TRANSLATE_NOOP("AttentionPage", "&Seen")),
    ("replied", QT_TRANSLATE_NOOP("AttentionPage", "&Replied")),
    ("acted", QT_TRANSLATE_NOOP("AttentionPage", "&Acted on it")),
)


@dataclass(frozen=True)
class Column:
    header: str  # English, marked with QT_TRANSLATE_NOOP("AttentionPage", …)
    text: Callable[[Item], str]
    fits: str = ""  # the column starts as wide as this sample text; "" = it takes the room left


def _network(item: Item) -> str:
    """The channel's network as a column title would say it ("Blog", not "their blog")."""
    return labels.network(item.subject)


def _days(n: int | None) -> str:
    return (_tr(QT_TRANSLATE_NOOP("AttentionPage", "{n} day")) if n == 1
            else _tr(QT_TRANSLATE_NOOP("AttentionPage", "{n} days"))).format(n=n)


CONTACT = Column(QT_TRANSLATE_NOOP("AttentionPage", "Contact"), lambda i: i.name, "Firstname Lastname")
WHY = Column(QT_TRANSLATE_NOOP("AttentionPage", "Why"), lambda i: i18n.say(i.reason))
WHEN = Column(QT_TRANSLATE_NOOP("AttentionPage", "When"), lambda i: i18n.say(i.reason))


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str  # English, marked with QT_TRANSLATE_NOOP("AttentionPage", …), as is empty
    empty: str
    columns: tuple[Column, ...]


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("stale", QT_TRANSLATE_NOOP("AttentionPage", "Stale"),
                QT_TRANSLATE_NOOP("AttentionPage", "No stale relationships — nice work."),
                (CONTACT, Column(QT_TRANSLATE_NOOP("AttentionPage", "Overdue"), lambda i: _days(i.days),
                                 "Overdue 888"), WHY)),
    SectionSpec("giving", QT_TRANSLATE_NOOP("AttentionPage", "You're doing all the reaching out"),
                QT_TRANSLATE_NOOP("AttentionPage", "Nobody leaves all the reaching out to you."),
                (CONTACT, WHY)),
    SectionSpec("taking", QT_TRANSLATE_NOOP("AttentionPage", "They're waiting on you"),
                QT_TRANSLATE_NOOP("AttentionPage", "Nobody is waiting on you — all caught up."), (CONTACT, WHY)),
    SectionSpec("followups", QT_TRANSLATE_NOOP("AttentionPage", "Follow-ups due"),
                QT_TRANSLATE_NOOP("AttentionPage", "No follow-ups due. Enjoy the calm."),
                (CONTACT, Column(QT_TRANSLATE_NOOP("AttentionPage", "Follow-up"), lambda i: i.subject,
                                 "Sent a recap of our call"), WHEN)),
    SectionSpec("shares", QT_TRANSLATE_NOOP("AttentionPage", "Unanswered shares"),
                QT_TRANSLATE_NOOP("AttentionPage",
                                  "Every share in the window that is a week old or more has had a response."),
                (Column(QT_TRANSLATE_NOOP("AttentionPage", "Content"), lambda i: i.subject), CONTACT,
                 Column(QT_TRANSLATE_NOOP("AttentionPage", "Shared"), lambda i: i.on or "", "2026-12-31"),
                 Column(QT_TRANSLATE_NOOP("AttentionPage", "Waiting"), lambda i: _days(i.days), "Waiting 888"))),
    SectionSpec("channels", QT_TRANSLATE_NOOP("AttentionPage", "Channels not followed back"),
                QT_TRANSLATE_NOOP("AttentionPage", "No follow imbalance on any channel."),
                (CONTACT, Column(QT_TRANSLATE_NOOP("AttentionPage", "Channel"), _network, "Newsletter"), WHY)),
)


class ItemsModel(QAbstractTableModel):
    """One section's rows: a flat table of :class:`Item`, columns from its :class:`SectionSpec`."""

    def __init__(self, columns: tuple[Column, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.items: list[Item] = []

    def set_items(self, items: list[Item]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.columns[index.column()].text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Escaped by Qt, so a name like "<b>x</b>" shows as typed in the tooltip too.
            about = f"{item.subject}\n" if item.subject and item.ref_id and not item.kind else ""
            return QtGuiNs.convertFromPlainText(
                f"{item.name} ({labels.stage(item.stage)})\n{about}{i18n.say(item.reason)}")
        if role == ContactRole:
            return item.contact_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return _tr(self.columns[section].header)
        return None


class SectionView(QWidget):
    """One list: the rows (or a kind empty state), "and N more", and the row's actions."""

    def __init__(self, spec: SectionSpec, page: AttentionPage) -> None:
        super().__init__()
        self.spec, self.page = spec, page
        self.model = ItemsModel(spec.columns, self)
        self.view = view = QTreeView()
        view.setObjectName(f"{spec.key}View")
        view.setAccessibleName(_tr(spec.title))
        view.setModel(self.model)
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.activated.connect(lambda index: self.page.open(self.model.data(index, ContactRole)))
        header = view.header()
        header.setStretchLastSection(False)
        metrics = view.fontMetrics()
        for col, column in enumerate(spec.columns):
            if column.fits:
                wide = max(metrics.horizontalAdvance(column.fits), metrics.horizontalAdvance(_tr(column.header)))
                header.resizeSection(col, wide + 16)
            else:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(_tr(spec.empty))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.more = QLabel()
        self.more.setWordWrap(True)

        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the contact (Enter)"))
        self.open_button.clicked.connect(lambda: self.page.open(self.current_contact_id()))
        self.touch_button = QToolButton()
        self.touch_button.setText(self.tr("&Log a touch"))
        self.touch_button.setAccessibleName(self.tr("Log a touch"))
        self.touch_button.setToolTip(self.tr("Log that you reached out today, in one step (undoable)"))
        self.touch_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.touch_menu = QMenu(self.touch_button)
        self.touch_actions: dict[str, QAction] = {}
        for text, kind, direction, summary, said in TOUCHES:
            action = self.touch_menu.addAction(_tr(text))
            action.triggered.connect(
                lambda _=False, k=kind, d=direction, s=_tr(summary), w=said: self.log_touch(k, d, s, w))
            self.touch_actions[kind] = action
        self.touch_button.setMenu(self.touch_menu)
        self.extra_actions = page.extra_actions(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.touch_button)
        for action in self.extra_actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.more)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def set_section(self, section: Section) -> None:
        keep = self.current_item()
        row = self.view.currentIndex().row()
        self.model.set_items(section.items)
        self.stack.setCurrentWidget(self.view if section.items else self.empty)
        if section.more:
            template = (self.tr("…and {more} more (the {shown} that need you most are listed).", "one more")
                        if section.more == 1 else
                        self.tr("…and {more} more (the {shown} that need you most are listed).", "several more"))
            locale = QLocale()
            self.more.setText(template.format(more=locale.toString(section.more),
                                              shown=locale.toString(len(section.items))))
        else:
            self.more.setText("")
        self.more.setVisible(bool(section.more))
        if section.items:
            same = next((n for n, i in enumerate(section.items)
                         if keep is not None and (i.contact_id, i.ref_id) == (keep.contact_id, keep.ref_id)), None)
            target = same if same is not None else min(max(row, 0), len(section.items) - 1)
            self.view.setCurrentIndex(self.model.index(target, 0))
        self._update_buttons()

    def current_item(self) -> Item | None:
        row = self.view.currentIndex().row()  # -1 when nothing is current
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def current_contact_id(self) -> int | None:
        return None if (item := self.current_item()) is None else item.contact_id

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.open_button.setEnabled(item is not None)
        self.touch_button.setEnabled(item is not None)
        for action in self.extra_actions:
            only = action.data()  # some actions fit one kind of row only
            action.setEnabled(item is not None and (not only or item.kind == only))

    def log_touch(self, kind: str, direction: str, summary: str, said: str) -> int | None:
        """Log a touch with the selected contact today; *said* is the status template (see :data:`TOUCHES`)."""
        item = self.current_item()
        if item is None:
            return None
        new_id = commands.log_interaction(self.page.bus, self, item.contact_id, kind=kind, direction=direction,
                                          summary=summary)
        if new_id is not None:
            self.page.bus.status.emit(_tr(said).format(name=item.name))
        return new_id

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Open contact"), lambda: self.page.open(self.current_contact_id()))
        touch = menu.addMenu(self.tr("Log a touch"))
        for action in self.touch_menu.actions():
            touch.addAction(action)
        for action in self.extra_actions:
            if action.isEnabled():
                menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))


class AttentionPage(Page):
    """The detailed lists that need you and the relationship map (Today is the home page)."""

    title = QT_TRANSLATE_NOOP("AttentionPage", "Attention")
    icon_name = "attention"

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        self.sections: dict[str, SectionView] = {}
        heading = QLabel(self.tr("Who needs you today"))
        heading.setFont(QFont(heading.font().family(), round(heading.font().pointSizeF() * 1.3), QFont.Weight.Bold))
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.toolbox = QToolBox()
        self.toolbox.setObjectName("attentionSections")
        self.toolbox.setAccessibleName(self.tr("Attention lists"))
        for spec in SECTIONS:
            view = SectionView(spec, self)
            self.sections[spec.key] = view
            self.toolbox.addItem(view, _tr(spec.title))

        self.map_panel = MapPanel()
        self.map = self.map_panel.map
        self.map.contact_clicked.connect(self.open)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("attentionSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.toolbox)
        self.splitter.addWidget(self.map_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 420])
        state = QSettings().value("attention/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self._first_load = True

    # --- section-specific actions -------------------------------------------------------

    def extra_actions(self, view: SectionView) -> list[QAction]:
        """The actions a section offers besides open and log a touch (see :data:`EXTRA`)."""
        actions = []
        for key, text, tip, what, kind in EXTRA:
            if key == view.spec.key:
                action = QAction(_tr(text), view)
                action.setToolTip(_tr(tip))
                action.setData(kind)
                action.triggered.connect(lambda _=False, w=what: self.act(view, w))
                actions.append(action)
        if view.spec.key == "shares":
            menu = QMenu(self.tr("Response"), view)
            for value, text in RESPONSES:
                menu.addAction(_tr(text)).triggered.connect(lambda _=False, v=value: self.act(view, v))
            action = menu.menuAction()
            action.setText(self.tr("&Response"))
            action.setToolTip(self.tr("Record what came of this share"))
            actions.append(action)
        return actions

    def act(self, view: SectionView, what: str) -> bool:
        """Do a section action (done, follow, followed, or a share response) on the selected row."""
        item = view.current_item()
        if item is None or item.ref_id is None:
            return False
        ref, today = item.ref_id, self.bus.today()
        if what == "done":
            ok = commands.mark_due_done(self.bus, self, "follow_up", ref, item.name)
            said = self.tr("Follow-up with {name} marked done.").format(name=item.name)
        elif what == "follow":
            ok = commands.edit_channel(self.bus, self, ref, following_since=today)
            said = self.tr("Now following {name} on {network}.").format(name=item.name, network=_network(item))
        elif what == "followed":
            ok = commands.edit_channel(self.bus, self, ref, follows_back="yes")
            said = self.tr("{name} follows you back on {network}.").format(name=item.name, network=_network(item))
        else:
            ok = commands.set_share_response(self.bus, self, ref, what, today)
            said = self.tr("Share with {name} marked “{response}”. Undo: Ctrl+Z").format(
                name=item.name, response=labels.label(labels.RESPONSES, what))
        if ok:
            self.bus.status.emit(said)
        return ok

    # --- the page -----------------------------------------------------------------------

    def open(self, contact_id: int | None) -> None:
        if contact_id is not None:  # the window shows the contact's page
            self.bus.open_contact.emit(int(contact_id))

    def current_section(self) -> SectionView:
        widget = self.toolbox.currentWidget()
        return widget if isinstance(widget, SectionView) else self.sections["stale"]

    def current_contact_id(self) -> int | None:
        return self.current_section().current_contact_id()

    def show_section(self, key: str) -> SectionView:
        self.toolbox.setCurrentWidget(self.sections[key])
        return self.sections[key]

    def concerns(self, changes: OpChanges) -> bool:
        return bool(changes.touches or changes.contacts or changes.channels or changes.shares
                    or changes.interactions or changes.settings or changes.stages)

    def reload(self) -> None:
        today = self.bus.today()
        loaded: dict[str, Section] = {
            "stale": queries.stale(), "giving": queries.giving(), "taking": queries.taking(today),
            "followups": queries.followups(today), "shares": queries.unanswered_shares(today),
            "channels": queries.follow_imbalance(today)}
        for n, spec in enumerate(SECTIONS):
            section = loaded[spec.key]
            self.sections[spec.key].set_section(section)
            self.toolbox.setItemText(n, f"{_tr(spec.title)} ({QLocale().toString(section.total)})")
        if self._first_load:
            self._first_load = False
            first = next((n for n, spec in enumerate(SECTIONS) if loaded[spec.key].total), 0)
            self.toolbox.setCurrentIndex(first)
        needing = queries.needing_attention()
        if not needing:
            self.summary.setText(self.tr("Every relationship is in good shape — nice work."))
        else:
            template = (self.tr("{n} relationship could use a touch.") if needing == 1 else
                        self.tr("{n} relationships could use a touch."))
            self.summary.setText(template.format(n=QLocale().toString(needing)))
        self.map_panel.set_data(queries.map_points())

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("attention/splitter", self.splitter.saveState())
