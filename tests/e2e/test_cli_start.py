"""The command line checks the journal only where it protects something.

``quick_check`` runs before a command when it is due: the journal did not pass one today, or
it was not closed cleanly by Deal Journal since (a killed process, another program); else a
command, reading or writing, starts at once. Each run here counts the checks with SQLite's
trace callback on every connection the store opens. Timing is the bench's
(``report_health_heavy_s``, tests/perf/cli_figures.py), never a test's.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
NEWER_JOURNAL = Path(__file__).parents[1] / "unit" / "store" / "fixtures" / "journals" / "newer-journal.sqlite3"
REPO = Path(__file__).resolve().parents[2]

_TRACED = textwrap.dedent("""
    import importlib, sys
    store_db = importlib.import_module("dealjournal.store.db")
    checks = []

    class Traced(store_db._Connection):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.set_trace_callback(lambda sql: checks.append(sql) if "quick_check" in sql.lower() else None)

    store_db._Connection = Traced
    from dealjournal.cli.main import main
    try:
        status = main(sys.argv[1:])
    finally:
        sys.stderr.write(f"\\nquick_checks={len(checks)}\\n")
    raise SystemExit(status)
""")


class Run:
    def __init__(self, done: subprocess.CompletedProcess[str]) -> None:
        self.returncode, self.stdout = done.returncode, done.stdout
        self.stderr, _, count = done.stderr.rpartition("\nquick_checks=")
        self.checks = int(count)


def dj(*args: str | Path) -> Run:
    """``dealjournal ARGS`` in a subprocess, counting its quick_checks."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return Run(subprocess.run([sys.executable, "-c", _TRACED, *map(str, args)], capture_output=True, text=True,
                              env=env, timeout=120))


def _journal(tmp_path: Path) -> Path:
    db = tmp_path / "j.sqlite3"
    made = dj("import", FIXTURES / "rules.json", "--db", db)
    assert made.returncode == 0 and made.checks == 1, made.stderr  # a new journal: checked when made
    return db


def _files(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in db.parent.iterdir() if p.name.startswith(db.name)}


READ_ONLY = [("report", "health", "--json"), ("report", "health"), ("report", "today", "--json"),
             ("report", "followups"), ("export", "-"), ("backups",)]


def test_read_only_commands_on_a_journal_checked_today_run_no_check_and_change_nothing(tmp_path: Path) -> None:
    db = _journal(tmp_path)
    before = _files(db)
    assert sorted(before) == ["j.sqlite3", "j.sqlite3.checked"]
    for command in READ_ONLY:
        run = dj(*command, "--db", db)
        assert run.returncode == 0, (command, run.stderr)
        assert run.checks == 0, command
    assert _files(db) == before  # the journal and its record, byte for byte


def test_write_commands_on_a_journal_checked_today_run_no_check(tmp_path: Path) -> None:
    db = _journal(tmp_path)
    for command in (("contact", "add", "Newcomer Nia"), ("log", "Nia", "--kind", "call", "--direction", "out"),
                    ("remind", "Nia", "3d", "call", "again"), ("snooze", "Nia", "1w")):
        run = dj(*command, "--db", db)
        assert run.returncode == 0 and run.checks == 0, (command, run.stderr)


def test_the_first_command_of_a_day_checks_once_and_leaves_the_journal_as_it_was(tmp_path: Path) -> None:
    db = _journal(tmp_path)
    record = db.with_name("j.sqlite3.checked")
    stamp = json.loads(record.read_text())
    stamp["checked_on"] = (date.today() - timedelta(days=1)).isoformat()  # as if the last check was yesterday's
    record.write_text(json.dumps(stamp))
    journal = db.read_bytes()
    first = dj("report", "health", "--json", "--db", db)
    assert first.returncode == 0 and first.checks == 1, first.stderr
    assert db.read_bytes() == journal
    assert json.loads(record.read_text())["checked_on"] == date.today().isoformat()
    again = dj("report", "health", "--json", "--db", db)
    assert again.checks == 0 and again.stdout == first.stdout


def test_the_check_command_always_checks(tmp_path: Path) -> None:
    db = _journal(tmp_path)
    run = dj("check", "--db", db)
    assert run.returncode == 0 and run.checks == 1 and "ok" in run.stdout, run.stderr


