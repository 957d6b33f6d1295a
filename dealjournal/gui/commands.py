"""Undoable changes: each runs its operation once, then sits on the undo stack.

A command is pushed only after its operation succeeded, so a refused change never reaches
the stack. Undo and redo go through the bus like any other change, so every view refreshes.
A command's text (shown in Edit ▸ Undo …) is in the window's language when it is made, and
names what changed and for whom ("Delete call with Ada Byron (2026-12-03)"), so that Undo
says exactly what it will undo. Every change the window makes is either one of these
commands or clears the stack (see :mod:`dealjournal.gui.privacy_actions`), so an undo never
reaches past a later change that stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from dealjournal import ops
from dealjournal.errors import JournalError
from dealjournal.gui import i18n, labels, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.ops import OpChanges, bulk
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries import contact as contact_queries
from dealjournal.queries import library as library_queries
from dealjournal.store import settings
from dealjournal.store.models import Channel, Content, Goal, Interaction, Share, Snooze, StageChange

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


# --- what the undo texts call things -----------------------------------------------------

#: An interaction in an undo text, by kind; e-mails and messages say which way they went.
_ENTRY = {
    "email": QT_TRANSLATE_NOOP("commands", "e-mail with {name}"),
    "call": QT_TRANSLATE_NOOP("commands", "call with {name}"),
    "meeting": QT_TRANSLATE_NOOP("commands", "meeting with {name}"),
    "message": QT_TRANSLATE_NOOP("commands", "message with {name}"),
    "social": QT_TRANSLATE_NOOP("commands", "social touch with {name}"),
    "event": QT_TRANSLATE_NOOP("commands", "event with {name}"),
    "note": QT_TRANSLATE_NOOP("commands", "note about {name}"),
}
_ENTRY_OUT = {"email": QT_TRANSLATE_NOOP("commands", "e-mail to {name}"),
              "message": QT_TRANSLATE_NOOP("commands", "message to {name}")}
_ENTRY_IN = {"email": QT_TRANSLATE_NOOP("commands", "e-mail from {name}"),
             "message": QT_TRANSLATE_NOOP("commands", "message from {name}")}
SHORT_TITLE = 40  # characters of a title kept in an undo text


def entry_text(kind: str, direction: str, name: str) -> str:
    """An interaction as an undo text names it: "e-mail to Ada Byron", "call with Ada Byron"."""
    ways = _ENTRY_OUT if direction == "out" else _ENTRY_IN if direction == "in" else {}
    return QCoreApplication.translate("commands", ways.get(kind) or _ENTRY[kind]).format(name=name)


def _short(title: str) -> str:
    return title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1] + "…"


def _name(contact_id: int) -> str:
    return ops.get_contact(contact_id).name


def _interaction_text(template: str, row: Interaction) -> str:
    """*template* ("Edit {entry}", "Delete {entry} ({day})") filled in for the interaction *row*."""
    entry = entry_text(row.kind, row.direction, _name(row.contact_id))
    return QCoreApplication.translate("commands", template).format(entry=entry, day=row.day)


def _edit(bus: JournalBus, parent: QWidget | None, text: Callable[[], str], op: Callable[..., OpChanges],
          row_id: int, old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Run ``op(row_id, **new)``; undo runs it with *old* (the values before), redo with *new*.

    *text* is asked after the change, so that it names the row as it now is.
    """
    if bus.attempt(parent, op, row_id, **new) is None:
        return False
    _push(bus, text(), lambda: op(row_id, **old), lambda: op(row_id, **new))
    return True


def _delete(bus: JournalBus, parent: QWidget | None, text: str, row_id: int, op: Callable[[int], OpChanges],
            capture: Callable[[int], ops.Snapshot]) -> bool:
    """Delete a record with *op*; undo puts back what *capture* took just before (same ids, same values)."""
    snaps: list[ops.Snapshot] = []

    def delete() -> OpChanges:
        snaps.append(capture(row_id))
        return op(row_id)

    if bus.attempt(parent, delete) is None:
        return False
    _push(bus, text, lambda: ops.restore(snaps[0]), lambda: op(row_id))
    return True


# --- interactions ------------------------------------------------------------------------

