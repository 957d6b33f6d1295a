"""Icons are readable on the light and the dark theme: WCAG contrast of at least 4.5:1 against the window colour.

How an icon's ink is measured (:func:`ink_contrast`): the icon is drawn the way the toolbar,
the sidebar and buttons draw it (``QIcon.pixmap`` in its mode, at the size the window uses)
onto a transparent QImage. Every pixel with alpha >= 0.5 is ink; each ink pixel's own colour
(un-premultiplied, so an anti-aliased edge keeps the colour of its stroke and only its alpha
falls) is compared with the background, and the icon's figure is the **lowest** contrast of any
ink pixel. That is stricter than an average or a percentile: a monochrome icon scores exactly
its ink colour, and a small coloured accent (a status dot) cannot hide in an average of the
rest. Pixels below alpha 0.5 are the faint rim of anti-aliasing and are left out.

The palettes are set as Preferences ▸ Appearance does (:func:`dealjournal.gui.theme.apply_theme`).
Checked: every SVG in resources/icons but the full-colour app logo (so a new icon is checked
before anything uses it), and every icon the main window shows (toolbar, menus, sidebar,
buttons, the search field), which also covers icons made outside resources/icons.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QStyle, QToolBar, QToolButton

from dealjournal.gui import forms, theme

MINIMUM = 4.5  # WCAG 2 AA for body text (the level; WCAG itself asks 3:1 of icons)
APP_LOGO = "dealjournal"  # the application and window icon, a full-colour logo: drawn in its own colours
R = QPalette.ColorRole
ICON_DIR = resources.files("dealjournal._resources") / "icons"
ICON_NAMES = sorted(p.name[:-4] for p in ICON_DIR.iterdir() if p.name.endswith(".svg") and p.name[:-4] != APP_LOGO)
THEMES = ("light", "dark")


def ink_contrast(icon: QIcon, size: QSize, background: QColor, mode: QIcon.Mode = QIcon.Mode.Normal) -> float:
    """The lowest WCAG contrast of the icon's ink pixels (alpha >= 0.5) against *background*."""
    image = icon.pixmap(size, 1.0, mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    assert not image.isNull(), "the icon draws nothing"
    lowest: float | None = None
    seen: dict[int, float] = {}
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixel(x, y)
            if (pixel >> 24) < 128:
                continue
            rgb = pixel & 0xFFFFFF
            if rgb not in seen:
                seen[rgb] = theme.contrast(QColor(rgb), background)
            lowest = seen[rgb] if lowest is None else min(lowest, seen[rgb])
    assert lowest is not None, "the icon has no opaque pixels"
    return lowest


@pytest.fixture(params=THEMES)
def themed(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The app in the light or the dark theme (the system's again afterwards)."""
    theme.apply_theme(qapp, request.param)
    yield request.param
    theme.apply_theme(qapp, "system")


def window_sizes(window: Any) -> list[QSize]:
    """The icon sizes the window draws: its toolbar's, its sidebar's and the style's small size (buttons, menus)."""
    small = window.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    sizes = [window.findChild(QToolBar, "mainToolbar").iconSize(), window.nav.iconSize(), QSize(small, small)]
    return [QSize(w, h) for w, h in sorted({(s.width(), s.height()) for s in sizes})]


def window_icons(window: Any) -> dict[str, QIcon]:
    """Every icon of the main window, by where it is shown."""
    found: dict[str, QIcon] = {}
    toolbar = window.findChild(QToolBar, "mainToolbar")
    for action in [*toolbar.actions(), *window.act.all]:
        if not action.icon().isNull():
            found[f"action {action.text()!r}"] = action.icon()
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        found[f"sidebar {item.text()!r}"] = item.icon()
    for button in window.findChildren(QAbstractButton):
        # Qt's own buttons (the toolbar's overflow arrow, a tab bar's scroll arrows) carry the style's icons.
        if not button.icon().isNull() and not button.objectName().startswith("qt_") and \
                not (isinstance(button, QToolButton) and button.defaultAction() is not None):
            found[f"button {button.text()!r}"] = button.icon()
    for edit in window.findChildren(QLineEdit):
        for action in edit.actions():
            if not action.icon().isNull() and not action.objectName().startswith("_q_"):
                found[f"field {edit.accessibleName() or edit.placeholderText()!r}"] = action.icon()
    return found


def test_the_icons_are_found() -> None:
    assert {"back", "contacts", "today", "search", "fetch"} <= set(ICON_NAMES)


def test_every_icon_file_is_readable_on_the_window(themed: str, qapp: QApplication) -> None:
    window_colour = qapp.palette().color(R.Window)
    figures = {(name, size): ink_contrast(forms.icon(name), QSize(size, size), window_colour)
               for name in ICON_NAMES for size in (16, 20, 24)}
    low = {f"{name}@{size}px": round(ratio, 2) for (name, size), ratio in figures.items() if ratio < MINIMUM}
    assert low == {}, f"{themed} theme: icons below {MINIMUM}:1 on the window colour {window_colour.name()}"


def test_every_icon_of_the_window_is_readable(window: Any, themed: str, qapp: QApplication) -> None:
    icons = window_icons(window)
    assert len(icons) >= 12 and any(k.startswith("sidebar") for k in icons) and any("Fetch" in k for k in icons)
    palette = qapp.palette()
    low = {}
    for where, icon in icons.items():
        for size in window_sizes(window):
            ratio = ink_contrast(icon, size, palette.color(R.Window))
            if ratio < MINIMUM:
                low[f"{where}@{size.width()}px"] = round(ratio, 2)
    assert low == {}, f"{themed} theme: icons below {MINIMUM}:1 on the window colour {palette.color(R.Window).name()}"


def test_icons_are_readable_where_else_they_sit(themed: str, qapp: QApplication) -> None:
    """Also on the list and field background (the sidebar, the search field), on buttons, and
    in a selected sidebar row (the Selected mode, on the highlight colour)."""
    palette = qapp.palette()
    places = [("Base", R.Base, QIcon.Mode.Normal), ("Button", R.Button, QIcon.Mode.Normal),
              ("Highlight (selected)", R.Highlight, QIcon.Mode.Selected)]
    low = {}
    for name in ICON_NAMES:
        for label, role, mode in places:
            ratio = ink_contrast(forms.icon(name), QSize(20, 20), palette.color(role), mode)
            if ratio < MINIMUM:
                low[f"{name} on {label}"] = round(ratio, 2)
    assert low == {}, f"{themed} theme"


def test_the_app_logo_keeps_its_own_colours(qapp: QApplication) -> None:
    images = []
    for choice in THEMES:
        theme.apply_theme(qapp, choice)
        images.append(forms.icon(APP_LOGO).pixmap(QSize(64, 64), 1.0).toImage())
    theme.apply_theme(qapp, "system")
    assert images[0] == images[1]
    colours = {images[0].pixelColor(x, y).name() for x in range(0, 64, 4) for y in range(0, 64, 4)
               if images[0].pixelColor(x, y).alpha() == 255}
    assert {"#2f5d8a", "#f4f1ea"} <= colours  # the blue tile and the paper, as drawn


def test_an_icon_follows_a_live_theme_change(qapp: QApplication) -> None:
    """The same QIcon (as a toolbar button holds it) draws light ink on dark and dark ink on light."""
    icon = forms.icon("contacts")
    lightness = {}
    for choice in THEMES:
        theme.apply_theme(qapp, choice)
        image = icon.pixmap(QSize(24, 24), 1.0).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        inks = [image.pixelColor(x, y) for x in range(24) for y in range(24) if image.pixelColor(x, y).alpha() == 255]
        lightness[choice] = sum(c.lightness() for c in inks) / len(inks)
    theme.apply_theme(qapp, "system")
    assert lightness["light"] < 64 and lightness["dark"] > 192


def test_the_shown_toolbar_repaints_in_the_new_colours(window: Any, qapp: QApplication, qtbot: Any) -> None:
    """Switching the theme with the window open: the toolbar's icons are drawn anew, readable."""
    toolbar = window.findChild(QToolBar, "mainToolbar")
    button = toolbar.widgetForAction(window.act.new_contact)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # only the icon in the picture
    try:
        for choice in ("light", "dark", "light"):
            theme.apply_theme(qapp, choice)
            qtbot.wait(10)
            image = button.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
            background = qapp.palette().color(R.Window)
            best = max(theme.contrast(image.pixelColor(x, y), background)
                       for x in range(image.width()) for y in range(image.height()))
            assert best >= MINIMUM, f"{choice}: the drawn toolbar icon reaches only {best:.2f}:1"
    finally:
        theme.apply_theme(qapp, "system")


@pytest.mark.parametrize("svg", [
    # a new icon drawn in a fixed dark colour instead of currentColor
    ('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" '
     'stroke="#333333" stroke-width="2"><path d="M4 4h16v16H4z"/></svg>'),
    # a palette-following icon with a small dark accent (a status dot)
    ('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" '
     'stroke="currentColor" stroke-width="2"><path d="M4 4h16v16H4z"/><circle cx="12" cy="12" r="2" '
     'fill="#5a2a2a" stroke="none"/></svg>'),
], ids=["hard-coded-dark", "dark-accent"])
def test_the_check_catches_hard_coded_dark_colours(svg: str, tmp_path: Path, qapp: QApplication) -> None:
    """What the checks above would say of such an icon in resources/icons: too dark on the dark theme."""
    path = tmp_path / "new.svg"
    path.write_text(svg, encoding="utf-8")
    theme.apply_theme(qapp, "dark")
    try:
        ratio = ink_contrast(forms.load_icon(path), QSize(24, 24), qapp.palette().color(R.Window))
    finally:
        theme.apply_theme(qapp, "system")
    assert ratio < MINIMUM
