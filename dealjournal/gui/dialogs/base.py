"""A dialog whose body is a Designer form from ``ui/``."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from dealjournal.gui.forms import load_form

W = TypeVar("W", bound=QWidget)


class FormDialog(QDialog):
    """Loads ``ui/<form>.ui`` into itself; its QDialogButtonBox named ``buttons`` accepts/rejects."""

    form_name = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = load_form(self.form_name, self)
        self.setWindowTitle(self.form.windowTitle())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        buttons = self.form.findChild(QDialogButtonBox, "buttons")
        if buttons is not None:
            buttons.accepted.connect(self.accept)
            buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def child(self, kind: type[W], name: str) -> W:
        """The form's widget *name*, which must exist."""
        found = self.form.findChild(kind, name)
        if found is None:
            raise LookupError(f"{self.form_name}.ui has no {kind.__name__} named {name}")
        return found
