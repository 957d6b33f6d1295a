"""The subcommands that write the journal from scripts and desktop shortcuts: ``log``,
``remind``, ``snooze``, ``contact add|edit|archive|delete``, and ``report today``.

CONTACT is ``#id`` or a name: an exact name (case and accents as typed, or ignoring case)
or, failing that, a unique part of one; several matches are a "which one?" error listing
them. Every problem (unknown contact, ambiguous name, bad date, unknown field) is a
:class:`~dealjournal.errors.JournalError`: one line on standard error, exit status 1, the
journal unchanged. Wired into :mod:`dealjournal.cli.main` like :mod:`dealjournal.cli.backup`.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from dealjournal import domain
from dealjournal.cli import tables
from dealjournal.errors import JournalError

# Fields `contact edit` accepts: option name → (edit_contact keyword, how to read the value).
_LIST_FIELDS = {"email": "emails", "phone": "phones", "tag": "tags"}
_TEXT_FIELDS = ("name", "given-name", "family-name", "company", "title", "website", "location", "source",
                "notes", "buying-style")
EDIT_FIELDS = (*_TEXT_FIELDS, "stage", "cadence", *_LIST_FIELDS)
_OFFSET = re.compile(r"^(\d+)([dwm])$")


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add the journal-writing subcommands to ``dealjournal``."""
    p = sub.add_parser("log", parents=[common], help="log an interaction with a contact")
    p.add_argument("contact", metavar="CONTACT", help="#id or a name")
    p.add_argument("--kind", required=True, help="email, call, meeting, message, social, event or note")
    p.add_argument("--direction", required=True, help="out (you reached out), in (they did), mutual or none")
    p.add_argument("--at", metavar="WHEN", help="YYYY-MM-DD or YYYY-MM-DDTHH:MM (default: now)")
    p.add_argument("--summary", default="", metavar="TEXT")
    p.add_argument("--details", default="", metavar="TEXT")
    p.add_argument("--channel", metavar="CHANNEL")
    p.add_argument("--follow-up", metavar="DATE", help="a follow-up date (YYYY-MM-DD, or 3d, 2w, 1m from today)")

    p = sub.add_parser("remind", parents=[common], help="remind me to do something for a contact on a day")
    p.add_argument("contact", metavar="CONTACT", help="#id or a name")
    p.add_argument("day", metavar="DATE", help="YYYY-MM-DD, or 3d, 2w, 1m from today")
    p.add_argument("text", metavar="TEXT", nargs="+", help="what to do")

    p = sub.add_parser("snooze", parents=[common], help="leave a contact out of Today until a day")
    p.add_argument("contact", metavar="CONTACT", help="#id or a name")
    p.add_argument("until", metavar="UNTIL", nargs="?", help="YYYY-MM-DD, or 1d, 1w, 1m from today")
    p.add_argument("--off", action="store_true", help="end the contact's snooze now")

    p = sub.add_parser("contact", parents=[common], help="add, edit, archive, merge or delete a contact")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    v = verbs.add_parser("add", parents=[common], help="add a contact")
    v.add_argument("name", metavar="NAME")
    v.add_argument("--email", action="append", default=[])
    v.add_argument("--phone", action="append", default=[])
    v.add_argument("--company")
    v.add_argument("--title")
    v.add_argument("--stage", default="lead")
    v.add_argument("--tag", action="append", default=[])
    v.add_argument("--cadence", metavar="DAYS", help="keep-in-touch cadence in days (0: never flag as stale)")
    v = verbs.add_parser("edit", parents=[common], help="change fields: --FIELD VALUE …",
                         description="Fields: " + ", ".join(f"--{f}" for f in EDIT_FIELDS)
                         + ". --email, --phone and --tag may repeat and replace the whole list.")
    v.add_argument("contact", metavar="CONTACT", help="#id or a name")
    v.add_argument("changes", nargs=argparse.REMAINDER, metavar="--FIELD VALUE")
    for verb, text in (("archive", "archive a contact (--undo brings it back)"),
                       ("delete", "delete a contact and everything about them (a backup is taken first)")):
        v = verbs.add_parser(verb, parents=[common], help=text)
        v.add_argument("contact", metavar="CONTACT", help="#id or a name")
        if verb == "archive":
            v.add_argument("--undo", action="store_true", help="take the contact out of the archive")
    v = verbs.add_parser("merge", parents=[common],
                         help="merge a duplicate into another contact (a backup is taken first)",
                         description="CONTACT goes: the contact --into keeps its own fields, takes the ones "
                                     "it lacks and every e-mail, phone, tag, channel, goal, touch and share of "
                                     "CONTACT. With sync on, edits another computer makes to CONTACT meanwhile "
                                     "follow it to the contact it went into.")
    v.add_argument("contact", metavar="CONTACT", help="#id or a name: the duplicate that goes")
    v.add_argument("--into", required=True, metavar="CONTACT", help="#id or a name: the contact that stays")


