"""What a timeline or journal entry offers: open it in its form, mark it done, delete it.

The contact page's timeline and the Journal page show the same entries (interactions,
shares, reminders, stage changes); both act on them through these functions, so an entry
is edited and deleted the same way wherever it is seen. Every change is an undoable command
(:mod:`dealjournal.gui.commands`); a stage change is neither edited nor deleted here (the
contact's stage is moved on its page).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from dealjournal import ops
from dealjournal.gui import commands
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog
from dealjournal.gui.dialogs.reminder import ReminderDialog
from dealjournal.gui.dialogs.share import ShareEditDialog

EDITABLE = frozenset({"interaction", "share", "reminder"})
DONE_KEY = "D"  # as on Today: mark the follow-up or reminder done


@dataclass(frozen=True)
class Entry:
    """The entry acted on. ``done`` is whether its follow-up or reminder is done (None: it has none)."""

    source: str  # "interaction", "share", "reminder" or "stage"
    id: int
    contact_id: int
    done: bool | None = None


def _keys(shortcut: str | QKeySequence.StandardKey) -> str:
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def edit(bus: JournalBus, parent: QWidget | None, entry: Entry) -> bool:
    """Open *entry* in its form (an interaction in the log form, a share or reminder in theirs)."""
    if entry.source == "interaction":
        return LogInteractionDialog.edit(bus, parent, entry.id)
    if entry.source == "share":
        return ShareEditDialog.edit(bus, parent, entry.id)
    if entry.source == "reminder":
        return ReminderDialog.edit(bus, parent, entry.contact_id, entry.id)
    return False


def delete(bus: JournalBus, parent: QWidget | None, entry: Entry) -> bool:
    """Delete *entry* (undoable, so not asked first); the status bar says what and how to undo."""
    deletes = {"interaction": commands.delete_interaction, "share": commands.delete_share,
               "reminder": commands.delete_reminder}
    if entry.source not in deletes or not deletes[entry.source](bus, parent, entry.id):
        return False
    #: Status bar after deleting a timeline entry ("Delete call with Ada Byron (2026-12-03). Undo: Ctrl+Z")
    said = QCoreApplication.translate("entries", "{change}. Undo: {keys}")
    bus.status.emit(said.format(change=bus.undo_stack.undoText(), keys=_keys(QKeySequence.StandardKey.Undo)))
    return True


def set_done(bus: JournalBus, parent: QWidget | None, entry: Entry, done: bool) -> bool:
    """Mark the entry's follow-up (an interaction's) or the reminder done, or not done again."""
    if entry.done is None:
        return False
    kind = "reminder" if entry.source == "reminder" else "follow_up"
    return commands.mark_due_done(bus, parent, kind, entry.id, ops.get_contact(entry.contact_id).name, done)


def _with_key(text: str, key: str | QKeySequence.StandardKey) -> str:
    """A menu item's text showing the key that does the same in the list (the key is the list's)."""
    return f"{text}\t{_keys(key)}"


def add_actions(menu: QMenu, bus: JournalBus, parent: QWidget | None, entry: Entry) -> None:
    """Edit…, Mark Done (or Not Done) when there is something to do, and Delete, each with its key."""
    if entry.source not in EDITABLE:
        return
    menu.addAction(_with_key(QCoreApplication.translate("entries", "&Edit…"), "Return"),
                   lambda: edit(bus, parent, entry))
    if entry.done is not None:
        text = (QCoreApplication.translate("entries", "Mark &Not Done") if entry.done
                else QCoreApplication.translate("entries", "Mark &Done"))
        menu.addAction(_with_key(text, DONE_KEY), lambda: set_done(bus, parent, entry, not entry.done))
    menu.addAction(_with_key(QCoreApplication.translate("entries", "De&lete"), QKeySequence.StandardKey.Delete),
                   lambda: delete(bus, parent, entry))
