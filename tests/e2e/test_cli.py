"""The real ``dealjournal`` command in a subprocess, as a user or another tool runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]


def dj(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "dealjournal", *map(str, args)], capture_output=True,
                          text=True, env=full_env, timeout=120)


# Figures worked out by hand from DOMAIN.md (revision 2) for tests/e2e/fixtures/rules.json as of 2026-11-22.
EXPECTED = {
    "Mutual Meg": dict(last_touch_on="2026-11-17", last_inbound_on="2026-11-17", last_outbound_on="2026-11-17",
                       days_quiet=5, stale=False, overdue_days=None, in_window_in=1, in_window_out=1,
                       unanswered=0, owes_reply=False, one_sided=None, unanswered_shares=0, cadence_days=30),
    "Note Nora": dict(last_touch_on=None, days_quiet=82, stale=True, overdue_days=52, in_window_in=0,
                      in_window_out=0, unanswered=0, one_sided=None),
    "Future Fred": dict(last_touch_on="2026-11-01", last_inbound_on=None, last_outbound_on="2026-11-01",
                        days_quiet=21, stale=False, in_window_in=0, in_window_out=1, unanswered=1, owes_reply=False,
                        one_sided=None),
    "Zero Zoë": dict(days_quiet=690, cadence_days=0, stale=False, overdue_days=None),
    "Edge Ed": dict(last_touch_on="2026-05-27", last_inbound_on="2026-05-27", last_outbound_on="2026-05-26",
                    days_quiet=179, cadence_days=14, stale=True, overdue_days=165, in_window_in=1,
                    in_window_out=0, unanswered=0, owes_reply=True, one_sided="taking"),
    # Revision 2: unanswered_shares 1 -> 0. The share of 11-18 without a response is 4 days old, and a share
    # counts only from a week (T - 7 = 11-15); the shares of 11-10 and 11-15 have responses. unanswered stays 1:
    # the last inbound touch is the untimed response of 11-15, so the untimed share of 11-15 is not after it,
    # the share of 11-18 is.
    "Share Sam": dict(last_touch_on="2026-11-18", last_inbound_on="2026-11-15", last_outbound_on="2026-11-18",
                      days_quiet=4, in_window_in=2, in_window_out=3, unanswered=1, owes_reply=False,
                      one_sided=None, unanswered_shares=0),
    "Grace Gil": dict(last_inbound_on="2026-11-20", owes_reply=False, one_sided=None),
    "Owing Olga": dict(last_inbound_on="2026-11-19", owes_reply=True, one_sided="taking"),
    # Following on LinkedIn since 10-01, 52 days: past the two weeks to follow back, still "not followed back".
    "Giver Gus": dict(unanswered=4, in_window_out=4, one_sided="giving",
                      follow_imbalance=[{"network": "linkedin", "kind": "not_followed_back"},
                                        {"network": "x", "kind": "not_following_back"}]),
    "Both Bea": dict(unanswered=0, owes_reply=True, in_window_in=1, in_window_out=4, one_sided="taking",
                     cadence_days=60, stale=False),
    # Revision 2, same figures for another reason: his 17:00 reply comes after my 09:00 mail, so the mail does
    # not answer it (nor is it after it: unanswered 0); he wrote 2 days ago, within the grace: nothing owed yet.
    "Same-day Sid": dict(last_inbound_on="2026-11-20", last_outbound_on="2026-11-20", unanswered=0,
                         owes_reply=False, one_sided=None),
}
# The same journal three days later, where revision 2's moments and grace periods show.
EXPECTED_LATER = {
    # 5 days since his 17:00 reply, which my 09:00 mail of the same day does not answer.
    "Same-day Sid": dict(last_inbound_on="2026-11-20", unanswered=0, owes_reply=True, one_sided="taking",
                         reasons=["they reached out 5 days ago and you have not replied"]),
    # The share of 11-18 is a week old by now.
    "Share Sam": dict(unanswered_shares=1, reasons=["1 share in the last 180 days with no response"]),
    # Meg's meeting at 10:30 is one moment, inbound and outbound: it answers itself.
    "Mutual Meg": dict(unanswered=0, owes_reply=False, one_sided=None),
}


def test_import_then_report_health_json(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    imported = dj("import", FIXTURES / "rules.json", "--db", db)
    assert imported.returncode == 0, imported.stderr
    report = dj("report", "health", "--db", db, "--as-of", "2026-11-22", "--json")
    assert report.returncode == 0, report.stderr
    doc = json.loads(report.stdout)
    assert (doc["as_of"], doc["window_days"]) == ("2026-11-22", 180)
    by_name = {c["name"]: c for c in doc["contacts"]}
    assert set(by_name) == set(EXPECTED)  # the archived contact is left out
    for name, figures in EXPECTED.items():
        got = {key: by_name[name][key] for key in figures}
        assert got == figures, name
    assert "4 messages in a row without reply" in by_name["Giver Gus"]["reasons"]
    assert "82 days since added, with no contact yet, cadence 30" in by_name["Note Nora"]["reasons"]


def test_report_health_json_follows_the_moments_and_grace_periods(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    assert dj("import", FIXTURES / "rules.json", "--db", db).returncode == 0
    report = dj("report", "health", "--db", db, "--as-of", "2026-11-25", "--json")
    assert report.returncode == 0, report.stderr
    by_name = {c["name"]: c for c in json.loads(report.stdout)["contacts"]}
    for name, figures in EXPECTED_LATER.items():
        assert {key: by_name[name][key] for key in figures} == figures, name


def test_report_health_table_lists_stale_then_one_sided(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    assert dj("import", FIXTURES / "rules.json", "--db", db).returncode == 0
    out = dj("report", "health", "--as-of", "2026-11-22", "--db", db).stdout
    stale, sided = out.index("Stale (2)"), out.index("One-sided (4)")
    assert stale < out.index("Edge Ed") < out.index("Note Nora") < sided  # by overdue days
    assert out.index("Giver Gus", sided) > sided and "4 messages in a row without reply" in out


def test_report_followups(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    assert dj("import", FIXTURES / "rules.json", "--db", db).returncode == 0
    run = dj("report", "followups", "--as-of", "2026-11-22", "--db", db, "--json")
    items = json.loads(run.stdout)["followups"]
    assert [(f["name"], f["due_on"], f["days_overdue"]) for f in items] == [("Both Bea", "2026-11-20", 2)]
    assert "2 days late" in dj("report", "followups", "--as-of", "2026-11-22", "--db", db).stdout


def test_export_import_export_round_trip(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert dj("import", FIXTURES / "rules.json", "--db", first).returncode == 0
    assert dj("export", tmp_path / "one.json", "--db", first).returncode == 0
    assert dj("import", tmp_path / "one.json", "--db", second).returncode == 0
    assert dj("export", tmp_path / "two.json", "--db", second).returncode == 0
    one, two = (json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("one.json", "two.json"))
    one.pop("exported_at"), two.pop("exported_at")
    assert one == two and len(one["contacts"]) == 12


def test_db_from_environment_and_check(tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite3"
    assert dj("import", FIXTURES / "rules.json", env={"DEALJOURNAL_DB": str(db)}).returncode == 0
    checked = dj("check", env={"DEALJOURNAL_DB": str(db)})
    assert checked.returncode == 0 and checked.stdout.strip().endswith(": ok")


def test_errors_exit_1_with_message_and_usage_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "dealjournal", "version": 1, "contacts": [{"id": "c1"}]}', encoding="utf-8")
    run = dj("import", bad, "--db", tmp_path / "j.sqlite3")
    assert run.returncode == 1 and "contacts[0].name" in run.stderr and run.stdout == ""
    assert not (tmp_path / "j.sqlite3").exists()  # nothing was created for a bad file
    missing = dj("report", "health", "--db", tmp_path / "none.sqlite3")
    assert missing.returncode == 1 and "There is no journal" in missing.stderr
    assert dj("report", "health", "--as-of", "22/11/2026", "--db", tmp_path / "x").returncode == 2
    assert dj("frobnicate").returncode == 2
    assert dj("report").returncode == 2


def test_version() -> None:
    from dealjournal import __version__

    run = dj("--version")
    assert run.returncode == 0 and run.stdout.strip() == f"dealjournal {__version__}"


@pytest.mark.parametrize("hostile", ["\x1b[31mred\x1b[0m", "evil\u202etxt.exe"])
def test_table_output_neutralises_control_characters(tmp_path: Path, hostile: str) -> None:
    doc = {"format": "dealjournal", "version": 1,
           "contacts": [{"id": "c1", "name": hostile, "created_on": "2026-01-01"}]}
    path = tmp_path / "h.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    db = tmp_path / "j.sqlite3"
    assert dj("import", path, "--db", db).returncode == 0
    out = dj("report", "health", "--as-of", "2026-11-22", "--db", db).stdout
    assert "\x1b" not in out and "\u202e" not in out
    assert json.loads(dj("report", "health", "--json", "--db", db).stdout)["contacts"][0]["name"] == hostile


def _journal_with(tmp_path: Path, names: list[str]) -> Path:
    doc = {"format": "dealjournal", "version": 1,
           "contacts": [{"id": f"c{i}", "name": name, "created_on": "2026-01-01"} for i, name in enumerate(names)]}
    path = tmp_path / "names.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    db = tmp_path / "j.sqlite3"
    assert dj("import", path, "--db", db).returncode == 0
    return db


def _buffered_env() -> dict[str, str]:
    """The environment of a terminal user: standard output buffered, as Python has it by default."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return {**env, "PYTHONPATH": str(REPO)}


