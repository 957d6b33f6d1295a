"""The ``backup``, ``restore`` and ``backups`` subcommands of ``dealjournal``.

Wired into :mod:`dealjournal.cli` with :func:`add_parsers` (in ``build_parser``) and
:data:`COMMANDS` (merged into its command table). Each handler takes the parsed arguments
and the ``--db`` path (None for the default journal) and returns the exit status; problems
are raised as :class:`~dealjournal.errors.JournalError` for the CLI to print.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from dealjournal.errors import StoreError


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``backup``, ``restore`` and ``backups`` to the ``dealjournal`` subcommands."""
    p = sub.add_parser("backup", parents=[common], help="back the journal up now (checked with integrity_check)")
    p.add_argument("--to", metavar="DIR", type=Path,
                   help="write the backup into DIR (default: the folder <journal>.backups beside it)")
    p = sub.add_parser("restore", parents=[common],
                       help="replace the journal with a backup (the current journal is backed up first)")
    p.add_argument("file", type=Path, metavar="FILE")
    sub.add_parser("backups", parents=[common], help="list the journal's backups")


def _journal(db_path: Path | None) -> Path:
    from dealjournal.store import default_journal_path

    return Path(db_path) if db_path is not None else default_journal_path()


def cmd_backup(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.safety import backup
    from dealjournal.store import open_journal

    open_journal(_journal(db_path), create=False, check="due")
    made = backup.make_backup("manual", folder=args.to)
    print(f"Backup written to {made.path} ({made.contacts or 0:,} contacts, {_size(made.size)}); "
          "integrity check ok.")
    return 0


def cmd_restore(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.safety import backup

    journal = _journal(db_path)
    if not args.file.is_file():
        raise StoreError(f"There is no backup file at {args.file}.")
    safety_copy = backup.restore(args.file, journal=journal)
    print(f"Restored {journal} from {args.file}.")
    if safety_copy is not None:
        print(f"The journal as it was is kept in {safety_copy.path}.")
    return 0


def cmd_backups(args: argparse.Namespace, db_path: Path | None) -> int:
    from dealjournal.safety import backup

    found = backup.list_backups(_journal(db_path))
    if not found:
        print("No backups yet.")
        return 0
    print(f"{'TAKEN':<16}  {'SIZE':>9}  {'CONTACTS':>8}  FILE")
    for info in found:
        count = f"{info.contacts:,}" if info.contacts is not None else "damaged"
        print(f"{info.taken_at:%Y-%m-%d %H:%M}  {_size(info.size):>9}  {count:>8}  {info.path}")
    return 0


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"


COMMANDS: dict[str, Callable[[argparse.Namespace, Path | None], int]] = {
    "backup": cmd_backup, "restore": cmd_restore, "backups": cmd_backups,
}
