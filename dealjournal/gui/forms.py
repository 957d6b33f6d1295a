"""Load the Designer forms (``ui/*.ui``) and icons (``resources/icons``) shipped in the package."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QIcon
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget


def form_bytes(name: str) -> bytes:
    return (resources.files("dealjournal._ui") / f"{name}.ui").read_bytes()


def load_form(name: str, parent: QWidget) -> QWidget:
    """Build the form ``ui/<name>.ui`` as a child of *parent* and return its root widget."""
    buffer = QBuffer()
    buffer.setData(QByteArray(form_bytes(name)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    form = QUiLoader().load(buffer, parent)
    if form is None:
        raise RuntimeError(f"The form {name}.ui could not be loaded")
    return form


@cache
def icon(name: str) -> QIcon:
    """The SVG icon ``resources/icons/<name>.svg`` (an empty icon if it is missing)."""
    path = resources.files("dealjournal._resources") / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