def log_interaction(bus: JournalBus, parent: QWidget | None, contact_id: int, **fields: Any) -> int | None:
    changes = bus.attempt(parent, ops.log_interaction, contact_id, **fields)
    if changes is None or changes.id is None:
        return None
    undo, redo = _undo_rows("interaction", [changes.id], ops.delete_interaction)
    #: Edit ▸ Undo text after logging ("Log e-mail to Ada Byron")
    _push(bus, _interaction_text(QT_TRANSLATE_NOOP("commands", "Log {entry}"), Interaction.get_by_id(changes.id)),
          undo, redo)
    return changes.id


def edit_interaction(bus: JournalBus, parent: QWidget | None, interaction_id: int, **fields: Any) -> bool:
    """Change an interaction's fields (as :func:`dealjournal.ops.edit_interaction` takes them)."""
    before = Interaction.get_or_none(Interaction.id == interaction_id)
    if before is None:  # gone: the operation says so
        return bus.attempt(parent, ops.edit_interaction, interaction_id, **fields) is not None
    old = {key: getattr(before, key) for key in fields}
    #: Edit ▸ Undo text after editing an interaction ("Edit meeting with Ada Byron")
    template = QT_TRANSLATE_NOOP("commands", "Edit {entry}")
    return _edit(bus, parent, lambda: _interaction_text(template, Interaction.get_by_id(interaction_id)),
                 ops.edit_interaction, interaction_id, old, fields)


def delete_interaction(bus: JournalBus, parent: QWidget | None, interaction_id: int) -> bool:
    row = Interaction.get_or_none(Interaction.id == interaction_id)
    if row is None:  # gone: the operation says so
        return bus.attempt(parent, ops.delete_interaction, interaction_id) is not None
    #: Edit ▸ Undo text after deleting an interaction ("Delete call with Ada Byron (2026-12-03)")
    text = _interaction_text(QT_TRANSLATE_NOOP("commands", "Delete {entry} ({day})"), row)
    return _delete(bus, parent, text, interaction_id, ops.delete_interaction, partial(ops.capture_row, "interaction"))


def record_share(bus: JournalBus, parent: QWidget | None, content_id: int, contact_ids: list[int],
                 **fields: Any) -> list[int]:
    changes = bus.attempt(parent, ops.record_share, content_id, contact_ids, **fields)
    if changes is None:
        return []
    undo, redo = _undo_rows("share", list(changes.ids), ops.delete_share)
    n, title = len(changes.ids), _short(Content.get_by_id(content_id).title)
    #: Edit ▸ Undo text after sharing ("Share “Closing the books” with Ada Byron", "… with 3 contacts")
    text = (QCoreApplication.translate("commands", "Share “{title}” with {name}") if n == 1
            else QCoreApplication.translate("commands", "Share “{title}” with {n} contacts"))
    _push(bus, text.format(title=title, name=_name(contact_ids[0]) if n == 1 else "", n=n), undo, redo)
    return list(changes.ids)


def set_share_response(bus: JournalBus, parent: QWidget | None, share_id: int, response: str,
                       responded_on: Any = None) -> bool:
    before = Share.get_by_id(share_id)
    old = (before.response, before.responded_on)
    if bus.attempt(parent, ops.set_share_response, share_id, response, responded_on) is None:
        return False
    #: Edit ▸ Undo text ("Change share response (Ada Byron)")
    _push(bus, QCoreApplication.translate("commands", "Change share response ({name})").format(
        name=_name(before.contact_id)), lambda: ops.set_share_response(share_id, *old),
        lambda: ops.set_share_response(share_id, response, responded_on))
    return True


#: The share fields :func:`dealjournal.ops.edit_share` takes, and the column each is read from.
_SHARE_FIELDS = {"on": "on_day", "via": "via", "note": "note", "goal_id": "goal_id", "response": "response",
                 "responded_on": "responded_on"}


def _share_text(template: str, share_id: int) -> str:
    share = Share.get_by_id(share_id)
    return QCoreApplication.translate("commands", template).format(
        title=_short(Content.get_by_id(share.content_id).title), name=_name(share.contact_id), day=share.on_day)


