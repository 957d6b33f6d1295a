"""Follow-up reminders: one desktop notification a day, at the chosen time, while the app runs.

:class:`FollowUpReminder` looks once a minute. On a day when it has not reminded yet, at or
after the time of day set in Preferences (:mod:`dealjournal.gui.uiprefs`, default 09:00),
with notifications on, it counts the open follow-ups and reminders due today or earlier
(:func:`dealjournal.health.today.due_by`) and, if there are any, shows one system-tray
message — "3 follow-ups or reminders are due today." Only a count: a notification
can be read over the user's shoulder or end up in the desktop's notification history, so no
names. The day is remembered in QSettings, so it never repeats that day, even after a
restart. A day without anything due is not remembered: a follow-up that becomes due later
that day (one logged with a past date) is still reminded of.

Clicking the message, or the tray icon, raises the window and opens Today. While the
window is closed, the reminder agent (:mod:`dealjournal.gui.agent`) does the same job.

Where the desktop has no system tray (``QSystemTrayIcon.isSystemTrayAvailable()`` is False:
some Wayland and tiling desktops, the offscreen platform), the reminder falls back to what
the window itself can show: a status-bar message that stays until replaced, the count in
the window title ("(3) journal.sqlite3 — Deal Journal"), kept current while it shows and
removed when nothing is due any more, and ``QApplication.alert`` so the task bar flags the
window. Nothing is lost, but the user sees it only when they look at the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon, QWidget

from dealjournal import APP_NAME
from dealjournal.errors import JournalError
from dealjournal.gui import uiprefs
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.forms import icon
from dealjournal.health.today import due_by
from dealjournal.store.db import db

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60_000
FIRST_CHECK_MS = 5_000  # after start-up: let the window appear first
MESSAGE_MS = 15_000


def tray_available() -> bool:
    """Whether the desktop shows system-tray icons (a function, so tests can pretend it does)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def reminder_text(count: int) -> str:
    """The notification's text, in the window's language: a count, never a name."""
    if count == 1:
        return QCoreApplication.translate("FollowUpReminder", "1 follow-up or reminder is due today.")
    return QCoreApplication.translate("FollowUpReminder", "{count} follow-ups or reminders are due today.").format(
        count=count)


class FollowUpReminder(QObject):
    """Reminds of due follow-ups once a day; see the module docstring.

    *open_attention* shows the Attention page; *window* (optional) is raised first, and in
    the fallback carries the status-bar message and the count in its title. *now* is the
    clock (injectable for tests).
    """

    reminded = Signal(int)  # a reminder was shown (tray or fallback), with the count

    def __init__(self, bus: JournalBus, open_attention: Callable[[], None], *, window: QWidget | None = None,
                 now: Callable[[], datetime] = datetime.now, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else bus)
        self.bus = bus
        self.open_attention = open_attention
        self.window = window
        self.now = now
        self.tray: QSystemTrayIcon | None = None
        self._badge: str | None = None  # the title prefix the fallback added, while it shows
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        bus.reloaded.connect(self._forget_badge)  # the window rewrites its title on reload

    def start(self) -> None:
        """Check shortly after start-up, then once a minute."""
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check)

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    # --- the daily check ----------------------------------------------------------------

    def due_count(self) -> int:
        """Open follow-ups and reminders due today or earlier (0 while no journal is open)."""
        if db.is_closed():
            return 0
        try:
            return len(due_by(self.bus.today()))
        except JournalError:
            log.exception("Could not count the due follow-ups")
            return 0

    def check(self) -> bool:
        """Remind now if it is time and something is due; whether a reminder was shown."""
        prefs = uiprefs.load()
        if self._badge is not None:
            self._refresh_badge()
        if not prefs.notifications:
            if self.tray is not None:
                self.tray.hide()
            return False
        now = self.now()
        today = now.date()
        if now.time() < prefs.notify_at or uiprefs.last_reminder_day() == today:
            return False
        count = self.due_count()
        if count == 0:
            return False
        self._remind(count, today)
        return True

    def _remind(self, count: int, today: date) -> None:
        uiprefs.set_last_reminder_day(today)
        text = reminder_text(count)
        if tray_available():
            tray = self._tray()
            #: The tray icon's tooltip: the application's name, then the reminder
            tray.setToolTip(self.tr("{app}: {text}").format(app=APP_NAME, text=text))
            tray.show()
            tray.showMessage(APP_NAME, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)
        else:
            self._fallback(count, text)
        log.info("Follow-up reminder shown (%d due)", count)
        self.reminded.emit(count)

    # --- the tray -----------------------------------------------------------------------

    def _tray(self) -> QSystemTrayIcon:
        if self.tray is None:
            tray = QSystemTrayIcon(icon("dealjournal"), self)
            menu = QMenu(self.window)
            show = QAction(self.tr("Show Follow-ups"), menu)
            show.triggered.connect(self.show_attention)
            hide = QAction(self.tr("Hide This Icon"), menu)
            hide.triggered.connect(tray.hide)
            menu.addAction(show)
            menu.addAction(hide)
            tray.setContextMenu(menu)
            tray.messageClicked.connect(self.show_attention)
            tray.activated.connect(self._activated)
            self._menu = menu  # a context menu without a parent must be kept alive
            self.tray = tray
        return self.tray

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_attention()

    def show_attention(self) -> None:
        """Bring the window to the front on the Attention page; the tray icon has done its job."""
        window = self.window
        if window is not None:
            if window.isMinimized():
                window.showNormal()
            window.show()
            window.raise_()
            window.activateWindow()
        self.open_attention()
        if self.tray is not None:
            self.tray.hide()

    # --- without a tray -----------------------------------------------------------------

    def _fallback(self, count: int, text: str) -> None:
        window = self.window
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)  # no timeout: it stays until replaced
        else:
            self.bus.status.emit(text)
        if window is not None:
            self._set_badge(count)
            QApplication.alert(window)

    def _set_badge(self, count: int) -> None:
        window = self.window
        assert window is not None
        title = window.windowTitle()
        if self._badge is not None and title.startswith(self._badge):
            title = title[len(self._badge):]
        self._badge = "({count}) ".format(count=count)
        window.setWindowTitle(self._badge + title)

    def _refresh_badge(self) -> None:
        """Keep the title's count current; remove it once nothing is due."""
        window = self.window
        if window is None or self._badge is None:
            return
        count = self.due_count()
        if count:
            self._set_badge(count)
            return
        title = window.windowTitle()
        if title.startswith(self._badge):
            window.setWindowTitle(title[len(self._badge):])
        self._badge = None

    def _forget_badge(self) -> None:
        self._badge = None
