"""The Contacts page: search as you type, filters, sortable columns — all in SQL."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QTableView,
    QVBoxLayout,
)

from dealjournal.domain import STAGES
from dealjournal.gui import commands, i18n, labels, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.forms import icon
from dealjournal.gui.models.contact_list import Col, ContactListModel
from dealjournal.gui.pages.base import Page, empty_state
from dealjournal.ops import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries import contacts as q
from dealjournal.queries.contacts import ContactFilter


class ContactsPage(Page):
    title = QT_TRANSLATE_NOOP("ContactsPage", "Contacts")
    icon_name = "contacts"
    shortcut_help = ((QT_TRANSLATE_NOOP("ContactsPage", "open the first match (in the search box)"), "Return"),
                     (QT_TRANSLATE_NOOP("ContactsPage", "delete the selected contact"), "Del"))

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names, companies, notes and tags…"))
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.stage = QComboBox()
        self.stage.setAccessibleName(self.tr("Filter by stage"))
        self.stage.addItem(self.tr("All stages"), None)
        for s in STAGES:
            self.stage.addItem(labels.stage(s), s)
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.tag.setMinimumContentsLength(max(10, len(self.tr("All tags"))))
        self.tag.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.health = QComboBox()
        self.health.setAccessibleName(self.tr("Filter by health"))
        self.health.addItem(self.tr("Any health"), None)
        for key, label in q.HEALTH_LABELS.items():
            self.health.addItem(i18n.say(label), key)
        self.archived = QCheckBox(self.tr("Archived"))
        self.archived.setToolTip(self.tr("Show archived contacts instead"))
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        self.model = ContactListModel()
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Contacts"))
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((Col.NAME, 240), (Col.COMPANY, 180), (Col.STAGE, 100), (Col.LAST_TOUCH, 100),
                           (Col.DAYS_QUIET, 90)):  # at least as wide as the title (with the sort arrow)
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, max(width, header.fontMetrics().horizontalAdvance(title) + 28))
        header.setSortIndicator(Col.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty = empty_state()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (self.stage, self.tag, self.health, self.archived):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.count_label)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(0)  # next event-loop turn: coalesces a burst of keystrokes
        self._typing.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.search.returnPressed.connect(self._open_first)
        for combo in (self.stage, self.tag, self.health):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.archived.toggled.connect(self.apply_filter)
        self.view.activated.connect(self._open_index)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self._add_actions()
        self._restore_columns()

    # --- filtering ----------------------------------------------------------------------

    def current_filter(self) -> ContactFilter:
        return ContactFilter(text=self.search.text(), stage=self.stage.currentData(), tag=self.tag.currentData(),
                             health=self.health.currentData(), archived=self.archived.isChecked())

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._show_count()

    def reload(self) -> None:
        self._fill_tags()
        self.model.set_filter(self.current_filter())
        self._show_count()

    def concerns(self, changes: OpChanges) -> bool:
        return changes.contacts or changes.touches or changes.channels or changes.settings

    def _fill_tags(self) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        for t in q.tags():
            self.tag.addItem(t, t)
        index = self.tag.findData(current)
        self.tag.setCurrentIndex(max(index, 0))
        self.tag.blockSignals(False)

    def _show_count(self) -> None:
        n = self.model.rowCount()
        filtered = self.current_filter() != ContactFilter(archived=self.archived.isChecked())
        if filtered:
            counted = self.tr("{n} contact match") if n == 1 else self.tr("{n} contacts match")
        else:
            counted = self.tr("{n} contact") if n == 1 else self.tr("{n} contacts")
        self.count_label.setText(counted.format(n=QLocale().toString(n)))
        self.view.setVisible(n > 0)
        self.empty.setVisible(n == 0)
        if n == 0:
            self.empty.setText(self.tr("No contact matches. Clear the search or the filters.") if filtered else
                               self.tr("No archived contacts.") if self.archived.isChecked() else
                               self.tr("No contacts yet. Add one with New Contact (Ctrl+N), or import your contacts."))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- acting on contacts -------------------------------------------------------------

    def current_contact_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.contact_id(index.row()) if index.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        contact = self.model.contact_id(index.row())
        if contact is not None:
            self.bus.open_contact.emit(contact)

    def _open_first(self) -> None:
        if self.model.rowCount():
            self._open_index(self.model.index(0, 0))

    def _add_actions(self) -> None:
        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.triggered.connect(lambda: self._open_index(self.view.currentIndex()))
        self.archive_action = QAction(self.tr("Archive"), self)
        self.archive_action.triggered.connect(self._toggle_archive)
        self.delete_action = QAction(self.tr("Delete…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete)
        self.view.addAction(self.delete_action)

    def _context_menu(self, pos: QPoint) -> None:
        if self.current_contact_id() is None:
            return
        self.archive_action.setText(self.tr("Unarchive") if self.archived.isChecked() else self.tr("Archive"))
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addAction(self.archive_action)
        menu.addAction(self.delete_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _toggle_archive(self) -> None:
        contact = self.current_contact_id()
        if contact is not None:
            commands.archive_contact(self.bus, self, contact, archived=not self.archived.isChecked())

    def _delete(self) -> None:
        contact = self.current_contact_id()
        if contact is None:
            return
        row = self.model.row_at(self.view.currentIndex().row())
        question = (self.tr("Delete {name} and everything recorded about them?").format(name=row.name) if row
                    else self.tr("Delete this contact and everything recorded about them?"))
        if messages.confirm(self, question, self.tr("Delete"), self.tr("You can undo this with Edit ▸ Undo.")):
            commands.delete_contact(self.bus, self, contact)

    # --- state --------------------------------------------------------------------------

    def _restore_columns(self) -> None:
        state = QSettings().value("contacts/header")
        if state is not None:
            self.view.horizontalHeader().restoreState(state)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("contacts/header", self.view.horizontalHeader().saveState())
