"""Today, the home page, driven from the keyboard as a seller would each morning."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dealjournal import ops
from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog
from dealjournal.gui.dialogs.reminder import ReminderDialog
from dealjournal.gui.pages.today import TodayPage


@pytest.fixture
def people(bus: Any) -> dict[str, int]:
    """Someone waiting on a reply, a follow-up due, a stale customer, and a reminder next week."""
    today = bus.today()
    old = (today - timedelta(days=200)).isoformat()
    ids = {name: bus.run(ops.add_contact, name, created_on=old, stage=stage).id
           for name, stage in (("Olga Owes", "lead"), ("Fay Follow", "lead"), ("Sam Stale", "customer"),
                               ("Hal Healthy", "lead"))}
    bus.run(ops.log_interaction, ids["Olga Owes"], kind="email", direction="in", at=today - timedelta(days=5),
            summary="Can we talk?")
    bus.run(ops.log_interaction, ids["Fay Follow"], kind="call", direction="out", at=today - timedelta(days=3),
            summary="Left a voicemail", follow_up_on=today - timedelta(days=1))
    bus.run(ops.log_interaction, ids["Sam Stale"], kind="meeting", direction="mutual", at=today - timedelta(days=90))
    bus.run(ops.log_interaction, ids["Hal Healthy"], kind="meeting", direction="mutual", at=today)
    bus.run(ops.add_reminder, ids["Hal Healthy"], today + timedelta(days=3), "Book the workshop")
    return ids


def today_page(window: Any) -> TodayPage:
    window.show_home()
    page = window.page(TodayPage)
    assert window.stack.currentWidget() is page
    page.refresh_if_needed()
    return page


def names(page: TodayPage) -> list[str]:
    return [e.name for e in page.model.rows]


def select(page: TodayPage, name: str) -> None:
    row = names(page).index(name)
    page.view.setCurrentIndex(page.model.index(row, 0))
    page.view.setFocus()


def test_today_is_home_with_the_domain_order(window: Any, people: dict[str, int]) -> None:
    page = today_page(window)
    assert names(page) == ["Olga Owes", "Fay Follow", "Sam Stale"]
    model = page.model
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["Reply", "Follow up", "Reach out"]
    assert model.data(model.index(1, 2)) == "follow-up 1 day overdue: Left a voicemail"
    assert page.summary.text().startswith("3 contacts need you: 1 waiting on a reply, 1 with a follow-up due")
    assert [d.text for d in page.upcoming_model.rows] == ["Book the workshop"]
    assert page.upcoming_model.data(page.upcoming_model.index(0, 0)).endswith("(in 3 days)")


def test_enter_opens_and_l_logs(window: Any, qtbot: Any, people: dict[str, int],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    page = today_page(window)
    logged: list[int | None] = []
    monkeypatch.setattr(LogInteractionDialog, "log", classmethod(lambda cls, bus, parent, contact_id=None:
                                                                 logged.append(contact_id)))
    select(page, "Sam Stale")
    qtbot.keyClick(page.view, Qt.Key.Key_L)
    assert logged == [people["Sam Stale"]]
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.contact_page
    assert window.contact_page.contact_id == people["Sam Stale"]


def test_s_snoozes_and_undo_brings_it_back(window: Any, qtbot: Any, people: dict[str, int]) -> None:
    page = today_page(window)
    select(page, "Olga Owes")
    qtbot.keyClick(page.view, Qt.Key.Key_S)
    assert page.snooze_menu.isVisible()
    week = next(a for a in page.snooze_menu.actions() if a.text() == "For 1 &week")
    page.snooze_menu.hide()
    week.trigger()
    assert "Olga Owes" not in names(page)
    until = (window.bus.today() + timedelta(days=7)).isoformat()
    assert window.act.undo.text() == f"&Undo Snooze Olga Owes until {until}"
    window.act.undo.trigger()
    page.refresh_if_needed()
    assert "Olga Owes" in names(page)
    window.act.redo.trigger()
    page.refresh_if_needed()
    assert "Olga Owes" not in names(page)



def test_a_new_inbound_touch_ends_the_snooze_at_once(window: Any, people: dict[str, int]) -> None:
    page = today_page(window)
    select(page, "Fay Follow")
    assert page.snooze_for(30)
    assert "Fay Follow" not in names(page)
    # She calls back (a moment after the snooze was set): her follow-up is still due, and she is back.
    later = min(datetime.now() + timedelta(minutes=2), datetime.combine(window.bus.today(), time(23, 59)))
    window.bus.run(ops.log_interaction, people["Fay Follow"], kind="call", direction="in",
                   at=later.replace(second=0, microsecond=0))
    page.refresh_if_needed()
    assert "Fay Follow" in names(page)


def test_d_marks_the_follow_up_done(window: Any, qtbot: Any, people: dict[str, int]) -> None:
    page = today_page(window)
    select(page, "Fay Follow")
    assert page.done_button.isEnabled()
    qtbot.keyClick(page.view, Qt.Key.Key_D)
    assert "Fay Follow" not in names(page)
    assert window.act.undo.text() == "&Undo Mark follow-up with Fay Follow done"
    window.act.undo.trigger()
    page.refresh_if_needed()
    assert "Fay Follow" in names(page)
    select(page, "Sam Stale")
    assert not page.done_button.isEnabled()  # nothing due for him


def test_r_adds_a_reminder_that_shows_when_due(window: Any, qtbot: Any, people: dict[str, int],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    page = today_page(window)
    select(page, "Sam Stale")

    def fill(dialog: ReminderDialog) -> None:
        dialog.text.setText("Send the renewal quote")
        dialog.accept()

    monkeypatch.setattr(ReminderDialog, "exec", lambda self: fill(self) or self.result())
    qtbot.keyClick(page.view, Qt.Key.Key_R)
    page.refresh_if_needed()
    assert "Send the renewal quote" in [d.text for d in page.upcoming_model.rows]  # tomorrow
    assert window.act.undo.text() == "&Undo Add reminder for Sam Stale"


def test_nothing_to_do_says_so(window: Any, bus: Any) -> None:
    bus.run(ops.add_contact, "Fresh Fran")
    page = today_page(window)
    assert page.stack.currentWidget() is page.empty and page.empty.isVisible()
    assert page.summary.text() == "All clear for today."
    assert page.upcoming_stack.currentWidget() is page.upcoming_empty
    assert not page.open_button.isEnabled()
    QApplication.processEvents()


def test_waits_for_the_health_update_instead_of_blocking_the_first_paint(window: Any, people: dict[str, int],
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from dealjournal.health import state, today

    page = today_page(window)
    state.invalidate()
    computed: list[bool] = []
    real = today.page
    monkeypatch.setattr(today, "page", lambda as_of, limit=None, cached=True: computed.append(cached)
                        or real(as_of, limit, cached=cached))
    page.reload()
    assert computed == [] and page.summary.text() == "Working out today's list…"
    page.reload()  # the update did not make it current (it failed): work it out from scratch
    assert computed == [True] and names(page) == ["Olga Owes", "Fay Follow", "Sam Stale"]


def test_a_long_list_shows_the_most_urgent_first(window: Any, people: dict[str, int],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from dealjournal.health import today

    monkeypatch.setattr(today, "LISTED", 2)
    page = today_page(window)
    page.reload()
    assert names(page) == ["Olga Owes", "Fay Follow"]
    assert page.summary.text().startswith("3 contacts need you: 1 waiting on a reply, 1 with a follow-up due, "
                                          "1 gone quiet, 0 one-sided.")
    assert page.summary.text().endswith("The 2 that need you most are listed.")