def edit_share(bus: JournalBus, parent: QWidget | None, share_id: int, **fields: Any) -> bool:
    """Change a share's date (``on``), via, note, goal, response and response date in one step."""
    before = Share.get_or_none(Share.id == share_id)
    if before is None:  # gone: the operation says so
        return bus.attempt(parent, ops.edit_share, share_id, **fields) is not None
    old = {key: getattr(before, _SHARE_FIELDS[key]) for key in fields}
    #: Edit ▸ Undo text ("Edit share of “Closing the books” with Ada Byron")
    template = QT_TRANSLATE_NOOP("commands", "Edit share of “{title}” with {name}")
    return _edit(bus, parent, lambda: _share_text(template, share_id), ops.edit_share, share_id, old, fields)


def delete_share(bus: JournalBus, parent: QWidget | None, share_id: int) -> bool:
    if Share.get_or_none(Share.id == share_id) is None:  # gone: the operation says so
        return bus.attempt(parent, ops.delete_share, share_id) is not None
    #: Edit ▸ Undo text ("Delete share of “Closing the books” with Ada Byron (2026-12-03)")
    text = _share_text(QT_TRANSLATE_NOOP("commands", "Delete share of “{title}” with {name} ({day})"), share_id)
    return _delete(bus, parent, text, share_id, ops.delete_share, partial(ops.capture_row, "share"))


def set_stage(bus: JournalBus, parent: QWidget | None, contact_id: int, stage: str, on: Any = None) -> bool:
    changes = bus.attempt(parent, ops.set_stage, contact_id, stage, on=on)
    if changes is None or not changes.stages or changes.id is None:
        return False
    latest: dict[str, int] = {"id": changes.id}
    gid = StageChange.get_by_id(changes.id).gid  # redo writes the entry again under the same global id

    def undo() -> OpChanges:
        return ops.revert_stage_change(latest["id"])

    def redo() -> OpChanges:
        result = ops.set_stage(contact_id, stage, on=on, gid=gid)
        if result.id is not None:
            latest["id"] = result.id
        return result

    #: Edit ▸ Undo text after changing a contact's stage ("Move Ada Byron to Customer")
    _push(bus, QCoreApplication.translate("commands", "Move {name} to {stage}").format(
        name=_name(contact_id), stage=labels.stage(stage)), undo, redo)
    return True


def snooze(bus: JournalBus, parent: QWidget | None, contact_id: int, until: Any) -> bool:
    """Leave a contact out of Today until *until*; undo puts back the snooze it had (or none)."""
    before = Snooze.get_or_none(Snooze.contact == contact_id)
    old = (before.until_day, before.since) if before is not None else None
    changes = bus.attempt(parent, ops.snooze_contact, contact_id, until)
    if changes is None:
        return False
    day = Snooze.get(Snooze.contact == contact_id).until_day

    def undo() -> OpChanges:
        return ops.snooze_contact(contact_id, old[0], since=old[1]) if old else ops.unsnooze(contact_id)

    #: Edit ▸ Undo text after snoozing a contact on Today ("Snooze Ada Byron until 2026-12-10")
    _push(bus, QCoreApplication.translate("commands", "Snooze {name} until {day}").format(
        name=ops.get_contact(contact_id).name, day=day), undo, lambda: ops.snooze_contact(contact_id, day))
    return True


def mark_due_done(bus: JournalBus, parent: QWidget | None, kind: str, ref_id: int, name: str,
                  done: bool = True) -> bool:
    """Mark a follow-up (``kind`` "follow_up": an interaction's) or a reminder done, or with
    *done* False open again; undo puts back exactly what it was (a reminder's done day too)."""
    if kind == "reminder":
        old_day = ops.get_reminder(ref_id).done_on

        def mark(flag: bool) -> OpChanges:
            return ops.set_reminder_done(ref_id, flag)

        def undo() -> OpChanges:
            return ops.edit_reminder(ref_id, done_on=old_day)
        #: Edit ▸ Undo text ("Mark reminder for Ada Byron done", "Reopen reminder for Ada Byron")
        text = (QCoreApplication.translate("commands", "Mark reminder for {name} done") if done
                else QCoreApplication.translate("commands", "Reopen reminder for {name}"))
    else:
        old_done = Interaction.get_by_id(ref_id).follow_up_done

        def mark(flag: bool) -> OpChanges:
            return ops.set_follow_up_done(ref_id, flag)

        def undo() -> OpChanges:
            return ops.set_follow_up_done(ref_id, old_done)
        text = (QCoreApplication.translate("commands", "Mark follow-up with {name} done") if done
                else QCoreApplication.translate("commands", "Reopen follow-up with {name}"))
    if bus.attempt(parent, mark, done) is None:
        return False
    _push(bus, text.format(name=name), undo, lambda: mark(done))
    return True


