"""Operations on what happens with a contact: interactions, follow-ups and shares."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from dealjournal import domain
from dealjournal.errors import ValidationError
from dealjournal.health import touches
from dealjournal.ops import _common as v
from dealjournal.ops._common import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import db
from dealjournal.store.models import Content, Goal, Interaction, Share


def _goal_of(contact_id: int, goal_id: int | None) -> int | None:
    """Check that *goal_id* (if any) is one of this contact's goals."""
    if goal_id is None:
        return None
    goal = Goal.get_or_none(Goal.id == goal_id)
    if goal is None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "There is no goal #{id}."), id=goal_id))
    if goal.contact_id != contact_id:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "The goal “{title}” belongs to another contact."), title=goal.title))
    return goal_id


def _interaction_fields(contact_id: int, fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "at":
            out["at"] = v.at(QT_TRANSLATE_NOOP("core", "Date and time"), value)
            out["day"] = domain.day_of(out["at"])
        elif key == "kind":
            out[key] = v.choice(QT_TRANSLATE_NOOP("core", "Kind"), value, domain.INTERACTION_KINDS)
        elif key == "direction":
            out[key] = v.choice(QT_TRANSLATE_NOOP("core", "Direction"), value, domain.DIRECTIONS)
        elif key == "channel":
            out[key] = v.text(QT_TRANSLATE_NOOP("core", "Channel"), value)
        elif key == "summary":
            out[key] = v.text(QT_TRANSLATE_NOOP("core", "Summary"), value, default="")
        elif key == "details":
            out[key] = v.body(QT_TRANSLATE_NOOP("core", "Details"), value)
        elif key == "goal_id":
            out["goal"] = _goal_of(contact_id, value)
        elif key == "follow_up_on":
            out[key] = v.day(QT_TRANSLATE_NOOP("core", "Follow-up date"), value)
        elif key == "follow_up_done":
            out[key] = bool(value)
        else:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "Unknown interaction field: {key}."), key=key))
    return out


def log_interaction(contact_id: int, *, kind: str, direction: str,
                    at: datetime | date | str | None = None, **fields: Any) -> OpChanges:
    """Write a journal entry about a contact (channel, summary, details, goal_id,
    follow_up_on, follow_up_done may be given too). *at* defaults to now."""
    when = at if at is not None else datetime.now().replace(second=0, microsecond=0)
    with db.atomic():
        v.require_contact(contact_id)
        values = _interaction_fields(contact_id, {"at": when, "kind": kind, "direction": direction, **fields})
        row = Interaction.create(contact=contact_id, **values)
        touches.refresh([contact_id])
    return OpChanges(interactions=True, touches=True, contact_ids=frozenset({contact_id}), id=row.id)


def _get_interaction(interaction_id: int) -> Interaction:
    row = Interaction.get_or_none(Interaction.id == interaction_id)
    if row is None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "There is no journal entry #{id} (it may have been deleted)."), id=interaction_id))
    return row


def edit_interaction(interaction_id: int, **fields: Any) -> OpChanges:
    with db.atomic():
        row = _get_interaction(interaction_id)
        for key, value in _interaction_fields(row.contact_id, fields).items():
            setattr(row, key, value)
        row.save()
        touches.refresh([row.contact_id])
    return OpChanges(interactions=True, touches=True, contact_ids=frozenset({row.contact_id}), id=interaction_id)


def set_follow_up_done(interaction_id: int, done: bool = True) -> OpChanges:
    return edit_interaction(interaction_id, follow_up_done=done)


def delete_interaction(interaction_id: int) -> OpChanges:
    with db.atomic():
        row = _get_interaction(interaction_id)
        row.delete_instance()
        touches.refresh([row.contact_id])
    return OpChanges(interactions=True, touches=True, contact_ids=frozenset({row.contact_id}), id=interaction_id)


# --- shares -----------------------------------------------------------------------------

