"""Preferences: journal settings, backup retention, notifications and theme; OK, Cancel, Restore Defaults."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QWidget

from dealjournal.domain import DEFAULT_STAGE_CADENCE, DEFAULT_WINDOW_DAYS
from dealjournal.gui import theme, uiprefs
from dealjournal.gui.dialogs.preferences import PreferencesDialog
from dealjournal.safety import backup
from dealjournal.store import settings


@pytest.fixture(autouse=True)
def clean_prefs(qapp: Any) -> Iterator[None]:
    """App preferences live in one QSettings file per process: start and end each test without them."""
    uiprefs.clear()
    yield
    uiprefs.clear()
    theme.apply_theme(qapp, "system")


def window_lightness(widget: QWidget) -> int:
    return widget.palette().color(QPalette.ColorRole.Window).lightness()


def open_dialog(bus: Any, qtbot: Any) -> PreferencesDialog:
    dialog = PreferencesDialog(bus)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(dialog: PreferencesDialog, qtbot: Any, which: QDialogButtonBox.StandardButton) -> None:
    assert dialog.buttons is not None
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def test_shows_what_is_stored(bus: Any, qtbot: Any) -> None:
    backup.set_policy(backup.Policy(daily=3, weekly=2, monthly=6))
    uiprefs.save(uiprefs.UiPrefs(notifications=False, notify_at=time(7, 45), theme="dark"))
    dialog = open_dialog(bus, qtbot)
    assert dialog.window_days.value() == DEFAULT_WINDOW_DAYS
    assert [box.value() for box in dialog.keep.values()] == [3, 2, 6]
    assert not dialog.notifications.isChecked() and not dialog.notify_at.isEnabled()
    assert dialog.notify_at.time() == QTime(7, 45)
    assert dialog.theme_radio["dark"].isChecked()
    assert dialog.child(QLineEdit, "backupFolder").text() == str(Path(f"{bus.path}.backups"))


def test_ok_applies_everything(bus: Any, qtbot: Any) -> None:
    dialog = open_dialog(bus, qtbot)
    dialog.window_days.setValue(90)
    dialog.cadence["lead"].setValue(21)
    dialog.keep["daily"].setValue(2)
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.notifications, Qt.MouseButton.LeftButton)
    dialog.notify_at.setTime(QTime(18, 30))
    dialog.tabs.setCurrentIndex(3)
    dialog.theme_radio["dark"].click()
    with qtbot.waitSignal(bus.changed) as changed:
        click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert changed.args[0].settings
    assert not dialog.isVisible()

    stored = settings.load()
    assert stored.window_days == 90 and stored.stage_cadence_days["lead"] == 21
    assert stored.stage_cadence_days["engaged"] == DEFAULT_STAGE_CADENCE["engaged"]
    assert backup.policy() == backup.Policy(daily=2, weekly=4, monthly=12)
    prefs = uiprefs.load()
    assert (prefs.notifications, prefs.notify_at, prefs.theme) == (False, time(18, 30), "dark")
    assert theme.current_is_dark(QApplication.instance())  # type: ignore[arg-type]  # applied at once


def test_cancel_changes_nothing(bus: Any, qtbot: Any) -> None:
    dialog = open_dialog(bus, qtbot)
    dialog.window_days.setValue(30)
    dialog.keep["monthly"].setValue(1)
    dialog.notifications.setChecked(False)
    dialog.theme_radio["dark"].setChecked(True)
    changes: list[object] = []
    bus.changed.connect(changes.append)
    click(dialog, qtbot, QDialogButtonBox.StandardButton.Cancel)
    assert not dialog.isVisible() and changes == []
    assert settings.load().window_days == DEFAULT_WINDOW_DAYS
    assert backup.policy() == backup.Policy()
    assert uiprefs.load() == uiprefs.UiPrefs()
    assert not theme.current_is_dark(QApplication.instance())  # type: ignore[arg-type]


def test_ok_without_changes_leaves_the_journal_alone(bus: Any, qtbot: Any) -> None:
    """New settings make every contact's health be worked out again: only when something changed."""
    dialog = open_dialog(bus, qtbot)
    changes: list[object] = []
    bus.changed.connect(changes.append)
    click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert changes == [] and not dialog.isVisible()


def test_restore_defaults_resets_the_form_only(bus: Any, qtbot: Any) -> None:
    backup.set_policy(backup.Policy(daily=1, weekly=1, monthly=1))
    uiprefs.save(uiprefs.UiPrefs(notifications=False, notify_at=time(6, 0), theme="light"))
    dialog = open_dialog(bus, qtbot)
    dialog.window_days.setValue(45)
    dialog.cadence["advocate"].setValue(0)
    click(dialog, qtbot, QDialogButtonBox.StandardButton.RestoreDefaults)
    assert dialog.isVisible()
    assert dialog.values() == (DEFAULT_WINDOW_DAYS, DEFAULT_STAGE_CADENCE)
    assert dialog.policy() == backup.Policy()
    assert dialog.prefs() == uiprefs.UiPrefs()
    assert backup.policy() == backup.Policy(daily=1, weekly=1, monthly=1)  # stored only on OK
    assert uiprefs.load().theme == "light"


