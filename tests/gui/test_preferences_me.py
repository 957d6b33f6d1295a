"""Preferences ▸ Me: the user's own identities (one per line) and the phone region."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from dealjournal import ops
from dealjournal.capture.plan import default_region
from dealjournal.gui import uiprefs
from dealjournal.gui.dialogs.preferences import (
    identities_in,
    region_name,
)
from dealjournal.store import settings
from tests.gui.test_preferences import click, open_dialog


@pytest.fixture(autouse=True)
def clean_prefs(qapp: Any) -> Iterator[None]:
    uiprefs.clear()
    yield
    uiprefs.clear()


def test_the_me_tab_shows_what_is_stored(bus: Any, qtbot: Any) -> None:
    ops.update_capture_settings(me=["ada@example.com", "+44 20 7946 0000"], phone_region="GB")
    dialog = open_dialog(bus, qtbot)
    assert dialog.tabs.tabText(dialog.tabs.indexOf(dialog.me_tab)) == "&Me"
    assert dialog.me_edit.toPlainText() == "ada@example.com\n+44 20 7946 0000"
    assert dialog.chosen_region() == "GB" and dialog.region.currentText() == "United Kingdom (GB)"


def test_the_region_follows_the_system_unless_chosen(bus: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_dialog(bus, qtbot)
    assert dialog.chosen_region() is None and dialog.region.currentIndex() == 0
    local = default_region()
    first = dialog.region.itemText(0)
    assert first.startswith("From your system's region")
    if local:
        assert region_name(local) in first  # which one it is
    assert dialog.region.findData("DE") > 0 and dialog.region.itemText(dialog.region.findData("DE")) == "Germany (DE)"


def test_ok_saves_identities_and_region(bus: Any, qtbot: Any) -> None:
    dialog = open_dialog(bus, qtbot)
    dialog.tabs.setCurrentWidget(dialog.me_tab)
    dialog.me_edit.setPlainText("  me@example.com \n\nhttps://www.linkedin.com/in/me\nMe Myself\nME@example.com\n")
    dialog.region.setCurrentIndex(dialog.region.findData("DE"))
    with qtbot.waitSignal(bus.changed) as changed:
        click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert changed.args[0].settings and not dialog.isVisible()
    stored = settings.load_capture()
    # One per line, trimmed, blank lines dropped, the same identity (case aside) once.
    assert stored.me == ("me@example.com", "https://www.linkedin.com/in/me", "Me Myself")
    assert stored.phone_region == "DE"
    again = open_dialog(bus, qtbot)
    assert again.identities() == list(stored.me) and again.chosen_region() == "DE"
    again.region.setCurrentIndex(0)  # back to the system's
    click(again, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert settings.load_capture().phone_region is None


def test_cancel_and_unchanged_ok_leave_me_alone(bus: Any, qtbot: Any) -> None:
    ops.update_capture_settings(me=["me@example.com"])
    dialog = open_dialog(bus, qtbot)
    dialog.me_edit.setPlainText("someone@else.org")
    click(dialog, qtbot, QDialogButtonBox.StandardButton.Cancel)
    assert settings.load_capture().me == ("me@example.com",)
    dialog = open_dialog(bus, qtbot)
    changes: list[object] = []
    bus.changed.connect(changes.append)
    click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert changes == []


def test_restore_defaults_keeps_the_identities(bus: Any, qtbot: Any) -> None:
    ops.update_capture_settings(me=["me@example.com"], phone_region="FR")
    dialog = open_dialog(bus, qtbot)
    click(dialog, qtbot, QDialogButtonBox.StandardButton.RestoreDefaults)
    assert dialog.identities() == ["me@example.com"] and dialog.chosen_region() is None
    assert settings.load_capture().phone_region == "FR"  # stored only on OK


def test_a_refused_identity_keeps_the_dialog_open_on_the_me_tab(bus: Any, qtbot: Any, no_modal_messages: list[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from dealjournal.errors import ValidationError

    def refuse(**_: Any) -> None:
        raise ValidationError("Identity is too long.")

    monkeypatch.setattr(ops, "update_capture_settings", refuse)
    dialog = open_dialog(bus, qtbot)
    dialog.me_edit.setPlainText("me@example.com")
    dialog.tabs.setCurrentIndex(0)
    click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and no_modal_messages == ["Identity is too long."]
    assert dialog.tabs.currentWidget() is dialog.me_tab
    assert settings.load_capture().me == ()


def test_identities_are_one_per_line() -> None:
    assert identities_in(" a@b.c \n\n  Ada, Byron \n") == ["a@b.c", "Ada, Byron"]


def test_edit_undo_puts_the_identities_back(bus: Any, qtbot: Any) -> None:
    ops.update_capture_settings(me=["old@example.com"], phone_region="GB")
    dialog = open_dialog(bus, qtbot)
    dialog.me_edit.setPlainText("new@example.com")
    dialog.region.setCurrentIndex(dialog.region.findData("DE"))
    click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert settings.load_capture() == settings.CaptureSettings(me=("new@example.com",), phone_region="DE")
    assert bus.undo_stack.undoText() == "Change your identities"
    bus.undo_stack.undo()
    assert settings.load_capture() == settings.CaptureSettings(me=("old@example.com",), phone_region="GB")
    bus.undo_stack.redo()
    assert settings.load_capture().me == ("new@example.com",)