# --- finding the contact --------------------------------------------------------------------

def _describe(cid: int, name: str, company: str | None) -> str:
    return f"#{cid} {name}" + (f" ({company})" if company else "")


def resolve_contact(text: str) -> tuple[int, str]:
    """The contact *text* names (``#id`` or a name): its id and name, or a JournalError."""
    from dealjournal.store.db import db

    conn = db.connection()
    wanted = text.strip()
    if re.fullmatch(r"#\d+", wanted):
        row = conn.execute("SELECT id, name FROM contact WHERE id = ?", (int(wanted[1:]),)).fetchone()
        if row is None:
            raise JournalError(f"There is no contact {wanted}.")
        return row[0], row[1]
    if not wanted:
        raise JournalError("Name a contact: #id or a name.")
    rows = conn.execute("SELECT id, name, company FROM contact WHERE name = ? ORDER BY archived, id",
                        (wanted,)).fetchall()
    if not rows:
        folded = wanted.casefold()
        everyone = conn.execute("SELECT id, name, company FROM contact ORDER BY archived, name, id").fetchall()
        rows = [r for r in everyone if r[1].casefold() == folded] or [r for r in everyone if folded in r[1].casefold()]
    if not rows:
        raise JournalError(f"No contact is called {wanted!r}.")
    if len(rows) > 1:
        listed = "; ".join(_describe(*r) for r in rows[:10]) + (f"; and {len(rows) - 10} more" if len(rows) > 10 else "")
        raise JournalError(f"Which one? {len(rows)} contacts match {wanted!r}: {listed}. Use #id.")
    return rows[0][0], rows[0][1]


def parse_when(text: str, what: str) -> str:
    """A day: ``YYYY-MM-DD``, ``today``, ``tomorrow`` or an offset from today (``3d``, ``2w``, ``1m``)."""
    value = text.strip().lower()
    today = domain.today()
    if value in ("today", "tomorrow"):
        return (today + timedelta(days=value == "tomorrow")).isoformat()
    found = _OFFSET.match(value)
    if found:
        n, unit = int(found.group(1)), found.group(2)
        return (today + timedelta(days=n * {"d": 1, "w": 7, "m": 30}[unit])).isoformat()
    try:
        return domain.parse_day(text.strip()).isoformat()
    except ValueError as exc:
        raise JournalError(f"{what}: {exc}.") from None


# --- the commands ---------------------------------------------------------------------------

def _open(db_path: Path | None, *, create: bool = False) -> None:
    from dealjournal.store import default_journal_path, open_journal

    open_journal(db_path or default_journal_path(), create=create, check="due")


def _after(contact_ids: frozenset[int]) -> None:
    """Keep the window's cached health state true for what this command changed."""
    from dealjournal.health import state

    state.update_for(contact_ids)


