"""The ``dealjournal`` command: the window when run alone, otherwise a subcommand.

The command line never imports Qt: only the bare ``dealjournal`` (which opens the window)
loads :mod:`dealjournal.gui`. Exit status: 0 success, 1 a problem the user can fix (the
message goes to stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from dealjournal import __version__
from dealjournal.errors import JournalError

log = logging.getLogger(__name__)


def _as_of(text: str) -> date:
    from dealjournal.domain import parse_day

    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", type=Path, default=argparse.SUPPRESS,
                        help="the journal file (default: $DEALJOURNAL_DB, else the user data folder)")
    parser = argparse.ArgumentParser(
        prog="dealjournal", parents=[common],
        description="Deal Journal: your relationships, and which ones have gone quiet or one-sided. "
                    "Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"dealjournal {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", parents=[common], help="import a Deal Journal JSON file")
    p.add_argument("file", type=Path)
    p = sub.add_parser("export", parents=[common], help="export the whole journal as JSON ('-' for stdout)")
    p.add_argument("file")
    p = sub.add_parser("report", parents=[common], help="print a report")
    reports = p.add_subparsers(dest="report", metavar="REPORT", required=True)
    for name, text in (("health", "stale and one-sided relationships"), ("followups", "open follow-ups")):
        r = reports.add_parser(name, parents=[common], help=text)
        r.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD", help="the day to judge (default: today)")
        r.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p = sub.add_parser("check", parents=[common], help="check the journal's integrity")
    p.add_argument("--repair", action="store_true", help="recompute derived data if it is out of date")
    p = sub.add_parser("demo", help="write a sample journal to PATH")
    p.add_argument("path", type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    db_path: Path | None = getattr(args, "db", None)
    if args.command is None:
        from dealjournal.gui.app import run  # the only place the command line loads Qt

        return run(db_path)
    try:
        return _COMMANDS[args.command](args, db_path)
    except JournalError as exc:
        print(f"dealjournal: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    finally:
        from dealjournal.store import close_journal

        close_journal()


def _open(db_path: Path | None, *, create: bool = False) -> Path:
    from dealjournal.store import default_journal_path, open_journal

    path = db_path or default_journal_path()
    open_journal(path, create=create)
    return path


def _cmd_import(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal import interchange

    prepared = interchange.prepare_file(args.file)  # validated before any journal is touched
    _open(db_path, create=True)
    summary = interchange.import_prepared(prepared)
    print(f"Imported {summary} from {args.file}.")
    return 0


def _cmd_export(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal import interchange

    _open(db_path)
    if args.file == "-":
        json.dump(interchange.export_document(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        interchange.export_file(Path(args.file))
    return 0


def _cmd_report(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.domain import today

    _open(db_path)
    as_of = args.as_of or today()
    if args.report == "health":
        from dealjournal import health

        doc = health.report(as_of)
        print(json.dumps(doc, ensure_ascii=False, indent=2) if args.json else _health_table(doc))
    else:
        from dealjournal.followups import open_followups

        items = open_followups(as_of)
        if args.json:
            print(json.dumps({"as_of": as_of.isoformat(), "followups": [f.to_json() for f in items]},
                             ensure_ascii=False, indent=2))
        else:
            print(_followups_table(as_of, items))
    return 0


def _cmd_check(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal import check, touches

    path = _open(db_path)
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
    from dealjournal.demo import write_demo

    write_demo(args.path)
    print(f"Wrote a sample journal to {args.path}")
    return 0


_COMMANDS = {"import": _cmd_import, "export": _cmd_export, "report": _cmd_report,
             "check": _cmd_check, "demo": _cmd_demo}


# --- plain-text output ------------------------------------------------------------------

def _cell(text: str, width: int) -> str:
    """User text made safe for a terminal (no control characters) and fitted to *width*."""
    safe = "".join("\ufffd" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text)
    return (safe[: width - 1] + "…") if len(safe) > width else safe.ljust(width)


def _health_table(doc: dict) -> str:  # type: ignore[type-arg]
    contacts = doc["contacts"]
    lines = [f"Health as of {doc['as_of']} (window {doc['window_days']} days, {len(contacts)} contacts)"]
    stale = sorted((c for c in contacts if c["stale"]), key=lambda c: (-c["overdue_days"], c["name"]))
    lines += ["", f"Stale ({len(stale)})"]
    if stale:
        lines.append(f"  {'OVERDUE':>7}  {_cell('NAME', 28)}  {_cell('STAGE', 11)}  REASONS")
    for c in stale:
        lines.append(f"  {c['overdue_days']:>7}  {_cell(c['name'], 28)}  {_cell(c['stage'], 11)}  "
                     + "; ".join(c["reasons"]))
    sided = sorted((c for c in contacts if c["one_sided"]), key=lambda c: (c["one_sided"], c["name"]))
    lines += ["", f"One-sided ({len(sided)})"]
    if sided:
        lines.append(f"  {_cell('SIDE', 7)}  {_cell('NAME', 28)}  REASONS")
    for c in sided:
        lines.append(f"  {_cell(c['one_sided'], 7)}  {_cell(c['name'], 28)}  " + "; ".join(c["reasons"]))
    if not stale and not sided:
        lines += ["", "Every relationship is in good health."]
    return "\n".join(lines)


def _followups_table(as_of: date, items: list) -> str:  # type: ignore[type-arg]
    if not items:
        return f"No open follow-ups due by {as_of.isoformat()} or in the week after."
    lines = [f"Open follow-ups as of {as_of.isoformat()}", f"  {'DUE':<10}  {'WHEN':<14}  {_cell('NAME', 28)}  SUMMARY"]
    for f in items:
        when = ("today" if f.days_overdue == 0 else f"{f.days_overdue} days late" if f.days_overdue > 0
                else f"in {-f.days_overdue} days")
        lines.append(f"  {f.due_on:<10}  {when:<14}  {_cell(f.name, 28)}  {_cell(f.summary, 60).rstrip()}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
