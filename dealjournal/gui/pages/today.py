"""Today, the app's home: one ranked list of what to do, and what comes in the next two weeks.

The list is DOMAIN.md's agenda (:mod:`dealjournal.health.today`): one row per contact that
needs something, with every reason and the next action (reply, do the follow-up, reach
out). It is driven by the keyboard: Enter opens the contact, L logs a touch, S snoozes the
entry (1 day, 1 week, 1 month or a picked day), D marks its oldest due follow-up or
reminder done, R adds a reminder. Below it, **Upcoming**: the open follow-ups and reminders
of the next 14 days. Every change is undoable (Edit ▸ Undo names it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dealjournal.gui import commands, i18n, labels
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.models.rows import RowsModel
from dealjournal.gui.pages.base import Page, empty_state
from dealjournal.health import state as health_state
from dealjournal.health import today as agenda
from dealjournal.health.today import Due, Entry
from dealjournal.ops import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex

# What to do next, as the first column says it.
ACTIONS = {"reply": QT_TRANSLATE_NOOP("TodayPage", "Reply"),
           "follow_up": QT_TRANSLATE_NOOP("TodayPage", "Follow up"),
           "reach_out": QT_TRANSLATE_NOOP("TodayPage", "Reach out")}
# The snooze menu: (text, days); "pick" asks for a day.
SNOOZES: tuple[tuple[str, int], ...] = (
    (QT_TRANSLATE_NOOP("TodayPage", "For 1 &day"), 1), (QT_TRANSLATE_NOOP("TodayPage", "For 1 &week"), 7),
    (QT_TRANSLATE_NOOP("TodayPage", "For 1 &month"), 30))


def _tr(text: str) -> str:
    """*text* (marked with ``QT_TRANSLATE_NOOP("TodayPage", …)``) in the window's language."""
    return QCoreApplication.translate("TodayPage", text)


def _reasons(entry: Entry) -> str:
    return "; ".join(i18n.say(r) for r in entry.reasons)


def _due_text(item: Due) -> str:
    what = (_tr(QT_TRANSLATE_NOOP("TodayPage", "Reminder: {text}")) if item.kind == "reminder"
            else _tr(QT_TRANSLATE_NOOP("TodayPage", "Follow-up: {text}")))
    return what.format(text=item.text)


class EntriesModel(RowsModel[Entry]):
    """Today's rows: what to do, whom, and why."""

    headers = (QT_TRANSLATE_NOOP("EntriesModel", "Do"), QT_TRANSLATE_NOOP("EntriesModel", "Contact"),
               QT_TRANSLATE_NOOP("EntriesModel", "Why"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index)
        if entry is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (_tr(ACTIONS[entry.action]), entry.name, _reasons(entry))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # user text stays plain
            return QtGuiNs.convertFromPlainText(f"{entry.name} ({labels.stage(entry.stage)})\n"
                                                + "\n".join(i18n.say(r) for r in entry.reasons))
        return None


class UpcomingModel(RowsModel[Due]):
    """Upcoming rows: when, whom, and what (a follow-up or a reminder)."""

    headers = (QT_TRANSLATE_NOOP("UpcomingModel", "When"), QT_TRANSLATE_NOOP("UpcomingModel", "Contact"),
               QT_TRANSLATE_NOOP("UpcomingModel", "What"))

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today

    def when(self, item: Due) -> str:
        days = (date.fromisoformat(item.due_on) - self.today()).days
        return (self.tr("{day} (tomorrow)") if days == 1 else self.tr("{day} (in {n} days)")).format(
            day=item.due_on, n=days)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index)
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (self.when(item), item.name, _due_text(item))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return QtGuiNs.convertFromPlainText(f"{item.name}\n{_due_text(item)}")
        return None


def _list_view(name: str, model: QAbstractTableModel, stretch: int) -> QTreeView:
    view = QTreeView()
    view.setObjectName(name)
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header = view.header()
    header.setStretchLastSection(False)
    metrics = view.fontMetrics()
    for col in range(model.columnCount()):
        if col == stretch:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        else:
            sample = "Firstname Lastname" if col == 1 else "2026-12-31 (in 14 days)"
            header.resizeSection(col, max(metrics.horizontalAdvance(sample),
                                          metrics.horizontalAdvance(str(model.headerData(col, Qt.Orientation.Horizontal)))) + 16)
    return view