_KILLED = textwrap.dedent("""
    import sys
    from dealjournal import ops
    from dealjournal.store import db, open_journal
    open_journal(sys.argv[1], check="due")
    if sys.argv[2] == "writer":
        ops.add_contact("Written before the kill")
    db.connection().execute("SELECT count(*) FROM contact").fetchone()
    print("ready", flush=True)
    sys.stdin.readline()
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize("killed", ["writer", "reader"])
def test_after_a_kill_9_the_next_command_checks_first(tmp_path: Path, killed: str) -> None:
    db = _journal(tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", _KILLED, str(db), killed], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.communicate()[1]
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert db.with_name("j.sqlite3-wal").exists() and db.with_name("j.sqlite3.lock").exists()  # left behind
    write = dj("contact", "add", "After the kill", "--db", db)
    assert write.returncode == 0 and write.checks == 1, write.stderr
    read = dj("report", "health", "--json", "--db", db)  # checked and closed cleanly since: not due
    assert read.checks == 0
    names = {c["name"] for c in json.loads(read.stdout)["contacts"]}
    assert "After the kill" in names and ("Written before the kill" in names) == (killed == "writer")


def test_a_read_command_after_a_kill_9_checks_too(tmp_path: Path) -> None:
    db = _journal(tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", _KILLED, str(db), "writer"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.communicate()[1]
    proc.kill()
    proc.communicate(timeout=30)
    run = dj("report", "health", "--json", "--db", db)
    assert run.returncode == 0 and run.checks == 1, run.stderr


def _damage(path: Path) -> None:
    """Overwrite three of the contact table's leaf pages (data, not the schema: opening still works)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'contact' AND pagetype = 'leaf' ORDER BY pageno")]
    finally:
        conn.close()
    assert len(pages) >= 3, pages
    data = bytearray(path.read_bytes())
    for page in pages[len(pages) // 2:][:3]:
        data[(page - 1) * size: page * size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def test_a_journal_damaged_after_todays_check_is_caught_before_a_write(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    from dealjournal import ops
    from dealjournal.store import close_journal, open_journal

    open_journal(db, check="due")
    for n in range(300):
        ops.add_contact(f"Person {n}", notes="x" * 300)
    close_journal()
    assert dj("report", "health", "--db", db).checks == 0  # checked today
    _damage(db)
    run = dj("contact", "add", "Not written", "--db", db)
    assert run.returncode == 1 and run.checks == 1
    assert "damaged" in run.stderr and "Traceback" not in run.stderr
    assert not db.exists() and list(tmp_path.glob("j.sqlite3.corrupt-*"))


def test_a_journal_of_a_newer_format_is_refused_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    shutil.copyfile(NEWER_JOURNAL, db)
    before = db.read_bytes()
    for command in (("report", "health", "--json"), ("contact", "add", "Ada")):
        run = dj(*command, "--db", db)
        assert run.returncode == 1 and "newer version of Deal Journal" in run.stderr, run.stderr
        assert "Traceback" not in run.stderr and run.checks == 0
    assert db.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["j.sqlite3"]


# --- `report health --json`: json.dumps's text, written faster --------------------------------

HOSTILE = ['Quote " and \\ backslash', "Tab\tand\nnewline\r\x01\x1f\x7f", "Zoë Ångström 静 عمر 🌸",
           "Line\u2028separator\u2029", "</script>", "\ud7ff\ue000\uffff"]


def test_report_health_json_is_exactly_json_dumps(tmp_path: Path) -> None:
    db = _journal(tmp_path)
    for name in HOSTILE:
        assert dj("contact", "add", name, "--company", name, "--db", db).returncode == 0
    for as_of in ("2026-11-22", "2026-11-25", "2026-01-01", "2030-06-30"):
        run = dj("report", "health", "--json", "--as-of", as_of, "--db", db)
        assert run.returncode == 0, run.stderr
        assert run.stdout == json.dumps(json.loads(run.stdout), ensure_ascii=False, indent=2) + "\n"
    assert {c["name"] for c in json.loads(run.stdout)["contacts"]} >= {name.strip() for name in HOSTILE}


@pytest.mark.parametrize("settings", [{}, {"window_days": 30, "stage_cadence_days": {"lead": 0, "customer": 7}}])
def test_report_json_is_the_report_as_json_dumps_writes_it(journal: Path, settings: dict[str, object]) -> None:
    from dealjournal import interchange, ops
    from dealjournal.health import rules

    interchange.import_file(FIXTURES / "rules.json")
    for name in HOSTILE:
        cid = ops.add_contact(name, created_on="2026-01-01").id
        channel = ops.add_channel(cid or 0, "linkedin").id
        ops.log_interaction(cid or 0, kind="email", direction="out", at="2026-11-01T10:00", summary=name)
        ops.follow(channel or 0, since="2026-01-02")
    if settings:
        ops.update_settings(**settings)  # type: ignore[arg-type]
    for as_of in (date(2026, 11, 22), date(2026, 12, 25), date(2026, 3, 1), date(2020, 1, 1)):
        assert rules.report_json(as_of) == json.dumps(rules.report(as_of), ensure_ascii=False, indent=2)


def test_report_json_falls_back_to_json_dumps_for_what_it_does_not_expect(journal: Path) -> None:
    from dealjournal import interchange
    from dealjournal.health import rules
    from dealjournal.store import db

    interchange.import_file(FIXTURES / "rules.json")
    db.connection().execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('stage_cadence_days', ?)",
                            (json.dumps({"lead": 12.5}),))  # not a whole number: never written by the app
    as_of = date(2026, 11, 22)
    assert '"cadence_days": 12.5' in rules.report_json(as_of)
    assert rules.report_json(as_of) == json.dumps(rules.report(as_of), ensure_ascii=False, indent=2)
    db.connection().execute("DELETE FROM contact")
    assert rules.report_json(as_of) == json.dumps(rules.report(as_of), ensure_ascii=False, indent=2)


def test_report_json_knows_every_field_of_the_report() -> None:
    from dealjournal.health import rules

    assert rules._JSON_FIELDS == tuple(f.name for f in fields(rules.ContactHealth))
