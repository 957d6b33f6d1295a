"""``dealjournal backup``, ``restore`` and ``backups`` run as a user runs them, in a subprocess.

Until :mod:`dealjournal.cli` lists these commands, the subprocess builds the same parser
from :mod:`dealjournal.cli.backup` and runs the handler the way ``cli.main`` does;
afterwards it simply runs ``cli.main``.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from dealjournal.store.lock import lock_path

_ENTRY = textwrap.dedent("""
    import argparse, sys
    from pathlib import Path
    from dealjournal import cli
    from dealjournal.cli import backup as backup_cli
    from dealjournal.errors import JournalError
    from dealjournal.store import close_journal

    if "backup" in getattr(cli, "_COMMANDS", {}):
        raise SystemExit(cli.main(sys.argv[1:]))
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(prog="dealjournal", parents=[common])
    backup_cli.add_parsers(parser.add_subparsers(dest="command", required=True), common)
    args = parser.parse_args()
    try:
        status = backup_cli.COMMANDS[args.command](args, getattr(args, "db", None))
    except JournalError as exc:
        print(f"dealjournal: {exc}", file=sys.stderr)
        status = 1
    finally:
        close_journal()
    raise SystemExit(status)
""")


def dj(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _ENTRY, *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def _make_journal(path: Path, names: list[str]) -> None:
    from dealjournal import ops
    from dealjournal.store import close_journal, open_journal

    open_journal(path)
    for name in names:
        ops.add_contact(name)
    close_journal()


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM contact ORDER BY id")]
    finally:
        conn.close()


def test_backup_list_and_restore(tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite3"
    _make_journal(journal, ["Ada Byron", "Grace Hopper"])
    done = dj("backup", "--db", journal)
    assert done.returncode == 0, done.stderr
    assert "2 contacts" in done.stdout and "integrity check ok" in done.stdout
    [made] = list((tmp_path / "j.sqlite3.backups").glob("j.*.manual.sqlite3"))
    listed = dj("backups", "--db", journal)
    assert listed.returncode == 0 and made.name in listed.stdout and " 2 " in listed.stdout

    _make_journal(journal, ["Someone Later"])
    restored = dj("restore", made, "--db", journal)
    assert restored.returncode == 0, restored.stderr
    assert "kept in" in restored.stdout
    assert _names(journal) == ["Ada Byron", "Grace Hopper"]
    before_restore = list((tmp_path / "j.sqlite3.backups").glob("*.before-restore.sqlite3"))
    assert len(before_restore) == 1 and len(_names(before_restore[0])) == 3
    assert not lock_path(journal).exists()


def test_backup_to_a_folder(tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite3"
    _make_journal(journal, ["Ada Byron"])
    done = dj("backup", "--to", tmp_path / "usb" / "dj", "--db", journal)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "usb" / "dj").glob("j.*.manual.sqlite3"))) == 1


def test_errors_exit_1_with_a_message(tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite3"
    missing = dj("backup", "--db", journal)
    assert missing.returncode == 1 and "There is no journal" in missing.stderr
    _make_journal(journal, ["Ada Byron"])
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a database")
    bad = dj("restore", bogus, "--db", journal)
    assert bad.returncode == 1 and "not a Deal Journal backup" in bad.stderr
    assert _names(journal) == ["Ada Byron"]
    gone = dj("restore", tmp_path / "nothing.sqlite3", "--db", journal)
    assert gone.returncode == 1 and "There is no backup file" in gone.stderr
    assert "Traceback" not in bad.stderr + gone.stderr + missing.stderr


def test_restore_over_a_damaged_journal(tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite3"
    from dealjournal import ops
    from dealjournal.safety import backup
    from dealjournal.store import close_journal, open_journal

    open_journal(journal)
    for n in range(300):
        ops.add_contact(f"Person {n}", notes="x" * 300)
    made = backup.make_backup()
    close_journal()
    data = bytearray(journal.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle: middle + 8192] = b"\x5a" * 8192
    journal.write_bytes(bytes(data))
    report = dj("backup", "--db", journal)
    assert report.returncode == 1 and "damaged" in report.stderr and made.path.name in report.stderr
    assert "Traceback" not in report.stderr
    restored = dj("restore", made.path, "--db", journal)
    assert restored.returncode == 0, restored.stderr
    assert len(_names(journal)) == 300
    assert list(tmp_path.glob("j.sqlite3.corrupt-*"))