def cmd_log(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal import ops

    _open(db_path)
    cid, name = resolve_contact(args.contact)
    at = args.at or datetime.now().replace(second=0, microsecond=0).isoformat()[:16]
    follow_up = parse_when(args.follow_up, "--follow-up") if args.follow_up else None
    changes = ops.log_interaction(cid, kind=args.kind, direction=args.direction, at=at, summary=args.summary,
                                  details=args.details, channel=args.channel, follow_up_on=follow_up)
    _after(changes.contact_ids)
    print(f"Logged {args.kind} ({args.direction}) with {name} at {at.replace('T', ' ')} (entry #{changes.id})"
          + (f", follow-up on {follow_up}" if follow_up else "") + ".")
    return 0


def cmd_remind(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal import ops

    _open(db_path)
    cid, name = resolve_contact(args.contact)
    day = parse_when(args.day, "DATE")
    changes = ops.add_reminder(cid, day, " ".join(args.text))
    print(f"Reminder #{changes.id} for {name} on {day}: {' '.join(args.text)}")
    return 0


def cmd_snooze(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal import ops

    _open(db_path)
    cid, name = resolve_contact(args.contact)
    if args.off:
        ops.unsnooze(cid)
        print(f"{name} is back on Today.")
        return 0
    if not args.until:
        raise JournalError("Say until when (YYYY-MM-DD, or 1d, 1w, 1m), or --off.")
    until = parse_when(args.until, "UNTIL")
    ops.snooze_contact(cid, until)
    print(f"{name} is snoozed until {until} (or until they get in touch).")
    return 0


def _edit_changes(pairs: list[str]) -> dict[str, Any]:
    """``--company X --tag a --tag b`` → keyword arguments of ``ops.edit_contact``."""
    if not pairs:
        raise JournalError("Nothing to change: give --FIELD VALUE (fields: " + ", ".join(EDIT_FIELDS) + ").")
    out: dict[str, Any] = {}
    i = 0
    while i < len(pairs):
        option = pairs[i]
        field = option[2:] if option.startswith("--") else ""
        value: str | None = None
        if "=" in field:
            field, value = field.split("=", 1)
        elif i + 1 < len(pairs):
            value = pairs[i + 1]
            i += 1
        i += 1
        if field not in EDIT_FIELDS:
            raise JournalError(f"Unknown field {option!r} (fields: " + ", ".join(f"--{f}" for f in EDIT_FIELDS) + ").")
        if value is None:
            raise JournalError(f"{option} needs a value.")
        if field in _LIST_FIELDS:
            out.setdefault(_LIST_FIELDS[field], []).append(value)
        elif field == "cadence":
            out["cadence_days"] = _cadence(value)
        else:
            out[field.replace("-", "_")] = value
    return out


def _pop_db(pairs: list[str]) -> Path | None:
    """``--db PATH`` given after the fields of ``contact edit`` (argparse left it among them)."""
    for i, item in enumerate(pairs):
        if item == "--db" and i + 1 < len(pairs):
            path = pairs[i + 1]
            del pairs[i:i + 2]
            return Path(path)
        if item.startswith("--db="):
            del pairs[i]
            return Path(item[5:])
    return None


def _cadence(value: str | None) -> int | None:
    if value is None or value.strip().lower() in ("", "default"):
        return None
    if not value.strip().isdigit():
        raise JournalError(f"--cadence: {value!r} is not a whole number of days (0 or more, or 'default').")
    return int(value)


def cmd_contact(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal import ops

    if args.verb == "add":
        _open(db_path, create=True)
        changes = ops.add_contact(args.name, stage=args.stage, company=args.company, title=args.title,
                                  emails=args.email, phones=args.phone, tags=args.tag,
                                  cadence_days=_cadence(args.cadence))
        print(f"Added #{changes.id} {args.name.strip()}.")
        return 0
    pairs = list(getattr(args, "changes", []))
    db_path = _pop_db(pairs) or db_path
    _open(db_path)
    cid, name = resolve_contact(args.contact)
    if args.verb == "edit":
        fields = _edit_changes(pairs)
        stage = fields.pop("stage", None)
        from dealjournal.store.db import db

        with db.atomic():  # all fields or none
            if fields:
                ops.edit_contact(cid, **fields)
            if stage is not None:
                ops.set_stage(cid, stage)
        _after(frozenset({cid}))
        print(f"Changed #{cid} {fields.get('name', name)}.")
    elif args.verb == "archive":
        ops.archive_contact(cid, not args.undo)
        _after(frozenset({cid}))
        print(f"{'Took' if args.undo else 'Archived'} #{cid} {name}{' out of the archive' if args.undo else ''}.")
    elif args.verb == "merge":
        from dealjournal.safety.backup import backup_before
        from dealjournal.sync import journal as sync_journal

        into, into_name = resolve_contact(args.into)
        if into == cid:
            raise JournalError(f"#{cid} {name} cannot be merged into itself.")
        backup_before("merge")
        sync_journal.merge_contacts(cid, into)
        print(f"Merged #{cid} {name} into #{into} {into_name} (a backup was taken first).")
    else:
        from dealjournal.safety.backup import backup_before

        backup_before("delete")
        ops.delete_contact(cid)
        print(f"Deleted #{cid} {name} and everything about them (a backup was taken first).")
    return 0


def cmd_report_today(args: argparse.Namespace, db_path: Path | None) -> int:
    """``report today``: the agenda as a table or as DOMAIN.md's JSON."""
    from dealjournal.health import today

    _open(db_path)
    as_of: date = args.as_of or domain.today()
    if args.json:
        print(json.dumps(today.report(as_of), ensure_ascii=False, indent=2))
    else:
        print(tables.today_table(as_of, today.agenda(as_of), today.upcoming(as_of)))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Path | None], int]] = {
    "log": cmd_log, "remind": cmd_remind, "snooze": cmd_snooze, "contact": cmd_contact,
}
