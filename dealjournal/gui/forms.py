"""Load the Designer forms (``ui/*.ui``) and icons (``resources/icons``) shipped in the package.

The toolbar and sidebar icons are monochrome SVGs drawn in ``currentColor``; :func:`icon`
draws them in the application palette's text colour at the moment they are painted, so they
stay readable on the light, the dark and the system theme, and follow a theme change at once
(Qt repaints every widget on a palette change, and the icon picks the new colour then).
An SVG without ``currentColor`` (the full-colour app logo, ``dealjournal.svg``) is drawn in its
own colours. tests/gui/test_icon_contrast.py checks every icon against both palettes.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from importlib.abc import Traversable


def plain(label: QLabel, *, wrap: bool = True) -> QLabel:
    """*label* shows its text as plain text (user text never becomes markup), wrapped unless told."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


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


#: The placeholder colour of a monochrome icon, replaced by the palette's text colour.
INK = b"currentColor"


def ink_colour(mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    """The colour a monochrome icon is drawn in, in *mode*, on *palette* (the application's)."""
    pal = palette if palette is not None else QGuiApplication.palette()
    if mode == QIcon.Mode.Selected:  # a selected row of a list: on the Highlight colour
        return pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    if mode == QIcon.Mode.Disabled:
        return pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    return pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


class PaletteIconEngine(QIconEngine):
    """Draws a monochrome SVG with ``currentColor`` in the palette's colour of the moment."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderers: dict[int, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[int, int, int, int], QPixmap] = {}

    def _renderer(self, colour: QColor) -> QSvgRenderer:
        rgba = colour.rgba()
        renderer = self._renderers.get(rgba)
        if renderer is None:
            if len(self._renderers) > 8:  # colours of palettes no longer in use
                self._renderers.clear()
                self._pixmaps.clear()
            ink = colour.name(QColor.NameFormat.HexRgb).encode()
            renderer = QSvgRenderer(QByteArray(self._svg.replace(INK, ink)))
            self._renderers[rgba] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(ink_colour(mode)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        colour = ink_colour(mode)
        renderer = self._renderer(colour)  # first: it may empty the pixmap cache
        pixels = QSize(round(size.width() * scale), round(size.height() * scale))
        key = (pixels.width(), pixels.height(), round(scale * 100), colour.rgba())
        cached = self._pixmaps.get(key)
        if cached is None:
            cached = QPixmap(pixels)
            cached.fill(Qt.GlobalColor.transparent)
            if not pixels.isEmpty():
                painter = QPainter(cached)
                renderer.render(painter, QRectF(QRect(QPoint(0, 0), pixels)))
                painter.end()
            cached.setDevicePixelRatio(scale)
            self._pixmaps[key] = cached
        return cached

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def isNull(self) -> bool:
        return False

    def key(self) -> str:
        return "dealjournal-palette-svg"

    def clone(self) -> QIconEngine:
        return PaletteIconEngine(self._svg)


def load_icon(path: Traversable | Path) -> QIcon:
    """The icon of the SVG file *path*: in the palette's colour if it uses ``currentColor``
    (a monochrome toolbar or sidebar icon), else in its own colours (the full-colour app
    logo, handed to Qt's SVG icon engine as it is, sharp at every size)."""
    svg = path.read_bytes()
    return QIcon(PaletteIconEngine(svg)) if INK in svg else QIcon(str(path))


@cache
def icon(name: str) -> QIcon:
    """The SVG icon ``resources/icons/<name>.svg`` (an empty icon if it is missing); see :func:`load_icon`."""
    path = resources.files("dealjournal._resources") / "icons" / f"{name}.svg"
    return load_icon(path) if path.is_file() else QIcon()
