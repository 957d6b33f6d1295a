"""A dialog whose body is a Designer form from ``ui/``, and combo boxes over the domain's codes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from dealjournal.gui import labels
from dealjournal.gui.forms import load_form

W = TypeVar("W", bound=QWidget)


def fill_codes(combo: QComboBox, codes: Iterable[str], names: dict[str, str]) -> None:
    """Offer *codes* in *combo*: each shown by its label from *names* (a :mod:`~dealjournal.gui.labels`
    table, in the window's language), the code kept as the item's data."""
    combo.clear()
    for code in codes:
        combo.addItem(labels.label(names, code), code)


def select_code(combo: QComboBox, code: str) -> None:
    """Make *code* the current item; a code the combo does not offer is added (shown as it is)
    rather than lost."""
    index = combo.findData(code)
    if index < 0:
        combo.addItem(code, code)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


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