def test_language_is_chosen_from_the_appearance_tab(bus: Any, qtbot: Any) -> None:
    """The language: "System language" (stored as "") or a language by its own name; from the next start."""
    from dealjournal.gui import i18n

    dialog = open_dialog(bus, qtbot)
    shown = [(dialog.language.itemText(i), dialog.language.itemData(i)) for i in range(dialog.language.count())]
    assert shown == [("System language", ""), *((name, code) for code, name in i18n.LANGUAGES.items())]
    assert dialog.language.currentData() == ""
    assert "next time" in dialog.child(QLabel, "languageNote").text()
    dialog.tabs.setCurrentIndex(3)
    dialog.language.setCurrentIndex(dialog.language.findText("Deutsch"))
    click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible() and uiprefs.load().language == "de"
    assert uiprefs.load().theme == "system"  # nothing else changed

    again = open_dialog(bus, qtbot)
    assert again.language.currentText() == "Deutsch" and again.language.currentData() == "de"
    click(again, qtbot, QDialogButtonBox.StandardButton.RestoreDefaults)  # leaves the language alone
    assert again.language.currentData() == "de" and again.prefs().language == "de"
    again.language.setCurrentIndex(0)
    click(again, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert uiprefs.load().language == ""


def test_a_refused_change_keeps_the_dialog_open(bus: Any, qtbot: Any, no_modal_messages: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from dealjournal import ops
    from dealjournal.errors import ValidationError

    def refuse(**_: Any) -> None:
        raise ValidationError("No.")

    monkeypatch.setattr(ops, "update_settings", refuse)  # as the Preferences' undoable command runs it
    dialog = open_dialog(bus, qtbot)
    dialog.window_days.setValue(30)
    dialog.keep["daily"].setValue(1)
    dialog.tabs.setCurrentIndex(2)
    click(dialog, qtbot, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and no_modal_messages == ["No."]
    assert dialog.tabs.currentIndex() == 0
    assert backup.policy() == backup.Policy()  # nothing half-applied


def test_theme_dark_light_system(window: Any, qapp: QApplication, qtbot: Any) -> None:
    platform_style = qapp.style().name()
    theme.apply_theme(qapp, "dark")
    qtbot.waitUntil(lambda: window_lightness(window) < 128)
    assert theme.current_is_dark(qapp)
    assert qapp.style().name().lower() == "fusion"
    theme.apply_theme(qapp, "light")
    qtbot.waitUntil(lambda: window_lightness(window) > 128)
    assert not theme.current_is_dark(qapp)
    theme.apply_theme(qapp, "system")
    assert qapp.style().name() == platform_style
    assert qapp.palette() == QPalette()
    theme.apply_theme(qapp, "neon")  # unknown: the system's, with a warning in the log
    assert qapp.palette() == QPalette()


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_themes_are_readable(choice: str) -> None:
    palette = theme.palette(choice)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for text, background in theme.READABLE_PAIRS:
            ratio = theme.contrast(palette.color(group, text), palette.color(group, background))
            assert ratio >= 4.5, (choice, text.name, background.name, round(ratio, 2))


def test_unreadable_app_preferences_count_as_defaults(qapp: Any) -> None:
    from PySide6.QtCore import QSettings

    s = QSettings()
    s.setValue(uiprefs.KEY_THEME, "neon")
    s.setValue(uiprefs.KEY_NOTIFY_AT, "half past nine")
    s.setValue(uiprefs.KEY_NOTIFICATIONS, "perhaps")
    s.setValue(uiprefs.KEY_LAST_REMINDER, "yesterday")
    assert uiprefs.load() == uiprefs.UiPrefs()
    assert uiprefs.last_reminder_day() is None
    with pytest.raises(ValueError):
        uiprefs.save(uiprefs.UiPrefs(theme="neon"))


def test_opens_without_a_bus(journal: Path, qtbot: Any) -> None:
    """The installed-wheel smoke test opens every dialog with no window around it."""
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.isVisible() and dialog.child(QLineEdit, "backupFolder").text() == ""


def test_reminders_while_closed_is_one_click(bus: Any, qtbot: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from dealjournal.gui import agent

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    started: list[list[str]] = []
    monkeypatch.setattr(agent.subprocess, "Popen", lambda args, **kwargs: started.append(args))
    dialog = PreferencesDialog(bus)
    qtbot.addWidget(dialog)
    assert not dialog.agent.isChecked()  # off by default
    dialog.agent.setChecked(True)
    dialog.accept()
    entry = agent.autostart_path()
    assert entry.is_file() and f"--db {bus.path}" in entry.read_text(encoding="utf-8")
    assert started == [agent.agent_command(bus.path)]  # and it runs now, not only from the next login
    again = PreferencesDialog(bus)
    qtbot.addWidget(again)
    assert again.agent.isChecked()
    again.agent.setChecked(False)
    again.accept()
    assert not entry.exists()