def record_share(content_id: int, contact_ids: Iterable[int], *, on: date | str | None = None,
                 via: str | None = None, note: str = "", goal_id: int | None = None) -> OpChanges:
    """Record that a content item was given to one or several contacts.

    A goal only fits a share with one contact (goals belong to one person).
    """
    contact_ids = list(dict.fromkeys(contact_ids))
    if not contact_ids:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "Choose at least one contact to share with.")))
    on_day = v.day(QT_TRANSLATE_NOOP("core", "Share date"), on) or domain.today().isoformat()
    via = v.text(QT_TRANSLATE_NOOP("core", "Shared via"), via)
    note = v.body(QT_TRANSLATE_NOOP("core", "Note"), note)
    if goal_id is not None and len(contact_ids) > 1:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "A goal belongs to one contact: share with one contact to link a goal.")))
    with db.atomic():
        if Content.get_or_none(Content.id == content_id) is None:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
                "core", "There is no content item #{id} to share (it may have been deleted)."), id=content_id))
        ids = []
        for contact_id in contact_ids:
            v.require_contact(contact_id)
            share = Share.create(content=content_id, contact=contact_id, on_day=on_day, via=via, note=note,
                                 goal=_goal_of(contact_id, goal_id))
            ids.append(share.id)
        touches.refresh(contact_ids)
    return OpChanges(shares=True, content=True, touches=True, contact_ids=frozenset(contact_ids),
                     id=ids[0], ids=tuple(ids))


def _get_share(share_id: int) -> Share:
    share = Share.get_or_none(Share.id == share_id)
    if share is None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "There is no share #{id} (it may have been deleted)."), id=share_id))
    return share


def set_share_response(share_id: int, response: str, responded_on: date | str | None = None) -> OpChanges:
    """Record what came of a share: none, seen, replied or acted, and when."""
    response = v.choice(QT_TRANSLATE_NOOP("core", "Response"), response, domain.RESPONSES)
    responded = v.day(QT_TRANSLATE_NOOP("core", "Response date"), responded_on)
    with db.atomic():
        share = _get_share(share_id)
        if response == "none":
            responded = None
        elif responded is not None and responded < share.on_day:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
                "core", "The response date {responded} is before the share itself ({shared})."),
                responded=responded, shared=share.on_day))
        share.response = response
        share.responded_on = responded
        share.save()
        touches.refresh([share.contact_id])
    return OpChanges(shares=True, content=True, touches=True, contact_ids=frozenset({share.contact_id}), id=share_id)


def edit_share(share_id: int, **fields: Any) -> OpChanges:
    """Change a share's date (``on``), via, note, goal, response or response date, all at once.

    The dates are checked together once every field is applied, so that a share and its
    response can move in one edit (and be put back in one undo).
    """
    with db.atomic():
        share = _get_share(share_id)
        for key, value in fields.items():
            if key == "on":
                share.on_day = v.day(QT_TRANSLATE_NOOP("core", "Share date"), value, required=True) or share.on_day
            elif key == "via":
                share.via = v.text(QT_TRANSLATE_NOOP("core", "Shared via"), value)
            elif key == "note":
                share.note = v.body(QT_TRANSLATE_NOOP("core", "Note"), value)
            elif key == "goal_id":
                share.goal_id = _goal_of(share.contact_id, value)
            elif key == "response":
                share.response = v.choice(QT_TRANSLATE_NOOP("core", "Response"), value, domain.RESPONSES)
            elif key == "responded_on":
                share.responded_on = v.day(QT_TRANSLATE_NOOP("core", "Response date"), value)
            else:
                raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "Unknown share field: {key}."), key=key))
        if share.response == "none":
            share.responded_on = None
        if share.responded_on is not None and share.responded_on < share.on_day:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
                "core", "The share date {shared} is after its response ({responded})."),
                shared=share.on_day, responded=share.responded_on))
        share.save()
        touches.refresh([share.contact_id])
    return OpChanges(shares=True, content=True, touches=True, contact_ids=frozenset({share.contact_id}), id=share_id)


def delete_share(share_id: int) -> OpChanges:
    with db.atomic():
        share = _get_share(share_id)
        share.delete_instance()
        touches.refresh([share.contact_id])
    return OpChanges(shares=True, content=True, touches=True, contact_ids=frozenset({share.contact_id}), id=share_id)
