"""Follow-up reminders: one notification a day at the chosen time; clicking it opens Attention."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from dealjournal import ops
from dealjournal.gui import reminders, uiprefs
from dealjournal.gui.pages.attention import AttentionPage
from dealjournal.gui.pages.contacts import ContactsPage
from dealjournal.gui.reminders import FollowUpReminder
from dealjournal.health.followups import open_followups

NAME = "Ada <b>Byron</b>"


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture(autouse=True)
def clean_prefs(qapp: Any) -> Iterator[None]:
    uiprefs.clear()
    yield
    uiprefs.clear()


@pytest.fixture
def due(journal: Path) -> int:
    """A contact with a follow-up that was due yesterday; its id."""
    contact = ops.add_contact(NAME).id
    assert contact is not None
    yesterday = date.today() - timedelta(days=1)
    ops.log_interaction(contact, kind="call", direction="out", at=yesterday - timedelta(days=3),
                        summary="Pricing call", follow_up_on=yesterday)
    return contact


@pytest.fixture
def tray(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Pretend the desktop has a system tray; the messages 'shown' in it."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(reminders, "tray_available", lambda: True)
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda self: None)
    monkeypatch.setattr(QSystemTrayIcon, "hide", lambda self: None)
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda self, title, text, *args: shown.append((title, text)))
    return shown


def today_at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(date.today(), time(hour, minute))


def test_one_notification_a_day_at_the_chosen_time(bus: Any, due: int, tray: list[tuple[str, str]]) -> None:
    clock = Clock(today_at(8, 59))
    reminder = FollowUpReminder(bus, lambda: None, now=clock)
    assert not reminder.check() and tray == []  # before 09:00

    clock.at = today_at(9, 0)
    assert reminder.check()
    assert tray == [("Deal Journal", "1 follow-up or reminder is due today.")]
    assert "Ada" not in tray[0][1]  # a count, never a name
    assert uiprefs.last_reminder_day() == date.today()

    clock.at = today_at(17, 30)
    assert not reminder.check()
    assert FollowUpReminder(bus, lambda: None, now=clock).check() is False  # not after a restart either
    assert len(tray) == 1

    clock.at = today_at(9, 5) + timedelta(days=1)
    assert reminder.check()
    assert len(tray) == 2


def test_the_time_of_day_and_the_switch_are_honoured(bus: Any, due: int, tray: list[tuple[str, str]]) -> None:
    clock = Clock(today_at(12, 0))
    reminder = FollowUpReminder(bus, lambda: None, now=clock)
    uiprefs.save(uiprefs.UiPrefs(notifications=False))
    assert not reminder.check()
    uiprefs.save(uiprefs.UiPrefs(notify_at=time(12, 30)))
    assert not reminder.check()
    clock.at = today_at(12, 30)
    assert reminder.check()
    assert len(tray) == 1


def test_nothing_due_shows_nothing_and_keeps_the_day_open(bus: Any, journal: Path,
                                                          tray: list[tuple[str, str]]) -> None:
    contact = ops.add_contact("Grace").id
    assert contact is not None
    ops.log_interaction(contact, kind="call", direction="out", follow_up_on=date.today() + timedelta(days=2))
    reminder = FollowUpReminder(bus, lambda: None, now=Clock(today_at(10)))
    assert not reminder.check()
    assert tray == [] and uiprefs.last_reminder_day() is None


def test_counts_several(bus: Any, due: int, tray: list[tuple[str, str]]) -> None:
    ops.log_interaction(due, kind="email", direction="out", follow_up_on=date.today())
    FollowUpReminder(bus, lambda: None, now=Clock(today_at(10))).check()
    assert tray == [("Deal Journal", "2 follow-ups or reminders are due today.")]


def test_clicking_the_message_opens_attention(window: Any, qtbot: Any, due: int,
                                             tray: list[tuple[str, str]]) -> None:
    window.show_page(ContactsPage)
    reminder = FollowUpReminder(window.bus, lambda: window.show_page(AttentionPage), window=window,
                                now=Clock(today_at(10)))
    with qtbot.waitSignal(reminder.reminded) as signal:
        assert reminder.check()
    assert signal.args == [1]
    assert reminder.tray is not None
    reminder.tray.messageClicked.emit()
    assert window.stack.currentWidget() is window.page(AttentionPage)

    window.show_page(ContactsPage)  # clicking the tray icon itself does the same
    reminder.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert window.stack.currentWidget() is window.page(AttentionPage)


def test_without_a_tray_the_window_says_it(window: Any, due: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reminders, "tray_available", lambda: False)
    title = window.windowTitle()
    reminder = FollowUpReminder(window.bus, lambda: None, window=window, now=Clock(today_at(10)))
    assert reminder.check()
    assert reminder.tray is None
    assert window.statusBar().currentMessage() == "1 follow-up or reminder is due today."
    assert window.windowTitle() == "(1) " + title

    (followup,) = open_followups(date.today(), ahead_days=0)  # done: the count leaves the title
    window.bus.run(ops.set_follow_up_done, followup.interaction_id, True)
    reminder.check()
    assert window.windowTitle() == title


def test_start_checks_soon_after_start_up(bus: Any, due: int, tray: list[tuple[str, str]], qtbot: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reminders, "FIRST_CHECK_MS", 0)
    reminder = FollowUpReminder(bus, lambda: None, now=Clock(today_at(10)))
    with qtbot.waitSignal(reminder.reminded, timeout=2000):
        reminder.start()
    assert reminder.timer.isActive() and reminder.timer.interval() == 60_000
    reminder.stop()
    assert not reminder.timer.isActive()
