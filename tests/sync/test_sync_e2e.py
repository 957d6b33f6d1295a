"""Sync end to end with real Syncthing (issue 14): three journals, each on "its own laptop" (a
Syncthing instance's folder as its sync folder), edited through the real ``dealjournal``
command; ``dealjournal sync`` on each until Syncthing is idle and no pass applies anything; the
three exports are identical. Then one instance is killed in the middle of receiving a big
change file, restarted, and everything still converges. All of it within 60 s."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.sync.syncthing import FOLDER_ID, Cluster, report

REPO = Path(__file__).resolve().parents[2]
BUDGET_S = 60.0


class Journal:
    def __init__(self, path: Path, folder: Path, name: str) -> None:
        self.path, self.folder, self.name = path, folder, name

    def dj(self, *args: str | Path) -> str:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
        done = subprocess.run([sys.executable, "-m", "dealjournal", *map(str, args), "--db", str(self.path)],
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    def sync(self) -> dict[str, Any]:
        return json.loads(self.dj("sync", "--folder", self.folder, "--device-name", self.name, "--json"))  # type: ignore[no-any-return]

    def export(self) -> str:
        doc = json.loads(self.dj("export", "-"))
        doc.pop("exported_at")
        return json.dumps(doc, sort_keys=True)


def settle(cluster: Cluster, journals: list[Journal], deadline: float) -> int:
    """Sync every journal until Syncthing is idle and a whole round applies nothing; the rounds."""
    rounds = 0
    while True:
        rounds += 1
        assert time.monotonic() < deadline, "no convergence within the budget"
        cluster.wait_idle(max(1.0, deadline - time.monotonic()))
        applied = sum(j.sync()["applied"]["files"] for j in journals)
        cluster.wait_idle(max(1.0, deadline - time.monotonic()))
        published = sum(j.sync()["published"]["files"] for j in journals)
        if not applied and not published and rounds > 1:
            return rounds


def test_three_journals_converge_through_syncthing_even_after_a_kill(syncthing_cluster: Cluster,
                                                                     tmp_path: Path) -> None:
    cluster = syncthing_cluster
    started = time.monotonic()
    deadline = started + BUDGET_S
    journals = [Journal(tmp_path / f"laptop{i}.sqlite3", cluster.folder(i), f"laptop{i}") for i in range(3)]
    a, b, c = journals
    a.dj("contact", "add", "Anna Lindqvist", "--email", "anna@example.com", "--stage", "engaged", "--tag", "fintech")
    a.dj("log", "Anna", "--kind", "call", "--direction", "out", "--summary", "intro call", "--at", "2026-11-20T10:00")
    b.dj("contact", "add", "Jonas Schneider", "--company", "Schneider AG")
    c.dj("contact", "add", "Mia Rossi", "--phone", "+39 06 1234")
    for j in journals:
        j.sync()
    rounds = settle(cluster, journals, deadline)
    report(f"first sync of 3 journals ({rounds} rounds)", time.monotonic() - started)
    # concurrent edits: a conflict on one field, edits of different fields, an interaction each
    b.dj("contact", "edit", "Anna", "--company", "from b")
    c.dj("contact", "edit", "Anna", "--company", "from c")
    a.dj("contact", "edit", "Jonas", "--location", "Berlin")
    c.dj("log", "Jonas", "--kind", "email", "--direction", "in", "--summary", "re: offer", "--at", "2026-11-21T09:00")
    for j in journals:
        j.sync()
    settle(cluster, journals, deadline)
    exports = [j.export() for j in journals]
    assert exports[0] == exports[1] == exports[2]
    conflicts = [json.loads(j.dj("conflicts", "--json"))["conflicts"] for j in journals]
    assert all(len(found) == 1 and found[0]["field"] == "company" for found in conflicts)
    a.dj("resolve", conflicts[0][0]["id"], "--pick", "1")
    report("edits, a conflict, converged", time.monotonic() - started)

    # a big change (2,000 contacts imported on a) that instance 2 is receiving when it is killed
    document = tmp_path / "many.json"
    document.write_text(json.dumps({"format": "dealjournal", "version": 1, "contacts": [
        {"id": f"p{k}", "name": f"Person {k}", "notes": os.urandom(120).hex(), "created_on": "2026-11-01"}
        for k in range(2000)]}))
    a.dj("import", document)
    cluster.limit_recv(2, 256)
    since = cluster[2].last_event_id()
    a.sync()
    cluster.scan(0)
    progress = cluster.wait_event(2, ["DownloadProgress"],
                                  lambda e: any(f.get("bytesDone", 0) > 0 for f in e["data"].get(FOLDER_ID, {}).values()),
                                  since=since)
    cluster.kill(2)
    report(f"killed #2 mid-transfer ({list(progress['data'][FOLDER_ID])})", time.monotonic() - started)
    c.sync()                                   # while its Syncthing is down: half a file is no file
    b.dj("contact", "edit", "Mia", "--company", "Rossi SpA")
    b.sync()
    cluster.restart(2)
    cluster.limit_recv(2, 0)
    settle(cluster, journals, deadline)
    exports = [j.export() for j in journals]
    assert exports[0] == exports[1] == exports[2]
    doc = json.loads(exports[0])
    assert len(doc["contacts"]) == 2003
    assert {c["name"]: c["company"] for c in doc["contacts"] if not c["name"].startswith("Person")} == {
        "Anna Lindqvist": conflicts[0][0]["candidates"][0]["value"], "Jonas Schneider": "Schneider AG",
        "Mia Rossi": "Rossi SpA"}
    assert all(json.loads(j.dj("conflicts", "--json"))["conflicts"] == [] for j in journals)
    took = time.monotonic() - started
    report("three journals through Syncthing, with a kill", took)
    assert took < BUDGET_S