def add_reminder(bus: JournalBus, parent: QWidget | None, contact_id: int, due_on: Any, text: str) -> int | None:
    changes = bus.attempt(parent, ops.add_reminder, contact_id, due_on, text)
    if changes is None or changes.id is None:
        return None
    undo, redo = _undo_rows("reminder", [changes.id], ops.delete_reminder)
    #: Edit ▸ Undo text ("Add reminder for Ada Byron")
    _push(bus, QCoreApplication.translate("commands", "Add reminder for {name}").format(
        name=ops.get_contact(contact_id).name), undo, redo)
    return changes.id


def delete_reminder(bus: JournalBus, parent: QWidget | None, reminder_id: int) -> bool:
    snap = ops.capture_row("reminder", reminder_id)
    name = ops.get_contact(ops.get_reminder(reminder_id).contact_id).name
    if bus.attempt(parent, ops.delete_reminder, reminder_id) is None:
        return False
    _push(bus, QCoreApplication.translate("commands", "Delete reminder for {name}").format(name=name),
          lambda: ops.restore(snap), lambda: ops.delete_reminder(reminder_id))
    return True


def edit_reminder(bus: JournalBus, parent: QWidget | None, reminder_id: int, **fields: Any) -> bool:
    before = ops.get_reminder(reminder_id)
    old = {key: getattr(before, key) for key in fields}
    if bus.attempt(parent, ops.edit_reminder, reminder_id, **fields) is None:
        return False
    name = ops.get_contact(before.contact_id).name
    _push(bus, QCoreApplication.translate("commands", "Edit reminder for {name}").format(name=name),
          lambda: ops.edit_reminder(reminder_id, **old), lambda: ops.edit_reminder(reminder_id, **fields))
    return True


# --- contacts, channels and goals --------------------------------------------------------

def _undo_created(row_id: int, capture: Callable[[int], ops.Snapshot],
                  delete: Callable[[int], OpChanges]) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """Undo/redo for a record just created whose removal takes more than its row (a contact,
    a library item): undo keeps everything that hangs on it by then, redo puts it all back."""
    snaps: list[ops.Snapshot] = []

    def undo() -> OpChanges:
        snaps[:] = [capture(row_id)]
        return delete(row_id)

    return undo, lambda: ops.restore(snaps[0])


def add_contact(bus: JournalBus, parent: QWidget | None, name: str, **fields: Any) -> int | None:
    """Create a contact (as :func:`dealjournal.ops.add_contact` takes it); its id, or None."""
    changes = bus.attempt(parent, ops.add_contact, name, **fields)
    if changes is None or changes.id is None:
        return None
    undo, redo = _undo_created(changes.id, ops.capture_contact, ops.delete_contact)
    #: Edit ▸ Undo text ("Add contact Ada Byron")
    _push(bus, QCoreApplication.translate("commands", "Add contact {name}").format(name=_name(changes.id)),
          undo, redo)
    return changes.id


def _contact_fields(d: contact_queries.ContactDetails) -> dict[str, Any]:
    """A contact's editable fields, as :func:`dealjournal.ops.edit_contact` takes them."""
    return {"name": d.name, "given_name": d.given_name, "family_name": d.family_name, "company": d.company,
            "title": d.title, "website": d.website, "location": d.location, "source": d.source, "notes": d.notes,
            "cadence_days": d.cadence_days, "buying_style": d.buying_style, "emails": d.emails, "phones": d.phones,
            "tags": d.tags}


