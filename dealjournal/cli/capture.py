"""``dealjournal capture FILE…``: touches read from exported mail, calendars, LinkedIn
archives and chats (DOMAIN.md, *Captured touches*).

Every file is read and planned before anything is written; an unreadable file ends the
command with status 1 and writes nothing. The writes are one transaction, after a backup.
``--me`` identities are remembered in the journal (Preferences ▸ Me in the window); when
the journal knows none, the files' own word is taken for this run ("the sender of the sent
mail") and said on standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from dealjournal.errors import JournalError

if TYPE_CHECKING:
    import sqlite3

    from dealjournal.capture import FilePlan


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("capture", parents=[common],
                       help="capture touches from exported mail (mbox, Maildir, .eml), calendars (.ics), "
                            "LinkedIn archives, WhatsApp chats and Telegram exports")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--me", action="append", default=[], metavar="IDENTITY",
                   help="one of your own e-mail addresses, phone numbers, profile URLs or chat names "
                        "(repeatable; remembered in the journal)")
    p.add_argument("--add-unknown", action="store_true",
                   help="add the people you talk to who aren't in your journal as contacts")
    p.add_argument("--dry-run", action="store_true", help="show what would be captured; write nothing")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    order = p.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_const", const=True,
                       help="a chat's dates read day first (31/12/25)")
    order.add_argument("--month-first", dest="day_first", action="store_const", const=False,
                       help="a chat's dates read month first (12/31/25)")


def cmd_capture(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal import ops
    from dealjournal.capture import (
        CaptureFormatError, DateOrderUnknown, Me, apply_capture, journal_me, plan_capture,
    )
    from dealjournal.store import default_journal_path, open_journal
    from dealjournal.store.settings import load_capture

    path = db_path or default_journal_path()
    if path.exists() or not args.dry_run:
        open_journal(path, create=True, check="due")
    me = journal_me(args.me)
    try:
        plan = plan_capture(args.files, me, day_first=args.day_first)
        if not me.keys:
            hints = [h for f in plan.files for h in f.me_hints]
            if not hints:
                raise JournalError("Who are you in these files? Give your address, number or chat name "
                                   "with --me (it is remembered).")
            print("dealjournal: taking you to be the owner these files name (give --me to be sure): "
                  f"{len(hints)} identit{'y' if len(hints) == 1 else 'ies'}.", file=sys.stderr)
            plan = plan_capture(args.files, Me.parse(hints, me.region), day_first=args.day_first)
    except DateOrderUnknown as exc:
        raise JournalError(f"{exc} Examples: {', '.join(exc.examples)}. "
                           "Say --day-first or --month-first.") from None
    except CaptureFormatError as exc:
        raise JournalError(f"Nothing was captured: {exc}") from None
    adding = {p.key for f in plan.files for p in f.unmatched} if args.add_unknown else set()
    if not args.dry_run:
        remember: Callable[[sqlite3.Connection | None], None] | None = None
        if args.me:
            known = load_capture().me

            def remember(_conn: sqlite3.Connection | None) -> None:
                ops.update_capture_settings(me=[*known, *args.me])
        if plan.added or adding:
            from dealjournal.safety.backup import backup_before

            backup_before("capture")
            apply_capture(plan, add=adding, also=remember)  # --me is remembered with the capture, or not at all
        elif remember is not None:
            remember(None)
    if args.json:
        print(json.dumps(plan.to_json(adding), ensure_ascii=False, indent=2))
    else:
        print(describe(plan.files, adding, args.dry_run))
    return 0


def describe(files: list[FilePlan], adding: set[str], dry_run: bool) -> str:
    """What a capture (or a fetch) found in each source, for a terminal."""
    lines = []
    for f in files:
        doc = f.to_json(adding)
        verb = "would add" if dry_run else "added"
        lines.append(f"{f.path} ({f.label or f.format}): {verb} {doc['added']:,}, already there {f.already_there:,}.")
        if f.ignored:
            lines.append("  Not touches: " + ", ".join(f"{n:,} {reason.replace('_', ' ')}"
                                                        for reason, n in sorted(f.ignored.items())))
        unmatched = [p for p in f.unmatched if p.key not in adding]
        if unmatched:
            lines.append(f"  {len(unmatched):,} people you talk to who aren't in your journal "
                         "(--add-unknown adds them):")
            lines += [f"    {p.name}{f' <{p.address}>' if p.address and p.address != p.name else ''}: "
                      f"{p.messages:,} message{'s' if p.messages != 1 else ''}" for p in unmatched[:50]]
            if len(unmatched) > 50:
                lines.append(f"    … and {len(unmatched) - 50:,} more")
        made = [p for p in f.unmatched if p.key in adding]
        if made and not dry_run:
            lines.append(f"  Added {len(made):,} new contacts.")
    if dry_run:
        lines.append("Nothing was written (--dry-run).")
    return "\n".join(lines)


COMMANDS = {"capture": cmd_capture}
