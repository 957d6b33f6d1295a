"""The reminder agent: due follow-ups and reminders read without opening the journal, one
notification a day, its autostart entry, and a real notification over a private D-Bus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from dealjournal import ops
from dealjournal.gui import agent, uiprefs
from dealjournal.gui.agent import ReminderAgent, due_count
from dealjournal.gui.reminders import FollowUpReminder

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def clean_prefs(qapp: Any) -> Iterator[None]:
    uiprefs.clear()
    yield
    uiprefs.clear()


@pytest.fixture
def autostart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return agent.autostart_path()


def _due(journal: Path) -> None:
    """Two things due (a follow-up yesterday, a reminder today), and three that are not."""
    yesterday = date.today() - timedelta(days=1)
    ada = ops.add_contact("Ada Byron").id
    gone = ops.add_contact("Archived Ann").id
    assert ada is not None and gone is not None
    ops.log_interaction(ada, kind="call", direction="out", at=yesterday, follow_up_on=yesterday)
    ops.add_reminder(ada, date.today(), "Send the proposal")
    ops.add_reminder(ada, date.today() + timedelta(days=3), "Not yet")
    done = ops.add_reminder(ada, yesterday, "Done already").id
    assert done is not None
    ops.set_reminder_done(done)
    ops.add_reminder(gone, yesterday, "Archived")
    ops.archive_contact(gone)


def test_due_count_reads_the_journal_while_another_program_holds_it(journal: Path) -> None:
    _due(journal)  # the journal is open (and locked) in this process, as the window would hold it
    assert due_count(journal, date.today()) == 2
    assert due_count(journal, date.today() + timedelta(days=3)) == 3
    assert due_count(journal.with_name("missing.sqlite3"), date.today()) == 0


def test_one_notification_a_day_shared_with_the_window(journal: Path, bus: Any, autostart: Path) -> None:
    _due(journal)
    sent: list[tuple[str, str]] = []
    clock = [datetime.combine(date.today(), time(8, 59))]
    loop = ReminderAgent(journal, notify=lambda title, body: sent.append((title, body)) or True,
                         now=lambda: clock[0])
    assert not loop.check() and sent == []  # before 09:00
    clock[0] = datetime.combine(date.today(), time(9, 0))
    assert loop.check() and sent == [("Deal Journal", "2 follow-ups or reminders are due today.")]
    assert not loop.check() and len(sent) == 1  # once a day
    window_reminder = FollowUpReminder(bus, lambda: None, now=lambda: clock[0])
    assert not window_reminder.check()  # the window does not remind again the same day
    clock[0] += timedelta(days=1)
    assert loop.check() and len(sent) == 2
    uiprefs.save(uiprefs.load().__class__(notifications=False))
    clock[0] += timedelta(days=1)
    assert not loop.check() and len(sent) == 2  # notifications off


def test_a_refused_notification_is_tried_again(journal: Path, autostart: Path) -> None:
    _due(journal)
    loop = ReminderAgent(journal, notify=lambda title, body: False, now=lambda: datetime.combine(date.today(), time(10)))
    assert not loop.check()
    assert uiprefs.last_reminder_day() is None  # not marked as reminded: the next minute tries again


def test_autostart_entry_is_valid_and_turning_it_off_stops_the_agent(
        journal: Path, autostart: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    odd = journal.with_name('my "100%" $journal.sqlite3')
    agent.set_autostart(True, odd, start_now=False)
    text = autostart.read_text(encoding="utf-8")
    assert "\nExec=" in text and "--agent --db" in text and "NoDisplay=true" in text
    assert '\\\\"100%%\\\\" \\\\$journal' in text  # quoted, escaped, % doubled
    if shutil.which("desktop-file-validate"):
        run = subprocess.run(["desktop-file-validate", str(autostart)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr
    assert agent.autostart_enabled()
    quits: list[bool] = []
    monkeypatch.setattr(agent.QCoreApplication, "quit", lambda: quits.append(True))
    loop = ReminderAgent(journal, notify=lambda title, body: True)
    loop.tick()
    assert quits == []
    agent.set_autostart(False, odd)
    assert not autostart.exists()
    loop.tick()
    assert quits == [True]


# --- a real notification over D-Bus --------------------------------------------------------------

class NotificationServer:
    """A freedesktop notification service on a private session bus: records what it is sent."""

    def __init__(self, address: str) -> None:
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        self.conn = open_dbus_connection(bus=address)
        self.conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.Notifications"))
        self.received: list[tuple[Any, ...]] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        from jeepney import MessageType, new_method_return

        while True:
            try:
                msg = self.conn.receive(timeout=60)
            except (TimeoutError, OSError):
                return
            if msg.header.message_type == MessageType.method_call and msg.header.fields.get(3) == "Notify":
                self.received.append(msg.body)
                self.conn.send(new_method_return(msg, "u", (1,)))


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (packaging/dev.sh test installs it)")
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    yield address
    daemon.terminate()
    daemon.wait(timeout=10)
    daemon.stdout.close()


@pytest.fixture
def server(session_bus: str) -> Iterator[NotificationServer]:
    found = NotificationServer(session_bus)
    yield found
    found.conn.close()
    found.thread.join(5)


def test_desktop_notify_reaches_the_notification_service(session_bus: str, server: NotificationServer) -> None:
    from dealjournal.gui.notify import desktop_notify

    assert desktop_notify("Deal Journal", "1 follow-up or reminder is due today.", bus=session_bus)
    assert server.received[0][:5] == ("Deal Journal", 0, "io.github.dealjournal.DealJournal", "Deal Journal",
                                      "1 follow-up or reminder is due today.")
    assert not desktop_notify("x", "y", bus="unix:path=/nonexistent/socket")


def test_the_agent_program_notifies_while_no_window_is_open(session_bus: str, server: NotificationServer,
                                                           tmp_path: Path) -> None:
    """``dealjournal --agent`` as autostart starts it, on a journal with one reminder due."""
    from dealjournal.store import close_journal, open_journal

    journal = tmp_path / "journal.sqlite3"
    open_journal(journal)
    ada = ops.add_contact("Ada Byron").id
    assert ada is not None
    ops.add_reminder(ada, date.today(), "Send the proposal")
    close_journal()
    config = tmp_path / "agent-config"
    (config / "dealjournal").mkdir(parents=True)
    (config / "dealjournal" / "dealjournal.conf").write_text("[notifications]\nenabled=true\ntime=00:00\n")
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "DBUS_SESSION_BUS_ADDRESS": session_bus,
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    env.pop("DISPLAY", None)
    (config / "autostart").mkdir()
    (config / "autostart" / agent.AUTOSTART_NAME).write_text("[Desktop Entry]\n")
    proc = subprocess.Popen([sys.executable, "-m", "dealjournal", "--agent", "--db", str(journal)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = datetime.now() + timedelta(seconds=30)
        while not server.received and datetime.now() < deadline and proc.poll() is None:
            server.thread.join(0.2)
        assert server.received, proc.stderr.read() if proc.poll() is not None and proc.stderr else "no notification"
        assert server.received[0][3:5] == ("Deal Journal", "1 follow-up or reminder is due today.")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()