def edit_contact(bus: JournalBus, parent: QWidget | None, contact_id: int, **fields: Any) -> bool:
    """Change a contact's details; undo puts back the fields that changed (an edit that changed
    nothing leaves nothing to undo). A change of tags alone is named as such."""
    before = contact_queries.contact_details(contact_id)
    if bus.attempt(parent, ops.edit_contact, contact_id, **fields) is None or before is None:
        return False
    after = contact_queries.contact_details(contact_id)
    assert after is not None
    old, new = _contact_fields(before), _contact_fields(after)
    changed = [key for key in fields if old[key] != new[key]]
    if changed:
        #: Edit ▸ Undo text ("Change tags of Ada Byron", "Edit contact Ada Byron")
        text = (QCoreApplication.translate("commands", "Change tags of {name}") if changed == ["tags"]
                else QCoreApplication.translate("commands", "Edit contact {name}"))
        _push(bus, text.format(name=after.name), lambda: ops.edit_contact(contact_id, **{k: old[k] for k in changed}),
              lambda: ops.edit_contact(contact_id, **{k: new[k] for k in changed}))
    return True


def _channel_text(template: str, channel_id: int) -> str:
    channel = Channel.get_by_id(channel_id)
    return QCoreApplication.translate("commands", template).format(
        network=labels.network(channel.network), name=_name(channel.contact_id))


def add_channel(bus: JournalBus, parent: QWidget | None, contact_id: int, network: str, **fields: Any) -> int | None:
    changes = bus.attempt(parent, ops.add_channel, contact_id, network, **fields)
    if changes is None or changes.id is None:
        return None
    undo, redo = _undo_rows("channel", [changes.id], ops.delete_channel)
    #: Edit ▸ Undo text ("Add LinkedIn channel for Ada Byron")
    _push(bus, _channel_text(QT_TRANSLATE_NOOP("commands", "Add {network} channel for {name}"), changes.id),
          undo, redo)
    return changes.id


def edit_channel(bus: JournalBus, parent: QWidget | None, channel_id: int, **fields: Any) -> bool:
    """Change a channel; following (``following_since``) or follows-back alone is named as such."""
    before = Channel.get_or_none(Channel.id == channel_id)
    if before is None:  # gone: the operation says so
        return bus.attempt(parent, ops.edit_channel, channel_id, **fields) is not None
    old = {key: getattr(before, key) for key in fields}
    if set(fields) == {"following_since"}:
        #: Edit ▸ Undo text ("Follow Ada Byron on LinkedIn", "Unfollow Ada Byron on LinkedIn")
        template = (QT_TRANSLATE_NOOP("commands", "Follow {name} on {network}") if fields["following_since"]
                    else QT_TRANSLATE_NOOP("commands", "Unfollow {name} on {network}"))
    elif set(fields) == {"follows_back"}:
        template = QT_TRANSLATE_NOOP("commands", "Change whether {name} follows back on {network}")
    else:
        template = QT_TRANSLATE_NOOP("commands", "Edit {network} channel of {name}")
    return _edit(bus, parent, lambda: _channel_text(template, channel_id), ops.edit_channel, channel_id, old, fields)


def delete_channel(bus: JournalBus, parent: QWidget | None, channel_id: int) -> bool:
    if Channel.get_or_none(Channel.id == channel_id) is None:  # gone: the operation says so
        return bus.attempt(parent, ops.delete_channel, channel_id) is not None
    #: Edit ▸ Undo text ("Remove LinkedIn channel of Ada Byron")
    text = _channel_text(QT_TRANSLATE_NOOP("commands", "Remove {network} channel of {name}"), channel_id)
    return _delete(bus, parent, text, channel_id, ops.delete_channel, partial(ops.capture_row, "channel"))


def _goal_text(template: str, goal_id: int) -> str:
    goal = Goal.get_by_id(goal_id)
    return QCoreApplication.translate("commands", template).format(title=_short(goal.title),
                                                                   name=_name(goal.contact_id))


def add_goal(bus: JournalBus, parent: QWidget | None, contact_id: int, title: str, **fields: Any) -> int | None:
    changes = bus.attempt(parent, ops.add_goal, contact_id, title, **fields)
    if changes is None or changes.id is None:
        return None
    undo, redo = _undo_rows("goal", [changes.id], ops.delete_goal)
    #: Edit ▸ Undo text ("Add goal “Cut month-end close” for Ada Byron")
    _push(bus, _goal_text(QT_TRANSLATE_NOOP("commands", "Add goal “{title}” for {name}"), changes.id), undo, redo)
    return changes.id


