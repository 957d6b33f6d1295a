"""Modal messages and questions, in one place so that tests can answer them.

Every text is shown as plain text: user data never becomes markup. Callers pass text in
the window's language; a core :class:`~dealjournal.phrases.Phrase` passed as it is gets
translated here too (:func:`dealjournal.gui.i18n.say`). The title is the application's
name, and the Cancel button is Qt's own (translated by Qt's translations).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dealjournal import APP_NAME
from dealjournal.gui import i18n


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str, detail: str = "") -> QMessageBox:
    box = QMessageBox(icon, APP_NAME, i18n.say(text), QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setInformativeText(i18n.say(detail))
    return box


def show_error(parent: QWidget | None, text: str) -> None:
    """A problem the user can act on."""
    box = _box(parent, QMessageBox.Icon.Warning, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_info(parent: QWidget | None, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Information, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def confirm(parent: QWidget | None, text: str, action: str, detail: str = "") -> bool:
    """Ask before something that changes a lot; *action* labels the button that goes ahead."""
    box = _box(parent, QMessageBox.Icon.Question, text, detail)
    go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go
