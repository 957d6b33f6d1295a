"""Edit ▸ Preferences: the journal's settings and the app's, on four tabs.

- Health: the health window and each stage's keep-in-touch cadence (journal settings,
  changed through :func:`dealjournal.gui.commands.update_settings`, so Edit ▸ Undo puts them back);
- Reminders: follow-up notifications on/off, their time of day (app, QSettings), and
  whether the reminder agent notifies while the window is closed (an XDG autostart entry,
  :mod:`dealjournal.gui.agent`; Linux desktops);
- Backups: how many backups thinning keeps (journal, :func:`dealjournal.safety.backup.set_policy`);
- Appearance: system, light or dark theme (app, QSettings; applied at once) and the
  window's language (app, QSettings; applies from the next start).

OK applies everything and closes (stays open if the journal refused a change), Cancel
changes nothing, Restore Defaults resets the form only (and leaves the language as it is).
A journal setting is written only when it changed: new cadences make every contact's
health be worked out again.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from datetime import time

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QWidget,
)

from dealjournal.domain import DEFAULT_STAGE_CADENCE, DEFAULT_WINDOW_DAYS, STAGES
from dealjournal.errors import JournalError
from dealjournal.gui import agent, commands, i18n, messages, reminders, theme, uiprefs
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog
from dealjournal.safety import backup
from dealjournal.store import settings
from dealjournal.store.db import db

log = logging.getLogger(__name__)


class PreferencesDialog(FormDialog):
    form_name = "preferences"

    def __init__(self, bus: JournalBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.tabs = self.child(QTabWidget, "tabs")
        self.window_days = self.child(QSpinBox, "windowDays")
        self.cadence = {stage: self.child(QSpinBox, f"cadence_{stage}") for stage in STAGES}
        self.notifications = self.child(QCheckBox, "notifications")
        self.notify_at = self.child(QTimeEdit, "notifyAt")
        self.keep = {"daily": self.child(QSpinBox, "keepDaily"), "weekly": self.child(QSpinBox, "keepWeekly"),
                     "monthly": self.child(QSpinBox, "keepMonthly")}
        for box in self.keep.values():
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("0000") + 40)
        self.theme_buttons = QButtonGroup(self)
        self.theme_radio: dict[str, QRadioButton] = {}
        for choice, name in (("system", "themeSystem"), ("light", "themeLight"), ("dark", "themeDark")):
            button = self.child(QRadioButton, name)
            self.theme_buttons.addButton(button)
            self.theme_radio[choice] = button
        self.language = self.child(QComboBox, "language")
        self.language.addItem(self.tr("System language"), "")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)  # each language by its own name: findable whatever the window speaks
        self.agent = self.child(QCheckBox, "agent")
        self.agent.setVisible(sys.platform.startswith("linux"))  # XDG autostart: Linux desktops
        self.agent.setChecked(agent.autostart_enabled())
        self._saved_agent = self.agent.isChecked()
        self.notifications.toggled.connect(self.notify_at.setEnabled)
        self.notifications.toggled.connect(self.agent.setEnabled)
        self.child(QLabel, "trayNote").setVisible(not reminders.tray_available())

        folder = self.child(QLineEdit, "backupFolder")  # read-only: a long path scrolls, and can be copied
        folder.setText(str(backup.backup_folder(bus.path)) if bus is not None else "")
        folder.setCursorPosition(0)
        folder.setToolTip(folder.text())

        self._saved_settings = settings.load()
        self._saved_policy = backup.policy()
        self._saved_prefs = uiprefs.load()
        self._show_journal(self._saved_settings.window_days, self._saved_settings.stage_cadence_days,
                           self._saved_policy)
        self._show_prefs(self._saved_prefs)
        if self.buttons is not None:
            restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
            restore.clicked.connect(self.restore_defaults)
        self.resize(max(560, self.sizeHint().width()), max(440, self.sizeHint().height()))

    # --- the form -----------------------------------------------------------------------

    def _show_journal(self, window_days: int, cadences: dict[str, int], policy: backup.Policy) -> None:
        self.window_days.setValue(window_days)
        for stage, box in self.cadence.items():
            box.setValue(cadences[stage])
        for field, box in self.keep.items():
            box.setValue(getattr(policy, field))

    def _show_prefs(self, prefs: uiprefs.UiPrefs) -> None:
        self.notifications.setChecked(prefs.notifications)
        self.notify_at.setEnabled(prefs.notifications)
        self.agent.setEnabled(prefs.notifications)
        self.notify_at.setTime(QTime(prefs.notify_at.hour, prefs.notify_at.minute))
        self.theme_radio.get(prefs.theme, self.theme_radio["system"]).setChecked(True)
        index = self.language.findData(prefs.language)
        if index < 0:  # a language this version does not speak (stored by another one): keep it
            self.language.addItem(prefs.language, prefs.language)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)

    def chosen_language(self) -> str:
        """The language in the form: a code of :data:`dealjournal.gui.i18n.LANGUAGES`, "" for the system's."""
        data = self.language.currentData()
        return data if isinstance(data, str) else ""

    def restore_defaults(self) -> None:
        """Every field back to its default, except the language; nothing is stored until OK."""
        self._show_journal(DEFAULT_WINDOW_DAYS, DEFAULT_STAGE_CADENCE, backup.Policy())
        self._show_prefs(replace(uiprefs.UiPrefs(), language=self.chosen_language()))

    def values(self) -> tuple[int, dict[str, int]]:
        """The health window and the cadences in the form."""
        return self.window_days.value(), {stage: box.value() for stage, box in self.cadence.items()}

    def policy(self) -> backup.Policy:
        return backup.Policy(**{field: box.value() for field, box in self.keep.items()})

    def prefs(self) -> uiprefs.UiPrefs:
        chosen = next((c for c, b in self.theme_radio.items() if b.isChecked()), "system")
        at = self.notify_at.time()
        return replace(self._saved_prefs, notifications=self.notifications.isChecked(),
                       notify_at=time(at.hour(), at.minute()), theme=chosen, language=self.chosen_language())

    # --- applying -----------------------------------------------------------------------

    def apply(self) -> bool:
        """Store what changed; False (and a message shown) if the journal refused something."""
        window_days, cadences = self.values()
        saved = self._saved_settings
        if window_days != saved.window_days or cadences != saved.stage_cadence_days:
            if self.bus is None:
                raise RuntimeError("PreferencesDialog needs the bus to change journal settings")
            changed_window = window_days if window_days != saved.window_days else None
            changed_cadences = cadences if cadences != saved.stage_cadence_days else None
            if not commands.update_settings(self.bus, self, window_days=changed_window,
                                            stage_cadence_days=changed_cadences):
                self.tabs.setCurrentIndex(0)
                return False
            self._saved_settings = settings.load()
        policy = self.policy()
        if policy != self._saved_policy:
            try:
                backup.set_policy(policy)
            except JournalError as exc:
                messages.show_error(self, i18n.say_error(exc))
                return False
            self._saved_policy = policy
            log.info("Backup retention changed")
        if not self._apply_agent():
            return False
        prefs = self.prefs()
        if prefs != self._saved_prefs:
            uiprefs.save(prefs)
            if prefs.theme != self._saved_prefs.theme:
                app = QApplication.instance()
                if isinstance(app, QApplication):
                    theme.apply_theme(app, prefs.theme)
            self._saved_prefs = prefs
        return True

    def _apply_agent(self) -> bool:
        """Turn the reminder agent's autostart entry on or off (it starts or stops at once)."""
        wanted = self.agent.isChecked() and not self.agent.isHidden()
        if wanted == self._saved_agent or self.bus is None:
            return True
        try:
            agent.set_autostart(wanted, self.bus.path)
        except OSError as exc:
            messages.show_error(self, self.tr("The reminder helper could not be set up: {error}").format(
                error=exc.strerror or exc))
            return False
        self._saved_agent = wanted
        log.info("Reminder agent %s", "on" if wanted else "off")
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

    @classmethod
    def edit(cls, bus: JournalBus, parent: QWidget | None) -> bool:
        """Show the dialog; whether OK was chosen (and everything applied)."""
        if db.is_closed():
            messages.show_error(parent, QCoreApplication.translate(
                "PreferencesDialog", "Open a journal first: most preferences are kept in the journal."))
            return False
        return bool(cls(bus, parent).exec())