def edit_goal(bus: JournalBus, parent: QWidget | None, goal_id: int, **fields: Any) -> bool:
    before = Goal.get_or_none(Goal.id == goal_id)
    if before is None:  # gone: the operation says so
        return bus.attempt(parent, ops.edit_goal, goal_id, **fields) is not None
    old = {key: getattr(before, key) for key in fields}
    #: Edit ▸ Undo text ("Edit goal “Cut month-end close” of Ada Byron")
    template = QT_TRANSLATE_NOOP("commands", "Edit goal “{title}” of {name}")
    return _edit(bus, parent, lambda: _goal_text(template, goal_id), ops.edit_goal, goal_id, old, fields)


#: Edit ▸ Undo text after closing or reopening a goal, by its new status
_CLOSE_GOAL = {"achieved": QT_TRANSLATE_NOOP("commands", "Mark goal “{title}” of {name} achieved"),
               "dropped": QT_TRANSLATE_NOOP("commands", "Mark goal “{title}” of {name} dropped"),
               "open": QT_TRANSLATE_NOOP("commands", "Reopen goal “{title}” of {name}")}


def close_goal(bus: JournalBus, parent: QWidget | None, goal_id: int, status: str, on: Any = None) -> bool:
    """Close a goal as achieved or dropped, or reopen it; undo puts back its status and closing day."""
    before = Goal.get_or_none(Goal.id == goal_id)
    if bus.attempt(parent, ops.close_goal, goal_id, status, on=on) is None or before is None:
        return False
    old = (before.status, before.closed_on)
    _push(bus, _goal_text(_CLOSE_GOAL[status], goal_id), lambda: ops.close_goal(goal_id, old[0], on=old[1]),
          lambda: ops.close_goal(goal_id, status, on=on))
    return True


# --- the content library and the journal's settings -------------------------------------

def _content_text(template: str, content_id: int) -> str:
    return QCoreApplication.translate("commands", template).format(title=_short(Content.get_by_id(content_id).title))


def add_content(bus: JournalBus, parent: QWidget | None, title: str, **fields: Any) -> int | None:
    changes = bus.attempt(parent, ops.add_content, title, **fields)
    if changes is None or changes.id is None:
        return None
    undo, redo = _undo_created(changes.id, ops.capture_content, ops.delete_content)
    #: Edit ▸ Undo text ("Add “Closing the books faster” to the library")
    _push(bus, _content_text(QT_TRANSLATE_NOOP("commands", "Add “{title}” to the library"), changes.id), undo, redo)
    return changes.id


def edit_content(bus: JournalBus, parent: QWidget | None, content_id: int, **fields: Any) -> bool:
    before = library_queries.content_item(content_id)
    if before is None:  # gone: the operation says so
        return bus.attempt(parent, ops.edit_content, content_id, **fields) is not None
    old = {key: getattr(before, key) for key in fields}
    #: Edit ▸ Undo text ("Edit “Closing the books faster”")
    template = QT_TRANSLATE_NOOP("commands", "Edit “{title}”")
    return _edit(bus, parent, lambda: _content_text(template, content_id), ops.edit_content, content_id, old, fields)


def delete_content(bus: JournalBus, parent: QWidget | None, content_id: int) -> bool:
    """Delete a library item and its shares; undo brings both back."""
    if Content.get_or_none(Content.id == content_id) is None:  # gone: the operation says so
        return bus.attempt(parent, ops.delete_content, content_id) is not None
    #: Edit ▸ Undo text ("Delete “Closing the books faster” from the library")
    text = _content_text(QT_TRANSLATE_NOOP("commands", "Delete “{title}” from the library"), content_id)
    return _delete(bus, parent, text, content_id, ops.delete_content, ops.capture_content)


def update_settings(bus: JournalBus, parent: QWidget | None, **fields: Any) -> bool:
    """Change the health window and/or the stages' cadences (as :func:`dealjournal.ops.update_settings`)."""
    before = settings.load()
    known: dict[str, Any] = {"window_days": before.window_days, "stage_cadence_days": dict(before.stage_cadence_days)}
    old = {key: known[key] for key, value in fields.items() if value is not None}
    if bus.attempt(parent, ops.update_settings, **fields) is None:
        return False
    #: Edit ▸ Undo text after Preferences changed the health window or a stage's cadence
    _push(bus, QCoreApplication.translate("commands", "Change the health window and cadences"),
          lambda: ops.update_settings(**old), lambda: ops.update_settings(**fields))
    return True


