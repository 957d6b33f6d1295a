"""The main window: navigation between the pages, menus, toolbar and status bar.

Each page lives in its own module (:mod:`dealjournal.gui.pages`); the actions and their
shortcuts in :mod:`dealjournal.gui.actions`. Window geometry and splitter state are kept
in QSettings (UI state only; the journal's own settings live in the journal).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel, QListWidget, QListWidgetItem, QMainWindow, QSplitter, QStackedWidget,
)

from dealjournal import APP_NAME
from dealjournal.gui import actions as actions_mod
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.forms import icon
from dealjournal.gui.healthkeeper import HealthKeeper
from dealjournal.gui.pages.attention import AttentionPage
from dealjournal.gui.pages.base import Page
from dealjournal.gui.pages.contact import ContactPage
from dealjournal.gui.pages.contacts import ContactsPage
from dealjournal.gui.pages.content import ContentPage
from dealjournal.gui.pages.goals import GoalsPage
from dealjournal.gui.pages.journal import JournalPage
from dealjournal.gui.pages.welcome import WelcomePage
from dealjournal.store.db import db

log = logging.getLogger(__name__)

NAV_PAGES: tuple[type[Page], ...] = (AttentionPage, ContactsPage, ContentPage, GoalsPage, JournalPage)


class MainWindow(QMainWindow):
    def __init__(self, bus: JournalBus) -> None:
        super().__init__()
        self.bus = bus
        self.setWindowIcon(icon("dealjournal"))
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(900, 560))

        self.nav = QListWidget()
        self.nav.setAccessibleName("Pages")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMaximumWidth(220)
        self.stack = QStackedWidget()
        self.pages: list[Page] = [cls(bus) for cls in NAV_PAGES]
        for page in self.pages:
            item = QListWidgetItem(icon(page.icon_name), page.title)
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
        self.setCentralWidget(self.splitter)

        self.act = actions_mod.Actions(self)
        self.welcome.import_requested.connect(self.act.import_dialog)
        self.welcome.sample_requested.connect(self.act.explore_sample)
        self.welcome.add_requested.connect(self.act.add_contact)
        self.journal_label = QLabel()
        self.journal_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.journal_label)
        bus.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        bus.open_contact.connect(self.show_contact)
        bus.reloaded.connect(self._update_title)
        bus.changed.connect(self._maybe_leave_welcome)

        self.keeper = HealthKeeper(bus)
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

    # --- navigation ---------------------------------------------------------------------

    def page(self, cls: type[Page]) -> Page:
        return next(p for p in self.pages if isinstance(p, cls))

    def show_home(self) -> None:
        """The Attention page, or the welcome page while the journal is empty."""
        self.show_page(AttentionPage)

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
        if isinstance(page, AttentionPage) and self._journal_is_empty():
            self.stack.setCurrentWidget(self.welcome)  # the home page of an empty journal
        else:
            self.stack.setCurrentWidget(page)

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
            self.show_page(ContactsPage)

    def journal_reopened(self) -> None:
        """Another journal is open: every page reloads and the home page shows."""
        self.bus.reset()
        self._history.clear()
        self.keeper.ensure_current()
        self.show_home()

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.bus.path.name} — {APP_NAME}")
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

    def closeEvent(self, event: QCloseEvent) -> None:
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
            self.act.import_file(files[0])

