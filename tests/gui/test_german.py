"""The window in German: every text a user sees on every page is translated.

The check compares what the widgets show with the English sources of the German
translation file: a text that is an English source (or fits one's template, such as
"{n} days overdue") whose German differs means a string was shown without going through
the translation. Brand names and words that are the same in both languages pass.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from dealjournal.gui import i18n

GERMAN = Path(__file__).resolve().parents[2] / "resources" / "translations" / "dealjournal_de.ts"


def _without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _english_sources() -> tuple[set[str], list[tuple[re.Pattern[str], int]]]:
    """The English texts whose German differs: exact ones, and templates as patterns (with
    the length of their own words)."""
    exact: set[str] = set()
    patterns: list[tuple[re.Pattern[str], int]] = []
    for msg in ET.parse(GERMAN).getroot().iter("message"):
        plain = _without_mnemonic(msg.findtext("source", ""))
        if plain == _without_mnemonic(msg.findtext("translation", "")):
            continue
        parts = re.split(r"\{[^{}]*\}", plain)
        if len(parts) == 1:
            exact.add(plain.strip())
        elif any(len(p.strip()) >= 4 for p in parts):  # a template with words of its own
            patterns.append((re.compile(".+?".join(re.escape(p) for p in parts) + r"\Z", re.DOTALL),
                             len("".join(parts).strip())))
    return exact, patterns


def _model_texts(model: QAbstractItemModel | None, rows: int = 30) -> Iterator[str]:
    if model is None:
        return
    root = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
    for row in range(min(model.rowCount(root), rows)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for what *root* shows: titles, labels, buttons, menus, tables, tooltips."""
    yield "window title", root.windowTitle()
    if isinstance(root, QMainWindow):
        menus = [a.menu() for a in root.menuBar().actions() if a.menu() is not None]
        while menus:
            menu = menus.pop()
            assert isinstance(menu, QMenu)
            yield "menu", menu.title()
            for action in menu.actions():
                if action.menu() is not None:
                    menus.append(action.menu())
                yield "menu item", action.text()
                yield "status tip", action.statusTip()
        yield "status bar", root.statusBar().currentMessage()
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        name = f"{type(widget).__name__} {widget.objectName()}"
        yield name + " tooltip", widget.toolTip()
        for action in widget.actions():
            yield name + " action", action.text()
            yield name + " action tip", action.toolTip()
        if isinstance(widget, QLabel):
            yield name, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit):
            yield name + " placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield name + " item", widget.itemText(i)
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield name + " tab", widget.tabText(i)
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):  # headers: below
            for text in _model_texts(widget.model()):
                yield name + " cell", text


def untranslated(root: QWidget) -> list[str]:
    exact, patterns = _english_sources()
    found = set()
    for where, text in visible_texts(root):
        for line in _without_mnemonic(text).splitlines():
            line = line.strip().lstrip("•·").strip()
            if len(line) < 2:
                continue
            # A template's match counts when its own words make up much of the text: "12 days
            # overdue" is the English "{n} days overdue", "Onboarding in 30 days" is user data.
            if line in exact or any(p.match(line) and words >= 0.4 * len(line) for p, words in patterns):
                found.add(f"{where}: {line!r}")
    return sorted(found)


@pytest.fixture
def german(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    assert i18n.install("de", qapp) == "de"
    yield
    i18n.install("en", qapp)


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Path]:
    from dealjournal.domain import today
    from dealjournal.health import state as health_state
    from dealjournal.ops.sample import write_demo
    from dealjournal.store import close_journal, open_journal

    path = tmp_path / "sample.sqlite3"
    write_demo(path)
    open_journal(path)
    health_state.rebuild(today())
    yield path
    close_journal()


def test_german_is_chosen_from_the_preference_or_the_system_locale() -> None:
    from PySide6.QtCore import QLocale

    assert i18n.resolve("de") == "de"
    assert i18n.resolve("", QLocale("de_AT")) == "de"
    assert i18n.resolve("", QLocale("fr_FR")) == "en"
    assert i18n.resolve("xx") in i18n.LANGUAGES


