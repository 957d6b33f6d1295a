"""One contact's page: who they are, how the relationship is doing, and everything that happened.

The header shows the person, their stage (moved here, undoably) with its history, cadence,
buying style, tags and health in words. Below, on the left: how to reach them, the channels
you follow them on, their goals and a chart of touches per month; on the right the timeline,
whose entries open in their form (Enter, double-click), are ticked done (D) and deleted (Del),
or the same from their context menu (:mod:`dealjournal.gui.pages.entries`). Every change is
an undoable command (:mod:`dealjournal.gui.commands`), and the page reloads — health
included — when a change concerns this contact.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dealjournal import domain
from dealjournal.gui import commands, i18n, labels, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.forms import icon, plain
from dealjournal.gui.pages import entries
from dealjournal.gui.pages.base import Page
from dealjournal.gui.pages.contact_lists import ElidedLabel
from dealjournal.gui.pages.contact_side import ContactSide
from dealjournal.gui.pages.contact_timeline import Column, ResponseDelegate, TimelineModel, direction_word
from dealjournal.health import rules as health
from dealjournal.ops import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries import contact as queries
from dealjournal.queries.contact import TimelineRow
from dealjournal.store import settings
from dealjournal.sync import journal as sync_journal

log = logging.getLogger(__name__)
NARROW_WIDTH = 960  # below this page width the timeline and the details become tabs


def _keys(shortcut: str) -> str:
    """A shortcut as the platform (and the window's language) writes it: "Ctrl+Z", "Strg+Z"."""
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


class ContactPage(Page):
    title = QT_TRANSLATE_NOOP("ContactPage", "Contact")
    icon_name = "contacts"
    shortcut_help = ((QT_TRANSLATE_NOOP("ContactPage", "edit the contact"), "F2"),
                     (QT_TRANSLATE_NOOP("ContactPage", "open the timeline entry for editing"), "Return"),
                     (QT_TRANSLATE_NOOP("ContactPage", "mark the entry's follow-up or reminder done"),
                      entries.DONE_KEY),
                     (QT_TRANSLATE_NOOP("ContactPage", "delete the timeline entry"), "Del"))

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        self.contact_id: int | None = None
        self.details: queries.ContactDetails | None = None
        self._timeline_of: int | None = None
        self.views = QStackedWidget()
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # never a tab stop; see _show_empty
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.views)
        self.views.addWidget(self._build_content())
        self.views.addWidget(self._build_empty())
        QShortcut(QKeySequence("F2"), self, self.edit_contact,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bus.reloaded.connect(self._forget)

    # --- building -----------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.addWidget(self._build_header())
        self.side = ContactSide(self.bus)
        self.timeline_box = self._build_timeline()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("contactSplitter")
        split.setChildrenCollapsible(False)
        self.splitter = split
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Timeline and details"))
        self.tabs.currentChanged.connect(lambda _i: self.tabs.tabBar().setFocus() if self.hasFocus() else None)
        self.body = QStackedWidget()
        self.body.addWidget(split)
        self.body.addWidget(self.tabs)
        outer.addWidget(self.body, 1)
        self._narrow: bool | None = None
        self._arrange(False)
        return content

    def _arrange(self, narrow: bool) -> None:
        """Side by side when there is room; on a narrow window, the timeline and the details as tabs."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        if narrow:
            self.tabs.addTab(self.timeline_box, self.tr("&Timeline"))
            self.tabs.addTab(self.side, self.tr("D&etails: reach, channels, goals"))
            self.body.setCurrentWidget(self.tabs)
        else:
            self.tabs.clear()
            self.splitter.addWidget(self.side)
            self.splitter.addWidget(self.timeline_box)
            self.side.show()  # the tabs' stack hid the one that was not current
            self.timeline_box.show()
            self.splitter.setStretchFactor(0, 2)
            self.splitter.setStretchFactor(1, 3)
            self.splitter.setSizes([400, 640])
            self.body.setCurrentWidget(self.splitter)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        """When the focused widget is being hidden (a tab switch, the deleted state), keep the focus here.

        Qt would move it to the next widget in the window's chain, which can be the navigation
        list; a list given focus without a current row selects its first row and switches pages.
        """
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused) and not focused.isVisible():
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().focusNextPrevChild(next)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.width() < NARROW_WIDTH)

    def _build_header(self) -> QWidget:
        header = QWidget()
        grid = QVBoxLayout(header)
        grid.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.name_label = ElidedLabel()
        self.name_label.setAccessibleName(self.tr("Contact name"))
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        top.addWidget(self.name_label, 1)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Edit this contact ({keys})").format(keys=_keys("F2")))
        self.log_button = QPushButton(icon("log"), self.tr("&Log interaction…"))
        self.log_button.setToolTip(self.tr("Log an interaction with this contact ({keys})").format(keys=_keys("Ctrl+L")))
        self.archive_button = QPushButton(self.tr("&Archive"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        for button, slot in ((self.edit_button, self.edit_contact), (self.log_button, self.log_interaction),
                             (self.archive_button, self.toggle_archived), (self.delete_button, self.delete_contact)):
            button.clicked.connect(lambda _=False, s=slot: s())
            top.addWidget(button)
        self.more_button = QPushButton(self.tr("&More"))
        self.more_button.setAccessibleName(self.tr("More actions for this contact"))
        more = QMenu(self.more_button)
        self.export_person_action = more.addAction(self.tr("E&xport Everything About This Person…"),
                                                   self.export_person)
        self.merge_action = more.addAction(self.tr("&Merge Into Another Contact…"), self.merge_contact)
        more.addSeparator()
        self.erase_person_action = more.addAction(self.tr("Erase This &Person…"), self.erase_person)
        self.more_button.setMenu(more)
        top.addWidget(self.more_button)
        grid.addLayout(top)
        self.subtitle = ElidedLabel()
        self.subtitle.setAccessibleName(self.tr("Company and title"))
        grid.addWidget(self.subtitle)

        stage_row = QHBoxLayout()
        stage_caption = plain(QLabel(self.tr("&Stage:")), wrap=False)
        self.stage_combo = QComboBox()
        for code in domain.STAGES:  # each stage shown by its label, its code kept as the item data
            self.stage_combo.addItem(labels.stage(code), code)
        self.stage_combo.setAccessibleName(self.tr("Stage"))
        self.stage_combo.setToolTip(self.tr("Move this contact to another stage (undoable)"))
        stage_caption.setTextFormat(Qt.TextFormat.AutoText)  # a fixed caption with a mnemonic, no user data
        stage_caption.setBuddy(self.stage_combo)
        self.stage_combo.activated.connect(self._stage_picked)
        self.stage_history = ElidedLabel()
        self.stage_history.setAccessibleName(self.tr("Stage history"))
        stage_row.addWidget(stage_caption)
        stage_row.addWidget(self.stage_combo)
        stage_row.addWidget(self.stage_history, 1)
        grid.addLayout(stage_row)
        self.facts = ElidedLabel()
        self.facts.setAccessibleName(self.tr("Cadence, buying style and tags"))
        grid.addWidget(self.facts)
        self.health_label = plain(QLabel())
        self.health_label.setAccessibleName(self.tr("Relationship health"))
        self.health_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.health_label.setMargin(6)
        grid.addWidget(self.health_label)
        # Synced from another computer: values of this contact in conflict, or deleted there while edited here.
        self.sync_mark = QPushButton()
        self.sync_mark.setIcon(icon("attention"))
        self.sync_mark.setToolTip(self.tr("Settle the values that differ between your computers"))
        self.sync_mark.clicked.connect(self.show_sync_conflicts)
        self.sync_mark.hide()
        mark_row = QHBoxLayout()
        mark_row.addWidget(self.sync_mark)
        mark_row.addStretch(1)
        grid.addLayout(mark_row)
        return header

    def _build_timeline(self) -> QWidget:
        group = QGroupBox(self.tr("Timeline"))
        lay = QVBoxLayout(group)
        self.timeline_model = TimelineModel(self.bus.today, self._set_response, self._set_done, self)
        view = QTableView()
        view.setModel(self.timeline_model)
        view.setAccessibleName(self.tr("Timeline"))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        view.setItemDelegateForColumn(Column.RESPONSE, ResponseDelegate(self.bus.today, view))
        view.setItemDelegateForColumn(Column.SUMMARY, entries.SourceMarkDelegate(view))  # captured entries' mark
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        head = view.horizontalHeader()
        fm = view.fontMetrics()
        widest = (f"⇄ {direction_word('mutual')} · {labels.label(labels.INTERACTION_KINDS, 'meeting')}",
                  "☐ " + self.timeline_model.follow_up_text("2026-12-31", done=False, overdue=True))
        for column, sample in ((Column.WHEN, "2026-12-31 23:59"), (Column.DIRECTION, widest[0]),
                               (Column.RESPONSE, widest[1])):
            view.setColumnWidth(column, fm.horizontalAdvance(sample) + 24)
        head.setSectionResizeMode(Column.SUMMARY, QHeaderView.ResizeMode.Stretch)
        head.setMinimumSectionSize(60)
        self.timeline_view = view
        self._wire_timeline(view)
        lay.addWidget(view)
        self.timeline_empty = plain(QLabel(self.tr("Nothing recorded yet. Log an interaction ({keys}) or share "
                                                   "something.").format(keys=_keys("Ctrl+L"))))
        lay.addWidget(self.timeline_empty)
        return group

    def _build_empty(self) -> QWidget:
        empty = QWidget()
        lay = QVBoxLayout(empty)
        lay.addStretch(1)
        self.empty_label = plain(QLabel())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.empty_label)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.bus.undo_stack.undo)
        self.undo_button.setAccessibleName(self.tr("Undo the last change"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)
        return empty

    # --- what is shown ------------------------------------------------------------------

    def show_contact(self, contact_id: int) -> None:
        self.contact_id = contact_id
        self._stale = False
        self.reload()
        # Keyboard users land in the page (and the window's focus stays here when it is reactivated).
        (self.timeline_view if self.timeline_view.isVisibleTo(self) else self.edit_button).setFocus()

    def current_contact_id(self) -> int | None:
        return self.contact_id if self.details is not None else None

    def concerns(self, changes: OpChanges) -> bool:
        return self.contact_id in changes.contact_ids or changes.content or changes.settings

    def _forget(self) -> None:
        """Another journal was opened: this page's contact belongs to the old one."""
        self.contact_id = None
        self.details = None
        self._timeline_of = None
        self._show_empty()

    def reload(self) -> None:
        details = queries.contact_details(self.contact_id) if self.contact_id is not None else None
        self.details = details
        if details is None:
            self._show_empty()
            return
        self.views.setCurrentIndex(0)
        self._show_header(details)
        self.side.show_details(details)
        if self._timeline_of == details.id:
            self.timeline_model.refresh()
        else:
            self._timeline_of = details.id
            self.timeline_model.set_contact(details.id)
        has_entries = self.timeline_model.rowCount() > 0
        self.timeline_view.setVisible(has_entries)
        self.timeline_empty.setVisible(not has_entries)

    def _show_empty(self) -> None:
        if self.contact_id is None:
            self.empty_label.setText(self.tr("No contact is open. Choose one on the Contacts page."))
            self.undo_button.hide()
        else:
            self.empty_label.setText(self.tr("This contact was deleted.\nUndo ({keys}) brings it back.").format(
                keys=_keys("Ctrl+Z")))
            self.undo_button.show()
        # Keep the keyboard focus in the page: were it to fall out of the hidden view, it could land
        # on the navigation list, which would then switch pages.
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        if had_focus:
            self.setFocus()
        self.views.setCurrentIndex(1)
        if had_focus and self.undo_button.isVisible():
            self.undo_button.setFocus()

    def _days(self, n: int) -> str:
        """Today, 1 day ago, 12 days ago."""
        if n == 0:
            return self.tr("today")
        return (self.tr("{n} day ago") if n == 1 else self.tr("{n} days ago")).format(n=n)

    def _cadence_text(self, d: queries.ContactDetails) -> str:
        default = settings.load().stage_cadence_days[d.stage]
        if d.cadence_days is None:
            if not default:
                return self.tr("Never flagged (stage default)")
            return (self.tr("Keep in touch every {n} day (stage default)") if default == 1
                    else self.tr("Keep in touch every {n} days (stage default)")).format(n=default)
        if d.cadence_days == 0:
            return self.tr("Never flagged as quiet")
        n = d.cadence_days
        return (self.tr("Keep in touch every {n} day") if n == 1
                else self.tr("Keep in touch every {n} days")).format(n=n)

    def show_sync_conflicts(self) -> None:
        """The mark: this contact's conflicts, through the window's action (which syncs the result)."""
        show = getattr(getattr(self.window(), "act", None), "show_sync_conflicts", None)
        if callable(show):
            show(self.contact_id)
        else:  # the page on its own (tests of the page alone)
            from dealjournal.gui.dialogs.conflicts import ConflictsDialog

            ConflictsDialog.open_for(self.bus, self, self.contact_id)

    def _show_sync_mark(self, contact_id: int) -> None:
        try:
            n = sync_journal.contact_issues(contact_id)
        except Exception as exc:  # the mark is a hint: never let it break the page
            log.warning("Cannot count this contact's sync conflicts: %s", type(exc).__name__)
            n = 0
        self.sync_mark.setText((self.tr("{n} sync conflict: settle…") if n == 1 else
                                self.tr("{n} sync conflicts: settle…")).format(n=n))
        self.sync_mark.setVisible(n > 0)

    def _show_header(self, d: queries.ContactDetails) -> None:
        self._show_sync_mark(d.id)
        self.name_label.setText(self.tr("{name}  (archived)").format(name=d.name) if d.archived else d.name)
        self.subtitle.setText(" · ".join(x for x in (d.title, d.company, d.location) if x)
                              or self.tr("No company or title"))
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(d.stage)))
        history = queries.stage_history(d.id)
        steps = [self.tr("{before} → {after} on {day}").format(before=labels.stage(s.from_stage),
                                                               after=labels.stage(s.to_stage), day=s.on_day)
                 if s.from_stage else
                 self.tr("{stage} on {day}").format(stage=labels.stage(s.to_stage), day=s.on_day)
                 for s in history]
        self.stage_history.setText(self.tr("History: {steps}").format(steps=" · ".join(reversed(steps))) if steps
                                   else self.tr("{stage} since added on {day}").format(stage=labels.stage(d.stage),
                                                                                      day=d.created_on))
        self.stage_history.setToolTip("\n".join([self.tr("Added on {day}").format(day=d.created_on), *steps]))
        facts = [self._cadence_text(d), self.tr("buying style: {style}").format(
            style=labels.label(labels.BUYING_STYLES, d.buying_style))]
        if d.tags:
            facts.append(self.tr("tags: {tags}").format(tags=", ".join(d.tags)))
        self.facts.setText(" · ".join(facts))
        self.archive_button.setText(self.tr("Un&archive") if d.archived else self.tr("&Archive"))
        self._show_health(d)

    def _show_health(self, d: queries.ContactDetails) -> None:
        if d.archived:
            self.health_label.setText(self.tr("Archived: left out of every health view."))
            return
        found = health.compute_one(d.id, self.bus.today())
        if found is None:
            self.health_label.setText("")
            return
        if found.reasons:
            self.health_label.setText("\n".join([self.tr("Needs attention:"),
                                                 *(f"• {i18n.say(r)}" for r in found.reasons)]))
        elif found.last_touch_on:
            when, day, n = self._days(found.days_quiet), found.last_touch_on, found.cadence_days
            if not n:
                text = self.tr("In good shape: last touch {when} ({day}).")
            elif n == 1:
                text = self.tr("In good shape: last touch {when} ({day}), cadence {n} day.")
            else:
                text = self.tr("In good shape: last touch {when} ({day}), cadence {n} days.")
            self.health_label.setText(text.format(when=when, day=day, n=n))
        else:
            self.health_label.setText(self.tr("In good shape: added {when}, no touches yet.").format(
                when=self._days(found.days_quiet)))

    # --- header actions -----------------------------------------------------------------

    def _stage_picked(self, index: int) -> None:
        if self.details is None:
            return
        stage = self.stage_combo.itemData(index)
        if stage == self.details.stage or not commands.set_stage(self.bus, self, self.details.id, stage,
                                                                 on=self.bus.today()):
            self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(self.details.stage)))

    def edit_contact(self) -> None:
        from dealjournal.gui.dialogs.contact_edit import ContactDialog

        if self.details is not None:
            ContactDialog.edit(self.bus, self, self.details.id)

    def log_interaction(self) -> None:
        from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog

        if self.details is not None:
            LogInteractionDialog.log(self.bus, self, contact_id=self.details.id)

    def toggle_archived(self) -> None:
        if self.details is not None:
            commands.archive_contact(self.bus, self, self.details.id, not self.details.archived)

    def delete_contact(self) -> None:
        d = self.details
        if d is None:
            return
        count = queries.timeline_count(d.id)
        question = (self.tr("Delete {name} and everything recorded about them ({n} timeline entry, their channels "
                            "and goals)? You can undo this with {keys}.") if count == 1 else
                    self.tr("Delete {name} and everything recorded about them ({n} timeline entries, their channels "
                            "and goals)? You can undo this with {keys}."))
        if not messages.confirm(self, question.format(name=d.name, n=count, keys=_keys("Ctrl+Z")), self.tr("Delete")):
            return
        if commands.delete_contact(self.bus, self, d.id):
            go_back = getattr(self.window(), "go_back", None)
            if callable(go_back):
                go_back()

    def merge_contact(self) -> None:
        """This contact is a duplicate: it goes into another one, whose page then shows."""
        from dealjournal.gui.dialogs.merge_contact import MergeContactDialog

        d = self.details
        if d is None:
            return
        into = MergeContactDialog.merge(self.bus, self, d.id, d.name)
        if into is not None:
            self.bus.status.emit(self.tr("Merged {name} into this contact (a backup was taken first).").format(
                name=d.name))
            self.bus.open_contact.emit(into)

    def export_person(self) -> None:
        from dealjournal.gui import privacy_actions

        if self.details is not None:
            privacy_actions.export_person(self.bus, self, self.details.id, self.details.name)

    def erase_person(self) -> None:
        from dealjournal.gui import privacy_actions

        d = self.details
        if d is not None and privacy_actions.erase_person(self.bus, self, d.id, d.name):
            self._forget()  # not "deleted, Undo brings it back": nothing does
            go_back = getattr(self.window(), "go_back", None)
            if callable(go_back):
                go_back()

    # --- the timeline -----------------------------------------------------------------

    def _set_response(self, share_id: int, response: str, on: str | None) -> None:
        commands.set_share_response(self.bus, self, share_id, response, on)

    def _set_done(self, row: TimelineRow, done: bool) -> None:
        if self.details is not None:
            entries.set_done(self.bus, self, self._entry(row), done)

    def _wire_timeline(self, view: QTableView) -> None:
        """Enter or a double-click opens an entry, D marks it done, Del deletes it; or its context menu."""
        view.activated.connect(self._entry_activated)
        for key, slot in ((QKeySequence(entries.DONE_KEY), self.toggle_entry_done),
                          (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_entry)):
            QShortcut(key, view, slot, context=Qt.ShortcutContext.WidgetShortcut)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._timeline_menu)

    def _entry(self, row: TimelineRow) -> entries.Entry:
        """*row* as the entry actions take it (shown only while a contact is, so details are there)."""
        assert self.details is not None
        has_due = row.source in ("interaction", "reminder") and row.follow_up_on is not None
        return entries.Entry(row.source, row.id, self.details.id, row.follow_up_done if has_due else None)

    def current_entry(self) -> entries.Entry | None:
        """The timeline entry the keyboard is on."""
        row = self.timeline_model.row_at(self.timeline_view.currentIndex())
        return self._entry(row) if row is not None and self.details is not None else None

    def _entry_activated(self, index: QModelIndex) -> None:
        row = self.timeline_model.row_at(index)
        if row is not None and self.details is not None:
            entries.edit(self.bus, self, self._entry(row))

    def toggle_entry_done(self) -> bool:
        entry = self.current_entry()
        return entry is not None and entries.set_done(self.bus, self, entry, not entry.done)

    def delete_entry(self) -> bool:
        entry = self.current_entry()
        return entry is not None and entries.delete(self.bus, self, entry)

    def _timeline_menu(self, pos: QPoint) -> None:
        index = self.timeline_view.indexAt(pos)
        if not index.isValid():
            return
        self.timeline_view.setCurrentIndex(index)
        entry = self.current_entry()
        if entry is None or entry.source not in entries.EDITABLE:
            return
        menu = QMenu(self)
        entries.add_actions(menu, self.bus, self, entry)
        menu.exec(self.timeline_view.viewport().mapToGlobal(pos))
