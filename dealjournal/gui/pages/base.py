"""What every page has: a title, an icon, and a reload that waits until the page is seen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from dealjournal.gui import i18n
from dealjournal.gui.bus import JournalBus
from dealjournal.ops import OpChanges


def empty_state() -> QLabel:
    """The centred, wrapped, plain-text line a list page shows instead of an empty table (hidden)."""
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()
    return label


class Page(QWidget):
    """A page of the main window.

    Subclasses implement :meth:`reload` and may narrow :meth:`concerns` to the changes that
    affect them. A hidden page only notes that it is out of date and reloads when shown.

    :attr:`title` and the words of :attr:`shortcut_help` are English, marked for translation
    in the context of the class that sets them (``title = QT_TRANSLATE_NOOP("JournalPage",
    "Journal")``); :meth:`display_title` and :meth:`shortcut_texts` give them in the window's
    language.
    """

    title = ""
    icon_name = ""
    # (what it does, keys) for the keyboard shortcuts help; only "what" is translated.
    shortcut_help: tuple[tuple[str, str], ...] = ()

    def __init__(self, bus: JournalBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self._stale = True
        bus.changed.connect(self._on_changed)
        bus.reloaded.connect(self._on_reloaded)

    @classmethod
    def display_title(cls) -> str:
        """The page's name in the window's language (navigation, menus, shortcuts help)."""
        return QCoreApplication.translate(i18n.owner_context(cls, "title"), cls.title) if cls.title else ""

    @classmethod
    def shortcut_texts(cls) -> tuple[tuple[str, str], ...]:
        """:attr:`shortcut_help` with its words in the window's language."""
        context = i18n.owner_context(cls, "shortcut_help")
        return tuple((QCoreApplication.translate(context, what), keys) for what, keys in cls.shortcut_help)

    def concerns(self, changes: OpChanges) -> bool:
        """Whether *changes* can alter what this page shows (default: anything)."""
        return True

    def reload(self) -> None:
        """Read what the page shows from the journal again."""

    def refresh_if_needed(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()

    def _on_changed(self, changes: OpChanges) -> None:
        if self.concerns(changes):
            self._on_reloaded()

    def _on_reloaded(self) -> None:
        self._stale = True
        if self.isVisible() and self.bus.painted:
            self.refresh_if_needed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.bus.painted:
            self.refresh_if_needed()