@pytest.mark.parametrize("people", [2, 200])  # output left in the buffer until exit, or written at once
def test_a_closed_stdout_ends_quietly_with_status_0(tmp_path: Path, people: int) -> None:
    """`dealjournal report health | head`: the reader goes away before the report is written."""
    db = _journal_with(tmp_path, [f"Person {i}" for i in range(people)])
    env = _buffered_env()
    for args in (["report", "health", "--json"], ["report", "health"], ["export", "-"]):
        proc = subprocess.Popen([sys.executable, "-m", "dealjournal", *args, "--db", str(db)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # before the command has started writing
        with proc.stderr:
            err = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 0, (args, err)
        assert err == "", (args, err)


def test_head_of_the_report_gets_its_lines(tmp_path: Path) -> None:
    db = _journal_with(tmp_path, [f"Person {i}" for i in range(2000)])
    shell = (f"{sys.executable} -m dealjournal report health --json --db {db} | head -n 3; "
             "echo \"status ${PIPESTATUS[0]}\"")
    run = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=120, env=_buffered_env())
    lines = run.stdout.splitlines()
    assert lines[:2] == ["{", '  "as_of": ' + lines[1].split(": ", 1)[1]] and lines[-1] == "status 0"
    assert run.stderr == ""


def test_table_columns_line_up_with_wide_characters(tmp_path: Path) -> None:
    db = _journal_with(tmp_path, ["陈静", "Ada Byron", "Zoë Ñandú"])
    out = dj("report", "health", "--as-of", "2026-11-22", "--db", db).stdout
    from dealjournal.cli.tables import display_width

    rows = [line for line in out.splitlines() if "days since" in line or "REASONS" in line]
    assert len(rows) == 4
    starts = {display_width(row[: row.index("REASONS" if "REASONS" in row else "325 days since")]) for row in rows}
    assert len(starts) == 1, out


def test_cells_are_fitted_by_display_width() -> None:
    from dealjournal.cli.tables import cell, display_width

    assert display_width("陈静") == 4 and display_width("e\u0301") == 1
    assert cell("陈静", 10) == "陈静      "
    assert display_width(cell("陈" * 20, 10)) == 10 and cell("陈" * 20, 10).endswith("陈… ")
    assert cell("abcdefghij", 5) == "abcd…"
