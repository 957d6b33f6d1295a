"""The sections of an exchange document: settings, contacts (with their e-mails, phones,
tags, channels, goals, stage history and snooze), content, shares, interactions and reminders.

Each function checks one section with a :class:`Checker` and appends the rows to write.
A record's row is appended even when it has problems, so that positions stay aligned with
the file; nothing is written unless the whole document is clean.

A section's records may come from any iterable (a list, or a file being read record by
record, see ``_import``). The sections are checked in :data:`SECTIONS` order (what a record
refers to is in a section before its own), each after :func:`check_head` or before it:
:meth:`Checker.found_problems` puts every problem in the document's order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dealjournal.errors import FormatError
from dealjournal.interchange._validate import (
    K_SOURCE,
    C_DIRECTION, C_FOLLOWS, C_IKIND, C_KIND, C_NETWORK, C_ORIGIN, C_PRIORITY, C_RESPONSE, C_STAGE,
    C_STATUS, C_STYLE, FORMAT, K_CHANNEL, K_CONTACT, K_CONTENT, K_GOAL, K_INTERACTION, K_SETTINGS,
    K_REMINDER, K_SHARE, K_SNOOZE, K_STAGE, K_TOP, MAX_INT, MAX_TEXT, MISSING, VERSION, Checker, Rows, TooMany,
    document, show,
)
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

# The sections holding records, in the order they are checked; the top level ('') comes first.
SECTIONS = ("contacts", "content", "shares", "interactions", "reminders")
ORDER = ("", *SECTIONS)


def check(doc: object) -> Rows:
    """Validate *doc*; return the rows to write or raise :class:`FormatError` with every problem."""
    return checked(doc).rows


def checked(doc: object) -> Checker:
    """The checker that validated *doc* (its rows, and the records' file ids); raises
    :class:`FormatError` with every problem."""
    checker = Checker()
    whole = check_head(checker, doc)
    if whole:
        assert isinstance(doc, dict)
        for name in SECTIONS:
            check_section(checker, name, doc.get(name))
    raise_problems(checker, whole)
    return checker


def raise_problems(c: Checker, whole: bool) -> None:
    """Raise :class:`FormatError` with the problems found, if any (*whole*: as :func:`check_head` said)."""
    if c.failed:
        problems = c.found_problems(ORDER if whole else ORDER[:1])
        if problems:
            raise FormatError(problems)


def check_head(c: Checker, doc: object) -> bool:
    """Check the top level of *doc*: its keys, format, version and settings (the sections'
    values are not looked at). False when its sections are not to be checked (a file of
    another format or a newer version; too many problems already)."""
    c.begin("")
    try:
        return _check_head(c, doc)
    except TooMany:
        return False


def check_section(c: Checker, name: str, value: Any) -> None:
    """Check the section *name* of the document: its records (an iterator, read as they are
    checked), or whatever the document holds under that key (a list, or a problem)."""
    c.begin(name)
    try:
        items = value if isinstance(value, Iterator) else c.items({name: value}, name, "")
        _SECTION_CHECKS[name](c, items)
    except TooMany:
        pass


def _check_head(c: Checker, doc: object) -> bool:
    if not isinstance(doc, dict):
        c.bad(document(), Phrase(QT_TRANSLATE_NOOP("core", "expected a JSON object at the top level, got {value}"),
                                 value=show(doc)))
        return False
    c.obj(doc, "")
    fmt = doc.get("format", MISSING)
    if fmt is MISSING:
        c.bad("format", Phrase(QT_TRANSLATE_NOOP("core", "required key is missing (expected {expected})"),
                               expected=f'"{FORMAT}"'))
        return False
    if type(fmt) is not str or fmt != FORMAT:
        c.bad("format", Phrase(QT_TRANSLATE_NOOP(
            "core", "expected {format}, got {value}: this is not a Deal Journal file"),
            format=f'"{FORMAT}"', value=show(fmt)))
        return False
    version = doc.get("version", MISSING)
    if version is MISSING:
        c.bad("version", Phrase(QT_TRANSLATE_NOOP("core", "required key is missing (expected {expected})"),
                                expected=VERSION))
    elif type(version) is not int:
        c.bad("version", Phrase(QT_TRANSLATE_NOOP("core", "expected the whole number {version}, got {value}"),
                                version=VERSION, value=show(version)))
    elif version > VERSION:
        # Its records may hold keys this version does not know; listing them would only confuse.
        c.bad("version", Phrase(QT_TRANSLATE_NOOP(
            "core", "this file was written by a newer Deal Journal (format version {version}); this version reads "
                    "format version {supported}. Update Deal Journal to import it"),
            version=version, supported=VERSION))
        return False
    elif version != VERSION:
        c.bad("version", Phrase(QT_TRANSLATE_NOOP(
            "core", "{version} is not a format version Deal Journal knows (expected {supported})"),
            version=version, supported=VERSION))
    c.check_keys(doc, "", K_TOP)
    exported_at = doc.get("exported_at")
    if exported_at is not None and type(exported_at) is not str:
        c.bad("exported_at", Phrase(QT_TRANSLATE_NOOP("core", "expected text or null, got {value}"),
                                    value=show(exported_at)))
    check_settings(c, doc.get("settings"))
    return True


def check_settings(c: Checker, value: Any) -> None:
    if value is None or not c.obj(value, "settings"):
        return
    c.check_keys(value, "settings", K_SETTINGS)
    rows = c.rows
    rows.has_settings = True
    _check_capture_settings(c, value)
    if "window_days" in value:
        rows.window_days = c.count(value["window_days"], "settings.window_days", 1, 3650, nullable=False)
    cadences = value.get("stage_cadence_days")
    if cadences is None or not c.obj(cadences, "settings.stage_cadence_days"):
        return
    for stage, days in cadences.items():
        path = f"settings.stage_cadence_days.{stage}"
        if stage not in C_STAGE.values:
            c.bad(path, Phrase(QT_TRANSLATE_NOOP("core", "{stage} is not a stage (expected one of: {stages})"),
                               stage=repr(stage), stages=C_STAGE.listing))
            continue
        number = c.count(days, path, 0, MAX_INT, nullable=False)
        if number is not None:
            rows.stage_cadence_days[stage] = number


def _check_capture_settings(c: Checker, value: dict[str, Any]) -> None:
    """``me`` (the user's identities) and ``phone_region`` (the project's additions, for capture)."""
    if "me" in value:
        c.rows.me = c.words(value, "me", "settings")
    region = c.text(value, "phone_region", "settings")
    if region is not None and not (len(region) == 2 and region.isascii() and region.isalpha()):
        c.bad("settings.phone_region", Phrase(QT_TRANSLATE_NOOP(
            "core", "expected a two-letter country code or null, got {value}"), value=repr(region)))
        region = None
    c.rows.phone_region = region.upper() if region else None


def check_contacts(c: Checker, items: Iterable[Any]) -> None:
    rows = c.rows
    for i, rec in enumerate(items):
        where = f"contacts[{i}]"
        if not c.obj(rec, where):
            continue
        c.check_keys(rec, where, K_CONTACT)
        pos = i + 1
        contact_id = c.ident(rec, where, c.contact_pos, pos)
        rows.contacts.append((
            pos,
            c.required_text(rec, "name", where),
            c.text(rec, "given_name", where),
            c.text(rec, "family_name", where),
            c.text(rec, "company", where),
            c.text(rec, "title", where),
            c.text(rec, "website", where),
            c.text(rec, "location", where),
            c.body(rec, "notes", where),
            c.choice(rec, "stage", where, C_STAGE, "lead"),
            c.count(rec.get("cadence_days"), f"{where}.cadence_days", 0, MAX_INT, nullable=True),
            c.choice(rec, "buying_style", where, C_STYLE, "unknown"),
            c.text(rec, "source", where),
            c.day(rec, "created_on", where) or c.today,
            int(c.flag(rec, "archived", where)),
        ))
        c.labelled(rec, "emails", where, pos, rows.emails)
        c.labelled(rec, "phones", where, pos, rows.phones)
        rows.tags.extend((pos, tag) for tag in c.words(rec, "tags", where))
        _check_channels(c, rec, where, pos)
        _check_goals(c, rec, where, pos, contact_id or "")
        _check_stage_history(c, rec, where, pos)
        _check_snooze(c, rec, where, pos)
        rows.captured.extend((pos, key) for key in c.words(rec, "captured", where))
        _check_aliases(c, rec, where, pos)


def _check_aliases(c: Checker, rec: dict[str, Any], where: str, pos: int) -> None:
    """``capture_aliases``: conversation identities confirmed to be this contact; each names
    one contact in the whole file."""
    for j, identity in enumerate(c.words(rec, "capture_aliases", where)):
        if identity in c.alias_of:
            c.bad(f"{where}.capture_aliases[{j}]", Phrase(QT_TRANSLATE_NOOP(
                "core", "{value} is already an alias of {other}"), value=repr(identity), other=c.alias_of[identity]))
            continue
        c.alias_of[identity] = where
        c.rows.aliases.append((identity, pos))


def _check_channels(c: Checker, rec: dict[str, Any], where: str, pos: int) -> None:
    for j, item in enumerate(c.items(rec, "channels", where)):
        path = f"{where}.channels[{j}]"
        if not c.obj(item, path):
            continue
        c.check_keys(item, path, K_CHANNEL)
        c.rows.channels.append((
            pos,
            c.choice(item, "network", path, C_NETWORK, MISSING),
            c.text(item, "handle", path),
            c.text(item, "url", path),
            c.day(item, "following_since", path),
            c.choice(item, "follows_back", path, C_FOLLOWS, "unknown"),
        ))


def _check_goals(c: Checker, rec: dict[str, Any], where: str, pos: int, contact_id: str) -> None:
    goals = c.rows.goals
    for j, item in enumerate(c.items(rec, "goals", where)):
        path = f"{where}.goals[{j}]"
        if not c.obj(item, path):
            continue
        c.check_keys(item, path, K_GOAL)
        c.goal_count += 1
        goal_pos = c.goal_count
        c.ident(item, path, c.goal_at, (goal_pos, pos, contact_id))
        created = c.day(item, "created_on", path) or c.today
        closed = c.day(item, "closed_on", path)
        if closed is not None and closed < created:
            c.bad(f"{path}.closed_on", Phrase(QT_TRANSLATE_NOOP(
                "core", "{closed} is before the goal's created_on {created}"),
                closed=repr(closed), created=repr(created)))
        goals.append((
            goal_pos,
            pos,
            c.required_text(item, "title", path),
            c.body(item, "details", path),
            c.choice(item, "priority", path, C_PRIORITY, "medium"),
            c.choice(item, "status", path, C_STATUS, "open"),
            c.day(item, "target_on", path),
            created,
            closed,
        ))


def _check_stage_history(c: Checker, rec: dict[str, Any], where: str, pos: int) -> None:
    for j, item in enumerate(c.items(rec, "stage_history", where)):
        path = f"{where}.stage_history[{j}]"
        if not c.obj(item, path):
            continue
        c.check_keys(item, path, K_STAGE)
        from_stage = item.get("from")
        if from_stage is not None:
            from_stage = c.choice(item, "from", path, C_STAGE, MISSING)
        c.rows.stage_changes.append((
            pos,
            from_stage,
            c.choice(item, "to", path, C_STAGE, MISSING),
            c.day(item, "on", path, required=True),
        ))


def _check_snooze(c: Checker, rec: dict[str, Any], where: str, pos: int) -> None:
    """``snooze``: null, or ``{"until": day, "since": date and time}`` (the project's addition)."""
    item = rec.get("snooze")
    path = f"{where}.snooze"
    if item is None or not c.obj(item, path):
        return
    c.check_keys(item, path, K_SNOOZE)
    until = c.day(item, "until", path, required=True)
    since = c.at(item, path, "since")
    if since is not None and len(since) == 10:
        c.bad(f"{path}.since", Phrase(QT_TRANSLATE_NOOP(
            "core", "expected a date and time (YYYY-MM-DDTHH:MM), got {value}"), value=repr(since)))
    c.rows.snoozes.append((pos, until, since))


def check_reminders(c: Checker, items: Iterable[Any]) -> None:
    """``reminders``: ``{"contact", "on", "text", "done_on"}`` each (the project's addition)."""
    for i, rec in enumerate(items):
        where = f"reminders[{i}]"
        if not c.obj(rec, where):
            continue
        c.check_keys(rec, where, K_REMINDER)
        c.rows.reminders.append((
            c.ref(rec, "contact", where, c.contact_pos, "contact"),
            c.day(rec, "on", where, required=True),
            c.required_text(rec, "text", where),
            c.day(rec, "done_on", where),
        ))


def check_content(c: Checker, items: Iterable[Any]) -> None:
    rows = c.rows
    for i, rec in enumerate(items):
        where = f"content[{i}]"
        if not c.obj(rec, where):
            continue
        c.check_keys(rec, where, K_CONTENT)
        pos = i + 1
        c.ident(rec, where, c.content_pos, pos)
        rows.content.append((
            pos,
            c.required_text(rec, "title", where),
            c.text(rec, "url", where),
            c.choice(rec, "kind", where, C_KIND, "other"),
            c.choice(rec, "origin", where, C_ORIGIN, "third-party"),
            c.text(rec, "author", where),
            c.body(rec, "summary", where),
        ))
        rows.topics.extend((pos, topic) for topic in c.words(rec, "topics", where))


def check_shares(c: Checker, items: Iterable[Any]) -> None:
    append = c.rows.shares.append
    allowed = K_SHARE.keys
    contacts, content = c.contact_pos, c.content_pos
    for i, rec in enumerate(items):
        where = f"shares[{i}]"
        if type(rec) is not dict and not c.obj(rec, where):
            continue
        if not rec.keys() <= allowed:
            c.check_keys(rec, where, K_SHARE)
        contact_pos = c.ref(rec, "contact", where, contacts, "contact")
        on_day = c.day(rec, "on", where, required=True)
        response = c.choice(rec, "response", where, C_RESPONSE, "none")
        responded = c.day(rec, "responded_on", where)
        if responded is not None:
            if response == "none":
                c.bad(f"{where}.responded_on", Phrase(QT_TRANSLATE_NOOP(
                    "core", "a share whose response is 'none' cannot have a response date")))
            elif on_day is not None and responded < on_day:
                c.bad(f"{where}.responded_on", Phrase(QT_TRANSLATE_NOOP(
                    "core", "{responded} is before the share's date {on}"),
                    responded=repr(responded), on=repr(on_day)))
        append((
            c.ref(rec, "content", where, content, "content item"),
            contact_pos,
            on_day,
            c.text(rec, "via", where),
            c.body(rec, "note", where),
            c.goal_ref(rec, where, contact_pos, rec.get("contact")),
            response,
            responded,
        ))


def check_interactions(c: Checker, items: Iterable[Any]) -> None:
    # The hot loop of a heavy import (a million records): the common cases are inlined.
    append = c.rows.interactions.append
    allowed = K_INTERACTION.keys
    contacts = c.contact_pos
    kinds, directions = C_IKIND.values, C_DIRECTION.values
    good_days = c.good_days
    good_times = c.good_times
    for i, rec in enumerate(items):
        if type(rec) is not dict and not c.obj(rec, f"interactions[{i}]"):
            continue
        # The record's path is only built when something is wrong with it.
        if not rec.keys() <= allowed:
            c.check_keys(rec, f"interactions[{i}]", K_INTERACTION)
        contact = rec.get("contact")
        contact_pos = contacts.get(contact) if type(contact) is str else None
        if contact_pos is None:
            c.ref(rec, "contact", f"interactions[{i}]", contacts, "contact")
        at = rec.get("at")
        if type(at) is not str or not (
                (len(at) == 10 and at in good_days)
                or (len(at) in (16, 19) and at[:10] in good_days and at[10:] in good_times)):
            at = c.at(rec, f"interactions[{i}]")
        kind = rec.get("kind", MISSING)
        if type(kind) is not str or kind not in kinds:
            kind = c.choice(rec, "kind", f"interactions[{i}]", C_IKIND, MISSING)
        direction = rec.get("direction", MISSING)
        if type(direction) is not str or direction not in directions:
            direction = c.choice(rec, "direction", f"interactions[{i}]", C_DIRECTION, MISSING)
        channel = rec.get("channel")
        if channel is not None and (type(channel) is not str or len(channel) > MAX_TEXT):
            channel = c.text(rec, "channel", f"interactions[{i}]")
        summary = rec.get("summary", "")
        if type(summary) is not str or len(summary) > MAX_TEXT:
            summary = c.body(rec, "summary", f"interactions[{i}]")
        details = rec.get("details", "")
        if type(details) is not str or len(details) > MAX_TEXT:
            details = c.body(rec, "details", f"interactions[{i}]")
        follow_up = rec.get("follow_up_on")
        if follow_up is not None and (type(follow_up) is not str or follow_up not in good_days):
            follow_up = c.day(rec, "follow_up_on", f"interactions[{i}]")
        done = rec.get("follow_up_done", False)
        if done is not True and done is not False:
            done = c.flag(rec, "follow_up_done", f"interactions[{i}]")
        goal = rec.get("goal")
        if goal is not None:
            goal = c.goal_ref(rec, f"interactions[{i}]", contact_pos, contact)
        source_kind = source_key = None
        if "source" in rec:
            source_kind, source_key = _check_source(c, rec, f"interactions[{i}]", contact_pos)
        append((
            contact_pos, at, at[:10] if at else None, kind, direction, channel, summary, details, goal,
            follow_up, 1 if done else 0, source_kind, source_key,
        ))


def _check_source(c: Checker, rec: dict[str, Any], where: str, contact_pos: int | None) -> tuple[Any, Any]:
    """``source``: ``{"kind": reader, "key": first message's key}`` of a captured entry (the
    project's addition); a key appears once per contact."""
    item = rec.get("source")
    path = f"{where}.source"
    if item is None or not c.obj(item, path):
        return None, None
    c.check_keys(item, path, K_SOURCE)
    kind, key = c.required_text(item, "kind", path), c.required_text(item, "key", path)
    if key is not None and contact_pos is not None:
        if (contact_pos, key) in c.sources:
            c.bad(f"{path}.key", Phrase(QT_TRANSLATE_NOOP(
                "core", "{value} is the source of another interaction of this contact"), value=repr(key)))
        c.sources.add((contact_pos, key))
    return kind, key


_SECTION_CHECKS: dict[str, Callable[[Checker, Iterable[Any]], None]] = {
    "contacts": check_contacts, "content": check_content, "shares": check_shares,
    "interactions": check_interactions, "reminders": check_reminders,
}
