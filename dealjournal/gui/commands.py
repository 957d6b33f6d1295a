"""Undoable changes: each runs its operation once, then sits on the undo stack.

A command is pushed only after its operation succeeded, so a refused change never reaches
the stack. Undo and redo go through the bus like any other change, so every view refreshes.
A command's text (shown in Edit ▸ Undo …) is in the window's language when it is made.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from dealjournal import ops
from dealjournal.errors import JournalError
from dealjournal.gui import i18n, labels, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.ops import OpChanges
from dealjournal.store.models import Share

log = logging.getLogger(__name__)


class _Done(QUndoCommand):
    """A change already made; undo and redo replay it through the bus."""

    def __init__(self, bus: JournalBus, text: str, undo: Callable[[], OpChanges],
                 redo: Callable[[], OpChanges]) -> None:
        super().__init__(text)
        self._bus, self._undo, self._redo, self._first = bus, undo, redo, True

    def _replay(self, fn: Callable[[], OpChanges]) -> None:
        try:
            result = fn()
            self._bus.announce(result)
        except JournalError as exc:
            self.setObsolete(True)
            messages.show_error(None, i18n.say_error(exc))

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._replay(self._redo)

    def undo(self) -> None:
        self._replay(self._undo)


def _push(bus: JournalBus, text: str, undo: Callable[[], Any], redo: Callable[[], Any]) -> None:
    bus.undo_stack.push(_Done(bus, text, undo, redo))


def archive_contact(bus: JournalBus, parent: QWidget | None, contact_id: int, archived: bool = True) -> bool:
    name = ops.get_contact(contact_id).name
    if bus.attempt(parent, ops.archive_contact, contact_id, archived) is None:
        return False
    text = (QCoreApplication.translate("commands", "Archive {name}") if archived
            else QCoreApplication.translate("commands", "Unarchive {name}"))
    _push(bus, text.format(name=name),
          lambda: ops.archive_contact(contact_id, not archived), lambda: ops.archive_contact(contact_id, archived))
    return True


def delete_contact(bus: JournalBus, parent: QWidget | None, contact_id: int) -> bool:
    snap = ops.capture_contact(contact_id)
    name = ops.get_contact(contact_id).name
    if bus.attempt(parent, ops.delete_contact, contact_id) is None:
        return False
    _push(bus, QCoreApplication.translate("commands", "Delete {name}").format(name=name), lambda: ops.restore(snap), lambda: ops.delete_contact(contact_id))
    return True


def _undo_rows(table: str, ids: list[int], delete: Callable[[int], OpChanges]) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """Undo/redo for rows that were just created: undo deletes them (keeping a snapshot), redo restores it."""
    snaps: list[ops.Snapshot] = []

    def undo() -> OpChanges:
        snaps[:] = [ops.capture_row(table, i) for i in ids]
        changes = OpChanges()
        for i in ids:
            changes = delete(i)
        return changes

    def redo() -> OpChanges:
        changes = OpChanges()
        for snap in snaps:
            changes = ops.restore(snap)
        return changes

    return undo, redo


def log_interaction(bus: JournalBus, parent: QWidget | None, contact_id: int, **fields: Any) -> int | None:
    changes = bus.attempt(parent, ops.log_interaction, contact_id, **fields)
    if changes is None or changes.id is None:
        return None
    undo, redo = _undo_rows("interaction", [changes.id], ops.delete_interaction)
    _push(bus, QCoreApplication.translate("commands", "Log interaction"), undo, redo)
    return changes.id


def record_share(bus: JournalBus, parent: QWidget | None, content_id: int, contact_ids: list[int],
                 **fields: Any) -> list[int]:
    changes = bus.attempt(parent, ops.record_share, content_id, contact_ids, **fields)
    if changes is None:
        return []
    undo, redo = _undo_rows("share", list(changes.ids), ops.delete_share)
    n = len(changes.ids)
    text = (QCoreApplication.translate("commands", "Share content") if n == 1
            else QCoreApplication.translate("commands", "Share content with {n} contacts").format(n=n))
    _push(bus, text, undo, redo)
    return list(changes.ids)


def set_share_response(bus: JournalBus, parent: QWidget | None, share_id: int, response: str,
                       responded_on: Any = None) -> bool:
    before = Share.get_by_id(share_id)
    old = (before.response, before.responded_on)
    if bus.attempt(parent, ops.set_share_response, share_id, response, responded_on) is None:
        return False
    _push(bus, QCoreApplication.translate("commands", "Change share response"), lambda: ops.set_share_response(share_id, *old),
          lambda: ops.set_share_response(share_id, response, responded_on))
    return True


def set_stage(bus: JournalBus, parent: QWidget | None, contact_id: int, stage: str, on: Any = None) -> bool:
    changes = bus.attempt(parent, ops.set_stage, contact_id, stage, on=on)
    if changes is None or not changes.stages or changes.id is None:
        return False
    latest: dict[str, int] = {"id": changes.id}

    def undo() -> OpChanges:
        return ops.revert_stage_change(latest["id"])

    def redo() -> OpChanges:
        result = ops.set_stage(contact_id, stage, on=on)
        if result.id is not None:
            latest["id"] = result.id
        return result

    #: Edit ▸ Undo text after changing a contact's stage ("Move to Customer")
    _push(bus, QCoreApplication.translate("commands", "Move to {stage}").format(stage=labels.stage(stage)),
          undo, redo)
    return True
