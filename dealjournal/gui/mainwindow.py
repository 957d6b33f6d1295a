"""The main window: navigation between the pages, menus, toolbar and status bar.

Each page lives in its own module (:mod:`dealjournal.gui.pages`); the actions and their
shortcuts in :mod:`dealjournal.gui.actions`. Window geometry and splitter state are kept
in QSettings (UI state only; the journal's own settings live in the journal).

The window also keeps the journal safe: it backs it up when it changed (after opening,
every 30 minutes and on closing; a failure is a status message, never a crash), and warns
once per journal, in a bar above the pages, when the journal lives in a file-sync folder.

A file dropped on the window opens what reads it: conversation exports (mailboxes,
calendars, LinkedIn and chat exports) the Capture dialog, anything else the import wizard.

The user's mail and calendar accounts (File ▸ Fetch Now, the automatic fetch, the status
bar's "Fetched 10:42") are :class:`~dealjournal.gui.fetching.Fetcher`'s.
"""

from __future__ import annotations

import hashlib
import linecache
import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dealjournal import APP_NAME
from dealjournal.errors import JournalError
from dealjournal.gui import actions as actions_mod
from dealjournal.gui import i18n, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.forms import icon
from dealjournal.gui.healthkeeper import HealthKeeper
from dealjournal.gui.integrity import IntegrityChecker
from dealjournal.gui.pages.attention import AttentionPage
from dealjournal.gui.pages.base import Page
from dealjournal.gui.pages.contact import ContactPage
from dealjournal.gui.pages.contacts import ContactsPage
from dealjournal.gui.pages.content import ContentPage
from dealjournal.gui.pages.goals import GoalsPage
from dealjournal.gui.pages.journal import JournalPage
from dealjournal.gui.pages.today import TodayPage
from dealjournal.gui.syncing import Syncer
from dealjournal.gui.pages.welcome import WelcomePage
from dealjournal.gui.single_instance import InstanceServer
from dealjournal.safety import backup, synced
from dealjournal.store.db import db

if TYPE_CHECKING:
    from dealjournal.gui.fetching import Fetcher

log = logging.getLogger(__name__)
BACKUP_EVERY_MS = 30 * 60 * 1000
OPEN_BACKUP_DELAY_MS = 1500  # after the first paint: the window fills first
SYNC_SEEN_KEY = "syncWarningSeen/"

NAV_PAGES: tuple[type[Page], ...] = (TodayPage, AttentionPage, ContactsPage, ContentPage, GoalsPage, JournalPage)


