"""The window's one way to change the journal: run an operation, tell every view what changed.

Pages never write to the database themselves. They call :meth:`JournalBus.run` (or push an
undoable command from :mod:`dealjournal.gui.commands`), and listen to :attr:`changed` to
refresh what the :class:`~dealjournal.ops.OpChanges` concerns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from dealjournal import domain
from dealjournal.errors import JournalError
from dealjournal.gui import i18n, messages
from dealjournal.health import state as health_state
from dealjournal.ops import OpChanges

log = logging.getLogger(__name__)


class JournalBus(QObject):
    """The open journal as the window sees it."""

    changed = Signal(object)  # OpChanges
    reloaded = Signal()  # a different journal was opened, or everything changed (import)
    open_contact = Signal(int)  # ask the window to show a contact's page
    status = Signal(str)  # a short message for the status bar

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.undo_stack = QUndoStack(self)
        # False between the main window's creation and its first paint: pages wait for it
        # before reading the journal, so the window appears at once whatever its size.
        self.painted = True

    def today(self) -> date:
        return domain.today()

    def run(self, op: Callable[..., OpChanges], *args: Any, **kwargs: Any) -> OpChanges:
        """Run an operation and announce its changes; JournalError propagates."""
        changes = op(*args, **kwargs)
        self.announce(changes)
        return changes

    def announce(self, changes: OpChanges) -> None:
        """Bring the cached health state up to date for what changed, then tell every view."""
        # A change of the contacts alone (a tag given to 10,000 of them) leaves their health as it is.
        if changes.contact_ids and (changes.touches or changes.channels):
            health_state.update_for(changes.contact_ids)
        self.changed.emit(changes)

    def attempt(self, parent: QWidget | None, op: Callable[..., OpChanges], *args: Any,
                **kwargs: Any) -> OpChanges | None:
        """Like :meth:`run`, but a JournalError is shown to the user (translated) and gives None."""
        try:
            return self.run(op, *args, **kwargs)
        except JournalError as exc:
            messages.show_error(parent, i18n.say_error(exc))
            return None

    def reset(self, path: Path | None = None) -> None:
        """After opening another journal or a bulk change: every view reloads."""
        if path is not None:
            self.path = path
        self.undo_stack.clear()
        self.reloaded.emit()

