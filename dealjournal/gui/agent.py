"""The reminder agent: reminds of due follow-ups and reminders while the window is closed.

``dealjournal --agent`` runs without a window. Once a minute it reads the journal
**read-only**, without taking the journal's lock (so the window can open it at any time),
counts the open follow-ups and reminders due today or earlier, and — once a day, at or
after the time set in Preferences, with notifications on — shows a desktop notification
("3 follow-ups or reminders are due today": a count, never a name). The day shown is the
same QSettings value the window's own reminder uses, so the two never remind twice.

It is started at login by an XDG autostart entry that Preferences ▸ Reminders writes
(off by default; :func:`set_autostart`), and it quits by itself once that entry is gone,
so turning the option off stops it. Where the desktop has a system tray, it shows an icon
whose menu opens the journal or quits; the notification goes through the freedesktop
service (:func:`dealjournal.gui.notify.desktop_notify`), else a tray message; with
neither, the window's status bar and Today say it when the window next opens.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from dealjournal import APP_NAME, DESKTOP_ID
from dealjournal.gui import uiprefs
from dealjournal.gui.forms import icon
from dealjournal.gui.notify import desktop_notify
from dealjournal.gui.reminders import CHECK_EVERY_MS, reminder_text, tray_available
from dealjournal.health.today import due_by

log = logging.getLogger(__name__)

AUTOSTART_NAME = f"{DESKTOP_ID}.Reminders.desktop"


def autostart_path() -> Path:
    """Where the XDG autostart entry lives (``~/.config/autostart/…``)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / AUTOSTART_NAME


def agent_command(journal: Path) -> list[str]:
    """How to start the agent on *journal*: the bundle's program, or this Python with ``-m``."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "dealjournal"]
    return [*program, "--agent", "--db", str(journal)]


_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def _exec_arg(arg: str) -> str:
    """One argument of an ``Exec=`` value, quoted as the Desktop Entry spec asks: in double
    quotes when it holds a reserved character (``"``, `````, ``$`` and ``\\`` escaped inside),
    then the string value's own escaping (backslashes doubled), ``%`` as ``%%``."""
    if arg and not _RESERVED.intersection(arg):
        return arg.replace("%", "%%")
    inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return ('"' + inner + '"').replace("\\", "\\\\").replace("%", "%%")


def _desktop_exec(args: list[str]) -> str:
    return " ".join(_exec_arg(arg) for arg in args)


def autostart_enabled() -> bool:
    return autostart_path().is_file()


def set_autostart(enabled: bool, journal: Path, *, start_now: bool = True) -> None:
    """Write (and start the agent) or remove the autostart entry; OSError when it cannot be written."""
    path = autostart_path()
    if not enabled:
        path.unlink(missing_ok=True)  # the running agent notices and quits
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    name = QCoreApplication.translate("ReminderAgent", "Deal Journal reminders")
    comment = QCoreApplication.translate("ReminderAgent", "Notifies of due follow-ups and reminders while "
                                                          "Deal Journal is closed")
    path.write_text("[Desktop Entry]\nType=Application\n"
                    f"Name={name}\nComment={comment}\nIcon={DESKTOP_ID}\n"
                    f"Exec={_desktop_exec(agent_command(journal))}\n"
                    "NoDisplay=true\nTerminal=false\nX-GNOME-Autostart-enabled=true\n", encoding="utf-8")
    if start_now:
        subprocess.Popen(agent_command(journal), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)


def due_count(journal: Path, today: date) -> int:
    """Open follow-ups and reminders due on or before *today*, read from *journal* read-only.

    0 when the file cannot be read (missing, damaged, of an older format without reminders):
    the agent never changes or repairs a journal; the window does that when it opens it.
    """
    uri = f"file:{quote(str(journal))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return len(due_by(today, conn))
    except sqlite3.Error as exc:
        log.info("The reminder agent cannot read the journal: %s", type(exc).__name__)
        return 0
    finally:
        conn.close()


class ReminderAgent(QObject):
    """The agent's loop; see the module docstring. *notify* and *now* are injectable for tests."""

    def __init__(self, journal: Path, *, notify: Callable[[str, str], bool] = desktop_notify,
                 now: Callable[[], datetime] = datetime.now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal, self.notify, self.now = journal, notify, now
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        if tray_available():
            self.tray = self._make_tray()
            self.tray.show()
        self.timer.start()
        QTimer.singleShot(0, self, self.tick)

    def tick(self) -> None:
        """Quit once turned off (the autostart entry removed); otherwise check."""
        if not autostart_enabled():
            log.info("Reminder agent turned off; quitting")
            QCoreApplication.quit()
            return
        self.check()

    def check(self) -> bool:
        """Notify now if it is time and something is due; whether a notification was shown."""
        prefs = uiprefs.load()
        now = self.now()
        today = now.date()
        if not prefs.notifications or now.time() < prefs.notify_at or uiprefs.last_reminder_day() == today:
            return False
        count = due_count(self.journal, today)
        if count == 0:
            return False
        text = reminder_text(count)
        shown = self.notify(APP_NAME, text)
        if not shown and self.tray is not None:
            self.tray.showMessage(APP_NAME, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
            shown = True
        if shown:
            uiprefs.set_last_reminder_day(today)
            log.info("Reminder agent notified (%d due)", count)
        return shown

    def _make_tray(self) -> QSystemTrayIcon:
        tray = QSystemTrayIcon(icon("dealjournal"), self)
        tray.setToolTip(self.tr("Deal Journal reminders"))
        menu = QMenu()
        menu.addAction(self.tr("&Open Deal Journal"), self.open_window)
        menu.addAction(self.tr("&Quit Reminders"), QCoreApplication.quit)
        tray.setContextMenu(menu)
        tray.messageClicked.connect(self.open_window)
        tray.activated.connect(lambda reason: self.open_window()
                               if reason == QSystemTrayIcon.ActivationReason.Trigger else None)
        self._menu = menu  # a menu without a parent must be kept alive
        return tray

    def open_window(self) -> None:
        """Start the window on the journal (a window already open on it comes forward instead)."""
        command = agent_command(self.journal)
        command.remove("--agent")
        subprocess.Popen(command, stdin=subprocess.DEVNULL, start_new_session=True)
