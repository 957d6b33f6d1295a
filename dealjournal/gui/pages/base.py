"""What every page has: a title, an icon, and a reload that waits until the page is seen."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from dealjournal.gui.bus import JournalBus
from dealjournal.ops import OpChanges


class Page(QWidget):
    """A page of the main window.

    Subclasses implement :meth:`reload` and may narrow :meth:`concerns` to the changes that
    affect them. A hidden page only notes that it is out of date and reloads when shown.
    """

    title = ""
    icon_name = ""

    def __init__(self, bus: JournalBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self._stale = True
        bus.changed.connect(self._on_changed)
        bus.reloaded.connect(self._on_reloaded)

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
