"""Sync through the command line (issue 14): journals in their own folders sharing one plain
sync folder (a file-sync service that copies instantly). The issue's scenarios: the same field
on two laptops; an edit against a delete; a merge against an edit; a laptop offline for 100
files; a cloned device id; a file of a newer format; and a journal of today's schema synced for
the first time. Most commands run in this process (``main()``: the same parser and commands);
one test runs the real ``dealjournal`` in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dealjournal.cli.main import main
from dealjournal.store import close_journal, db, open_journal
from dealjournal.sync import changefile
from dealjournal.sync.ids import b64

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "unit" / "store" / "fixtures" / "journals"


class Laptop:
    def __init__(self, root: Path, name: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.name = name
        self.path = root / f"{name}.sqlite3"
        self.folder = folder
        self.capsys = capsys

    def run(self, *args: str, status: int = 0) -> str:
        self.capsys.readouterr()
        code = main([*args, "--db", str(self.path)])
        out = self.capsys.readouterr()
        assert code == status, (args, code, out.out, out.err)
        return out.out + out.err

    def sync(self) -> dict[str, Any]:
        return json.loads(self.run("sync", "--folder", str(self.folder), "--device-name", self.name, "--json"))

    def conflicts(self) -> list[dict[str, Any]]:
        return json.loads(self.run("conflicts", "--json"))["conflicts"]  # type: ignore[no-any-return]

    def export(self) -> dict[str, Any]:
        doc = json.loads(self.run("export", "-"))
        doc.pop("exported_at")
        return doc  # type: ignore[no-any-return]

    def sql(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        open_journal(self.path)
        try:
            return list(db.connection().execute(query, params).fetchall())
        finally:
            close_journal()


@pytest.fixture
def laptops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    folder = tmp_path / "Sync"
    folder.mkdir()

    def make(*names: str) -> list[Laptop]:
        return [Laptop(tmp_path, name, folder, capsys) for name in names]
    return make


def everyone_syncs(*devices: Laptop, rounds: int = 2) -> None:
    for _ in range(rounds):
        for dev in devices:
            dev.sync()


def converged(*devices: Laptop) -> dict[str, Any]:
    docs = [dev.export() for dev in devices]
    for doc in docs[1:]:
        assert json.dumps(doc, sort_keys=True) == json.dumps(docs[0], sort_keys=True)
    return docs[0]


def test_same_field_on_two_laptops_both_visible_then_resolved_once_everywhere(laptops: Any) -> None:
    office, home, phone = laptops("office", "home", "phone")
    office.run("contact", "add", "Anna Lindqvist", "--stage", "lead", "--company", "Lindqvist AB")
    everyone_syncs(office, home, phone)
    office.run("contact", "edit", "Anna", "--company", "Office Corp")
    home.run("contact", "edit", "Anna", "--company", "Home GmbH")
    everyone_syncs(office, home, phone)
    for dev in (office, home, phone):
        found = dev.conflicts()
        assert len(found) == 1, found
        c = found[0]
        assert (c["kind"], c["who"], c["field"]) == ("contact", "Anna Lindqvist", "company")
        values = [cand["value"] for cand in c["candidates"]]
        assert sorted(values) == ["Home GmbH", "Office Corp"]     # both visible
        assert {cand["device_name"] for cand in c["candidates"]} == {"office", "home"}
        assert [cand["at"] for cand in c["candidates"]] == sorted((cand["at"] for cand in c["candidates"]),
                                                                  reverse=True)  # newest first
        assert dev.sql("SELECT company FROM contact")[0][0] == values[0]     # the newest is shown
    text = phone.run("conflicts")
    assert "Anna Lindqvist" in text and "company" in text
    cid = phone.conflicts()[0]["id"]
    pick = 1 + [cand["value"] for cand in phone.conflicts()[0]["candidates"]].index("Home GmbH")
    assert "Settled" in phone.run("resolve", cid, "--pick", str(pick))
    assert phone.conflicts() == []
    report = phone.sync()
    assert report["published"]["changes"] == 1 and report["conflicts"] == 0
    everyone_syncs(office, home, phone)
    for dev in (office, home, phone):
        assert dev.conflicts() == []
        assert dev.sql("SELECT company FROM contact") == [("Home GmbH",)]
    converged(office, home, phone)
    assert all(dev.sync()["applied"]["files"] == 0 for dev in (office, home, phone))   # settled once


def test_resolve_with_a_value_of_ones_own(laptops: Any) -> None:
    a, b = laptops("a", "b")
    a.run("contact", "add", "Jonas", "--cadence", "30")
    everyone_syncs(a, b)
    a.run("contact", "edit", "Jonas", "--cadence", "14")
    b.run("contact", "edit", "Jonas", "--cadence", "7")
    everyone_syncs(a, b)
    (c,) = b.conflicts()
    assert c["field"] == "cadence_days" and sorted(x["value"] for x in c["candidates"]) == [7, 14]
    b.run("resolve", c["id"], "--value", "21")
    everyone_syncs(a, b)
    assert a.sql("SELECT cadence_days FROM contact") == [(21,)] and a.conflicts() == []
    converged(a, b)


def test_edit_against_delete_keeps_the_contact_flagged(laptops: Any) -> None:
    a, b = laptops("a", "b")
    a.run("contact", "add", "Jonas Schneider", "--email", "jonas@example.com")
    a.run("log", "Jonas", "--kind", "call", "--direction", "out", "--summary", "intro")
    everyone_syncs(a, b)
    a.run("contact", "delete", "Jonas")
    b.run("contact", "edit", "Jonas", "--location", "Berlin")
    everyone_syncs(a, b)
    for dev in (a, b):
        assert dev.sql("SELECT name, location FROM contact") == [("Jonas Schneider", "Berlin")]
        assert dev.sql("SELECT summary FROM interaction") == [("intro",)]    # its history stays with it
        assert dev.sql("SELECT value FROM contact_email") == [("jonas@example.com",)]
        (flag,) = dev.conflicts()
        assert flag["field"] == "deleted" and flag["who"] == "Jonas Schneider"
    assert "deleted on another device while edited here" in a.run("conflicts")
    doc = converged(a, b)
    assert [c["name"] for c in doc["contacts"]] == ["Jonas Schneider"]
    # deleting it again, having seen the edit, deletes it everywhere
    a.run("contact", "delete", "Jonas")
    everyone_syncs(a, b)
    for dev in (a, b):
        assert dev.sql("SELECT count(*) FROM contact") == [(0,)] and dev.conflicts() == []
    converged(a, b)


def test_keeping_a_contact_deleted_elsewhere(laptops: Any) -> None:
    a, b = laptops("a", "b")
    a.run("contact", "add", "Lea Moreau")
    everyone_syncs(a, b)
    a.run("contact", "delete", "Lea")
    b.run("contact", "edit", "Lea", "--company", "Moreau SA")
    everyone_syncs(a, b)
    (flag,) = a.conflicts()
    a.run("resolve", flag["id"], "--pick", "1")    # keep
    everyone_syncs(a, b)
    assert a.conflicts() == [] and b.conflicts() == []
    assert b.sql("SELECT name, company FROM contact") == [("Lea Moreau", "Moreau SA")]
    converged(a, b)


def test_merge_against_edit_moves_the_unseen_edits_to_the_survivor(laptops: Any) -> None:
    a, b = laptops("a", "b")
    a.run("contact", "add", "Mia Rossi", "--email", "mia@old.example")
    a.run("contact", "add", "Mia R.", "--phone", "+39 06 1234")
    a.run("log", "Mia Rossi", "--kind", "meeting", "--direction", "mutual", "--summary", "first meeting")
    everyone_syncs(a, b)
    [(keep,)] = a.sql("SELECT id FROM contact WHERE name = 'Mia R.'")
    assert "cannot be merged into itself" in a.run("contact", "merge", "Mia R.", "--into", f"#{keep}", status=1)
    out = a.run("contact", "merge", "Mia Rossi", "--into", "Mia R.")  # a merges the duplicate into the other
    assert out.startswith("Merged #") and "into #" in out and "backup" in out
    b.run("contact", "edit", "Mia Rossi", "--company", "Rossi SpA")   # b has not seen the merge
    b.run("log", "Mia Rossi", "--kind", "call", "--direction", "in", "--summary", "called back")
    everyone_syncs(a, b)
    for dev in (a, b):
        rows = dev.sql("SELECT name, company FROM contact")
        assert rows == [("Mia R.", "Rossi SpA")], rows
        assert dev.sql("SELECT count(*) FROM interaction i JOIN contact c ON c.id = i.contact_id "
                       "WHERE c.name = 'Mia R.'") == [(2,)]
        assert dev.sql("SELECT value FROM contact_phone") == [("+39 06 1234",)]
        assert dev.sql("SELECT value FROM contact_email") == [("mia@old.example",)]
    converged(a, b)


def test_a_laptop_offline_for_100_files(laptops: Any) -> None:
    from dealjournal import ops
    from dealjournal.sync import journal

    a, b, offline = laptops("a", "b", "offline")
    for k in range(5):
        a.run("contact", "add", f"Contact {k}")
    everyone_syncs(a, b, offline)
    offline.run("contact", "edit", "Contact 0", "--location", "offline edit")
    for k in range(100):              # a and b go on, each pass a file (in this process: faster)
        dev = (a, b)[k % 2]
        open_journal(dev.path)
        try:
            cid = db.connection().execute("SELECT id FROM contact WHERE name = ?", (f"Contact {k % 5}",)).fetchone()[0]
            ops.edit_contact(cid, notes=f"{dev.name} {k}")
            journal.sync(dev.folder, dev.name)
        finally:
            close_journal()
    files = list((a.folder / "changes").rglob("*.jsonl"))
    assert len(files) >= 100
    report = offline.sync()
    assert report["applied"]["files"] >= 100 and report["waiting"] == 0
    everyone_syncs(a, b, offline)
    doc = converged(a, b, offline)
    c0 = next(c for c in doc["contacts"] if c["name"] == "Contact 0")
    assert c0["location"] == "offline edit"


def test_a_cloned_laptop_gets_a_new_device_id_and_both_keep_their_writes(laptops: Any, tmp_path: Path) -> None:
    a, b = laptops("a", "b")
    a.run("contact", "add", "Noah Jensen")
    everyone_syncs(a, b)
    clone = Laptop(tmp_path, "clone", a.folder, a.capsys)
    shutil.copyfile(a.path, clone.path)          # the disk copied onto a new laptop
    old = a.sync()["device"]
    a.run("contact", "edit", "Noah", "--company", "from a")
    clone.run("contact", "edit", "Noah", "--location", "from the clone")
    assert a.sync()["new_device"] is None
    rc = json.loads(clone.run("sync", "--json"))  # the folder and the name came with the copy
    assert rc["new_device"] == [old, rc["device"]]           # it found a's file under its own id
    ra = a.sync()
    assert ra["new_device"] == [old, ra["device"]]           # and a the clone's
    assert len({old, ra["device"], rc["device"]}) == 3
    everyone_syncs(a, b, clone)
    for dev in (a, b, clone):
        assert dev.sql("SELECT company, location FROM contact") == [("from a", "from the clone")]
    converged(a, b, clone)


def _newer_file(folder: Path, gid: str) -> Path:
    body = b"\n".join([b'{"v":2,"d":"futurexx","s":1}',
                       json.dumps([gid, "company", "from the future", "1k8u36fia05", {"new": "shape"}]).encode()]) + b"\n"
    digest = b64(hashlib.sha256(body).digest()[:16])
    target = folder / "changes" / "futurexx" / "1.jsonl"
    target.parent.mkdir(parents=True)
    target.write_bytes(body + b'{"h":"' + digest.encode() + b'"}\n')
    return target


def test_a_file_of_a_newer_format_is_held_and_the_user_told(laptops: Any) -> None:
    a, b = laptops("a", "b")
    a.run("contact", "add", "Emma Garcia")
    everyone_syncs(a, b)
    (gid,) = a.sql("SELECT gid FROM contact")[0]
    path = _newer_file(a.folder, gid)
    for _ in range(2):
        report = b.sync()
        assert report["held"] == [{"file": path.relative_to(a.folder).as_posix(), "format": 2}]
    text = b.run("sync")
    assert "newer version of Deal Journal" in text and "held" in text
    assert path.exists()                                          # never dropped
    assert b.sql("SELECT company FROM contact") == [(None,)]
    with pytest.MonkeyPatch.context() as m:                       # the update: now it is read
        m.setattr(changefile, "FORMAT_VERSION", 2)
        m.setattr(changefile, "_check_lines", lambda lines: [line.__setitem__(slice(None), line[:4])
                                                             for line in lines])
        report = b.sync()
    assert report["held"] == [] and report["applied"]["files"] == 1
    assert b.sql("SELECT company FROM contact") == [("from the future",)]


def test_first_sync_needs_a_folder_and_a_missing_folder_is_an_error(laptops: Any, tmp_path: Path) -> None:
    (a,) = laptops("a")
    a.run("contact", "add", "Paul Novak")
    assert "--folder" in a.run("sync", status=1)
    assert "does not exist" in a.run("sync", "--folder", str(tmp_path / "nowhere"), status=1)
    a.sync()
    shutil.rmtree(a.folder)                                       # unmounted
    text = a.run("sync", status=1)
    assert "does not exist" in text and "Paul" not in text       # no personal data in messages
    assert a.sql("SELECT name FROM contact") == [("Paul Novak",)]


def test_a_journal_of_the_previous_schema_is_kept_and_published_once(laptops: Any, tmp_path: Path) -> None:
    fixture = FIXTURES / "v9.sqlite3"
    if not fixture.exists():
        fixture = FIXTURES / "v8.sqlite3"
    a, b = laptops("a", "b")
    shutil.copyfile(fixture, a.path)
    before = a.export()
    first = a.sync()
    assert first["first"] and first["published"]["files"] == 1
    files = list((a.folder / "changes").rglob("*.jsonl"))
    assert len(files) == 1
    assert a.sync()["published"]["files"] == 0                  # once
    after = a.export()
    assert after == before                                        # all data kept
    b.sync()
    assert converged(a, b) == before


def test_the_real_command(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    journal = tmp_path / "j.sqlite3"
    folder = tmp_path / "Sync"
    folder.mkdir()

    def dj(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "dealjournal", *args, "--db", str(journal)],
                              capture_output=True, text=True, env=env, timeout=120)

    assert dj("contact", "add", "Sofia Kowalski").returncode == 0
    done = dj("sync", "--folder", str(folder), "--device-name", "desk")
    assert done.returncode == 0, done.stderr
    assert "Published" in done.stdout and "No conflicts." in done.stdout and "Sofia" not in done.stdout
    assert json.loads(dj("conflicts", "--json").stdout) == {"conflicts": []}
    assert dj("resolve", "nope", "--pick", "1").returncode == 1
