"""Operations on the content library, goals and journal settings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from dealjournal import domain
from dealjournal.errors import ValidationError
from dealjournal.health import state as health_state
from dealjournal.health import touches
from dealjournal.ops import _common as v
from dealjournal.ops._common import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store import settings
from dealjournal.store.db import db
from dealjournal.store.models import Content, ContentTopic, Goal

# --- content ----------------------------------------------------------------------------

_CONTENT_FIELDS: dict[str, v.Validator] = {
    "title": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Title"), x, required=True),
    "url": lambda x: v.text(QT_TRANSLATE_NOOP("core", "URL or file"), x),
    "kind": lambda x: v.choice(QT_TRANSLATE_NOOP("core", "Kind"), x, domain.CONTENT_KINDS),
    "origin": lambda x: v.choice(QT_TRANSLATE_NOOP("core", "Origin"), x, domain.ORIGINS),
    "author": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Author"), x),
    "summary": lambda x: v.body(QT_TRANSLATE_NOOP("core", "Summary"), x),
}


def _get_content(content_id: int) -> Content:
    item = Content.get_or_none(Content.id == content_id)
    if item is None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "There is no content item #{id} (it may have been deleted)."), id=content_id))
    return item


def _apply_content(item: Content, fields: dict[str, Any]) -> None:
    for key, value in fields.items():
        if key == "topics":
            continue
        if key not in _CONTENT_FIELDS:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "Unknown content field: {key}."), key=key))
        setattr(item, key, _CONTENT_FIELDS[key](value))
    item.save()
    if "topics" in fields:
        ContentTopic.delete().where(ContentTopic.content == item.id).execute()
        for topic in v.tags(QT_TRANSLATE_NOOP("core", "Topic"), fields["topics"]):
            ContentTopic.create(content=item.id, topic=topic)


def add_content(title: str, *, kind: str = "other", origin: str = "third-party", **fields: Any) -> OpChanges:
    """Add an item to the library (url, author, topics, summary may be given too)."""
    with db.atomic():
        item = Content(title="", kind="other", origin="third-party")
        _apply_content(item, {"title": title, "kind": kind, "origin": origin, **fields})
    return OpChanges(content=True, id=item.id)


def edit_content(content_id: int, **fields: Any) -> OpChanges:
    with db.atomic():
        item = _get_content(content_id)
        _apply_content(item, fields)
    return OpChanges(content=True, shares=True, id=content_id)


def delete_content(content_id: int) -> OpChanges:
    """Delete an item and the shares of it (their touches go with them)."""
    with db.atomic():
        item = _get_content(content_id)
        affected = [cid for (cid,) in db.connection().execute(
            "SELECT DISTINCT contact_id FROM share WHERE content_id = ?", (content_id,))]
        item.delete_instance()
        touches.refresh(affected)
    return OpChanges(content=True, shares=True, touches=bool(affected), contact_ids=frozenset(affected), id=content_id)


# --- goals ------------------------------------------------------------------------------

_GOAL_FIELDS: dict[str, v.Validator] = {
    "title": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Goal"), x, required=True),
    "details": lambda x: v.body(QT_TRANSLATE_NOOP("core", "Details"), x),
    "priority": lambda x: v.choice(QT_TRANSLATE_NOOP("core", "Priority"), x, domain.PRIORITIES),
    "target_on": lambda x: v.day(QT_TRANSLATE_NOOP("core", "Target date"), x),
}


def _get_goal(goal_id: int) -> Goal:
    goal = Goal.get_or_none(Goal.id == goal_id)
    if goal is None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "There is no goal #{id} (it may have been deleted)."), id=goal_id))
    return goal


def add_goal(contact_id: int, title: str, *, priority: str = "medium", details: str = "",
             target_on: date | str | None = None, created_on: date | str | None = None) -> OpChanges:
    """Record what a contact is trying to achieve."""
    values = {key: _GOAL_FIELDS[key](val) for key, val in
              {"title": title, "details": details, "priority": priority, "target_on": target_on}.items()}
    created = v.day(QT_TRANSLATE_NOOP("core", "Created date"), created_on) or domain.today().isoformat()
    with db.atomic():
        v.require_contact(contact_id)
        goal = Goal.create(contact=contact_id, created_on=created, **values)
    return OpChanges(goals=True, contact_ids=frozenset({contact_id}), id=goal.id)


def edit_goal(goal_id: int, **fields: Any) -> OpChanges:
    with db.atomic():
        goal = _get_goal(goal_id)
        for key, value in fields.items():
            if key not in _GOAL_FIELDS:
                raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "Unknown goal field: {key}."), key=key))
            setattr(goal, key, _GOAL_FIELDS[key](value))
        goal.save()
    return OpChanges(goals=True, contact_ids=frozenset({goal.contact_id}), id=goal_id)


def close_goal(goal_id: int, status: str = "achieved", *, on: date | str | None = None) -> OpChanges:
    """Close a goal as achieved or dropped (or reopen it with status 'open')."""
    status = v.choice(QT_TRANSLATE_NOOP("core", "Goal status"), status, domain.GOAL_STATUSES)
    closed = None if status == "open" else (v.day(QT_TRANSLATE_NOOP("core", "Closing date"), on)
                                            or domain.today().isoformat())
    with db.atomic():
        goal = _get_goal(goal_id)
        if closed is not None and closed < goal.created_on:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
                "core", "The closing date {closed} is before the goal was set ({created})."),
                closed=closed, created=goal.created_on))
        goal.status = status
        goal.closed_on = closed
        goal.save()
    return OpChanges(goals=True, contact_ids=frozenset({goal.contact_id}), id=goal_id)


def delete_goal(goal_id: int) -> OpChanges:
    with db.atomic():
        goal = _get_goal(goal_id)
        goal.delete_instance()
    return OpChanges(goals=True, interactions=True, shares=True, contact_ids=frozenset({goal.contact_id}), id=goal_id)


# --- settings ---------------------------------------------------------------------------

def update_settings(*, window_days: int | None = None,
                    stage_cadence_days: dict[str, int] | None = None) -> OpChanges:
    """Change the health window length and/or stage default cadences."""
    current = settings.load()
    if window_days is not None:
        if isinstance(window_days, bool) or not isinstance(window_days, int) or not 1 <= window_days <= 3650:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
                "core", "The health window must be between 1 and 3650 days, not {days}."), days=repr(window_days)))
        current = replace(current, window_days=window_days)
    if stage_cadence_days is not None:
        cadences = dict(current.stage_cadence_days)
        for stage, days in stage_cadence_days.items():
            v.choice(QT_TRANSLATE_NOOP("core", "Stage"), stage, domain.STAGES)
            if isinstance(days, bool) or not isinstance(days, int) or days < 0:
                raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
                    "core", "The cadence for {stage} must be 0 or more days, not {days}."),
                    stage=stage, days=repr(days)))
            cadences[stage] = days
        current = replace(current, stage_cadence_days=cadences)
    with db.atomic():
        settings.save(current)
        health_state.invalidate()  # every contact's figures may change
    return OpChanges(settings=True, touches=True)


def update_capture_settings(*, me: Iterable[str] | None = None, phone_region: str | None | bool = False) -> OpChanges:
    """Change *Me* (the user's own identities, as typed) and/or the phone region
    (``None``: the locale's; ``False``: leave it)."""
    current = settings.load_capture()
    if me is not None:
        seen: dict[str, str] = {}
        for text in me:
            clean = v.text(QT_TRANSLATE_NOOP("core", "Identity"), text)
            if clean:
                seen.setdefault(clean.casefold(), clean)
        current = replace(current, me=tuple(seen.values()))
    if phone_region is not False:
        region = str(phone_region).strip().upper() if phone_region else None
        if region is not None and not (len(region) == 2 and region.isalpha()):
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
                "core", "The phone region must be a two-letter country code (like DE or GB), not {region}."),
                region=repr(phone_region)))
        current = replace(current, phone_region=region)
    with db.atomic():
        settings.save_capture(current)
    return OpChanges(settings=True)
