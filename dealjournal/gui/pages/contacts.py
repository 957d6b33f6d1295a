"""The Contacts page: search as you type, filters, sortable columns — all in SQL.

Several contacts can be selected (Shift/Ctrl+click, Ctrl+A) and changed at once from the
Bulk button or the context menu: add or remove a tag, set the stage or the keep-in-touch
cadence, archive, delete — each one undo step (:mod:`dealjournal.gui.commands`). The
selection's contacts are read in one query over the rows it spans (a selection of 10,000
rows is never loaded block by block). Triage… steps through the contacts a big import left
"don't flag until I choose" (:mod:`dealjournal.gui.dialogs.triage`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, QModelIndex, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QMenu,
    QPushButton, QTableView, QToolButton, QVBoxLayout,
)

from dealjournal.domain import STAGES
from dealjournal.gui import commands, i18n, labels, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.triage import TriageDialog
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
                     (QT_TRANSLATE_NOOP("ContactsPage", "select several contacts"), "Shift+Click / Ctrl+Click"),
                     (QT_TRANSLATE_NOOP("ContactsPage", "select every contact of the list"), "Ctrl+A"),
                     (QT_TRANSLATE_NOOP("ContactsPage", "delete the selected contacts"), "Del"),
                     (QT_TRANSLATE_NOOP("ContactsPage", "triage: keep in touch every 7 / 14 / 30 / 60 / 90 days"),
                      "1 / 2 / 3 / 4 / 5"),
                     (QT_TRANSLATE_NOOP("ContactsPage", "triage: not now / archive"), "N / A"),
                     (QT_TRANSLATE_NOOP("ContactsPage", "triage: back to the previous contact (undo)"), "Backspace"),
                     (QT_TRANSLATE_NOOP("ContactsPage", "triage: stop"), "Esc"))

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
        self._counted = ""  # "1,794 contacts": the count line without the selection
        self._acted_on: tuple[list[int], list[int]] = ([], [])  # rows and contacts of the last action

        self.model = ContactListModel()
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Contacts"))
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self.triage_button = QPushButton(self.tr("Triage…"))
        self.triage_button.clicked.connect(self.open_triage)
        self.triage_button.hide()  # until a reload finds contacts waiting for triage
        self.bulk_button = QToolButton()
        self.bulk_button.setText(self.tr("Bulk"))
        self.bulk_button.setAccessibleName(self.tr("Change the selected contacts"))
        self.bulk_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bulk_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.triage_button)
        bottom.addWidget(self.bulk_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(bottom)

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
        self.view.selectionModel().selectionChanged.connect(lambda _new, _old: self._show_selection())
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
        self._keep_selection()
        self._show_count()
        untriaged = q.untriaged_count()
        self.triage_button.setVisible(untriaged > 0)
        #: Tooltip of the Contacts page's Triage… button
        self.triage_button.setToolTip((self.tr("{n} imported contact waits for a keep-in-touch decision")
                                       if untriaged == 1 else
                                       self.tr("{n} imported contacts wait for a keep-in-touch decision"))
                                      .format(n=QLocale().toString(untriaged)))

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
        self._counted = counted.format(n=QLocale().toString(n))
        self._show_selection()
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

    def selected_rows(self) -> list[int]:
        """The rows of the selection, from its ranges (no index object per row)."""
        rows: set[int] = set()
        selection = self.view.selectionModel().selection()
        for i in range(selection.count()):
            part = selection.at(i)
            rows.update(range(part.top(), part.bottom() + 1))
        return sorted(rows)

    def selected_ids(self) -> list[int]:
        """The selected contacts (one query however many), remembered so that the selection
        outlives the reload after a change that leaves them where they were (a tag, a stage)."""
        rows = self.selected_rows()
        ids = self.model.contact_ids(rows)
        self._acted_on = (rows, ids)
        return ids

    def _keep_selection(self) -> None:
        """Select again the rows acted on, if the same contacts are still in them."""
        rows, ids = self._acted_on
        self._acted_on = ([], [])
        if not rows or self.model.contact_ids(rows) != ids:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        start = rows[0]
        for before, row in zip(rows, [*rows[1:], None]):
            if row != before + 1:
                selection.select(self.model.index(start, 0), self.model.index(before, last))
                start = row if row is not None else start
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        self.view.selectionModel().setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)

    def _show_selection(self) -> None:
        """The count line says how many are selected; the Bulk button needs a selection."""
        selected = len(self.selected_rows())
        #: Contacts page, under the list: the count of contacts, then how many of them are selected
        self.count_label.setText(self.tr("{count} · {n} selected").format(
            count=self._counted, n=QLocale().toString(selected)) if selected > 1 else self._counted)
        self.bulk_button.setEnabled(selected > 0)

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
        self.add_tag_action = QAction(self.tr("Add tag…"), self)
        self.add_tag_action.triggered.connect(lambda: self.add_tag())
        self.remove_tag_action = QAction(self.tr("Remove tag…"), self)
        self.remove_tag_action.triggered.connect(lambda: self.remove_tag())
        self.stage_menu = QMenu(self.tr("Set stage"), self)
        for stage in STAGES:
            self.stage_menu.addAction(labels.stage(stage), partial(self.set_stage, stage))
        self.cadence_menu = QMenu(self.tr("Keep in touch"), self)
        for days in (7, 14, 30, 60, 90):
            self.cadence_menu.addAction(self.tr("Every {n} days").format(n=days), partial(self.set_cadence, days))
        self.cadence_menu.addAction(self.tr("Every … days…"), self._ask_cadence)
        self.cadence_menu.addSeparator()
        self.cadence_menu.addAction(self.tr("Stage default"), lambda: self.set_cadence(None))
        self.cadence_menu.addAction(self.tr("Don't flag (0)"), lambda: self.set_cadence(0))
        self.archive_action = QAction(self.tr("Archive"), self)
        self.archive_action.triggered.connect(self._toggle_archive)
        self.delete_action = QAction(self.tr("Delete…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete)
        self.view.addAction(self.delete_action)
        self.bulk_menu = QMenu(self)
        self._fill_bulk_menu(self.bulk_menu)
        self.bulk_menu.aboutToShow.connect(self._name_archive_action)
        self.bulk_button.setMenu(self.bulk_menu)

    def _fill_bulk_menu(self, menu: QMenu) -> None:
        """What can be done to the selection, one contact or many."""
        menu.addAction(self.add_tag_action)
        menu.addAction(self.remove_tag_action)
        menu.addMenu(self.stage_menu)
        menu.addMenu(self.cadence_menu)
        menu.addSeparator()
        menu.addAction(self.archive_action)
        menu.addAction(self.delete_action)

    def _name_archive_action(self) -> None:
        self.archive_action.setText(self.tr("Unarchive") if self.archived.isChecked() else self.tr("Archive"))

    def _context_menu(self, pos: QPoint) -> None:
        if not self.selected_rows():
            return
        self._name_archive_action()
        menu = QMenu(self)
        if len(self.selected_rows()) == 1:
            menu.addAction(self.open_action)
            menu.addSeparator()
        self._fill_bulk_menu(menu)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def add_tag(self, tag: str | None = None) -> bool:
        """Tag the selection (asking for the tag, offering those in use, when *tag* is None)."""
        ids = self.selected_ids()
        if not ids:
            return False
        if tag is None:
            tag, ok = QInputDialog.getItem(self, self.tr("Add tag"), self._for_selection(len(ids)), q.tags(), 0, True)
            if not ok:
                return False
        return commands.bulk_add_tag(self.bus, self, ids, tag)

    def remove_tag(self, tag: str | None = None) -> bool:
        """Take a tag from the selection (asking which of their tags when *tag* is None)."""
        ids = self.selected_ids()
        if not ids:
            return False
        if tag is None:
            present = q.tags_of(ids)
            if not present:
                messages.show_info(self, self.tr("None of the selected contacts has a tag."))
                return False
            tag, ok = QInputDialog.getItem(self, self.tr("Remove tag"), self._for_selection(len(ids)), present, 0,
                                           False)
            if not ok:
                return False
        return commands.bulk_remove_tag(self.bus, self, ids, tag)

    def _for_selection(self, n: int) -> str:
        return (self.tr("Tag of the selected contact:") if n == 1
                else self.tr("Tag of the {n} selected contacts:").format(n=QLocale().toString(n)))

    def set_stage(self, stage: str) -> bool:
        ids = self.selected_ids()
        return bool(ids) and commands.bulk_set_stage(self.bus, self, ids, stage)

    def set_cadence(self, days: int | None) -> bool:
        """Keep in touch with the selection every *days* days (None: stage default; 0: don't flag)."""
        ids = self.selected_ids()
        return bool(ids) and commands.bulk_set_cadence(self.bus, self, ids, days)

    def _ask_cadence(self) -> None:
        days, ok = QInputDialog.getInt(self, self.tr("Keep in touch"), self.tr("Keep in touch every how many days?"),
                                       30, 1, 3650)
        if ok:
            self.set_cadence(days)

    def _toggle_archive(self) -> None:
        """Archive the selection (bring it back in the archived list); one contact gets the
        command that names it."""
        archived = not self.archived.isChecked()
        ids = self.selected_ids()
        if len(ids) == 1:
            commands.archive_contact(self.bus, self, ids[0], archived=archived)
        elif ids:
            commands.bulk_archive(self.bus, self, ids, archived)

    def _delete(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            row = self.model.row_at(self.selected_rows()[0])
            question = (self.tr("Delete {name} and everything recorded about them?").format(name=row.name) if row
                        else self.tr("Delete this contact and everything recorded about them?"))
        else:
            question = self.tr("Delete {n} contacts and everything recorded about them?").format(
                n=QLocale().toString(len(ids)))
        if messages.confirm(self, question, self.tr("Delete"), self.tr("You can undo this with Edit ▸ Undo.")):
            if len(ids) == 1:
                commands.delete_contact(self.bus, self, ids[0])
            else:
                commands.bulk_delete(self.bus, self, ids)

    def open_triage(self) -> TriageDialog:
        """Step through the imported contacts that wait for a keep-in-touch decision (window-modal)."""
        dialog = TriageDialog(self.bus, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- state --------------------------------------------------------------------------

    def _restore_columns(self) -> None:
        state = QSettings().value("contacts/header")
        if state is not None:
            self.view.horizontalHeader().restoreState(state)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("contacts/header", self.view.horizontalHeader().saveState())