def update_capture_settings(bus: JournalBus, parent: QWidget | None, *, me: list[str],
                            phone_region: str | None) -> bool:
    """Change *Me* and the phone region (as :func:`dealjournal.ops.update_capture_settings`)."""
    before = settings.load_capture()
    if bus.attempt(parent, ops.update_capture_settings, me=me, phone_region=phone_region) is None:
        return False
    #: Edit ▸ Undo text after Preferences ▸ Me changed your identities or the phone region
    _push(bus, QCoreApplication.translate("commands", "Change your identities"),
          lambda: ops.update_capture_settings(me=list(before.me), phone_region=before.phone_region),
          lambda: ops.update_capture_settings(me=me, phone_region=phone_region))
    return True


# --- many contacts at once (the Contacts page's Bulk menu), and triage ----------------------

def _counted(n: int, one: str, many: str, **values: Any) -> str:
    """*one* (n is 1) or *many*, both marked in the context ``commands``, filled in with n and *values*."""
    return QCoreApplication.translate("commands", one if n == 1 else many).format(n=QLocale().toString(n), **values)


def _cadence_words(days: int | None) -> str:
    """A keep-in-touch choice in a few words: "every 30 days", "stage default", "don't flag"."""
    if days is None:
        return QCoreApplication.translate("commands", "stage default")
    if days == 0:
        return QCoreApplication.translate("commands", "don't flag")
    return _counted(days, QT_TRANSLATE_NOOP("commands", "every day"), QT_TRANSLATE_NOOP("commands", "every {n} days"))


def _bulk(bus: JournalBus, parent: QWidget | None, text: str, op: Callable[[], OpChanges],
          capture: Callable[[], Any], undo: Callable[[Any], OpChanges], *, exact_redo: bool = False) -> bool:
    """Run *op* on a selection as one undo step: undo gives ``undo(what capture took just before)``.
    Nothing is pushed when nothing changed. With *exact_redo*, redo is ``undo(what capture
    takes just after)``: the rows *op* made come back as they were (ids and global ids), where
    running *op* again would make new ones."""
    taken: list[Any] = []

    def run() -> OpChanges:
        taken.append(capture())
        changes = op()
        if exact_redo:
            taken.append(capture())
        return changes

    changes = bus.attempt(parent, run)
    if changes is None or not changes.contact_ids:
        return False
    _push(bus, text, lambda: undo(taken[0]), (lambda: undo(taken[1])) if exact_redo else op)
    return True


def bulk_add_tag(bus: JournalBus, parent: QWidget | None, contact_ids: list[int], tag: str) -> bool:
    ids, tag = list(contact_ids), tag.strip()
    #: Edit ▸ Undo text after tagging a selection ("Tag 37 contacts “fintech”")
    text = _counted(len(ids), QT_TRANSLATE_NOOP("commands", "Tag {n} contact “{tag}”"),
                    QT_TRANSLATE_NOOP("commands", "Tag {n} contacts “{tag}”"), tag=tag)
    return _bulk(bus, parent, text, lambda: bulk.add_tag(ids, tag), lambda: bulk.capture(ids, tag=tag), bulk.put_back,
                 exact_redo=True)


def bulk_remove_tag(bus: JournalBus, parent: QWidget | None, contact_ids: list[int], tag: str) -> bool:
    ids = list(contact_ids)
    #: Edit ▸ Undo text ("Remove tag “fintech” from 37 contacts")
    text = _counted(len(ids), QT_TRANSLATE_NOOP("commands", "Remove tag “{tag}” from {n} contact"),
                    QT_TRANSLATE_NOOP("commands", "Remove tag “{tag}” from {n} contacts"), tag=tag)
    return _bulk(bus, parent, text, lambda: bulk.remove_tag(ids, tag), lambda: bulk.capture(ids, tag=tag),
                 bulk.put_back)


