"""Figures of fetching from an IMAP account (issue 15), run by bench.py against a local
Dovecot (tests/accounts/dovecot.py: 127.0.0.1 only, a test CA's certificate, IMAPS) loaded
with 50,000 generated messages (tests/accounts/mailgen.py ``bulk``: threads, Cc, lists; a
third of them in the Sent folder), written straight into its Maildir and indexed by
``doveadm force-resync``. Each fetch runs in a child process of its own, so that its peak
memory is its own; a fetch is what "Fetch now" does before the review: read the headers
of what is new in Inbox and Sent and plan it as a capture (an empty journal's contacts).

- ``imap_first_50k_s``: the first fetch of the 50,000 (headers only, in batches);
- ``imap_incremental_ms``: a fetch when nothing is new (median of 5 after a warm-up;
  goal ≤ 500 ms): connect, TLS, login, LIST, one EXAMINE per folder, LOGOUT;
- ``imap_peak_rss_mb``: the first fetch's process's peak resident memory (goal ≤ 200).

Skipped (no figures, a line on stderr) where Dovecot is not installed.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import Bench, progress

MESSAGES = 50_000


def fetch_child(job: Path) -> None:
    """One fetch ("first") or six ("again", with the states a first fetch left); prints JSON."""
    from dealjournal.accounts.imap import ImapReader
    from dealjournal.accounts.store import Account, FolderState
    from dealjournal.capture import Me
    from dealjournal.capture.plan import ContactIndex, plan_reader

    spec = json.loads(job.read_text())
    account = Account(**{k: tuple(v) if k == "folders" else v for k, v in spec["account"].items()})
    states = {name: FolderState(**s) for name, s in spec["states"].items()}
    me = Me.parse([spec["me"]])
    index = ContactIndex(None)
    runs = 1 if spec["mode"] == "first" else 6
    times, read, reader = [], 0, None
    for _ in range(runs):
        now = datetime.now()
        start = time.perf_counter()
        reader = ImapReader(account, spec["password"], states, now=now)
        plan = plan_reader(reader, me, index, now=now, source=account.name)
        times.append(time.perf_counter() - start)
        read = reader.size()
    assert reader is not None
    print(json.dumps({"seconds": times[0] if runs == 1 else statistics.median(times[1:]),
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "read": read,
                      "people": len(plan.people), "states": {k: asdict(v) for k, v in reader.new_states.items()}}))


def _child(job: Path, spec: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    job.write_text(json.dumps(spec))
    run = subprocess.run([sys.executable, __file__, str(job)], check=True, capture_output=True, text=True,
                         cwd=Path(__file__).parent, env=env)
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def measure_imap(bench: Bench) -> list[tuple[str, Any, str]]:
    from tests.accounts import mailgen
    from tests.accounts.dovecot import DOVECOT, Dovecot, _short_temp_dir

    if not os.access(DOVECOT, os.X_OK):
        progress(f"imap: skipped, Dovecot is not installed ({DOVECOT}; apt-get install dovecot-imapd)")
        return []
    root = _short_temp_dir()
    server = Dovecot(root)
    try:
        server.start()
        user = server.main
        now = datetime.now().astimezone()
        progress(f"imap: Dovecot {'.'.join(map(str, server.version))}; writing {MESSAGES:,} messages to its Maildir")
        start = time.perf_counter()
        mail = list(mailgen.bulk(MESSAGES, now, seed=bench.seed))
        user.create_folder(mailgen.SENT, "\\Sent")
        counts = {folder: user.load_maildir(folder, (m for f, m in mail if f == folder))
                  for folder in (mailgen.INBOX, mailgen.SENT)}
        del mail
        progress(f"imap: loaded and indexed in {time.perf_counter() - start:.1f} s ({counts}); the first fetch")
        env = {**os.environ, "SSL_CERT_FILE": str(server.ca_file)}
        env.pop("SSL_CERT_DIR", None)
        account = asdict(user.account(name="Bench"))
        account.pop("id", None)
        spec = {"account": account, "password": user.password, "me": mailgen.ME[1], "states": {}, "mode": "first"}
        first = _child(bench.workdir / "imap-job.json", spec, env)
        progress(f"imap: first fetch {first['seconds']:.1f} s, {first['read']:,} messages, {first['people']:,} people; "
                 "fetching again (nothing new), median of 5")
        again = _child(bench.workdir / "imap-job.json", {**spec, "states": first["states"], "mode": "again"}, env)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    if first["read"] != MESSAGES:
        bench.failures.append(f"imap: the first fetch read {first['read']} messages, {MESSAGES} were loaded")
    if again["read"] != 0 or again["states"] != first["states"]:
        bench.failures.append(f"imap: fetching again read {again['read']} messages, none were new")
    return [("imap_first_50k_s", round(first["seconds"], 2), "s"),
            ("imap_incremental_ms", round(again["seconds"] * 1000, 1), "ms"),
            ("imap_peak_rss_mb", round(first["peak_mb"], 1), "MB")]


if __name__ == "__main__":
    sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).parent)]
    fetch_child(Path(sys.argv[1]))