class SnoozeDateDialog(QDialog):
    """"Snooze until…": a calendar from tomorrow on."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze Until"))
        self.calendar = QCalendarWidget()
        first = today + timedelta(days=1)
        self.calendar.setMinimumDate(QDate(first.year, first.month, first.day))
        self.calendar.setSelectedDate(self.calendar.minimumDate().addDays(6))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.calendar.activated.connect(lambda _day: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Leave this contact out of Today until:")))
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    def day(self) -> str:
        return self.calendar.selectedDate().toString("yyyy-MM-dd")


class TodayPage(Page):
    """The home page: what to do today, and what is coming."""

    title = QT_TRANSLATE_NOOP("TodayPage", "Today")
    icon_name = "today"
    shortcut_help = (
        (QT_TRANSLATE_NOOP("TodayPage", "open the contact"), "Enter"),
        (QT_TRANSLATE_NOOP("TodayPage", "log a touch"), "L"),
        (QT_TRANSLATE_NOOP("TodayPage", "snooze the entry"), "S"),
        (QT_TRANSLATE_NOOP("TodayPage", "mark the follow-up or reminder done"), "D"),
        (QT_TRANSLATE_NOOP("TodayPage", "add a reminder"), "R"),
    )

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        heading = QLabel(self.tr("What to do today"))
        heading.setFont(QFont(heading.font().family(), round(heading.font().pointSizeF() * 1.3), QFont.Weight.Bold))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.model = EntriesModel(self)
        self.view = _list_view("todayView", self.model, stretch=2)
        self.view.setAccessibleName(self.tr("Today"))
        self.view.activated.connect(lambda _index: self.open_current())
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.empty = empty_state()
        self.empty.setText(self.tr("Nothing to do today: nobody is waiting on you, no follow-up is due, and no "
                                   "relationship has gone quiet or one-sided."))
        self.empty.show()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self.open_current)
        self.log_button = QPushButton(self.tr("&Log a Touch…"))
        self.log_button.setToolTip(self.tr("Log an interaction with this contact (L)"))
        self.log_button.clicked.connect(self.log_touch)
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("&Snooze"))
        self.snooze_button.setToolTip(self.tr("Leave this contact out of Today for a while (S); it comes back "
                                              "by itself, or as soon as they get in touch"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = self._snooze_menu()
        self.snooze_button.setMenu(self.snooze_menu)
        self.done_button = QPushButton(self.tr("Mark &Done"))
        self.done_button.setToolTip(self.tr("Mark the oldest due follow-up or reminder of this contact done (D)"))
        self.done_button.clicked.connect(self.mark_done)
        self.remind_button = QPushButton(self.tr("&Remind Me…"))
        self.remind_button.setToolTip(self.tr("Add a reminder for this contact (R)"))
        self.remind_button.clicked.connect(self.add_reminder)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.log_button, self.snooze_button, self.done_button, self.remind_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for key, slot in (("L", self.log_touch), ("S", self.show_snooze_menu), ("D", self.mark_done),
                          ("R", self.add_reminder)):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.upcoming_model = UpcomingModel(bus.today, self)
        self.upcoming = _list_view("upcomingView", self.upcoming_model, stretch=2)
        self.upcoming.setAccessibleName(self.tr("Upcoming"))
        self.upcoming.activated.connect(lambda _index: self._open(self._current_due()))
        self.upcoming.customContextMenuRequested.connect(self._upcoming_menu)
        self.upcoming_empty = empty_state()
        self.upcoming_empty.setText(self.tr("Nothing planned in the next two weeks. Add a reminder with R, or "
                                            "a follow-up date when you log a touch."))
        self.upcoming_empty.show()
        self.upcoming_stack = QStackedWidget()
        self.upcoming_stack.addWidget(self.upcoming)
        self.upcoming_stack.addWidget(self.upcoming_empty)
        self.upcoming_title = QLabel()
        bold = self.upcoming_title.font()
        bold.setBold(True)
        self.upcoming_title.setFont(bold)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.stack, 1)
        top_layout.addLayout(buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 6, 0, 0)
        bottom_layout.addWidget(self.upcoming_title)
        bottom_layout.addWidget(self.upcoming_stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("todaySplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        state = QSettings().value("today/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self._waited = False  # the last reload found the cached health state out of date, and waited
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # --- reading ------------------------------------------------------------------------

    def concerns(self, changes: OpChanges) -> bool:
        return bool(changes.touches or changes.contacts or changes.interactions or changes.shares
                    or changes.agenda or changes.settings or changes.stages or changes.channels)

    def reload(self) -> None:
        today = self.bus.today()
        if not health_state.is_current(today) and not self._waited:
            # The window is bringing the cached health state up to date in the background and
            # reloads every page when it is done; working the list out from scratch now would
            # block a big journal's first paint. Should that update fail, the next reload does.
            self._waited = True
            self.summary.setText(self.tr("Working out today's list…"))
            return
        self._waited = False
        keep = self.current_contact_id()
        row = self.view.currentIndex().row()
        listed = agenda.page(today, agenda.LISTED)
        entries = listed.entries
        self.model.set_rows(entries)
        self.stack.setCurrentWidget(self.view if entries else self.empty)
        if entries:
            same = next((n for n, e in enumerate(entries) if e.contact_id == keep), None)
            self.view.setCurrentIndex(self.model.index(same if same is not None else min(max(row, 0), len(entries) - 1), 0))
        coming = agenda.upcoming(today)
        self.upcoming_model.set_rows(coming)
        self.upcoming_stack.setCurrentWidget(self.upcoming if coming else self.upcoming_empty)
        locale = QLocale()
        self.upcoming_title.setText(self.tr("Upcoming: the next 14 days ({n})").format(n=locale.toString(len(coming))))
        counts = listed.counts
        if not entries:
            self.summary.setText(self.tr("All clear for today."))
        else:
            template = (self.tr("{n} contact needs you: {reply} waiting on a reply, {due} with a follow-up due, "
                                "{stale} gone quiet, {giving} one-sided.") if listed.total == 1 else
                        self.tr("{n} contacts need you: {reply} waiting on a reply, {due} with a follow-up due, "
                                "{stale} gone quiet, {giving} one-sided."))
            text = template.format(
                n=locale.toString(listed.total), reply=locale.toString(counts["owes_reply"]),
                due=locale.toString(counts["follow_up"]), stale=locale.toString(counts["stale"]),
                giving=locale.toString(counts["giving"]))
            if listed.total > len(entries):
                text += " " + self.tr("The {shown} that need you most are listed.").format(
                    shown=locale.toString(len(entries)))
            self.summary.setText(text)
        self._update_buttons()

    def current_entry(self) -> Entry | None:
        return self.model.row_at(self.view.currentIndex())

    def current_contact_id(self) -> int | None:
        entry = self.current_entry()
        return entry.contact_id if entry is not None else None

    def _current_due(self) -> Due | None:
        return self.upcoming_model.row_at(self.upcoming.currentIndex())

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        for button in (self.open_button, self.log_button, self.snooze_button, self.remind_button):
            button.setEnabled(entry is not None)
        self.done_button.setEnabled(entry is not None and bool(entry.due))

    # --- acting -------------------------------------------------------------------------

    def _open(self, item: Entry | Due | None) -> None:
        if item is not None:
            self.bus.open_contact.emit(item.contact_id)

    def open_current(self) -> None:
        self._open(self.current_entry())

    def log_touch(self) -> None:
        from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog

        entry = self.current_entry()
        if entry is not None:
            LogInteractionDialog.log(self.bus, self, contact_id=entry.contact_id)

    def _snooze_menu(self) -> QMenu:
        menu = QMenu(self)
        for text, days in SNOOZES:
            menu.addAction(_tr(text)).triggered.connect(lambda _=False, n=days: self.snooze_for(n))
        menu.addSeparator()
        menu.addAction(self.tr("&Until…")).triggered.connect(self.snooze_until)
        return menu

    def show_snooze_menu(self) -> None:
        if self.current_entry() is not None:
            rect = self.view.visualRect(self.view.currentIndex())
            self.snooze_menu.popup(self.view.viewport().mapToGlobal(rect.bottomLeft()))

    def snooze_for(self, days: int) -> bool:
        return self._snooze((self.bus.today() + timedelta(days=days)).isoformat())

    def snooze_until(self) -> bool:
        dialog = SnoozeDateDialog(self.bus.today(), self)
        return bool(dialog.exec()) and self._snooze(dialog.day())

    def _snooze(self, until: str) -> bool:
        entry = self.current_entry()
        if entry is None or not commands.snooze(self.bus, self, entry.contact_id, until):
            return False
        self.bus.status.emit(self.tr("{name} is snoozed until {day}, or until they get in touch. Undo: Ctrl+Z")
                             .format(name=entry.name, day=until))
        return True

    def mark_done(self) -> bool:
        entry = self.current_entry()
        if entry is None or not entry.due:
            return False
        item = entry.due[0]
        if not commands.mark_due_done(self.bus, self, item.kind, item.ref_id, entry.name):
            return False
        self.bus.status.emit(self.tr("Marked done: {what}. Undo: Ctrl+Z").format(what=_due_text(item)))
        return True

    def add_reminder(self) -> int | None:
        from dealjournal.gui.dialogs.reminder import ReminderDialog

        entry = self.current_entry()
        return ReminderDialog.add(self.bus, self, entry.contact_id) if entry is not None else None

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Open Contact"), self.open_current)
        menu.addAction(self.tr("Log a Touch…"), self.log_touch)
        menu.addMenu(self.snooze_menu).setText(self.tr("Snooze"))
        done = menu.addAction(self.tr("Mark Done"), self.mark_done)
        done.setEnabled(self.done_button.isEnabled())
        menu.addAction(self.tr("Remind Me…"), self.add_reminder)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _upcoming_menu(self, pos: QPoint) -> None:
        from dealjournal.gui.dialogs.reminder import ReminderDialog

        index = self.upcoming.indexAt(pos)
        if not index.isValid():
            return
        self.upcoming.setCurrentIndex(index)
        item = self._current_due()
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open Contact"), lambda: self._open(item))
        menu.addAction(self.tr("Mark Done"), lambda: commands.mark_due_done(
            self.bus, self, item.kind, item.ref_id, item.name))
        if item.kind == "reminder":
            menu.addAction(self.tr("Edit Reminder…"), lambda: ReminderDialog.edit(
                self.bus, self, item.contact_id, item.ref_id))
            menu.addAction(self.tr("Delete Reminder"), lambda: commands.delete_reminder(self.bus, self, item.ref_id))
        menu.exec(self.upcoming.viewport().mapToGlobal(pos))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("today/splitter", self.splitter.saveState())
