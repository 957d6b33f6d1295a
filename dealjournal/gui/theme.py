"""The window's look: the platform's own (``"system"``), or a light or dark Fusion theme.

``"system"`` gives the platform style and palette back, and lets the platform decide light
or dark (Qt 6.8+ ``QStyleHints.unsetColorScheme``). ``"light"`` and ``"dark"`` use the
Fusion style, which honours a palette on every platform, with a palette chosen for
readable contrast (every text colour at least 4.5:1 on its background, the WCAG AA
level; body text above 11:1) and links that stand out on both.
It is applied at start-up (from :mod:`dealjournal.gui.uiprefs`) and again, live, when the
choice changes in Preferences.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from dealjournal.gui.uiprefs import THEMES

log = logging.getLogger(__name__)

R = QPalette.ColorRole
G = QPalette.ColorGroup

# (role: active/inactive colour, disabled colour)
_LIGHT: dict[QPalette.ColorRole, tuple[str, str]] = {
    R.Window: ("#efefef", "#efefef"), R.WindowText: ("#1b1b1b", "#8a8a8a"),
    R.Base: ("#ffffff", "#f4f4f4"), R.AlternateBase: ("#f5f7fa", "#f5f5f5"),
    R.Text: ("#1b1b1b", "#8a8a8a"), R.PlaceholderText: ("#6b6b6b", "#9a9a9a"),
    R.Button: ("#e8e8e8", "#e8e8e8"), R.ButtonText: ("#1b1b1b", "#8a8a8a"),
    R.BrightText: ("#ffffff", "#ffffff"), R.ToolTipBase: ("#ffffdc", "#ffffdc"), R.ToolTipText: ("#1b1b1b", "#1b1b1b"),
    R.Highlight: ("#2f65ca", "#c8c8c8"), R.HighlightedText: ("#ffffff", "#6b6b6b"),
    R.Link: ("#1a56c4", "#7a8fb8"), R.LinkVisited: ("#6b3fb4", "#9a88b8"),
    R.Light: ("#ffffff", "#ffffff"), R.Midlight: ("#f3f3f3", "#f3f3f3"), R.Mid: ("#b8b8b8", "#b8b8b8"),
    R.Dark: ("#9f9f9f", "#9f9f9f"), R.Shadow: ("#767676", "#767676"),
}

_DARK: dict[QPalette.ColorRole, tuple[str, str]] = {
    R.Window: ("#2b2b2e", "#2b2b2e"), R.WindowText: ("#e8e8e8", "#7d7d80"),
    R.Base: ("#1e1e20", "#252527"), R.AlternateBase: ("#28282b", "#28282b"),
    R.Text: ("#e8e8e8", "#7d7d80"), R.PlaceholderText: ("#9d9da2", "#6d6d70"),
    R.Button: ("#3a3a3e", "#323235"), R.ButtonText: ("#e8e8e8", "#7d7d80"),
    R.BrightText: ("#ffffff", "#ffffff"), R.ToolTipBase: ("#3f3f44", "#3f3f44"), R.ToolTipText: ("#f0f0f0", "#f0f0f0"),
    R.Highlight: ("#2d66c0", "#4a4a4e"), R.HighlightedText: ("#ffffff", "#9d9da2"),
    R.Link: ("#7ab7ff", "#5d7896"), R.LinkVisited: ("#c39bff", "#86739f"),
    R.Light: ("#505055", "#505055"), R.Midlight: ("#434347", "#434347"), R.Mid: ("#2f2f32", "#2f2f32"),
    R.Dark: ("#1a1a1c", "#1a1a1c"), R.Shadow: ("#0d0d0e", "#0d0d0e"),
}

# The style the platform gave the application before we changed it, for "system".
_PLATFORM_STYLE = "_dealjournal_platform_style"


def palette(choice: str) -> QPalette:
    """The palette of the ``"light"`` or ``"dark"`` theme."""
    colours = _DARK if choice == "dark" else _LIGHT
    pal = QPalette()
    for role, (normal, disabled) in colours.items():
        for group in (G.Active, G.Inactive):
            pal.setColor(group, role, QColor(normal))
        pal.setColor(G.Disabled, role, QColor(disabled))
    return pal


def _set_color_scheme(app: QGuiApplication, scheme: Qt.ColorScheme | None) -> None:
    """Tell the platform light/dark (title bars, native dialogs); None hands the choice back to it."""
    hints = app.styleHints()
    if scheme is None:
        unset = getattr(hints, "unsetColorScheme", None)  # Qt 6.8+
        if unset is not None:
            unset()
            return
        scheme = Qt.ColorScheme.Unknown
    setter = getattr(hints, "setColorScheme", None)  # Qt 6.8+
    if setter is not None:
        setter(scheme)


def apply_theme(app: QApplication, choice: str) -> None:
    """Give *app* the look *choice* (one of :data:`~dealjournal.gui.uiprefs.THEMES`; unknown → system)."""
    if choice not in THEMES:
        log.warning("Unknown theme %r; using the system's", choice)
        choice = "system"
    if app.property(_PLATFORM_STYLE) is None:
        app.setProperty(_PLATFORM_STYLE, app.style().name())
    if choice == "system":
        _set_color_scheme(app, None)
        platform_style = str(app.property(_PLATFORM_STYLE))
        if app.style().name().lower() != platform_style.lower():
            app.setStyle(platform_style)
        app.setPalette(QPalette())  # an empty palette: back to the platform's
    else:
        _set_color_scheme(app, Qt.ColorScheme.Dark if choice == "dark" else Qt.ColorScheme.Light)
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        app.setPalette(palette(choice))
    log.info("Theme: %s", choice)


def current_is_dark(app: QApplication) -> bool:
    """Whether the window background is dark now (for code that picks its own colours)."""
    return app.palette().color(R.Window).lightness() < 128


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21; 4.5 is enough for body text)."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Text/background pairs the themes must keep readable (tests check them for both palettes).
READABLE_PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (R.WindowText, R.Window), (R.Text, R.Base), (R.Text, R.AlternateBase), (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight), (R.ToolTipText, R.ToolTipBase), (R.Link, R.Base), (R.LinkVisited, R.Base),
    (R.Link, R.Window), (R.PlaceholderText, R.Base),
)