def bulk_set_cadence(bus: JournalBus, parent: QWidget | None, contact_ids: list[int], days: int | None) -> bool:
    """Keep in touch with the selection every *days* days (None: stage default; 0: don't flag)."""
    ids = list(contact_ids)
    #: Edit ▸ Undo text ("Keep in touch with 37 contacts: every 30 days")
    text = _counted(len(ids), QT_TRANSLATE_NOOP("commands", "Keep in touch with {n} contact: {cadence}"),
                    QT_TRANSLATE_NOOP("commands", "Keep in touch with {n} contacts: {cadence}"),
                    cadence=_cadence_words(days))
    return _bulk(bus, parent, text, lambda: bulk.set_cadence(ids, days),
                 lambda: bulk.capture(ids, columns=("cadence_days",), tag=bulk.TRIAGE_TAG), bulk.put_back)


def bulk_archive(bus: JournalBus, parent: QWidget | None, contact_ids: list[int], archived: bool = True) -> bool:
    ids = list(contact_ids)
    if archived:
        text = _counted(len(ids), QT_TRANSLATE_NOOP("commands", "Archive {n} contact"),
                        QT_TRANSLATE_NOOP("commands", "Archive {n} contacts"))
    else:
        text = _counted(len(ids), QT_TRANSLATE_NOOP("commands", "Unarchive {n} contact"),
                        QT_TRANSLATE_NOOP("commands", "Unarchive {n} contacts"))
    return _bulk(bus, parent, text, lambda: bulk.archive(ids, archived),
                 lambda: bulk.capture(ids, columns=("archived",)), bulk.put_back)


def bulk_delete(bus: JournalBus, parent: QWidget | None, contact_ids: list[int]) -> bool:
    """Delete the selection; undo brings back every row about them (same ids)."""
    ids = list(contact_ids)
    text = _counted(len(ids), QT_TRANSLATE_NOOP("commands", "Delete {n} contact"),
                    QT_TRANSLATE_NOOP("commands", "Delete {n} contacts"))
    return _bulk(bus, parent, text, lambda: bulk.delete(ids), lambda: ops.capture_contacts(ids), ops.restore)


def bulk_set_stage(bus: JournalBus, parent: QWidget | None, contact_ids: list[int], stage: str) -> bool:
    """Move the selection to *stage* (writing their stage history); undo takes those entries back."""
    ids = list(contact_ids)
    changes = bus.attempt(parent, bulk.set_stage, ids, stage)
    if changes is None or not changes.ids:
        return False
    latest = {"ids": changes.ids}
    # Redo writes the entries again under the same global ids.
    written = set(changes.ids)  # consecutive: one statement wrote them
    gids = {row.contact_id: row.gid for row in StageChange.select(StageChange.id, StageChange.contact, StageChange.gid)
            .where((StageChange.id >= min(written)) & (StageChange.id <= max(written))) if row.id in written}

    def redo() -> OpChanges:
        result = bulk.set_stage(ids, stage, gids=gids)
        latest["ids"] = result.ids
        return result

    #: Edit ▸ Undo text ("Move 37 contacts to Customer")
    _push(bus, _counted(len(ids), QT_TRANSLATE_NOOP("commands", "Move {n} contact to {stage}"),
                        QT_TRANSLATE_NOOP("commands", "Move {n} contacts to {stage}"), stage=labels.stage(stage)),
          lambda: bulk.revert_stage_changes(latest["ids"]), redo)
    return True


def triage(bus: JournalBus, parent: QWidget | None, contact_id: int, *, keep_in_touch: int | None = None,
           archive: bool = False) -> bool:
    """One triage decision for an imported contact (see :func:`dealjournal.ops.bulk.triage`); undoable."""
    if archive:
        decision = QCoreApplication.translate("commands", "archive")
    elif keep_in_touch is None:
        decision = QCoreApplication.translate("commands", "not now")
    else:
        decision = _cadence_words(keep_in_touch)
    #: Edit ▸ Undo text after a triage decision ("Triage Ada Byron: every 30 days")
    text = QCoreApplication.translate("commands", "Triage {name}: {decision}").format(
        name=_name(contact_id), decision=decision)
    return _bulk(bus, parent, text, lambda: bulk.triage([contact_id], keep_in_touch=keep_in_touch, archive=archive),
                 lambda: bulk.capture([contact_id], columns=("cadence_days", "archived"), tag=bulk.TRIAGE_TAG),
                 bulk.put_back)
