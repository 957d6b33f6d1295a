"""Preferences stored in the journal: the health window and each stage's keep-in-touch cadence."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QSpinBox, QWidget

from dealjournal import ops, settings
from dealjournal.domain import DEFAULT_STAGE_CADENCE, DEFAULT_WINDOW_DAYS, STAGES
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog


class PreferencesDialog(FormDialog):
    form_name = "preferences"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_days = self.child(QSpinBox, "windowDays")
        self.cadence = {stage: self.child(QSpinBox, f"cadence_{stage}") for stage in STAGES}
        current = settings.load()
        self._show(current.window_days, current.stage_cadence_days)
        if self.buttons is not None:
            restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
            restore.clicked.connect(lambda: self._show(DEFAULT_WINDOW_DAYS, DEFAULT_STAGE_CADENCE))

    def _show(self, window_days: int, cadences: dict[str, int]) -> None:
        self.window_days.setValue(window_days)
        for stage, box in self.cadence.items():
            box.setValue(cadences[stage])

    def values(self) -> tuple[int, dict[str, int]]:
        return self.window_days.value(), {stage: box.value() for stage, box in self.cadence.items()}

    @classmethod
    def edit(cls, bus: JournalBus, parent: QWidget | None) -> bool:
        dialog = cls(parent)
        if not dialog.exec():
            return False
        window_days, cadences = dialog.values()
        return bus.attempt(parent, ops.update_settings, window_days=window_days, stage_cadence_days=cadences) is not None
