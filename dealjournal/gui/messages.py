"""Modal messages and questions, in one place so that tests can answer them.

Every text is shown as plain text: user data never becomes markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dealjournal import APP_NAME


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str, detail: str = "") -> QMessageBox:
    box = QMessageBox(icon, APP_NAME, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setInformativeText(detail)
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
