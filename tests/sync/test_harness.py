"""The Syncthing harness itself, with plain files: three instances converge on distinct files,
survive a SIGKILL in the middle of a transfer, and make a conflict copy of concurrent edits;
nothing listens or talks anywhere but on 127.0.0.1; nothing is left running."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

from tests.sync.syncthing import FOLDER_ID, Cluster, loopback_violations, report, tree_digest

CONFLICT = re.compile(r"^(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}(-[A-Z0-9]{7})?(?P<ext>\.[^.]*)?$")
ROUND_WITHIN = 20.0   # seconds one round may take before the test fails (seconds are expected)


def _digests(cluster: Cluster) -> list[dict[str, str]]:
    return [tree_digest(cluster.folder(i)) for i in range(len(cluster))]


def _assert_same_everywhere(cluster: Cluster) -> dict[str, str]:
    digests = _digests(cluster)
    for i, digest in enumerate(digests[1:], 1):
        assert digest == digests[0], f"folder {i} differs from folder 0"
    return digests[0]


def test_distinct_files_reach_every_folder(syncthing_cluster: Cluster) -> None:
    cluster = syncthing_cluster
    expected: dict[str, bytes] = {}
    for i in range(len(cluster)):   # round 1: new files (and a subfolder) on every instance
        for k in range(3):
            name = f"from{i}/note-{k}.txt" if k else f"top-{i}.txt"
            data = f"instance {i}, file {k}\n".encode() * (k + 1)
            path = cluster.folder(i) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            expected[name] = data
    took = cluster.wait_idle(ROUND_WITHIN)
    report("new files on 3 instances", took)
    for i in range(len(cluster)):
        for name, data in expected.items():
            assert (cluster.folder(i) / name).read_bytes() == data, f"{name} in folder {i}"
    assert set(_assert_same_everywhere(cluster)) == set(expected)

    (cluster.folder(1) / "top-0.txt").write_bytes(b"changed on 1\n")   # round 2: edit, delete, rename
    (cluster.folder(2) / "from0" / "note-1.txt").unlink()
    (cluster.folder(0) / "from1" / "note-2.txt").rename(cluster.folder(0) / "from1" / "renamed.txt")
    took = cluster.wait_idle(ROUND_WITHIN)
    report("edit + delete + rename", took)
    final = _assert_same_everywhere(cluster)
    assert "from0/note-1.txt" not in final and "from1/note-2.txt" not in final
    for i in range(len(cluster)):
        assert (cluster.folder(i) / "top-0.txt").read_bytes() == b"changed on 1\n"
        assert (cluster.folder(i) / "from1" / "renamed.txt").read_bytes() == expected["from1/note-2.txt"]

    took = cluster.wait_idle(ROUND_WITHIN)   # round 3: nothing changed — the cost of the check itself
    report("no change (scan + check)", took)


def test_kill_mid_transfer_then_restart_converges(syncthing_cluster: Cluster) -> None:
    cluster = syncthing_cluster
    cluster.limit_recv(2, 256)   # KiB/s: the 2 MiB take ~8 s to reach instance 2, long enough to kill it
    data = os.urandom(2 * 1024 * 1024)   # random: no all-zero blocks that need no transfer
    since = cluster[2].last_event_id()
    started = time.monotonic()
    (cluster.folder(0) / "big.bin").write_bytes(data)
    cluster.scan(0)
    cluster.wait_event(2, ["ItemStarted"], lambda e: e["data"].get("item") == "big.bin", since=since)
    progress = cluster.wait_event(2, ["DownloadProgress"],
                                  lambda e: any(f.get("bytesDone", 0) > 0 for f in
                                                e["data"].get(FOLDER_ID, {}).values()), since=since)
    done = progress["data"][FOLDER_ID]["big.bin"]
    cluster.kill(2)
    assert not (cluster.folder(2) / "big.bin").exists(), "the transfer had finished before the kill"
    assert not cluster[2].pids(), "a killed instance left a process behind"
    report(f"2 MiB: killed #2 at {done.get('bytesDone')}/{done.get('bytesTotal')} B", time.monotonic() - started)

    restarted = time.monotonic()
    cluster.restart(2)
    cluster.limit_recv(2, 0)
    cluster.wait_idle(ROUND_WITHIN)
    report("restart after SIGKILL -> converged", time.monotonic() - restarted)
    digest = _assert_same_everywhere(cluster)
    assert (cluster.folder(2) / "big.bin").read_bytes() == data
    assert set(digest) == {"big.bin"}
    assert not [p for p in cluster.folder(2).iterdir() if p.name.startswith(".syncthing.")], "temp file left"

    (cluster.folder(2) / "after.txt").write_text("written after the restart\n")   # a clean restart too
    cluster.restart(1)
    took = cluster.wait_idle(ROUND_WITHIN)
    report("clean restart of #1 + new file", took)
    assert set(_assert_same_everywhere(cluster)) == {"big.bin", "after.txt"}


def test_concurrent_edits_make_a_conflict_copy(syncthing_cluster: Cluster) -> None:
    cluster = syncthing_cluster
    (cluster.folder(0) / "journal.txt").write_text("base\n")
    cluster.wait_idle(ROUND_WITHIN)
    edits = {0: "edited on 0\n", 1: "edited on 1, longer\n"}
    started = time.monotonic()
    for i, text in edits.items():   # both before either has been scanned (the watcher waits 1 s)
        (cluster.folder(i) / "journal.txt").write_text(text)
    for i in edits:
        cluster.scan(i)
    took = cluster.wait_idle(ROUND_WITHIN)
    report("concurrent edit -> conflict copy everywhere", time.monotonic() - started)
    names = _assert_same_everywhere(cluster)
    copies = sorted(name for name in names if CONFLICT.match(name))
    # One copy, usually; but a third device that had already taken the losing edit makes a
    # conflict copy of its own when the winner reaches it: the same content, a second name.
    assert copies, f"no conflict copy, only {sorted(names)}"
    assert set(names) == {"journal.txt", *copies}
    for name in copies:
        match = CONFLICT.match(name)
        assert match is not None and match["stem"] == "journal" and match["ext"] == ".txt", name
    for i in range(len(cluster)):
        kept = (cluster.folder(i) / "journal.txt").read_text()
        lost = {(cluster.folder(i) / name).read_text() for name in copies}
        assert kept in edits.values() and lost == set(edits.values()) - {kept}, f"folder {i}: {kept!r} / {lost!r}"
    print(f"conflict copies: {copies}")
    assert took < ROUND_WITHIN


def test_listens_and_talks_on_loopback_only(syncthing_cluster: Cluster) -> None:
    cluster = syncthing_cluster
    (cluster.folder(0) / "x.txt").write_text("x\n")
    cluster.wait_idle(ROUND_WITHIN)
    sockets = cluster.sockets()
    assert not loopback_violations(sockets), f"off-loopback sockets: {loopback_violations(sockets)}"
    listening = {(s.ip, s.port) for s in sockets if s.state == "LISTEN"}
    wanted = {("127.0.0.1", port) for st in cluster.instances for port in (st.api_port, st.sync_port)}
    assert listening == wanted, f"listening on {sorted(listening)}, expected {sorted(wanted)}"
    assert not [s for s in sockets if s.proto.startswith("udp")], "a UDP socket (discovery?) is open"
    if shutil.which("ss"):   # the same, as a person would look at it
        pids = set(cluster.pids())
        lines = subprocess.run(["ss", "-ltnpu"], capture_output=True, text=True, check=False).stdout.splitlines()
        ours = [line for line in lines if any(f"pid={pid}," in line for pid in pids)]
        print("\n".join(ours))
        assert ours and all(" 127.0.0.1:" in line for line in ours), "\n".join(ours)


def test_stop_leaves_no_process(syncthing_cluster: Cluster) -> None:
    cluster = syncthing_cluster
    pids = cluster.pids()
    assert len(pids) >= len(cluster)
    started = time.monotonic()
    cluster.stop()
    report("clean stop of 3 instances", time.monotonic() - started)
    assert not cluster.pids()
    assert not [pid for pid in pids if Path(f"/proc/{pid}").exists()], "a syncthing process outlived stop()"