def test_installing_german_translates_the_window_and_qt_itself(german: None) -> None:
    assert QCoreApplication.translate("labels", "Opportunity") == "Chance"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def test_every_page_of_the_main_window_is_german(german: None, sample: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dealjournal.gui.bus import JournalBus
    from dealjournal.gui.mainwindow import NAV_PAGES, MainWindow
    from dealjournal.store.db import db

    window = MainWindow(JournalBus(sample))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.started and not window.keeper.busy and not window.integrity.busy, timeout=15_000)
    problems = []
    for cls in NAV_PAGES:
        window.show_page(cls)
        qtbot.wait(50)
        problems += [f"{cls.__name__}: {p}" for p in untranslated(window)]
    busiest = db.connection().execute(
        "SELECT contact_id FROM health_state ORDER BY severity DESC, contact_id LIMIT 1").fetchone()[0]
    window.show_contact(busiest)
    qtbot.wait(50)
    problems += [f"contact page: {p}" for p in untranslated(window)]
    window.close()
    assert not problems, f"{len(problems)} English texts in the German window:\n" + "\n".join(problems)


def test_the_check_would_see_an_english_text(german: None, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The check itself: labels set without translation are found, their German is not."""
    exact, patterns = _english_sources()
    assert exact and patterns
    english = max((text for text in exact if "\n" not in text), key=len)
    box = QWidget()
    qtbot.addWidget(box)
    QLabel(english, box)
    QLabel(QCoreApplication.translate("labels", "Opportunity"), box)
    box.show()
    assert untranslated(box) == [f"QLabel : {english!r}"]


def test_core_sentences_come_out_german_with_german_numbers(german: None) -> None:
    from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

    summary = Phrase(QT_TRANSLATE_NOOP("core", "{new:,} new, {merged:,} merged, {skipped:,} skipped"),
                     new=1234, merged=0, skipped=2)
    text = i18n.say(summary)
    assert "1.234" in text and "merged" not in text
    joined = i18n.say(Phrase.joined([summary, Phrase.verbatim("Grace <b>Hopper</b>")]))
    assert joined.startswith(text) and joined.endswith("; Grace <b>Hopper</b>")


def test_every_dialog_is_german(german: None, sample: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dealjournal.gui.bus import JournalBus
    from dealjournal.gui.dialogs.about import AboutDialog, ShortcutsDialog
    from dealjournal.gui.dialogs.backups import BackupsDialog
    from dealjournal.gui.dialogs.contact_edit import ContactDialog
    from dealjournal.gui.dialogs.content_edit import ContentDialog
    from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog
    from dealjournal.gui.dialogs.preferences import PreferencesDialog
    from dealjournal.gui.dialogs.share import ShareDialog
    from dealjournal.gui.mainwindow import MainWindow

    bus = JournalBus(sample)
    window = MainWindow(bus)
    qtbot.addWidget(window)
    makers = {
        "contact": lambda: ContactDialog(bus, window, contact_id=1),
        "log": lambda: LogInteractionDialog(bus, window, contact_id=1),
        "share": lambda: ShareDialog(bus, window, content_id=1),
        "content": lambda: ContentDialog(bus, window),
        "preferences": lambda: PreferencesDialog(bus, window),
        "backups": lambda: BackupsDialog(bus, window),
        "about": lambda: AboutDialog(sample, window),
        "shortcuts": lambda: ShortcutsDialog(window.act.shortcut_rows(), window),
    }
    problems = []
    for name, make in makers.items():
        dialog = make()
        dialog.show()
        if isinstance(dialog.findChild(QTabWidget), QTabWidget):  # every tab of the preferences
            tabs = dialog.findChild(QTabWidget)
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                problems += [f"{name} tab {i}: {p}" for p in untranslated(dialog)]
        problems += [f"{name}: {p}" for p in untranslated(dialog)]
        dialog.close()
    assert not problems, f"{len(problems)} English texts in German dialogs:\n" + "\n".join(sorted(set(problems)))


def test_the_shortcuts_list_names_the_german_mnemonics_of_the_log_dialog(german: None) -> None:
    """The direction buttons' Alt keys follow the translated form ("Aus&gehend" → Alt+G)."""
    from dealjournal.gui.actions import Actions

    keys = Actions._log_direction_keys().replace("Strg", "Ctrl").split(" / ")
    assert len(keys) == 4 and len(set(keys)) == 4
    assert keys != ["Alt+O", "Alt+I", "Alt+M", "Alt+N"]


def test_the_language_chosen_in_the_preferences_applies_at_start(qapp) -> None:  # type: ignore[no-untyped-def]
    from dealjournal.gui import uiprefs
    from dealjournal.gui.app import apply_preferences

    uiprefs.save(uiprefs.UiPrefs(language="de"))
    try:
        apply_preferences(qapp)
        assert QCoreApplication.translate("labels", "Opportunity") == "Chance"
    finally:
        uiprefs.clear()
        i18n.install("en", qapp)
    assert QCoreApplication.translate("labels", "Opportunity") == "Opportunity"
