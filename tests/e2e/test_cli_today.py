"""``dealjournal report today`` and the journal-writing verbs (log, remind, snooze, contact …),
run as a script or a desktop shortcut would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli import FIXTURES, dj

# DOMAIN.md's order worked out by hand for fixtures/today.json as of 2026-11-22:
# owes a reply (longest wait first: Ned and Oscar both wrote on 11-10, so by name; Ned's snooze
# ended when he wrote again after it was set), follow-ups due (oldest first: Finn's reminder of
# 11-12, Fay's follow-up of 11-18), stale (Stan 19/14 overdue ÷ cadence, then Sam and Sue at
# 22/30 with the customer first), giving (Gus 4 unanswered, Gil 3). Zed is snoozed, Ann is
# archived, Hal is fine (his reminder is upcoming, the other one is done), Wes was answered on 11-20.
ORDER = ["Ned Snooze-ended", "Oscar Owes", "Olga Owes", "Finn Follow", "Fay Follow", "Stan Stale", "Sam Stale",
         "Sue Stale", "Gus Giving", "Gil Giving"]
KINDS = ["owes_reply"] * 3 + ["follow_up"] * 2 + ["stale"] * 3 + ["giving"] * 2


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    db = tmp_path / "today.sqlite3"
    run = dj("import", FIXTURES / "today.json", "--db", db)
    assert run.returncode == 0, run.stderr
    return db


def today(db: Path, as_of: str) -> dict:  # type: ignore[type-arg]
    run = dj("report", "today", "--as-of", as_of, "--json", "--db", db)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def test_report_today_follows_the_domain_order(journal: Path) -> None:
    doc = today(journal, "2026-11-22")
    assert doc["as_of"] == "2026-11-22"
    entries = doc["entries"]
    assert [e["name"] for e in entries] == ORDER
    assert [e["kind"] for e in entries] == KINDS
    by_name = {e["name"]: e for e in entries}
    assert by_name["Oscar Owes"]["reasons"] == ["they reached out 12 days ago and you have not replied"]
    assert by_name["Oscar Owes"]["action"] == "reply"
    assert by_name["Finn Follow"]["reasons"] == ["reminder 10 days overdue: Send the case study"]
    assert by_name["Fay Follow"]["reasons"] == ["follow-up 4 days overdue: Left a voicemail"]
    assert by_name["Stan Stale"]["reasons"] == ["33 days since last contact, cadence 14"]
    assert by_name["Gus Giving"]["reasons"][0] == "4 messages in a row without reply"
    assert [u["text"] for u in doc["upcoming"]] == ["Book the follow-up workshop"]
    table = dj("report", "today", "--as-of", "2026-11-22", "--db", journal).stdout
    assert table.index("Ned Snooze-ended") < table.index("Finn Follow") < table.index("Gil Giving")


def test_a_snoozed_contact_is_back_on_the_snooze_day(journal: Path) -> None:
    assert "Zed Snoozed" not in [e["name"] for e in today(journal, "2026-11-29")["entries"]]
    assert "Zed Snoozed" in [e["name"] for e in today(journal, "2026-11-30")["entries"]]


def test_a_new_inbound_touch_ends_the_snooze_at_once(journal: Path) -> None:
    before = [e["name"] for e in today(journal, "2026-11-25")["entries"]]
    assert "Zed Snoozed" not in before
    logged = dj("log", "Zed", "--kind", "email", "--direction", "in", "--at", "2026-11-20T10:00", "--db", journal)
    assert logged.returncode == 0, logged.stderr
    entry = next(e for e in today(journal, "2026-11-25")["entries"] if e["name"] == "Zed Snoozed")
    assert entry["kind"] == "owes_reply"


def test_snooze_and_unsnooze_from_the_command_line(journal: Path) -> None:
    assert dj("snooze", "Oscar", "2099-01-01", "--db", journal).returncode == 0
    assert "Oscar Owes" not in [e["name"] for e in today(journal, "2026-11-22")["entries"]]
    assert dj("snooze", "Oscar", "--off", "--db", journal).returncode == 0
    assert "Oscar Owes" in [e["name"] for e in today(journal, "2026-11-22")["entries"]]


def test_every_verb_works(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    added = dj("contact", "add", "Ada Byron", "--email", "ada@example.com", "--company", "Analytical Ltd",
               "--stage", "customer", "--tag", "fintech", "--cadence", "21", "--db", db)
    assert added.returncode == 0 and added.stdout.strip() == "Added #1 Ada Byron.", added.stderr
    assert dj("contact", "add", "Grace Hopper", "--db", db).returncode == 0
    run = dj("log", "ada", "--kind", "call", "--direction", "out", "--at", "2026-11-20T10:00", "--summary", "Intro",
             "--follow-up", "2026-11-27", "--db", db)
    assert run.returncode == 0, run.stderr
    assert dj("remind", "#2", "2026-12-01", "Send", "the", "deck", "--db", db).returncode == 0
    edit = dj("contact", "edit", "Grace", "--company", "Navy", "--tag", "a", "--tag", "b", "--stage", "engaged",
              "--db", db)
    assert edit.returncode == 0, edit.stderr
    assert dj("contact", "archive", "#1", "--db", db).returncode == 0
    doc = json.loads(dj("export", "-", "--db", db).stdout)
    ada, grace = doc["contacts"]
    assert (ada["company"], ada["stage"], ada["cadence_days"], ada["archived"]) == ("Analytical Ltd", "customer", 21, True)
    assert ada["emails"] == [{"label": None, "value": "ada@example.com"}] and ada["tags"] == ["fintech"]
    assert (grace["company"], grace["tags"], grace["stage"]) == ("Navy", ["a", "b"], "engaged")
    assert doc["interactions"][0] | {"contact": "c1"} == {
        "contact": "c1", "at": "2026-11-20T10:00", "kind": "call", "direction": "out", "channel": None,
        "summary": "Intro", "details": "", "goal": None, "follow_up_on": "2026-11-27", "follow_up_done": False}
    assert doc["reminders"] == [{"contact": grace["id"], "on": "2026-12-01", "text": "Send the deck",
                                 "done_on": None}]  # ids are the contacts' gids (issue "Sync")
    assert dj("contact", "archive", "#1", "--undo", "--db", db).returncode == 0
    deleted = dj("contact", "delete", "Ada Byron", "--db", db)
    assert deleted.returncode == 0, deleted.stderr
    assert [c["name"] for c in json.loads(dj("export", "-", "--db", db).stdout)["contacts"]] == ["Grace Hopper"]
    assert any((db.parent / "j.sqlite3.backups").iterdir())  # taken before the delete


@pytest.mark.parametrize(("args", "says"), [
    (["log", "Nobody", "--kind", "call", "--direction", "out"], "No contact is called 'Nobody'."),
    (["log", "Stale", "--kind", "call", "--direction", "out"], "Which one? 3 contacts match 'Stale': #5 Sam Stale"),
    (["log", "#99", "--kind", "call", "--direction", "out"], "There is no contact #99."),
    (["log", "Olga", "--kind", "dance", "--direction", "out"], "Kind 'dance' is not one of"),
    (["log", "Olga", "--kind", "call", "--direction", "out", "--at", "2026-13-01"], "not a real date"),
    (["log", "Olga", "--kind", "call", "--direction", "out", "--follow-up", "soon"], "--follow-up:"),
    (["remind", "Olga", "2026-02-30", "call"], "DATE: '2026-02-30' is not a real date."),
    (["snooze", "Olga", "yesterday"], "UNTIL:"),
    (["snooze", "Olga", "2020-01-01"], "Snooze until a day after today"),
    (["contact", "edit", "Olga", "--colour", "red"], "Unknown field '--colour'"),
    (["contact", "edit", "Olga", "--stage", "friend"], "Stage 'friend' is not one of"),
    (["contact", "edit", "Olga", "--cadence", "soon"], "--cadence: 'soon' is not a whole number"),
    (["contact", "edit", "Olga"], "Nothing to change"),
    (["contact", "archive", "Nobody"], "No contact is called 'Nobody'."),
    (["contact", "delete", "Stale"], "Which one?"),
])
def test_bad_input_exits_1_with_one_line_and_changes_nothing(journal: Path, args: list[str], says: str) -> None:
    before = json.loads(dj("export", "-", "--db", journal).stdout)
    run = dj(*args, "--db", journal)
    assert run.returncode == 1, (run.stdout, run.stderr)
    assert says in run.stderr and run.stderr.count("\n") == 1 and run.stderr.startswith("dealjournal: ")
    after = json.loads(dj("export", "-", "--db", journal).stdout)
    assert {**after, "exported_at": None} == {**before, "exported_at": None}


def test_names_are_matched_exactly_first(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    assert dj("contact", "add", "Ann", "--db", db).returncode == 0
    assert dj("contact", "add", "Anne", "--db", db).returncode == 0
    run = dj("remind", "ann", "2026-12-01", "x", "--db", db)  # "ann" is Ann exactly (ignoring case), not Anne
    assert run.returncode == 0 and "for Ann on" in run.stdout
