"""``dealjournal sync``, ``conflicts`` and ``resolve``: sync between the user's devices through a
folder that Syncthing, Dropbox or the like keeps in step (see :mod:`dealjournal.sync.journal`).

Messages never name a contact, except in the output that was asked for (``conflicts``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", parents=[common],
                       help="one sync pass through the sync folder: publish this computer's changes, "
                            "apply the other devices'")
    p.add_argument("--folder", type=Path, metavar="DIR",
                   help="the sync folder (kept in step between your devices; remembered)")
    p.add_argument("--device-name", metavar="NAME", help="what this computer is called in conflicts (remembered)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p = sub.add_parser("conflicts", parents=[common],
                       help="values two devices changed at once, and contacts deleted on one device "
                            "while edited on another")
    p.add_argument("--json", action="store_true", help="print JSON instead of a list")
    p = sub.add_parser("resolve", parents=[common], help="settle a conflict (the next sync publishes it)")
    p.add_argument("conflict", metavar="CONFLICT-ID")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--pick", type=int, metavar="N", help="keep the Nth value of the list (1 = the newest)")
    which.add_argument("--value", metavar="TEXT", help="set another value")


def _open(db_path: Path | None, *, create: bool = False) -> None:
    from dealjournal.store import default_journal_path, open_journal

    open_journal(db_path or default_journal_path(), create=create, check="due")


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def cmd_sync(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.sync import journal

    _open(db_path, create=args.folder is not None)  # a new computer joins with an empty journal
    report = journal.sync(args.folder, args.device_name)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    lines = [f"Synced with {report.folder} as {report.device_name} ({report.device})."]
    if report.first:
        lines.append("First sync of this journal: all of it was published once.")
    lines.append(f"Published {_plural(report.published_changes, 'change')} in {_plural(report.published_files, 'file')}; "
                 f"applied {_plural(report.applied_changes, 'change')} from {_plural(report.applied_files, 'file')}"
                 f" ({_plural(report.rows, 'row')} of the journal).")
    if report.waiting:
        lines.append(f"{_plural(report.waiting, 'file')} waiting for earlier files to arrive.")
    if report.incomplete:
        lines.append(f"{_plural(report.incomplete, 'file')} still arriving (read at the next sync).")
    if report.held:
        lines.append(f"{_plural(len(report.held), 'file')} written by a newer version of Deal Journal "
                     f"(format {max(v for _, v in report.held)}) held until you update: "
                     + ", ".join(p for p, _ in report.held[:5]) + ("…" if len(report.held) > 5 else ""))
    if report.malformed:
        lines.append(f"{_plural(len(report.malformed), 'file')} damaged and skipped: "
                     + ", ".join(report.malformed[:5]))
    if report.republished:
        lines.append(f"{_plural(report.republished, 'file')} of this computer's gone from the folder, written again.")
    if report.new_device:
        lines.append(f"Another copy of this journal wrote as {report.new_device[0]} (a cloned disk or a restored "
                     f"backup); this one now writes as {report.new_device[1]}.")
    if report.skipped_rows:
        lines.append(f"{_plural(report.skipped_rows, 'record')} could not be stored (their contact is not here).")
    issues = []
    if report.conflicts:
        issues.append(_plural(report.conflicts, "conflict"))
    if report.deleted_elsewhere:
        issues.append(f"{_plural(report.deleted_elsewhere, 'record')} deleted on another device while edited here")
    lines.append(("To settle: " + ", ".join(issues) + " (dealjournal conflicts).") if issues else "No conflicts.")
    print("\n".join(lines))
    return 0


def _show(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def cmd_conflicts(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.sync import journal

    _open(db_path)
    found = journal.conflicts()
    if args.json:
        print(json.dumps({"conflicts": [c.to_json() for c in found]}, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("No conflicts.")
        return 0
    out = []
    for c in found:
        what = "deleted on another device while edited here" if c.field == journal.DELETED else c.field
        out.append(f"{c.id}  {c.kind} {c.who or ''}: {what}")
        for n, cand in enumerate(c.candidates, 1):
            when = f", {cand.at}" if cand.at else ""
            out.append(f"    {n}. {_show(cand.value)}   ({cand.device_name}{when})")
    out.append("Settle one with: dealjournal resolve ID --pick N (or --value TEXT).")
    print("\n".join(out))
    return 0


def cmd_resolve(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.sync import journal

    _open(db_path)
    c = journal.resolve(args.conflict, pick=args.pick, value=args.value)
    print(f"Settled {c.id} ({c.kind}, {'deleted' if c.field == journal.DELETED else c.field}); "
          "the next sync publishes it.")
    return 0


COMMANDS = {"sync": cmd_sync, "conflicts": cmd_conflicts, "resolve": cmd_resolve}