class MainWindow(QMainWindow):
    def __init__(self, bus: JournalBus) -> None:
        super().__init__()
        self.bus = bus
        self.setWindowIcon(icon("dealjournal"))
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(900, 560))

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMaximumWidth(220)
        self.stack = QStackedWidget()
        self.pages: list[Page] = [cls(bus) for cls in NAV_PAGES]
        for page in self.pages:
            item = QListWidgetItem(icon(page.icon_name), page.display_title())
            item.setSizeHint(QSize(150, 34))
            self.nav.addItem(item)
            self.stack.addWidget(page)
        self.contact_page = ContactPage(bus)
        self.stack.addWidget(self.contact_page)
        self.welcome = WelcomePage(bus)
        self.stack.addWidget(self.welcome)
        self.nav.currentRowChanged.connect(self._show_nav_page)
        # Clicking (or Enter on) the highlighted page again, e.g. from a contact's page.
        self.nav.itemClicked.connect(lambda item: self._show_nav_page(self.nav.row(item)))
        self.nav.itemActivated.connect(lambda item: self._show_nav_page(self.nav.row(item)))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1000])
        self.warning_bar = WarningBar()
        self.warning_bar.dismissed.connect(self._dismiss_warning)
        self.sample_bar = SampleBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.sample_bar)
        column.addWidget(self.warning_bar)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.act = actions_mod.Actions(self)
        self.sample_bar.back.clicked.connect(self.act.back_from_sample)
        self.welcome.import_requested.connect(self.act.import_dialog)
        self.welcome.sample_requested.connect(self.act.explore_sample)
        self.welcome.add_requested.connect(self.act.add_contact)
        # The accounts' side (Fetch Now, "Fetched 10:42"): made after the first paint, as it
        # imports the capture machinery (half a second) that the first paint does not need.
        self.fetcher: Fetcher | None = None
        self.journal_label = QLabel()
        self.journal_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.journal_label)
        bus.status.connect(self._show_status)
        bus.open_contact.connect(self.show_contact)
        bus.reloaded.connect(self._update_title)
        bus.changed.connect(self._maybe_leave_welcome)

        self.syncer = Syncer(bus, self)
        self.sync_status = QToolButton()
        self.sync_status.setAutoRaise(True)
        self.sync_status.setAccessibleName(self.tr("Sync"))
        self.sync_status.clicked.connect(self._sync_status_clicked)
        self.sync_status.hide()
        self.statusBar().addPermanentWidget(self.sync_status)
        self.syncer.changed.connect(self._show_sync_status)
        self.syncer.failed.connect(lambda text: messages.show_error(self, text))

        self.keeper = HealthKeeper(bus)
        self.integrity = IntegrityChecker(self)
        self.integrity.damaged.connect(self._on_damaged)
        self.instances: InstanceServer | None = None  # listens for a second launch (set by app.run)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_EVERY_MS)
        self.backup_timer.timeout.connect(lambda: self.backup_when_idle("auto"))
        self.backup_timer.start()
        self.open_backup_timer = QTimer(self)  # the backup after opening, once the window is filled
        self.open_backup_timer.setSingleShot(True)
        self.open_backup_timer.setInterval(OPEN_BACKUP_DELAY_MS)
        self.open_backup_timer.timeout.connect(lambda: self.backup_when_idle("open"))
        self._history: list[int] = []
        self._restore_state()
        self._update_title()
        self.started = False  # True once the first paint has happened and the pages may read
        bus.painted = False  # until the first paint, pages do not read the journal
        self.show_home()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.bus.painted:
            self.bus.painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().event(event)

    def _after_first_paint(self) -> None:
        """Fill the page that shows, then bring the health state up to date in the background."""
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh_if_needed()
        self.keeper.ensure_current()
        self.started = True
        self._journal_opened()

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _journal_opened(self) -> None:
        """A journal has just been opened in this window: check it, warn about its folder, back it up
        soon, remember it in File ▸ Open Recent (the sample journal: say what it is instead)."""
        self.integrity.check(self.bus.path)
        if self.fetcher is None:
            from dealjournal.gui.fetching import Fetcher

            self.fetcher = Fetcher(self)
            # PySide's import hook reads the whole source of every module imported after it
            # (looking for "from __feature__ import") into linecache, and the accounts' side
            # brings some hundreds of modules: megabytes of source lines kept for nothing
            # (a traceback reads the few it needs again).
            linecache.clearcache()
        self.fetcher.journal_opened()
        self.syncer.journal_opened()
        sample = self.act.showing_sample()
        self.sample_bar.setVisible(sample)
        self.act.remember_recent(self.bus.path)
        if not sample:
            self.check_synced_folder()
            self.open_backup_timer.start()

    def _on_damaged(self, path: str) -> None:
        """The background check found the open journal damaged: set it aside, offer the backup."""
        from dealjournal.gui.opening import recover_corrupt
        from dealjournal.store.db import set_aside_damaged

        if Path(path) != self.bus.path:
            return  # another journal has been opened since
        if recover_corrupt(set_aside_damaged(self.bus.path), self):
            self.journal_reopened()
        else:
            self.keeper.stop()
            self.close()  # no journal is open any more
    def bring_to_front(self) -> None:
        """A second launch on this journal asked for this window."""
        if self.isMinimized():
            self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    # --- safety ---------------------------------------------------------------------------

    def backup_when_idle(self, reason: str, attempts: int = 30) -> None:
        """:meth:`backup_quietly` once the health state is not being rebuilt (it writes meanwhile)."""
        if self.keeper.busy and attempts > 0:
            QTimer.singleShot(2000, self, lambda: self.backup_when_idle(reason, attempts - 1))
            return
        self.backup_quietly(reason)

    def backup_quietly(self, reason: str) -> backup.BackupInfo | None:
        """Back the journal up if it changed; a failure becomes a status message (and a log line).
        The sample journal is never backed up: its changes are thrown away."""
        if db.is_closed() or db.database is None or self.act.showing_sample():
            return None
        try:
            info = backup.backup_if_changed(reason)
        except (JournalError, OSError, sqlite3.Error) as exc:
            log.warning("Automatic backup (%s) failed: %s", reason, exc)
            self.statusBar().showMessage(
                self.tr("Automatic backup failed: {error}").format(error=i18n.say_error(exc)), 30_000)
            return None
        return info  # success is silent: File ▸ Backups… lists them

    def check_synced_folder(self) -> bool:
        """Show the file-sync warning once per journal; True if it is showing."""
        text = synced.synced_folder_warning(self.bus.path)
        if text is None:
            self.warning_bar.hide()
            return False
        key = SYNC_SEEN_KEY + _path_key(self.bus.path)
        settings = QSettings()
        if settings.value(key, False, type=bool) and not self.warning_bar.isVisibleTo(self):
            return False
        settings.setValue(key, True)  # shown once: a later opening of this journal stays quiet
        self.warning_bar.show_text(i18n.say(text))
        return True

    def _dismiss_warning(self) -> None:
        self.warning_bar.hide()
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus()

    # --- navigation ---------------------------------------------------------------------

    def page(self, cls: type[Page]) -> Page:
        return next(p for p in self.pages if isinstance(p, cls))

    def show_home(self) -> None:
        """Today, or the welcome page while the journal is empty."""
        self.show_page(TodayPage)

    def show_page(self, cls: type[Page]) -> None:
        row = next(i for i, p in enumerate(self.pages) if isinstance(p, cls))
        self._mark_nav(row)
        self._show_nav_page(row)

    def _mark_nav(self, row: int | None) -> None:
        """Highlight *row* of the navigation (None: no page of it is shown) without navigating.

        The current row itself is kept: a list without one would pick row 0 when it gets
        the keyboard focus, and jump there.
        """
        self.nav.blockSignals(True)
        if row is None:
            self.nav.clearSelection()
        else:
            self.nav.setCurrentRow(row)
            self.nav.item(row).setSelected(True)
        self.nav.blockSignals(False)

    def _show_nav_page(self, row: int) -> None:
        if row < 0:
            return
        self._remember()
        page = self.pages[row]
        if isinstance(page, TodayPage) and self._journal_is_empty():
            self.stack.setCurrentWidget(self.welcome)  # the home page of an empty journal
        else:
            self.stack.setCurrentWidget(page)

    def show_contact_list(self) -> None:
        """The Contacts page (after an import, or leaving the welcome page)."""
        self.show_page(ContactsPage)

    def show_contact(self, contact_id: int) -> None:
        self._remember()
        self.contact_page.show_contact(contact_id)
        self._mark_nav(None)
        self.stack.setCurrentWidget(self.contact_page)

    def go_back(self) -> None:
        while self._history:
            index = self._history.pop()
            widget = self.stack.widget(index)
            if widget is not None and widget is not self.stack.currentWidget():
                self._mark_nav(self.pages.index(widget) if widget in self.pages else None)  # type: ignore[arg-type]
                self.stack.setCurrentWidget(widget)
                return

    def _remember(self) -> None:
        current = self.stack.currentIndex()
        if current >= 0 and (not self._history or self._history[-1] != current):
            self._history.append(current)
            del self._history[:-20]

    def _journal_is_empty(self) -> bool:
        conn = db.connection()
        row = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM contact) AND NOT EXISTS (SELECT 1 FROM content)").fetchone()
        return bool(row[0])

    def _maybe_leave_welcome(self, _changes: object) -> None:
        if self.stack.currentWidget() is self.welcome and not self._journal_is_empty():
            self.show_contact_list()

    def journal_reopened(self) -> None:
        """Another journal is open: every page reloads and the home page shows."""
        self.bus.reset()
        self._history.clear()
        self.keeper.ensure_current()
        self.show_home()
        if self.instances is not None:
            self.instances.listen(self.bus.path)  # a second launch on the new journal finds this window
        self.warning_bar.hide()
        self._journal_opened()

    def _update_title(self) -> None:
        #: The window title: the journal's file name, then the application's name
        self.setWindowTitle(self.tr("{journal} — {app}").format(journal=self.bus.path.name, app=APP_NAME))
        self.journal_label.setText(str(self.bus.path))

    # --- state, drops, closing ----------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def _show_sync_status(self) -> None:
        """The status bar's sync part: when this journal last synced, and what is left to settle."""
        syncer = self.syncer
        text = syncer.text
        if syncer.issues:
            text = (self.tr("{state} · {n} conflict") if syncer.issues == 1 else
                    self.tr("{state} · {n} conflicts")).format(state=text, n=syncer.issues)
        if syncer.held:  # another computer runs a newer Deal Journal: its files wait for an update here
            text = self.tr("{state} · update Deal Journal to read all changes").format(state=text)
        self.sync_status.setText(text)
        self.sync_status.setToolTip(self.tr("Settle the values that differ between your computers") if syncer.issues
                                    else self.tr("Sync now ({keys})").format(
                                        keys=self.act.sync_now.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        self.sync_status.setVisible(bool(text))

    def _sync_status_clicked(self) -> None:
        if self.syncer.issues:
            self.act.show_sync_conflicts()
        else:
            self.act.sync_now_clicked()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.syncer.stop()
        self.backup_timer.stop()
        if self.fetcher is not None:
            self.fetcher.stop()
        self.open_backup_timer.stop()
        self.backup_quietly("close")
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        for page in [*self.pages, self.contact_page]:
            save = getattr(page, "save_state", None)
            if save is not None:
                save(settings)
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_dropped(files)

    def open_dropped(self, files: list[Path]) -> None:
        """Conversation exports (mailboxes, calendars, chats) go to Capture; anything else —
        contact files, a Deal Journal file — to the import wizard, as before."""
        from dealjournal.gui.dialogs.capture import is_conversation

        conversations = [f for f in files if is_conversation(f)]
        if conversations:
            self.act.capture_files(conversations)
        else:
            self.act.import_file(files[0])



def _path_key(path: Path) -> str:
    """A QSettings key for a journal path (a hash: paths hold characters keys cannot)."""
    try:
        text = str(path.resolve())
    except OSError:
        text = str(path.absolute())
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class Banner(QFrame):
    """A bar above the pages: an icon, plain text and one button; hidden until shown."""

    def __init__(self, name: str, colours: tuple[str, str, str], sign: QStyle.StandardPixmap, button: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        background, border, text = colours
        self.setObjectName(name)
        self.setStyleSheet(f"QFrame#{name} {{ background: {background}; border-bottom: 1px solid {border}; }}"
                           f"QFrame#{name} QLabel {{ color: {text}; background: transparent; }}")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        icon_label = QLabel()
        icon_label.setPixmap(self.style().standardIcon(sign).pixmap(20, 20))
        icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(icon_label)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        self.button = QPushButton(button)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()


class SampleBar(Banner):
    """Above the pages while the sample journal shows: what it is, and the way back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("sampleBar", ("#dbeafe", "#7aa7e0", "#0b2a55"), QStyle.StandardPixmap.SP_MessageBoxInformation,
                         self.tr("&Back to my journal"), parent)
        self.setAccessibleName(self.tr("Sample journal"))
        self.label.setText(self.tr("This is a sample — changes are thrown away."))
        self.back = self.button


class WarningBar(Banner):
    """A non-blocking warning above the pages: an icon, plain text and a Dismiss button."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("warningBar", ("#fff4ce", "#d9b44a", "#3d3000"), QStyle.StandardPixmap.SP_MessageBoxWarning,
                         self.tr("&Dismiss"), parent)
        self.setAccessibleName(self.tr("Warning"))
        self.dismiss = self.button
        self.dismiss.setAccessibleName(self.tr("Dismiss the warning"))
        self.dismiss.clicked.connect(self.dismissed)

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.show()
