"""The ``dealjournal`` command: the window when run alone, otherwise a subcommand.

The command line never imports Qt: only the bare ``dealjournal`` (which opens the window)
loads :mod:`dealjournal.gui`. Exit status: 0 success, 1 a problem the user can fix (the
message goes to stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dealjournal import __version__
from dealjournal.cli import accounts as accounts_cli
from dealjournal.cli import backup as backup_cli
from dealjournal.cli import capture as capture_cli
from dealjournal.cli import journal as journal_cli
from dealjournal.cli import sync as sync_cli
from dealjournal.cli import tables
from dealjournal.errors import JournalError

if TYPE_CHECKING:
    from dealjournal.contact_import import ImportPlan, PlanRow
    from dealjournal.store.db import Check

log = logging.getLogger(__name__)


def _as_of(text: str) -> date:
    from dealjournal.domain import parse_day

    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


IMPORT_FORMATS = ("auto", "json", "vcard", "linkedin", "google", "outlook", "csv")


def _column_choice(text: str) -> tuple[str, str]:
    field, sep, column = text.partition("=")
    if not sep or not field.strip() or not column.strip():
        raise argparse.ArgumentTypeError(f"expected FIELD=COLUMN, not {text!r}")
    return field.strip(), column.strip()


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", type=Path, default=argparse.SUPPRESS,
                        help="the journal file (default: $DEALJOURNAL_DB, else the user data folder)")
    parser = argparse.ArgumentParser(
        prog="dealjournal", parents=[common],
        description="Deal Journal: your relationships, and which ones have gone quiet or one-sided. "
                    "Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"dealjournal {__version__}")
    parser.add_argument("--agent", action="store_true", help=argparse.SUPPRESS)  # the reminder agent (autostart)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", parents=[common],
                       help="import a Deal Journal JSON file, or contacts from vCard, LinkedIn, Google, "
                            "Outlook or any CSV file")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=IMPORT_FORMATS, default="auto",
                   help="the file's format (default: detected)")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN", type=_column_choice,
                   help="read FIELD from the CSV column COLUMN (repeatable; fields: "
                        "name, given_name, family_name, company, title, email, phone, website, location, "
                        "notes, tags, linkedin_url)")
    p.add_argument("--on-duplicate", choices=("merge", "skip", "add"), default="merge",
                   help="what to do with a contact the journal (or the file) already has: merge it into "
                        "the other one (default), skip it, or add it anyway")
    p.add_argument("--dry-run", action="store_true",
                   help="show what the import would do (new, merged, skipped rows and why); write nothing")
    p = sub.add_parser("export", parents=[common],
                       help="export the journal: JSON ('-' for stdout), contacts as CSV or vCard, "
                            "follow-ups as iCalendar")
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "csv", "vcard", "ics"),
                   help="default: from the extension (.json, .csv, .vcf, .ics)")
    p = sub.add_parser("report", parents=[common], help="print a report")
    reports = p.add_subparsers(dest="report", metavar="REPORT", required=True)
    for name, text in (("today", "what to do today: replies owed, follow-ups due, stale and one-sided contacts"),
                       ("health", "stale and one-sided relationships"), ("followups", "open follow-ups")):
        r = reports.add_parser(name, parents=[common], help=text)
        r.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD", help="the day to judge (default: today)")
        r.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p = sub.add_parser("check", parents=[common], help="check the journal's integrity")
    p.add_argument("--repair", action="store_true", help="recompute derived data if it is out of date")
    p = sub.add_parser("demo", help="write a sample journal to PATH")
    p.add_argument("path", type=Path)
    capture_cli.add_parsers(sub, common)
    accounts_cli.add_parsers(sub, common)
    backup_cli.add_parsers(sub, common)
    journal_cli.add_parsers(sub, common)
    sync_cli.add_parsers(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    db_path: Path | None = getattr(args, "db", None)
    if args.command is None:
        from dealjournal.gui.app import run, run_agent  # the only place the command line loads Qt

        return run_agent(db_path) if args.agent else run(db_path)
    try:
        status = _COMMANDS[args.command](args, db_path)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except JournalError as exc:
        print(f"dealjournal: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `dealjournal report health | head`: the reader had enough
        _stdout_to_devnull()
        return 0
    finally:
        from dealjournal.store import close_journal

        close_journal()


def _stdout_to_devnull() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush at exit
    does not fail on the closed pipe again (Python's documented recipe for SIGPIPE)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _open(db_path: Path | None, *, create: bool = False, check: Check = "due") -> Path:
    """Open the journal; ``quick_check`` first only when it is due (see :func:`dealjournal.store.db.check_is_due`)."""
    from dealjournal.store import default_journal_path, open_journal

    path = db_path or default_journal_path()
    open_journal(path, create=create, check=check)
    return path


def _cmd_import(args: argparse.Namespace, db_path: Path | None) -> int:
    fmt = args.format
    if fmt == "json" or (fmt == "auto" and not args.map and _detected_format(args.file) == "json"):
        from dealjournal import interchange

        prepared = interchange.prepare_file(args.file)  # validated before any journal is touched
        if args.dry_run:
            print(f"{args.file} is a valid Deal Journal file; nothing was written (--dry-run).")
            return 0
        _open(db_path, create=True)
        _backup_before_import()
        summary = interchange.import_prepared(prepared)
        print(f"Imported {summary} from {args.file}.")
        return 0
    return _import_contacts(args, db_path)


def _detected_format(path: Path) -> str | None:
    """The format :func:`importers.detect_file_format` sees in *path* (None when it sees none,
    or the file cannot be read: the importer then says why)."""
    from dealjournal.importers import HEAD_SIZE, ImportFormatError, detect_file_format

    try:
        with path.open("rb") as handle:
            return detect_file_format(handle.read(HEAD_SIZE), path.name)
    except (OSError, ImportFormatError):
        return None


def _backup_before_import() -> None:
    from dealjournal.safety.backup import backup_before

    backup_before("import")


def _import_contacts(args: argparse.Namespace, db_path: Path | None) -> int:
    """A contact file: parsed and planned before any journal is opened or created."""
    from dealjournal.contact_import import apply_plan, plan_import
    from dealjournal.importers import ImportFormatError, parse_file
    from dealjournal.store import default_journal_path

    column_map = dict(args.map) if args.map else None
    try:
        result = parse_file(args.file, None if args.format == "auto" else args.format, column_map)
    except ImportFormatError as exc:
        raise JournalError(f"Cannot import {args.file}: {exc}.") from None
    if not result.contacts and not result.skipped:
        why = "; ".join(result.warnings) or "the file holds no contacts"
        raise JournalError(f"Nothing to import from {args.file}: {why}.")
    path = db_path or default_journal_path()
    if path.exists():
        _open(path)  # an existing journal: duplicates are looked for in it
    plan = plan_import(result, on_duplicate=args.on_duplicate)
    if args.dry_run:
        print(_preview(args.file, plan))
        return 0
    if plan.writes_anything:
        _open(path, create=True)
        _backup_before_import()
        outcome = apply_plan(plan)
        print(f"Imported {args.file} ({plan.format}): {outcome}.")
    else:
        print(f"Nothing imported from {args.file} ({plan.format}): {plan.summary()}.")
    skipped = [r for r in plan.rows if r.action == "skip"]
    if skipped:
        print(_row_lines(skipped, "Skipped"))
    return 0


def _preview(file: Path, plan: ImportPlan) -> str:
    lines = [f"Preview of {file} ({plan.format}, duplicates: {plan.on_duplicate}): {plan.summary()}.",
             "Nothing was written (--dry-run)."]
    for action, title in (("skip", "Skipped"), ("merge", "Merged")):
        rows = [r for r in plan.rows if r.action == action]
        if rows:
            lines.append(_row_lines(rows, title))
    added_anyway = [r for r in plan.rows if r.action == "new" and r.reason]
    if added_anyway:
        lines.append(_row_lines(added_anyway, "Added although duplicates"))
    if plan.warnings:
        lines.append("Warnings:")
        lines += [f"  {tables.cell(w, 200).rstrip()}" for w in plan.warnings]
    return "\n".join(lines)


def _row_lines(rows: list[PlanRow], title: str, limit: int = 200) -> str:
    lines = [f"{title} ({len(rows):,}):"]
    for row in rows[:limit]:
        name = f"{tables.cell(row.name, 40).rstrip()}: " if row.name else ""
        into = ""
        if row.action == "merge":
            into = (f" → #{row.contact_id} {tables.cell(row.target_name or '', 40).rstrip()}" if row.contact_id
                    else f" → line {row.same_as_line}")
        lines.append(f"  line {row.line}: {name}{tables.cell(row.reason, 160).rstrip()}{into}")
    if len(rows) > limit:
        lines.append(f"  … and {len(rows) - limit:,} more")
    return "\n".join(lines)


def _cmd_export(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal import exports

    fmt = args.format or ("json" if args.file == "-" else exports.format_for_path(args.file))
    if fmt is None:
        print(f"dealjournal export: cannot tell the format from {args.file!r}; use a .json, .csv, .vcf or "
              ".ics name or --format", file=sys.stderr)
        return 2
    _open(db_path)
    if args.file == "-":
        if fmt == "json":
            from dealjournal import interchange

            json.dump(interchange.export_document(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(exports.render(fmt)[0])
            sys.stdout.buffer.flush()
        return 0
    count = exports.export_file(Path(args.file), fmt)
    print(f"Exported {count:,} {exports.NOUNS[fmt]}{'' if count == 1 else 's'} to {args.file} ({fmt}).")
    return 0


def _cmd_report(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.domain import today

    if args.report == "today":
        return journal_cli.cmd_report_today(args, db_path)
    _open(db_path)
    as_of = args.as_of or today()
    if args.report == "health":
        from dealjournal.health import rules as health

        print(health.report_json(as_of) if args.json else tables.health_table(health.report(as_of)))
    else:
        from dealjournal.health.followups import open_followups

        items = open_followups(as_of)
        if args.json:
            print(json.dumps({"as_of": as_of.isoformat(), "followups": [f.to_json() for f in items]},
                             ensure_ascii=False, indent=2))
        else:
            print(tables.followups_table(as_of, items))
    return 0


def _cmd_check(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.health import touches
    from dealjournal.safety import check

    path = _open(db_path, check=True)  # the explicit check: always
    found = check.problems()
    if found and args.repair and not any(p.startswith("SQLite") for p in found):
        touches.refresh()
        found = check.problems()
        if not found:
            print(f"{path}: repaired (derived touch data recomputed)")
            return 0
    if found:
        raise JournalError(f"{path} has problems:\n" + "\n".join(f"  {p}" for p in found))
    print(f"{path}: ok")
    return 0


def _cmd_demo(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.ops.sample import write_demo

    write_demo(args.path)
    print(f"Wrote a sample journal to {args.path}")
    return 0


_COMMANDS = {"import": _cmd_import, "export": _cmd_export, "report": _cmd_report,
             "check": _cmd_check, "demo": _cmd_demo, **backup_cli.COMMANDS, **journal_cli.COMMANDS,
             **capture_cli.COMMANDS, **accounts_cli.COMMANDS, **sync_cli.COMMANDS}


if __name__ == "__main__":
    raise SystemExit(main())
